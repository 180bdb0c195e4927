// A coordinator's schemes: templates, create, rules versions, publish/close, enrolments and review.
import { CreateSchemeFields, ReviewEnrolmentFields, SchemeRef, schemeTemplates, UpdateSchemeRulesFields } from "@tandem/core";
import { listSchemeEnrolments, reviewEnrolment } from "../services/enrolments";
import { coordinatorHome } from "../services/home";
import { changeSchemeStatus, createSchemeFromTemplate, getScheme, listSchemes, updateSchemeRules } from "../services/schemes";
import { z } from "zod";
import { orgProcedure, router, signedInProcedure } from "../trpc";
import { CoordinatorHomeOutput, CreateSchemeOutput, EnrolmentsOutput, ReviewOutput, SchemeListOutput, SchemeOutput, SchemeStatusOutput, UpdateRulesOutput } from "./staff-outputs";

const runners = orgProcedure("org_admin", "coordinator");

export const schemeRouter = router({
  templates: signedInProcedure.query(() =>
    schemeTemplates.map((t) => ({ id: t.id, name: t.name, summary: t.summary, rules: t.rules })),
  ),

  /** The coordinator's home: each scheme with what needs them. */
  home: runners.input(z.object({})).output(CoordinatorHomeOutput).query(({ ctx }) => coordinatorHome(ctx.tx, { organisationId: ctx.org.id, now: ctx.now() })),

  list: runners.output(SchemeListOutput).query(({ ctx }) => listSchemes(ctx.tx, { organisationId: ctx.org.id })),

  get: runners.input(SchemeRef).output(SchemeOutput).query(({ ctx, input }) => getScheme(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId })),

  create: runners
    .input(CreateSchemeFields)
    .output(CreateSchemeOutput).mutation(({ ctx, input }) =>
      createSchemeFromTemplate(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id }),
    ),

  updateRules: runners
    .input(UpdateSchemeRulesFields)
    .output(UpdateRulesOutput).mutation(({ ctx, input }) =>
      updateSchemeRules(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id }),
    ),

  publish: runners
    .input(SchemeRef)
    .output(SchemeStatusOutput).mutation(({ ctx, input }) =>
      changeSchemeStatus(ctx.tx, { organisationId: ctx.org.id, actorPersonId: ctx.person.id, schemeId: input.schemeId, change: "publish" }),
    ),

  close: runners
    .input(SchemeRef)
    .output(SchemeStatusOutput).mutation(({ ctx, input }) =>
      changeSchemeStatus(ctx.tx, { organisationId: ctx.org.id, actorPersonId: ctx.person.id, schemeId: input.schemeId, change: "close" }),
    ),

  enrolments: runners
    .input(SchemeRef)
    .output(EnrolmentsOutput).query(({ ctx, input }) => listSchemeEnrolments(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId })),

  review: runners.input(ReviewEnrolmentFields).output(ReviewOutput).mutation(({ ctx, input }) =>
    reviewEnrolment(ctx.tx, {
      ...input,
      organisationId: ctx.org.id,
      actorPersonId: ctx.person.id,
      mailer: ctx.mailer,
      publicUrl: ctx.publicUrl,
      now: ctx.now(),
    }),
  ),
});
