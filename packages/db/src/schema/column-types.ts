// Column types drizzle lacks out of the box.
import { customType } from "drizzle-orm/pg-core";

/** Binary data as Uint8Array in the app, bytea in PostgreSQL. */
export const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
  toDriver: (value) => Buffer.from(value),
});
