// What the staff procedures return (organisation, platform, central, scheme, preparation), declared so
// that tRPC checks each result and a test can walk them for fields that would carry what a pair keeps
// (test/staff-outputs.test.ts). Each matches its service's result exactly: a key left out here would
// be stripped from the answer.
import { membershipRoles, organisationKinds, staffGroups, type SchemeRules } from "@tandem/core";
import {
  approvalDecisions,
  attendanceStatuses,
  enrolmentRoles,
  enrolmentStatuses,
  membershipStatuses,
  moduleKinds,
  recordSources,
  schemeStatuses,
  supportEventKinds,
} from "@tandem/db";
import { z } from "zod";
import { DateOnly, Timestamp, Uuid } from "../schemas";

const Kind = z.enum(organisationKinds);
const Role = z.enum(membershipRoles);
const SchemeStatus = z.enum(schemeStatuses);

// organisation.*
export const OrganisationOutput = z.object({
  myRoles: z.array(Role),
  id: Uuid,
  slug: z.string(),
  name: z.string(),
  kind: Kind,
  region: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  sharesWithCentral: z.boolean(),
  createdAt: Timestamp,
});
export const PeopleOutput = z.object({
  members: z.array(
    z.object({
      personId: Uuid,
      name: z.string(),
      email: z.string(),
      roles: z.array(Role),
      status: z.enum(membershipStatuses),
      staffGroup: z.enum(staffGroups),
      specialty: z.string().nullable(),
      department: z.string().nullable(),
      siteDistrict: z.string().nullable(),
    }),
  ),
  pending: z.array(z.object({ id: Uuid, name: z.string(), email: z.string(), roles: z.array(Role), createdAt: Timestamp, expiresAt: Timestamp })),
});
export const InviteOutput = z.object({ invitationId: Uuid, expiresAt: Timestamp });
export const RevokeInvitationOutput = z.object({ invitationId: Uuid });
export const SetRolesOutput = z.object({ personId: Uuid, roles: z.array(Role) });
export const AuditOutput = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      at: Timestamp,
      action: z.string(),
      subjectType: z.string().nullable(),
      subjectId: z.string().nullable(),
      details: z.record(z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])).nullable(),
      actorName: z.string().nullable(),
      /** The scheme the entry is about, when it is about one. */
      schemeId: Uuid.nullable(),
      schemeName: z.string().nullable(),
    }),
  ),
  nextBefore: z.number().nullable(),
  actionKinds: z.array(z.string()),
});

// platform.* and central.*
export const MailboxOutput = z.array(
  z.object({ id: Uuid, toAddress: z.string(), subject: z.string(), textBody: z.string(), createdAt: Timestamp, sentAt: Timestamp.nullable(), attempts: z.number(), lastError: z.string().nullable() }),
);
export const OrganisationListOutput = z.array(z.object({ id: Uuid, name: z.string(), kind: Kind, region: z.string() }));
export const CentralSchemesOutput = z.array(
  z.object({ organisationId: Uuid, organisationName: z.string(), kind: Kind, region: z.string(), schemes: z.array(z.object({ id: Uuid, name: z.string(), status: SchemeStatus })) }),
);
export const CompareOutput = z.object({
  columns: z.array(z.object({ organisationName: z.string(), schemeName: z.string() })),
  rows: z.array(z.object({ path: z.string(), label: z.string(), values: z.array(z.string()), differs: z.boolean() })),
});

// scheme.*
const RuleChange = z.object({ path: z.string(), label: z.string(), before: z.string(), after: z.string() });
/**
 * A scheme's rules are configuration, checked by SchemeRules where they are written; they pass through
 * whole (their `notes.policy` says what a scheme lets pairs keep, and is not anything a pair kept).
 */
const Rules = z.custom<SchemeRules>((value) => typeof value === "object" && value !== null, "rules");
export const SchemeListOutput = z.array(
  z.object({
    id: Uuid,
    name: z.string(),
    slug: z.string(),
    status: SchemeStatus,
    listed: z.boolean(),
    currentVersion: z.number(),
    updatedAt: Timestamp,
    mentees: z.number(),
    mentors: z.number(),
    awaitingReview: z.number(),
    waiting: z.number(),
  }),
);
export const SchemeOutput = z.object({
  scheme: z.object({
    organisationId: Uuid,
    id: Uuid,
    name: z.string(),
    slug: z.string(),
    status: SchemeStatus,
    listed: z.boolean(),
    templateId: z.string().nullable(),
    currentVersion: z.number(),
    mentorsWithFreePlaces: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  rules: Rules,
  summary: z.string(),
  history: z.array(z.object({ version: z.number(), changeNote: z.string().nullable(), createdAt: Timestamp, createdBy: z.string().nullable(), changes: z.array(RuleChange) })),
});
export const CreateSchemeOutput = z.object({ schemeId: Uuid, slug: z.string() });
export const UpdateRulesOutput = z.object({ version: z.number(), changes: z.array(RuleChange) });
export const SchemeStatusOutput = z.object({ status: SchemeStatus });
export const EnrolmentsOutput = z.array(
  z.object({
    enrolmentId: Uuid,
    personId: Uuid,
    name: z.string(),
    email: z.string(),
    role: z.enum(enrolmentRoles),
    status: z.enum(enrolmentStatuses),
    eligibilityReason: z.string().nullable(),
    applicationAnswers: z.record(z.union([z.string(), z.boolean()])).nullable(),
    rulesVersion: z.number(),
    joinedAt: Timestamp,
    reviewMessage: z.string().nullable(),
  }),
);
export const ReviewOutput = z.object({ enrolmentId: Uuid, status: z.string() });

// preparation.*
export const ModulesOutput = z.array(
  z.object({
    organisationId: Uuid,
    id: Uuid,
    code: z.string(),
    schemeId: Uuid.nullable(),
    name: z.string(),
    kind: z.enum(moduleKinds),
    hours: z.number(),
    validityMonths: z.number().nullable(),
    description: z.string().nullable(),
    createdAt: Timestamp,
  }),
);
export const ModuleIdOutput = z.object({ moduleId: Uuid });
export const RecordsOutput = z.array(
  z.object({
    id: Uuid,
    personId: Uuid,
    personName: z.string(),
    moduleId: Uuid,
    moduleName: z.string(),
    moduleCode: z.string(),
    hours: z.number(),
    completedOn: DateOnly,
    provider: z.string().nullable(),
    evidenceNote: z.string().nullable(),
    evidenceFileId: Uuid.nullable(),
    source: z.enum(recordSources),
    verifiedOn: DateOnly.nullable(),
  }),
);
export const RecordIdOutput = z.object({ recordId: Uuid });
export const PreviewImportOutput = z.object({
  fileErrors: z.array(z.string()),
  rows: z.array(
    z.object({
      line: z.number(),
      email: z.string(),
      module: z.string(),
      completedOn: z.string(),
      evidence: z.string(),
      personName: z.string().nullable(),
      moduleName: z.string().nullable(),
      errors: z.array(z.string()),
      record: z.object({ personId: Uuid, moduleId: Uuid, completedOn: z.string(), evidenceNote: z.string().nullable() }).optional(),
    }),
  ),
  valid: z.number(),
  invalid: z.number(),
});
export const CommitImportOutput = z.object({ imported: z.number() });
export const EventsOutput = z.array(
  z.object({
    register: z.array(z.object({ eventId: Uuid, personId: Uuid, name: z.string(), status: z.enum(attendanceStatuses) })),
    organisationId: Uuid,
    id: Uuid,
    schemeId: Uuid.nullable(),
    kind: z.enum(supportEventKinds),
    title: z.string(),
    heldOn: DateOnly,
    location: z.string().nullable(),
    convenorPersonId: Uuid.nullable(),
    places: z.number().nullable(),
    createdAt: Timestamp,
  }),
);
export const EventIdOutput = z.object({ eventId: Uuid });
export const SetAttendanceOutput = z.object({ eventId: Uuid, recorded: z.number() });
export const AppraisalIdOutput = z.object({ appraisalId: Uuid });
export const AppraisalsOutput = z.array(z.object({ appraisalId: Uuid, mentorPersonId: Uuid, mentorName: z.string(), appraisedOn: DateOnly, convenorName: z.string().nullable() }));
export const MentorsOutput = z.array(
  z.object({
    attendedEvents: z.number(),
    lastAttendedOn: DateOnly.nullable(),
    lastAppraisedOn: DateOnly.nullable(),
    personId: Uuid,
    name: z.string(),
    email: z.string(),
  }),
);
export const DecideMentorOutput = z.object({ approvalId: Uuid, decision: z.enum(approvalDecisions) });
export const ApprovalsOutput = z.array(z.object({ decision: z.enum(approvalDecisions), messageToMentor: z.string().nullable(), decidedAt: Timestamp, decidedBy: z.string().nullable() }));

const RequiredModule = z.object({ id: z.string(), name: z.string(), validityMonths: z.number().optional() });
const ReadinessReason = z.discriminatedUnion("code", [
  z.object({ code: z.literal("needs_module"), moduleId: z.string(), moduleName: z.string(), since: DateOnly }),
  z.object({ code: z.literal("module_expired"), moduleId: z.string(), moduleName: z.string(), since: DateOnly }),
  z.object({ code: z.literal("support_lapsed"), since: DateOnly, needed: z.number(), attended: z.number() }),
  z.object({ code: z.literal("appraisal_due"), since: DateOnly }),
  z.object({ code: z.literal("supervision_due"), since: DateOnly }),
  z.object({ code: z.literal("awaiting_approval"), since: DateOnly.nullable() }),
  z.object({ code: z.literal("declined"), since: DateOnly }),
  z.object({ code: z.literal("at_capacity"), since: DateOnly.nullable() }),
]);
const UpcomingDue = z.object({
  code: z.enum(["module_expires", "support_lapses", "appraisal_due", "supervision_due"]),
  moduleId: z.string().optional(),
  moduleName: z.string().optional(),
  on: DateOnly,
});
export const PoolOutput = z.object({
  scheme: z.object({ id: Uuid, name: z.string() }),
  approvalRequired: z.boolean(),
  requiredModules: z.array(RequiredModule),
  mentors: z.array(
    z.object({
      capacity: z.number(),
      activeMentees: z.number(),
      readiness: z.object({ reasonTexts: z.array(z.string()), ready: z.boolean(), reasons: z.array(ReadinessReason), upcoming: z.array(UpcomingDue), labels: z.array(z.string()) }),
      personId: Uuid,
      name: z.string(),
      email: z.string(),
      joinedAt: Timestamp,
    }),
  ),
});
export const UploadEvidenceOutput = z.object({ evidenceFileId: Uuid, contentType: z.string(), filename: z.string() });
export const EvidenceOutput = z.object({ filename: z.string(), contentType: z.string(), size: z.number(), contentBase64: z.string() });

// scheme.home: what needs the coordinator in each scheme (counts only, never who or what was said).
export const CoordinatorHomeOutput = z.array(
  z.object({
    schemeId: Uuid,
    name: z.string(),
    status: z.enum(schemeStatuses),
    applications: z.number(),
    mentorsToApprove: z.number(),
    stalled: z.number(),
    live: z.number(),
  }),
);
