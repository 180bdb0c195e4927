// Mentor claims: a mentor claims for held meetings and answers queries; a coordinator approves,
// rejects or queries, and exports approved claims once for finance.
import { AnswerClaimQueryFields, ClaimDecisionFields, claimStatuses, meetingKinds, SubmitClaimFields } from "@tandem/core";
import { z } from "zod";
import { Id, Ok, Timestamp, Uuid } from "../../schemas";
import { exportClaims, exportCsv, decideClaim, remittancePdf, schemeClaims } from "../../services/claims/coordinator";
import { answerClaimQuery, claimsForRelationship, myClaims, submitClaim } from "../../services/claims/mentor";
import { orgProcedure, participantProcedure, relationshipProcedure, router, signedInProcedure } from "../../trpc";

const runners = orgProcedure("org_admin", "coordinator");
const Status = z.enum(claimStatuses);

export const claimsRouter = router({
  forRelationship: relationshipProcedure
    .output(
      z.object({
        remuneration: z.enum(["none", "per_meeting", "job_plan", "annual_fee"]),
        feePence: z.number().nullable(),
        expensesAllowed: z.boolean(),
        expensesCapPence: z.number().nullable(),
        capMeetings: z.number().nullable(),
        meetings: z.array(
          z.object({
            meetingId: Uuid,
            startsAt: Timestamp.nullable(),
            minutes: z.number(),
            kind: z.enum(meetingKinds),
            claim: z.object({ id: Uuid, status: Status, feePence: z.number(), expensesPence: z.number(), decisionMessage: z.string().nullable(), queryAnswer: z.string().nullable(), exported: z.boolean() }).nullable(),
          }),
        ),
        statement: z.object({ meetings: z.number(), meetingHours: z.number(), recognisedHours: z.number() }).nullable(),
      }),
    )
    .query(({ ctx }) => claimsForRelationship(ctx.tx, { organisationId: ctx.organisationId, hand: ctx.hand, now: ctx.now() })),

  submit: relationshipProcedure
    .input(SubmitClaimFields)
    .output(z.object({ claimId: Uuid }))
    .mutation(({ ctx, input }) => submitClaim(ctx.tx, { ...input, organisationId: ctx.organisationId, hand: ctx.hand, now: ctx.now() })),

  answerQuery: participantProcedure
    .input(AnswerClaimQueryFields)
    .output(Ok)
    .mutation(({ ctx, input }) => answerClaimQuery(ctx.tx, { ...input, organisationId: ctx.organisationId, personId: ctx.person.id, now: ctx.now() })),

  mine: signedInProcedure
    .output(
      z.array(
        z.object({
          claimId: Uuid,
          organisationId: Uuid,
          organisationName: z.string(),
          schemeName: z.string(),
          relationshipId: Uuid,
          meetingDate: Timestamp.nullable(),
          meetingKind: z.enum(meetingKinds).nullable(),
          feePence: z.number(),
          expensesPence: z.number(),
          status: Status,
          decisionMessage: z.string().nullable(),
          queryAnswer: z.string().nullable(),
          submittedAt: Timestamp,
          decidedAt: Timestamp.nullable(),
          exported: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => myClaims(ctx.db, { personId: ctx.person.id })),

  forScheme: runners
    .input(z.object({ schemeId: Id("a scheme"), status: Status.optional() }))
    .output(
      z.object({
        claims: z.array(
          z.object({
            id: Uuid,
            mentorName: z.string(),
            meetingDate: Timestamp.nullable(),
            meetingMinutes: z.number(),
            meetingKind: z.enum(meetingKinds),
            feePence: z.number(),
            expensesPence: z.number(),
            expensesNote: z.string().nullable(),
            hasReceipt: z.boolean(),
            receiptFileId: Uuid.nullable(),
            status: Status,
            decisionMessage: z.string().nullable(),
            queryAnswer: z.string().nullable(),
            submittedAt: Timestamp,
            decidedAt: Timestamp.nullable(),
            exportedAt: Timestamp.nullable(),
          }),
        ),
        readyToExport: z.number(),
        exports: z.array(z.object({ id: Uuid, createdAt: Timestamp, claimCount: z.number() })),
      }),
    )
    .query(({ ctx, input }) => schemeClaims(ctx.tx, { ...input, organisationId: ctx.org.id })),

  decide: runners
    .input(ClaimDecisionFields)
    .output(Ok)
    .mutation(({ ctx, input }) => decideClaim(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl })),

  export: runners
    .input(z.object({ schemeId: Id("a scheme") }))
    .output(z.object({ exportId: Uuid, claimCount: z.number() }))
    .mutation(({ ctx, input }) => exportClaims(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, actorPersonId: ctx.person.id, now: ctx.now() })),

  exportFile: runners
    .input(z.object({ schemeId: Id("a scheme"), exportId: Id("an export"), format: z.enum(["csv", "pdf"], { errorMap: () => ({ message: "Choose CSV or PDF" }) }) }))
    .output(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .query(async ({ ctx, input }) => {
      const scope = { organisationId: ctx.org.id, schemeId: input.schemeId, exportId: input.exportId };
      if (input.format === "csv") {
        const file = await exportCsv(ctx.tx, scope);
        return { filename: file.filename, contentType: "text/csv; charset=utf-8", contentBase64: Buffer.from(file.text, "utf8").toString("base64") };
      }
      const file = await remittancePdf(ctx.tx, scope);
      return { filename: file.filename, contentType: "application/pdf", contentBase64: Buffer.from(file.bytes).toString("base64") };
    }),
});
