// Append-only audit log of who did what in an organisation. Never content: actions and ids only.
import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

export const auditLog = pgTable(
  "audit_log",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for actions by the system itself (e.g. seeding). */
    actorPersonId: uuid("actor_person_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    details: jsonb("details").$type<Record<string, string | number | boolean | null | string[]>>(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), index("audit_log_at_idx").on(t.organisationId, t.at)],
);
