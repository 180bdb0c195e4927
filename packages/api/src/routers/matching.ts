// Matching: the coordinator's console (pool readiness, runs with progress, proposals with their
// explanations, lock / exclude / swap, confirm) and the participants' side (browse or shortlist,
// request, accept or decline, no-fault change, end after the trial meeting, my matches, my profile).
import { withTenant } from "@tandem/db";
import { z } from "zod";
import {
  browsePool,
  cancelRequest,
  endAfterTrial,
  myMatches,
  myProfile,
  noFaultChange,
  respondToRequest,
  schemeRelationships,
  sendRequest,
  updateProfile,
} from "../services/matching/participants";
import { confirmRun, getRun, matchingOverview, RunOptions, setConstraint, startRun, swapPair } from "../services/matching/runs";
import { orgProcedure, router, signedInProcedure } from "../trpc";

const runners = orgProcedure("org_admin", "coordinator");
const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);
const InScheme = z.object({ organisationId: Id("an organisation"), schemeId: Id("a scheme") });
const Topic = z.string().trim().min(1, "Enter each topic").max(80, "Keep each topic to 80 characters or fewer");
const Slot = z.string().trim().min(1, "Enter each time you are free").max(40, "Keep each time to 40 characters or fewer");

export const MentorFiltersInput = z
  .object({
    specialty: z.string().trim().max(80, "Keep the specialty to 80 characters or fewer").optional(),
    topic: z.string().trim().max(80, "Keep the topic to 80 characters or fewer").optional(),
    maxKm: z.number({ invalid_type_error: "Enter the distance as a number" }).positive("Enter a distance above 0").max(2000, "Enter 2000 km or less").optional(),
    availability: z.string().trim().max(40).optional(),
  })
  .default({});

export const ProfileInput = InScheme.extend({
  role: z.enum(["mentee", "mentor", "peer"], { errorMap: () => ({ message: "Choose mentee, mentor or peer" }) }),
  topics: z.array(Topic).max(20, "List 20 topics or fewer"),
  availability: z.array(Slot).max(21, "List 21 times or fewer"),
  remoteOk: z.boolean(),
  bio: z.string().trim().max(1000, "Keep your introduction to 1000 characters or fewer").nullable(),
  capacity: z.number({ invalid_type_error: "Enter a number" }).int("Enter a whole number").min(0, "Enter 0 or more").max(50, "Enter 50 or fewer").nullable().optional(),
});

export const matchingRouter = router({
  /** Pool readiness, mentees waiting, locks and exclusions, recent runs. */
  overview: runners.input(z.object({ schemeId: Id("a scheme") })).query(({ ctx, input }) => matchingOverview(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, now: ctx.now() })),
  startRun: runners
    .input(z.object({ schemeId: Id("a scheme") }).extend(RunOptions.shape))
    .mutation(async ({ ctx, input }) => {
      const { schemeId, ...options } = input;
      const started = await startRun(ctx.tx, ctx.db, { organisationId: ctx.org.id, schemeId, actorPersonId: ctx.person.id, options, now: ctx.now() });
      ctx.afterCommit(() => ctx.jobs?.wake());
      return started;
    }),
  run: runners.input(z.object({ runId: Id("a run") })).query(({ ctx, input }) => getRun(ctx.tx, { organisationId: ctx.org.id, runId: input.runId })),
  setConstraint: runners
    .input(
      z.object({
        schemeId: Id("a scheme"),
        menteeEnrolmentId: Id("a mentee"),
        mentorEnrolmentId: Id("a mentor"),
        kind: z.enum(["lock", "exclude"], { errorMap: () => ({ message: "Choose lock or exclude" }) }).nullable(),
      }),
    )
    .mutation(({ ctx, input }) => setConstraint(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),
  swap: runners
    .input(z.object({ runId: Id("a run"), menteeA: Id("the first mentee"), menteeB: Id("the second mentee") }))
    .mutation(({ ctx, input }) => swapPair(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),
  confirm: runners
    .input(z.object({ runId: Id("a run") }))
    .mutation(({ ctx, input }) =>
      confirmRun(ctx.tx, { organisationId: ctx.org.id, runId: input.runId, actorPersonId: ctx.person.id, mailer: ctx.mailer, publicUrl: ctx.publicUrl, now: ctx.now() }),
    ),
  relationships: runners
    .input(z.object({ schemeId: Id("a scheme") }))
    .query(({ ctx, input }) => schemeRelationships(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl })),

  /** A mentee's mentors to choose from (free choice) or shortlist, each score explained. */
  pool: signedInProcedure.input(InScheme.extend({ filters: MentorFiltersInput })).query(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
      browsePool(tx, { ...input, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
    ),
  ),
  request: signedInProcedure
    .input(
      InScheme.extend({
        mentorEnrolmentIds: z
          .array(Id("a mentor"))
          .min(1, "Choose at least one mentor")
          .max(3, "Choose up to 3 mentors, in order")
          .refine((ids) => new Set(ids).size === ids.length, "Choose each mentor once"),
        message: z.string().trim().max(500, "Keep your message to 500 characters or fewer").optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
        sendRequest(tx, { ...input, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
      ),
    ),
  cancelRequest: signedInProcedure.input(InScheme).mutation(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) => cancelRequest(tx, { ...input, personId: ctx.person.id, now: ctx.now() })),
  ),
  respond: signedInProcedure
    .input(z.object({ organisationId: Id("an organisation"), relationshipId: Id("a request"), accept: z.boolean({ required_error: "Choose accept or decline" }) }))
    .mutation(({ ctx, input }) =>
      withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
        respondToRequest(tx, { ...input, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
      ),
    ),
  noFaultChange: signedInProcedure
    .input(
      z.object({
        organisationId: Id("an organisation"),
        relationshipId: Id("a match"),
        // SPEC principle 2: a mentee may ask for a change without giving a reason.
        reason: z.string().trim().max(1000, "Keep the reason to 1000 characters or fewer").optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
        noFaultChange(tx, { ...input, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
      ),
    ),
  endAfterTrial: signedInProcedure
    .input(z.object({ organisationId: Id("an organisation"), relationshipId: Id("a match") }))
    .mutation(({ ctx, input }) =>
      withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) =>
        endAfterTrial(tx, { ...input, personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
      ),
    ),
  /** The person's own matching profile in a scheme, per role they take part as. */
  myProfile: signedInProcedure.input(InScheme).query(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) => myProfile(tx, { ...input, personId: ctx.person.id })),
  ),
  mine: signedInProcedure.query(({ ctx }) => myMatches(ctx.db, { personId: ctx.person.id, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl })),
  updateProfile: signedInProcedure.input(ProfileInput).mutation(({ ctx, input }) =>
    withTenant(ctx.db, { organisationId: input.organisationId, personId: ctx.person.id }, (tx) => updateProfile(tx, { ...input, personId: ctx.person.id, now: ctx.now() })),
  ),
});
