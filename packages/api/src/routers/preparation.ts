// Mentor preparation and support: the coordinator's catalogue, records, imports, events, registers,
// appraisals and approvals; the mentor pool with readiness; and a mentor's own status.
import {
  AppraisalFields,
  AttendanceCsv,
  AttendanceFields,
  calendarDateOf,
  EventFields,
  MentorDecisionFields,
  ModuleFields,
  RecognitionRequestFields,
  RecordCompletionFields,
  SchemeRef,
} from "@tandem/core";
import { withTenant } from "@tandem/db";
import { z } from "zod";
import { readEvidence, storeEvidence } from "../services/preparation/evidence";
import { cpdEvidence } from "../services/preparation/cpd-evidence";
import { myCatalogues, myEvents, myRecords, requireMentorIn, signUpForEvent } from "../services/preparation/mentor";
import { deleteModule, listModules, saveModule } from "../services/preparation/modules";
import { mentorPool, myMentorStatus } from "../services/preparation/readiness";
import { commitImport, listRecords, previewImport, recordCompletion, requestRecognition, verifyRecord } from "../services/preparation/records";
import { approvalHistory, decideMentor, deleteEvent, listAppraisals, listEvents, listMentors, recordAppraisal, saveEvent, setAttendance } from "../services/preparation/support";
import { orgProcedure, router, signedInProcedure } from "../trpc";
import { AppraisalIdOutput, AppraisalsOutput, ApprovalsOutput, CommitImportOutput, DecideMentorOutput, EventIdOutput, EventsOutput, EvidenceOutput, MentorsOutput, ModuleIdOutput, ModulesOutput, PoolOutput, PreviewImportOutput, RecordIdOutput, RecordsOutput, SetAttendanceOutput, UploadEvidenceOutput } from "./staff-outputs";

const runners = orgProcedure("org_admin", "coordinator");

const CpdRoleOutput = z.enum(["mentor", "mentee", "peer", "facilitator", "member"]);
/** What a CPD record may hold: dates, lengths, counts and shown aggregates, never what was said. */
const CpdEvidenceOutput = z.object({
  person: z.object({ name: z.string(), email: z.string(), registrationNumber: z.string().nullable() }),
  generatedOn: z.string(),
  schemes: z.array(z.object({ organisationName: z.string(), schemeName: z.string(), role: CpdRoleOutput, since: z.string(), meetingsHeld: z.number(), hours: z.number() })),
  meetings: z.array(z.object({ organisationName: z.string(), schemeName: z.string(), role: CpdRoleOutput, date: z.string(), hours: z.number() })),
  feedback: z.array(z.object({ organisationName: z.string(), schemeName: z.string(), mentees: z.number(), ratings: z.array(z.object({ label: z.string(), answered: z.number(), mean: z.number() })) })),
  training: z.array(z.object({ organisationName: z.string(), module: z.string(), kind: z.string(), hours: z.number(), completedOn: z.string(), verified: z.boolean() })),
  support: z.array(z.object({ organisationName: z.string(), title: z.string(), kind: z.string(), heldOn: z.string() })),
  totals: z.object({ trainingHours: z.number(), supportEvents: z.number(), mentoringMeetings: z.number(), mentoringHours: z.number(), mentoredMeetings: z.number(), mentoredHours: z.number() }),
});
const convenors = orgProcedure("org_admin", "coordinator", "convenor");
const Id = (what: string) => z.string().uuid(`Choose ${what}`);

// Files travel as base64 inside the JSON body; the limit leaves room for a 5 MB file.
const EvidenceUpload = z.object({
  filename: z.string({ required_error: "Choose a file" }).min(1, "Choose a file").max(255, "The file name is too long"),
  contentBase64: z
    .string({ required_error: "Choose a file" })
    .min(1, "The selected file is empty")
    .max(7_000_000, "The selected file must be smaller than 5 MB")
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The file could not be read. Choose it again"),
});

function decodeUpload(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, "base64"));
}

function toDownload(file: { filename: string; contentType: string; size: number; content: Uint8Array }) {
  return { filename: file.filename, contentType: file.contentType, size: file.size, contentBase64: Buffer.from(file.content).toString("base64") };
}

export const preparationRouter = router({
  modules: runners.output(ModulesOutput).query(({ ctx }) => listModules(ctx.tx, { organisationId: ctx.org.id })),
  saveModule: runners
    .input(z.object({ moduleId: Id("a module").optional(), fields: ModuleFields }))
    .output(ModuleIdOutput).mutation(({ ctx, input }) => saveModule(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  deleteModule: runners
    .input(z.object({ moduleId: Id("a module") }))
    .output(ModuleIdOutput).mutation(({ ctx, input }) => deleteModule(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),

  records: runners
    .input(z.object({ personId: Id("a mentor").optional(), unverifiedOnly: z.boolean().optional() }))
    .output(RecordsOutput).query(({ ctx, input }) => listRecords(ctx.tx, { ...input, organisationId: ctx.org.id })),
  recordCompletion: runners
    .input(RecordCompletionFields)
    .output(RecordIdOutput).mutation(({ ctx, input }) => recordCompletion(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),
  verifyRecord: runners
    .input(z.object({ recordId: Id("a record") }))
    .output(RecordIdOutput).mutation(({ ctx, input }) => verifyRecord(ctx.tx, { organisationId: ctx.org.id, actorPersonId: ctx.person.id, recordId: input.recordId, now: ctx.now() })),
  previewImport: runners
    .input(AttendanceCsv)
    .output(PreviewImportOutput).mutation(({ ctx, input }) => previewImport(ctx.tx, { organisationId: ctx.org.id, csv: input.csv, now: ctx.now() })),
  commitImport: runners
    .input(AttendanceCsv)
    .output(CommitImportOutput).mutation(({ ctx, input }) => commitImport(ctx.tx, { organisationId: ctx.org.id, actorPersonId: ctx.person.id, csv: input.csv, now: ctx.now() })),

  events: convenors
    .input(z.object({ from: z.string().date("Enter a date like 2026-03-14").optional() }))
    .output(EventsOutput).query(({ ctx, input }) => listEvents(ctx.tx, { organisationId: ctx.org.id, from: input.from })),
  saveEvent: runners
    .input(z.object({ eventId: Id("an event").optional(), fields: EventFields }))
    .output(EventIdOutput).mutation(({ ctx, input }) => saveEvent(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  deleteEvent: runners
    .input(z.object({ eventId: Id("an event") }))
    .output(EventIdOutput).mutation(({ ctx, input }) => deleteEvent(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  setAttendance: convenors
    .input(AttendanceFields)
    .output(SetAttendanceOutput).mutation(({ ctx, input }) => setAttendance(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  recordAppraisal: convenors
    .input(AppraisalFields)
    .output(AppraisalIdOutput).mutation(({ ctx, input }) => recordAppraisal(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),

  appraisals: convenors
    .input(z.object({ mentorPersonId: Id("a mentor").optional() }))
    .output(AppraisalsOutput).query(({ ctx, input }) => listAppraisals(ctx.tx, { ...input, organisationId: ctx.org.id })),
  mentors: convenors
    .output(MentorsOutput)
    .query(({ ctx }) => listMentors(ctx.tx, { organisationId: ctx.org.id, today: calendarDateOf(ctx.now()) ?? "1970-01-01" })),

  decideMentor: runners
    .input(MentorDecisionFields)
    .output(DecideMentorOutput).mutation(({ ctx, input }) => decideMentor(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),
  approvals: runners
    .input(z.object({ schemeId: Id("a scheme"), personId: Id("a mentor") }))
    .output(ApprovalsOutput).query(({ ctx, input }) => approvalHistory(ctx.tx, { ...input, organisationId: ctx.org.id })),
  pool: runners
    .input(SchemeRef)
    .output(PoolOutput).query(({ ctx, input }) => mentorPool(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, now: ctx.now() })),

  uploadEvidence: runners
    .input(EvidenceUpload.extend({ personId: Id("a person") }))
    .output(UploadEvidenceOutput).mutation(({ ctx, input }) =>
      storeEvidence(ctx.tx, { organisationId: ctx.org.id, personId: input.personId, filename: input.filename, bytes: decodeUpload(input.contentBase64) }),
    ),
  evidence: runners
    .input(z.object({ evidenceFileId: Id("a file") }))
    .output(EvidenceOutput).query(async ({ ctx, input }) => toDownload(await readEvidence(ctx.tx, { organisationId: ctx.org.id, evidenceFileId: input.evidenceFileId }))),

  /** A mentor's own evidence: uploaded for a recognition request, readable only by them and coordinators. */
  uploadMyEvidence: signedInProcedure.input(EvidenceUpload.extend({ organisationId: Id("an organisation") })).mutation(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, async (tx) => {
      await requireMentorIn(tx, input.organisationId, ctx.person.id);
      return storeEvidence(tx, { organisationId: input.organisationId, personId: ctx.person.id, filename: input.filename, bytes: decodeUpload(input.contentBase64) });
    }),
  ),
  myEvidence: signedInProcedure.input(z.object({ organisationId: Id("an organisation"), evidenceFileId: Id("a file") })).query(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, async (tx) =>
      toDownload(await readEvidence(tx, { organisationId: input.organisationId, evidenceFileId: input.evidenceFileId, personId: ctx.person.id })),
    ),
  ),
  myRecords: signedInProcedure.query(({ ctx }) => myRecords(ctx.db, { personId: ctx.person.id })),
  myCatalogues: signedInProcedure.query(({ ctx }) => myCatalogues(ctx.db, { personId: ctx.person.id })),
  myEvents: signedInProcedure.query(({ ctx }) => myEvents(ctx.db, { personId: ctx.person.id, now: ctx.now() })),
  signUp: signedInProcedure
    .input(z.object({ organisationId: Id("an organisation"), eventId: Id("an event"), attend: z.boolean() }))
    .mutation(({ ctx, input }) => signUpForEvent(ctx.db, { ...input, personId: ctx.person.id, now: ctx.now() })),
  /** A participant's mentoring in every role, feedback where shown, training and support as CPD evidence (the CSV and PDF downloads render this). */
  cpd: signedInProcedure.output(CpdEvidenceOutput).query(({ ctx }) => cpdEvidence(ctx.db, { personId: ctx.person.id, now: ctx.now() })),

  /** A mentor's own readiness in every scheme they mentor in. */
  myStatus: signedInProcedure.query(({ ctx }) => myMentorStatus(ctx.db, { personId: ctx.person.id, now: ctx.now() })),
  /** A mentor asks for training done elsewhere to be recognised; a coordinator verifies it. */
  requestRecognition: signedInProcedure.input(RecognitionRequestFields).mutation(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
      requestRecognition(tx, { ...input, personId: ctx.person.id, now: ctx.now() }),
    ),
  ),
});
