// Organisations are tenants. A global (reference) table: the directory shows every contact point.
import { sql } from "drizzle-orm";
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisationKind } from "./enums";

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: organisationKind("kind").notNull(),
    region: text("region").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    /** Opt-in to the central comparison (aggregates only). */
    sharesWithCentral: boolean("shares_with_central").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_slug_key").on(t.slug)],
);
