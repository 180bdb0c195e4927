// Enrolments: a person taking part in a scheme, by their own consent (SPEC principle 1). The row
// belongs to the scheme's organisation, whether or not the person is a member of it.
import { sql } from "drizzle-orm";
import {
  boolean,
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

export const enrolmentRoles = ["mentee", "mentor", "peer"] as const;
export const enrolmentRole = pgEnum("enrolment_role", enrolmentRoles);

/**
 * requested: outside the target groups, waiting for the coordinator (on_request);
 * waiting: the scheme is full, on the waiting list; active: taking part;
 * declined: the coordinator declined the request; withdrawn: the person left.
 */
export const enrolmentStatuses = ["requested", "waiting", "active", "declined", "withdrawn"] as const;
export const enrolmentStatus = pgEnum("enrolment_status", enrolmentStatuses);

export const enrolments = pgTable(
  "enrolments",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: enrolmentRole("role").notNull(),
    status: enrolmentStatus("status").notNull(),
    /** The exact wording the person agreed to, and when. */
    consentWording: text("consent_wording").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    applicationAnswers: jsonb("application_answers").$type<Record<string, string | boolean>>(),
    /** The rules version the person joined under. */
    rulesVersion: integer("rules_version").notNull(),
    /** Why the eligibility check sent it for review (shown to the coordinator). */
    eligibilityReason: text("eligibility_reason"),
    reviewMessage: text("review_message"),
    reviewedByPersonId: uuid("reviewed_by_person_id").references(() => people.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    // The matching profile (SPEC section 5): topics wanted (mentees, peers) or offered (mentors),
    // when the person can meet, whether remote meetings suit them, and a short introduction.
    topics: text("topics").array().notNull().default(sql`'{}'`),
    availability: text("availability").array().notNull().default(sql`'{}'`),
    /** Times the person can never meet (a rota pattern: nights, on-call days), shown to whoever proposes a meeting. */
    unavailable: text("unavailable").array().notNull().default(sql`'{}'`),
    remoteOk: boolean("remote_ok").notNull().default(false),
    bio: text("bio"),
    /** Mentors: how many mentees at once (null: the scheme's usual number). */
    capacity: integer("capacity"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.schemeId],
      foreignColumns: [schemes.organisationId, schemes.id],
    }).onDelete("cascade"),
    // One live enrolment per person, scheme and role; withdrawn and declined ones stay as history.
    uniqueIndex("enrolments_live_key")
      .on(t.organisationId, t.schemeId, t.personId, t.role)
      .where(sql`status in ('requested', 'waiting', 'active')`),
    index("enrolments_person_idx").on(t.personId),
  ],
);

export type Enrolment = typeof enrolments.$inferSelect;
