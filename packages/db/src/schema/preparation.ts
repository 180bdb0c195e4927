// Mentor preparation and support (SPEC section 7): training modules and who completed them, support
// events and attendance, peer appraisals, and the coordinator's approval of each mentor.
import { sql } from "drizzle-orm";
import {
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./column-types";
import { organisations } from "./organisations";
import { people } from "./people";


export const moduleKinds = ["course_module", "masterclass", "programme", "taster", "cpd"] as const;
export const moduleKind = pgEnum("module_kind", moduleKinds);

export const trainingModules = pgTable(
  "training_modules",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    /** The id scheme rules name in mentors.requiredModules. */
    code: text("code").notNull(),
    /** Null: offered across the organisation; else one scheme's own module. */
    schemeId: uuid("scheme_id"),
    name: text("name").notNull(),
    kind: moduleKind("kind").notNull(),
    hours: numeric("hours", { precision: 6, scale: 2, mode: "number" }).notNull(),
    validityMonths: integer("validity_months"),
    description: text("description"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), uniqueIndex("training_modules_code_key").on(t.organisationId, t.code)],
);

/** Uploaded evidence (certificates). Kept in the tenant's rows; served only to that tenant. */
export const evidenceFiles = pgTable(
  "evidence_files",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const recordSources = ["coordinator", "mentor_request", "csv_import"] as const;
export const recordSource = pgEnum("training_record_source", recordSources);

export const trainingRecords = pgTable(
  "training_records",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id").notNull(),
    completedOn: date("completed_on", { mode: "string" }).notNull(),
    evidenceNote: text("evidence_note"),
    evidenceFileId: uuid("evidence_file_id"),
    source: recordSource("source").notNull(),
    /** Where training done elsewhere was done (a mentor's request to have it recognised). */
    provider: text("provider"),
    verifiedByPersonId: uuid("verified_by_person_id").references(() => people.id, { onDelete: "set null" }),
    verifiedOn: date("verified_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId, t.moduleId], foreignColumns: [trainingModules.organisationId, trainingModules.id] }).onDelete("cascade"),
    index("training_records_person_idx").on(t.organisationId, t.personId),
  ],
);

export const supportEventKinds = ["support_group", "development_event", "conference", "supervision"] as const;
export const supportEventKind = pgEnum("support_event_kind", supportEventKinds);

export const supportEvents = pgTable(
  "support_events",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id"),
    kind: supportEventKind("kind").notNull(),
    title: text("title").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    location: text("location"),
    convenorPersonId: uuid("convenor_person_id").references(() => people.id, { onDelete: "set null" }),
    places: integer("places"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), index("support_events_date_idx").on(t.organisationId, t.heldOn)],
);

export const attendanceStatuses = ["signed_up", "attended", "absent"] as const;
export const attendanceStatus = pgEnum("attendance_status", attendanceStatuses);

export const supportAttendance = pgTable(
  "support_attendance",
  {
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: attendanceStatus("status").notNull(),
    recordedByPersonId: uuid("recorded_by_person_id").references(() => people.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.eventId, t.personId] }),
    foreignKey({ columns: [t.organisationId, t.eventId], foreignColumns: [supportEvents.organisationId, supportEvents.id] }).onDelete("cascade"),
  ],
);

export const peerAppraisals = pgTable(
  "peer_appraisals",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    mentorPersonId: uuid("mentor_person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    convenorPersonId: uuid("convenor_person_id").references(() => people.id, { onDelete: "set null" }),
    appraisedOn: date("appraised_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), index("peer_appraisals_mentor_idx").on(t.organisationId, t.mentorPersonId)],
);

export const approvalDecisions = ["approved", "declined"] as const;
export const approvalDecision = pgEnum("approval_decision", approvalDecisions);

export const mentorApprovals = pgTable(
  "mentor_approvals",
  {
    organisationId: uuid("organisation_id").notNull(),
    id: uuid("id").notNull().default(sql`gen_random_uuid()`),
    schemeId: uuid("scheme_id").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    decision: approvalDecision("decision").notNull(),
    /** Shown to the mentor. */
    note: text("note"),
    decidedByPersonId: uuid("decided_by_person_id").references(() => people.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("mentor_approvals_person_idx").on(t.organisationId, t.schemeId, t.personId),
  ],
);
