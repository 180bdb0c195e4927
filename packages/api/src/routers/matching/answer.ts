// What either member of a match does to it: the mentor accepts or declines a request; the mentee asks
// for a no-fault change; either ends it after the trial meeting. The services check that the caller
// is the right member of the match.
import { NoFaultChangeFields } from "@tandem/core";
import { z } from "zod";
import { Id, Ok } from "../../schemas";
import { endAfterTrial, noFaultChange } from "../../services/matching/endings";
import { respondToRequest } from "../../services/matching/requests";
import { participantProcedure } from "../../trpc";

export const respondToMentorRequest = participantProcedure
  .input(z.object({ relationshipId: Id("a request"), accept: z.boolean({ required_error: "Choose accept or decline" }) }))
  .output(Ok)
  .mutation(({ ctx, input }) =>
    respondToRequest(ctx.tx, { ...input, organisationId: ctx.organisationId, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
  );

export const askForNoFaultChange = participantProcedure
  .input(NoFaultChangeFields.extend({ relationshipId: Id("a match") }))
  .output(Ok)
  .mutation(({ ctx, input }) =>
    noFaultChange(ctx.tx, { ...input, organisationId: ctx.organisationId, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
  );

export const endMatchAfterTrial = participantProcedure
  .input(z.object({ relationshipId: Id("a match") }))
  .output(Ok)
  .mutation(({ ctx, input }) =>
    endAfterTrial(ctx.tx, { ...input, organisationId: ctx.organisationId, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
  );
