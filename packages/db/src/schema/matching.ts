// Matching (SPEC sections 5 and 6): runs of the engine with their inputs and results, the
// coordinator's locks and exclusions, proposals, mentees' requests, relationships, and co-mentoring
// or group cohorts. Every table is a tenant table keyed by organisation.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./people";
import { schemes } from "./schemes";

export const matchRunModes = ["auto", "allocation", "next_available", "cohort"] as const;
export const matchRunMode = pgEnum("match_run_mode", matchRunModes);
/** queued → running → done (or failed); a done run is confirmed or superseded by a newer one. */
export const matchRunStatuses = ["queued", "running", "done", "failed", "confirmed", "superseded"] as const;
export const matchRunStatus = pgEnum("match_run_status", matchRunStatuses);

export const matchRuns = pgTable(
  "match_runs",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    mode: matchRunMode("mode").notNull(),
    options: jsonb("options").$type<Record<string, unknown>>().notNull(),
    status: matchRunStatus("status").notNull().default("queued"),
    /** The phase under way, for the progress shown while it runs. */
    phase: text("phase"),
    /** What the engine saw: rules version, mentees, mentors (with readiness), locks and blocked pairs. */
    inputs: jsonb("inputs").$type<Record<string, unknown>>(),
    /** Matched, total and worst-off score, unmatched reasons, stability, time per phase. */
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    error: text("error"),
    startedByPersonId: uuid("started_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
    index("match_runs_scheme_idx").on(t.organisationId, t.schemeId, t.createdAt),
  ],
);

/** A run's pairs: `proposed` pairs make the allocation; the others are ranked suggestions. */
export const matchProposals = pgTable(
  "match_proposals",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    runId: uuid("run_id").notNull(),
    menteeEnrolmentId: uuid("mentee_enrolment_id").notNull(),
    mentorEnrolmentId: uuid("mentor_enrolment_id").notNull(),
    proposed: boolean("proposed").notNull().default(false),
    /** 1 = the mentee's best suggestion. */
    rank: integer("rank").notNull(),
    score: doublePrecision("score").notNull(),
    explanation: text("explanation").notNull(),
    terms: jsonb("terms").$type<{ label: string; points: number }[]>().notNull(),
    locked: boolean("locked").notNull().default(false),
    /** What forcing this pair would cost the whole allocation (allocation mode). */
    forcingMatchedLost: integer("forcing_matched_lost"),
    forcingScoreLost: doublePrecision("forcing_score_lost"),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.runId], foreignColumns: [matchRuns.organisationId, matchRuns.id] }).onDelete("cascade"),
    uniqueIndex("match_proposals_pair_key").on(t.organisationId, t.runId, t.menteeEnrolmentId, t.mentorEnrolmentId),
  ],
);

export const matchConstraintKinds = ["lock", "exclude"] as const;
export const matchConstraintKind = pgEnum("match_constraint_kind", matchConstraintKinds);

/** The coordinator's adjustments, respected by every later run until removed. */
export const matchConstraints = pgTable(
  "match_constraints",
  {
    organisationId: uuid("organisation_id").notNull(),
    schemeId: uuid("scheme_id").notNull(),
    menteeEnrolmentId: uuid("mentee_enrolment_id").notNull(),
    mentorEnrolmentId: uuid("mentor_enrolment_id").notNull(),
    kind: matchConstraintKind("kind").notNull(),
    createdByPersonId: uuid("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.schemeId, t.menteeEnrolmentId, t.mentorEnrolmentId] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
  ],
);

/** A mentee's ordered choices (free choice, shortlist): each goes to the next when declined or expired. */
export const matchRequestStatuses = ["open", "matched", "exhausted", "cancelled"] as const;
export const matchRequestStatus = pgEnum("match_request_status", matchRequestStatuses);

export const matchRequests = pgTable(
  "match_requests",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    menteeEnrolmentId: uuid("mentee_enrolment_id").notNull(),
    /** Mentor enrolment ids, first choice first. */
    choices: uuid("choices").array().notNull(),
    /** The choice asked now (index into choices). */
    position: integer("position").notNull().default(0),
    message: text("message"),
    status: matchRequestStatus("status").notNull().default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
    uniqueIndex("match_requests_open_key").on(t.organisationId, t.menteeEnrolmentId).where(sql`status = 'open'`),
  ],
);

/**
 * requested → active (accepted) or declined / expired / cancelled; active ⇄ paused; active or paused →
 * closed with a reason. Declined and no-fault-changed pairs are never proposed again.
 */
export const relationshipStatuses = ["requested", "declined", "expired", "cancelled", "active", "paused", "closed"] as const;
export const relationshipStatus = pgEnum("relationship_status", relationshipStatuses);
export const closedReasons = ["completed", "ended_after_trial", "no_fault_change", "withdrawn"] as const;
export const closedReason = pgEnum("relationship_closed_reason", closedReasons);
export const relationshipOrigins = ["request", "allocation", "next_available", "cohort"] as const;
export const relationshipOrigin = pgEnum("relationship_origin", relationshipOrigins);
/** A mentor and mentee; peers co-mentoring in twos or threes; or a facilitated group. */
export const relationshipKinds = ["pair", "co_mentoring", "group"] as const;
export const relationshipKind = pgEnum("relationship_kind", relationshipKinds);

export const relationships = pgTable(
  "relationships",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    kind: relationshipKind("kind").notNull().default("pair"),
    // A pair's mentee and mentor (null for co-mentoring and groups, whose people are in
    // relationship_members, as a pair's are too once it is active).
    menteeEnrolmentId: uuid("mentee_enrolment_id"),
    mentorEnrolmentId: uuid("mentor_enrolment_id"),
    menteePersonId: uuid("mentee_person_id").references(() => people.id, { onDelete: "cascade" }),
    mentorPersonId: uuid("mentor_person_id").references(() => people.id, { onDelete: "cascade" }),
    status: relationshipStatus("status").notNull(),
    /** The rules version the relationship started under; it keeps it however the scheme changes. */
    rulesVersion: integer("rules_version").notNull(),
    /** The confirmed cohort group a co-mentoring or group relationship was formed from. */
    cohortGroupId: uuid("cohort_group_id"),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    /** A paused relationship's planned date to resume (optional). */
    resumeOn: date("resume_on", { mode: "string" }),
    closedReason: closedReason("closed_reason"),
    origin: relationshipOrigin("origin").notNull(),
    runId: uuid("run_id"),
    requestId: uuid("request_id"),
    score: doublePrecision("score"),
    explanation: text("explanation"),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.schemeId], foreignColumns: [schemes.organisationId, schemes.id] }).onDelete("cascade"),
    index("relationships_scheme_idx").on(t.organisationId, t.schemeId, t.status),
    index("relationships_mentee_idx").on(t.menteePersonId),
    index("relationships_mentor_idx").on(t.mentorPersonId),
    // One live pairing per pair.
    uniqueIndex("relationships_live_pair_key")
      .on(t.organisationId, t.menteeEnrolmentId, t.mentorEnrolmentId)
      .where(sql`status not in ('declined', 'expired', 'cancelled', 'closed')`),
    // A pair names both people; co-mentoring and groups name them in relationship_members.
    check("relationships_pair_people", sql`(${t.kind} = 'pair') = (${t.menteePersonId} is not null and ${t.mentorPersonId} is not null and ${t.menteeEnrolmentId} is not null and ${t.mentorEnrolmentId} is not null)`),
  ],
);

/** Why a mentee asked for a no-fault change: for the mentee and the coordinator only, never the mentor. */
export const noFaultChangeReasons = pgTable(
  "no_fault_change_reasons",
  {
    organisationId: uuid("organisation_id").notNull(),
    relationshipId: uuid("relationship_id").notNull(),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.relationshipId] }),
    foreignKey({ columns: [t.organisationId, t.relationshipId], foreignColumns: [relationships.organisationId, relationships.id] }).onDelete("cascade"),
  ],
);

export const cohortGroupStatuses = ["proposed", "confirmed", "discarded"] as const;
export const cohortGroupStatus = pgEnum("cohort_group_status", cohortGroupStatuses);

/** Co-mentoring pairs and threes, and groups (mastermind, action learning sets). */
export const cohortGroups = pgTable(
  "cohort_groups",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    runId: uuid("run_id").notNull(),
    memberEnrolmentIds: uuid("member_enrolment_ids").array().notNull(),
    score: doublePrecision("score"),
    explanation: text("explanation").notNull(),
    status: cohortGroupStatus("status").notNull().default("proposed"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.runId], foreignColumns: [matchRuns.organisationId, matchRuns.id] }).onDelete("cascade"),
  ],
);

export type Relationship = typeof relationships.$inferSelect;
/** A mentor–mentee pair: both people named on the row (the check constraint holds it). */
export type PairRelationship = Relationship & { kind: "pair"; menteeEnrolmentId: string; mentorEnrolmentId: string; menteePersonId: string; mentorPersonId: string };

export function isPair(relationship: Relationship): relationship is PairRelationship {
  return relationship.kind === "pair" && relationship.menteePersonId !== null && relationship.mentorPersonId !== null && relationship.menteeEnrolmentId !== null && relationship.mentorEnrolmentId !== null;
}
/** Relationships that hold a mentor's place and a mentee's match: active or paused. */
export const liveRelationshipStatuses = ["active", "paused"] as const;
