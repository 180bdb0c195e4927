// Web push (docs/decisions/015): each browser a person has allowed to show meeting reminders. The
// endpoint is the push service's address for that browser; p256dh and auth are the browser's keys
// that the payload is encrypted to. Row-level security: a person reads and writes their own rows.
// The installation's VAPID key pair is not here: it is in tandem_private (migration 0017).
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";

export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** A short label of the browser ("Firefox on Android"), for the person's own list; optional. */
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("push_subscriptions_person_id").on(t.personId)],
);
