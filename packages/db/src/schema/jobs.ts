// What background jobs must remember after the job queue has forgotten them. The queue (pg-boss, in
// its own schema, see docs/decisions/013) archives finished jobs within hours, so a reminder that must
// go out once per due item is recorded here, in the same transaction as its email.
import { sql } from "drizzle-orm";
import { date, foreignKey, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";
import { people } from "./people";
import { schemes } from "./schemes";

/** One row per reminder sent: a mentor, a scheme, what falls due and on which date. */
export const sentReminders = pgTable(
  "sent_reminders",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The readiness code of what falls due (module_expires, support_lapses, ...). */
    code: text("code").notNull(),
    /** The training module's code, for module items; null otherwise. */
    moduleCode: text("module_code"),
    dueOn: date("due_on").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
    unique("sent_reminders_item_key").on(t.organisationId, t.schemeId, t.personId, t.code, t.moduleCode, t.dueOn).nullsNotDistinct(),
  ],
);
