// Meeting reminders (SPEC section 6): each person's choice of how to be reminded (email, push, both or none), and one row per
// reminder sent, so a retried job never sends twice and a moved meeting's old reminder finds its
// sequence gone stale.
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./people";
import { meetings } from "./relationships";

/** Email, a notification on the devices the person allowed (web push), both, or no reminders. */
export const reminderChannels = ["email", "push", "both", "none"] as const;
export type ReminderChannel = (typeof reminderChannels)[number];

/** A person's own choice, across organisations (row-level security: their own row only). */
export const reminderPreferences = pgTable(
  "reminder_preferences",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    channel: text("channel").$type<ReminderChannel>().notNull().default("email"),
    /** Also on the morning of the meeting, as well as the day before. */
    morning: boolean("morning").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("reminder_preferences_channel", sql`${t.channel} in ('email', 'push', 'both', 'none')`)],
);

/**
 * A person's private calendar feed: only the token's hash is kept. Row-level security shows the row
 * to its person, or to a transaction that names the token's hash (the feed, which has no session).
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  /** Names and places in the feed's events, if the person chooses; otherwise "Mentoring meeting" only. */
  showDetails: boolean("show_details").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const meetingReminderSlots = ["day_before", "morning"] as const;
export type MeetingReminderSlot = (typeof meetingReminderSlots)[number];

export const meetingReminders = pgTable(
  "meeting_reminders",
  {
    organisationId: uuid("organisation_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    sequence: integer("sequence").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    slot: text("slot").$type<MeetingReminderSlot>().notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.meetingId, t.sequence, t.personId, t.slot] }),
    foreignKey({ columns: [t.organisationId, t.meetingId], foreignColumns: [meetings.organisationId, meetings.id] }).onDelete("cascade"),
  ],
);
