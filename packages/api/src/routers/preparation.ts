// Mentor preparation and support: the coordinator's catalogue, records, imports, events, registers,
// appraisals and approvals; the mentor pool with readiness; and a mentor's own status.
import {
  AppraisalFields,
  AttendanceCsv,
  AttendanceFields,
  EventFields,
  MentorDecisionFields,
  ModuleFields,
  RecognitionRequestFields,
  RecordCompletionFields,
  SchemeRef,
} from "@tandem/core";
import { withTenant } from "@tandem/db";
import { z } from "zod";
import { deleteModule, listModules, saveModule } from "../services/preparation/modules";
import { mentorPool, myMentorStatus } from "../services/preparation/readiness";
import { commitImport, listRecords, previewImport, recordCompletion, requestRecognition, verifyRecord } from "../services/preparation/records";
import { approvalHistory, decideMentor, listEvents, recordAppraisal, saveEvent, setAttendance } from "../services/preparation/support";
import { orgProcedure, router, signedInProcedure } from "../trpc";

const runners = orgProcedure("org_admin", "coordinator");
const convenors = orgProcedure("org_admin", "coordinator", "convenor");
const Id = (what: string) => z.string().uuid(`Choose ${what}`);

export const preparationRouter = router({
  modules: runners.query(({ ctx }) => listModules(ctx.tx, { organisationId: ctx.org.id })),
  saveModule: runners
    .input(z.object({ moduleId: Id("a module").optional(), fields: ModuleFields }))
    .mutation(({ ctx, input }) => saveModule(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  deleteModule: runners
    .input(z.object({ moduleId: Id("a module") }))
    .mutation(({ ctx, input }) => deleteModule(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),

  records: runners
    .input(z.object({ personId: Id("a mentor").optional(), unverifiedOnly: z.boolean().optional() }))
    .query(({ ctx, input }) => listRecords(ctx.tx, { ...input, organisationId: ctx.org.id })),
  recordCompletion: runners
    .input(RecordCompletionFields)
    .mutation(({ ctx, input }) => recordCompletion(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),
  verifyRecord: runners
    .input(z.object({ recordId: Id("a record") }))
    .mutation(({ ctx, input }) => verifyRecord(ctx.tx, { organisationId: ctx.org.id, actorPersonId: ctx.person.id, recordId: input.recordId, now: ctx.now() })),
  previewImport: runners
    .input(AttendanceCsv)
    .mutation(({ ctx, input }) => previewImport(ctx.tx, { organisationId: ctx.org.id, csv: input.csv, now: ctx.now() })),
  commitImport: runners
    .input(AttendanceCsv)
    .mutation(({ ctx, input }) => commitImport(ctx.tx, { organisationId: ctx.org.id, actorPersonId: ctx.person.id, csv: input.csv, now: ctx.now() })),

  events: convenors
    .input(z.object({ from: z.string().date("Enter a date like 2026-03-14").optional() }))
    .query(({ ctx, input }) => listEvents(ctx.tx, { organisationId: ctx.org.id, from: input.from })),
  saveEvent: runners
    .input(z.object({ eventId: Id("an event").optional(), fields: EventFields }))
    .mutation(({ ctx, input }) => saveEvent(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  setAttendance: convenors
    .input(AttendanceFields)
    .mutation(({ ctx, input }) => setAttendance(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
  recordAppraisal: convenors
    .input(AppraisalFields)
    .mutation(({ ctx, input }) => recordAppraisal(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),

  decideMentor: runners
    .input(MentorDecisionFields)
    .mutation(({ ctx, input }) => decideMentor(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),
  approvals: runners
    .input(z.object({ schemeId: Id("a scheme"), personId: Id("a mentor") }))
    .query(({ ctx, input }) => approvalHistory(ctx.tx, { ...input, organisationId: ctx.org.id })),
  pool: runners
    .input(SchemeRef)
    .query(({ ctx, input }) => mentorPool(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, now: ctx.now() })),

  /** A mentor's own readiness in every scheme they mentor in. */
  myStatus: signedInProcedure.query(({ ctx }) => myMentorStatus(ctx.db, { personId: ctx.person.id, now: ctx.now() })),
  /** A mentor asks for training done elsewhere to be recognised; a coordinator verifies it. */
  requestRecognition: signedInProcedure.input(RecognitionRequestFields).mutation(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
      requestRecognition(tx, { ...input, personId: ctx.person.id, now: ctx.now() }),
    ),
  ),
});
