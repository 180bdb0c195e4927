// Idempotency keys (decision record 016): one row per participant write made with a key, written in
// the same transaction as the change it records, so a replayed key finds the first response and never
// makes the change twice. Only a hash of the request is kept, never its text, and row-level security
// shows a row to its own person only, inside its organisation: staff never read stored responses.
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The UUIDv7 the person's device made when they acted. */
    key: uuid("key").notNull(),
    /** The procedure's path, e.g. `relationships.recordMeeting`. */
    procedure: text("procedure").notNull(),
    /** SHA-256 (hex) of the procedure and its input without the key: a reuse with another payload is refused. */
    payloadHash: text("payload_hash").notNull(),
    /** The first response, serialised with superjson. */
    response: jsonb("response").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.personId, t.key] })],
);
