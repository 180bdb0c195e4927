// The coordinator's relationships view: that, never what.
import { z } from "zod";
import { Id } from "../../schemas";
import { relationshipForCoordinator, relationshipStates, schemeRelationshipList } from "../../services/relationships/coordinator";
import { orgProcedure } from "../../trpc";
import { CoordinatorRelationshipOutput, SchemeRelationshipListOutput } from "./outputs";

const runners = orgProcedure("org_admin", "coordinator");

export const listForScheme = runners
  .input(
    z.object({
      schemeId: Id("a scheme"),
      state: z.enum(relationshipStates, { errorMap: () => ({ message: "Choose active, paused or ended" }) }).optional(),
      stalled: z.boolean({ invalid_type_error: "Say whether to show only stalled relationships" }).optional(),
    }),
  )
  .output(SchemeRelationshipListOutput)
  .query(({ ctx, input }) => schemeRelationshipList(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, state: input.state, stalled: input.stalled, now: ctx.now() }));

export const detailForCoordinator = runners
  .input(z.object({ relationshipId: Id("a relationship") }))
  .output(CoordinatorRelationshipOutput)
  .query(({ ctx, input }) => relationshipForCoordinator(ctx.tx, { organisationId: ctx.org.id, relationshipId: input.relationshipId, now: ctx.now() }));
