// What happens after the match (SPEC section 6): who is in each relationship, its meetings (that they
// happened, when and how: coordinators see these), attendance at group sessions, and what the pair
// keep (agreed actions, shared notes: readable only by the relationship's members, by a row-level
// security policy on the members, so not even a coordinator's transaction sees them).
import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { meetingKinds, meetingModes, meetingStatuses } from "@tandem/core";
import { relationships } from "./matching";
import { people } from "./people";

export const relationshipMemberRoles = ["mentee", "mentor", "peer", "member", "facilitator"] as const;
export const relationshipMemberRole = pgEnum("relationship_member_role", relationshipMemberRoles);

/** The people in a relationship: a pair's mentee and mentor, co-mentoring peers, a group's members and facilitators. */
export const relationshipMembers = pgTable(
  "relationship_members",
  {
    organisationId: uuid("organisation_id").notNull(),
    relationshipId: uuid("relationship_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    enrolmentId: uuid("enrolment_id").notNull(),
    role: relationshipMemberRole("role").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    /** A member who withdrew from a group that carries on; they no longer see its content. */
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.relationshipId, t.personId] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
    index("relationship_members_person_idx").on(t.personId),
  ],
);

export const meetingKind = pgEnum("meeting_kind", meetingKinds);
export const meetingStatus = pgEnum("meeting_status", meetingStatuses);
export const meetingMode = pgEnum("meeting_mode", meetingModes);

/** One time a proposer suggested: the other member picks one. */
export interface ProposedMeetingTime {
  startsAt: string;
  minutes: number;
  mode: (typeof meetingModes)[number];
  place: string | null;
  link: string | null;
}

/**
 * A meeting: proposed (with up to three times) → scheduled → held or missed; or cancelled. Dates,
 * length, kind and status are what a coordinator may see; the place and link are for the members.
 */
export const meetings = pgTable(
  "meetings",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    relationshipId: uuid("relationship_id").notNull(),
    kind: meetingKind("kind").notNull(),
    status: meetingStatus("status").notNull(),
    /** While proposed: the times to choose from; the other member picks one or proposes others. */
    proposedTimes: jsonb("proposed_times").$type<ProposedMeetingTime[]>().notNull().default(sql`'[]'::jsonb`),
    proposedByPersonId: uuid("proposed_by_person_id").references(() => people.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    minutes: integer("minutes").notNull(),
    mode: meetingMode("mode").notNull(),
    place: text("place"),
    link: text("link"),
    /** The pair's last meeting (the review, where the scheme has one). */
    final: boolean("final").notNull().default(false),
    /** Raised each time the time changes, for calendar invitations. */
    sequence: integer("sequence").notNull().default(0),
    /** Co-mentoring: who took the speaker's turn. */
    speakerPersonIds: uuid("speaker_person_ids").array().notNull().default(sql`'{}'`),
    /** How long it really lasted, when recorded as held. */
    heldMinutes: integer("held_minutes"),
    recordedByPersonId: uuid("recorded_by_person_id").references(() => people.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
    cancelledByPersonId: uuid("cancelled_by_person_id").references(() => people.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
    index("meetings_relationship_idx").on(t.organisationId, t.relationshipId, t.startsAt),
  ],
);

/** Who came to a group session (facilitators record it). */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    organisationId: uuid("organisation_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    attended: boolean("attended").notNull(),
    recordedByPersonId: uuid("recorded_by_person_id").references(() => people.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.meetingId, t.personId] }),
    foreignKey({ columns: [t.organisationId, t.meetingId], foreignColumns: [meetings.organisationId, meetings.id] }).onDelete("cascade"),
  ],
);

/** What the pair agreed to do (notes policy `actions_only` or `shared_notes`): for the members only. */
export const agreedActions = pgTable(
  "agreed_actions",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    relationshipId: uuid("relationship_id").notNull(),
    meetingId: uuid("meeting_id"),
    text: text("text").notNull(),
    ownerPersonId: uuid("owner_person_id").references(() => people.id, { onDelete: "set null" }),
    dueOn: date("due_on", { mode: "string" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
    index("agreed_actions_relationship_idx").on(t.organisationId, t.relationshipId),
  ],
);

/** A meeting's shared notes (notes policy `shared_notes`): for the members only. */
export const meetingNotes = pgTable(
  "meeting_notes",
  {
    organisationId: uuid("organisation_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    relationshipId: uuid("relationship_id").notNull(),
    text: text("text").notNull(),
    updatedByPersonId: uuid("updated_by_person_id").references(() => people.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.meetingId] }),
    foreignKey({ columns: [t.organisationId, t.meetingId], foreignColumns: [meetings.organisationId, meetings.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
  ],
);

/**
 * What the daily settle has told a relationship's members, once each: a nudge when it has gone quiet,
 * the last warning before a stalled relationship closes, "did it happen?" after a passed meeting.
 * `key` names the occasion (the day the quiet started, or the meeting and its sequence).
 */
export const relationshipNotices = pgTable(
  "relationship_notices",
  {
    organisationId: uuid("organisation_id").notNull(),
    relationshipId: uuid("relationship_id").notNull(),
    code: text("code").notNull(),
    key: text("key").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.relationshipId, t.code, t.key] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
export type RelationshipMember = typeof relationshipMembers.$inferSelect;
