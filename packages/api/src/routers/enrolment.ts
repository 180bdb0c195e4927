// A person's own enrolments: check eligibility, join with consent, withdraw in one step.
import { JoinSchemeInput, SchemeAt, WithdrawInput } from "@tandem/core";
import { joinScheme, myEnrolments, prepareJoin, withdrawEnrolment } from "../services/enrolments";
import { router, signedInProcedure } from "../trpc";

export const enrolmentRouter = router({
  prepare: signedInProcedure
    .input(SchemeAt)
    .query(({ ctx, input }) => prepareJoin(ctx.db, { ...input, personId: ctx.person.id, now: ctx.now() })),

  join: signedInProcedure
    .input(JoinSchemeInput)
    .mutation(({ ctx, input }) => joinScheme(ctx.db, { ...input, personId: ctx.person.id, now: ctx.now() })),

  withdraw: signedInProcedure
    .input(WithdrawInput)
    .mutation(({ ctx, input }) => withdrawEnrolment(ctx.db, { ...input, personId: ctx.person.id, now: ctx.now() })),

  mine: signedInProcedure.query(({ ctx }) => myEnrolments(ctx.db, { personId: ctx.person.id })),
});
