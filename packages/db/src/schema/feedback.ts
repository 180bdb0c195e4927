// Feedback, outcome questionnaires and mentor claims (SPEC sections 4, 6 and 8). Feedback is asked for
// per relationship and person; its answers are tied to the rules version they were given under and
// reach coordinators only as summaries. Claims say only which held meeting, never what was said.
import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { claimStatuses, feedbackPoints, outcomePoints } from "@tandem/core";
import { relationships } from "./matching";
import { people } from "./people";
import { meetings } from "./relationships";
import { schemes } from "./schemes";

export type StoredAnswers = Record<string, string | number | boolean>;

/** A scheme's feedback rounds: answers can be changed until the coordinator closes the round. */
export const feedbackRounds = pgTable(
  "feedback_rounds",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    name: text("name").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
    // At most one open round per scheme.
    uniqueIndex("feedback_rounds_open_key").on(t.organisationId, t.schemeId).where(sql`closed_at is null`),
  ],
);

export const feedbackPoint = pgEnum("feedback_point", feedbackPoints);

/** One person asked for feedback on one relationship, at its midpoint or its end. */
export const feedbackRequests = pgTable(
  "feedback_requests",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    relationshipId: uuid("relationship_id").notNull(),
    schemeId: uuid("scheme_id").notNull(),
    roundId: uuid("round_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The member's role in the relationship (mentee, mentor, peer...). */
    role: text("role").notNull(),
    point: feedbackPoint("point").notNull(),
    rulesVersion: integer("rules_version").notNull(),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.roundId], foreignColumns: [feedbackRounds.organisationId, feedbackRounds.id] }).onDelete("cascade"),
    uniqueIndex("feedback_requests_once_key").on(t.organisationId, t.relationshipId, t.personId, t.point),
    index("feedback_requests_person_idx").on(t.personId),
  ],
);

/** The answers to a request (one per request), editable by their author until the round closes. */
export const feedbackResponses = pgTable(
  "feedback_responses",
  {
    organisationId: uuid("organisation_id").notNull(),
    requestId: uuid("request_id").notNull(),
    schemeId: uuid("scheme_id").notNull(),
    roundId: uuid("round_id").notNull(),
    role: text("role").notNull(),
    /** Whom the answers are about: the mentor, for a mentee's answers (their own summary, past the threshold). */
    aboutPersonId: uuid("about_person_id").references(() => people.id, { onDelete: "set null" }),
    rulesVersion: integer("rules_version").notNull(),
    answers: jsonb("answers").$type<StoredAnswers>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.requestId] }),
    foreignKey({ columns: [t.organisationId, t.requestId], foreignColumns: [feedbackRequests.organisationId, feedbackRequests.id] }).onDelete("cascade"),
    index("feedback_responses_round_idx").on(t.organisationId, t.schemeId, t.roundId),
  ],
);

export const outcomePoint = pgEnum("outcome_point", outcomePoints);

/** An outcome questionnaire answered at joining, at the end or at the follow-up. */
export const outcomeResponses = pgTable(
  "outcome_responses",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    enrolmentId: uuid("enrolment_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    point: outcomePoint("point").notNull(),
    rulesVersion: integer("rules_version").notNull(),
    answers: jsonb("answers").$type<StoredAnswers>().notNull(),
    /** Scored when given (higher is better), so paired change is computed from numbers. */
    scores: jsonb("scores").$type<{ items: Record<string, number>; instrument: number | null }>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
    uniqueIndex("outcome_responses_once_key").on(t.organisationId, t.enrolmentId, t.point),
  ],
);

export const claimStatus = pgEnum("claim_status", claimStatuses);

/** A mentor's claim for one held meeting: the fee of the relationship's rules version, and expenses. */
export const claims = pgTable(
  "claims",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    relationshipId: uuid("relationship_id").notNull(),
    meetingId: uuid("meeting_id").notNull(),
    mentorPersonId: uuid("mentor_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    rulesVersion: integer("rules_version").notNull(),
    feePence: integer("fee_pence").notNull(),
    expensesPence: integer("expenses_pence").notNull().default(0),
    expensesNote: text("expenses_note"),
    receiptFileId: uuid("receipt_file_id"),
    status: claimStatus("status").notNull().default("submitted"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedByPersonId: uuid("decided_by_person_id").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The coordinator's reason (rejected) or question (queried). */
    decisionMessage: text("decision_message"),
    queryAnswer: text("query_answer"),
    queryAnsweredAt: timestamp("query_answered_at", { withTimezone: true }),
    exportId: uuid("export_id"),
    exportedAt: timestamp("exported_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.meetingId], foreignColumns: [meetings.organisationId, meetings.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
    // A meeting is claimed once.
    uniqueIndex("claims_meeting_key").on(t.organisationId, t.meetingId),
    index("claims_scheme_idx").on(t.organisationId, t.schemeId, t.status),
  ],
);

/** One export of approved claims for finance: each claim is exported once. */
export const claimExports = pgTable(
  "claim_exports",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    claimCount: integer("claim_count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
  ],
);

export type Claim = typeof claims.$inferSelect;
export type FeedbackRequest = typeof feedbackRequests.$inferSelect;
