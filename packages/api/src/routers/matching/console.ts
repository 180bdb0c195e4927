// The coordinator's matching console: pool readiness and who is waiting, runs computed in the
// background with their phase shown, proposals with explanations, lock / exclude / swap, confirm, and
// the scheme's relationships (who, state and dates; never content).
import { formatKinds, matchingModes } from "@tandem/core";
import { closedReasons, matchConstraintKinds, matchRunModes, matchRunStatuses, relationshipOrigins, relationshipStatuses, schemeStatuses } from "@tandem/db";
import { z } from "zod";
import { Id, Ok, Timestamp, Uuid } from "../../schemas";
import { setConstraint, swapPair } from "../../services/matching/adjustments";
import { confirmRun } from "../../services/matching/confirm";
import { getRun, matchingOverview } from "../../services/matching/run-view";
import { RunOptions, startRun } from "../../services/matching/runs";
import { schemeRelationships } from "../../services/matching/scheme-relationships";
import { orgProcedure } from "../../trpc";

const runners = orgProcedure("org_admin", "coordinator");
const InScheme = z.object({ schemeId: Id("a scheme") });
const Named = { menteeName: z.string(), mentorName: z.string() };

const Constraint = z.object({ menteeEnrolmentId: Uuid, mentorEnrolmentId: Uuid, kind: z.enum(matchConstraintKinds), ...Named });
const ScoreTerm = z.object({ label: z.string(), points: z.number() });

export const MatchingOverviewOutput = z.object({
  scheme: z.object({ id: Uuid, name: z.string(), status: z.enum(schemeStatuses) }),
  mode: z.enum(matchingModes),
  format: z.enum(formatKinds),
  runModes: z.array(z.enum(matchRunModes)),
  mentors: z.array(z.object({ enrolmentId: Uuid, name: z.string(), ready: z.boolean(), reasons: z.array(z.string()), capacity: z.number(), active: z.number() })),
  readyMentors: z.number(),
  freePlaces: z.number(),
  waitingMentees: z.array(z.object({ enrolmentId: Uuid, name: z.string() })),
  heldForPreparation: z.array(z.object({ enrolmentId: Uuid, name: z.string() })),
  peers: z.number(),
  constraints: z.array(Constraint),
  runs: z.array(
    z.object({
      id: Uuid,
      mode: z.enum(matchRunModes),
      status: z.enum(matchRunStatuses),
      phase: z.string().nullable(),
      createdAt: Timestamp,
      finishedAt: Timestamp.nullable(),
      summary: z.record(z.unknown()).nullable(),
    }),
  ),
});

const Unmatched = z.object({ enrolmentId: Uuid, reason: z.string(), name: z.string(), reasonText: z.string() });

export const MatchRunOutput = z.object({
  id: Uuid,
  schemeId: Uuid,
  schemeName: z.string(),
  latestRunId: Uuid,
  phaseStep: z.number().nullable(),
  phaseCount: z.number(),
  constraints: z.array(Constraint),
  mode: z.enum(matchRunModes),
  options: RunOptions,
  status: z.enum(matchRunStatuses),
  phase: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  confirmedAt: Timestamp.nullable(),
  summary: z
    .object({
      matched: z.number(),
      total: z.number(),
      score: z.number(),
      worstOff: z.number().nullable(),
      unmatched: z.array(Unmatched),
      stability: z
        .object({ blockingPairs: z.array(z.object(Named)), optimalScore: z.number(), optimalMatched: z.number(), priceOfStability: z.number() })
        .optional(),
      // The phases' timings stay out: they are for the server log, not for coordinators.
      optimal: z.object({ matched: z.number(), score: z.number() }).optional(),
    })
    .nullable(),
  mentees: z.array(
    z.object({
      menteeEnrolmentId: Uuid,
      menteeName: z.string(),
      suggestions: z.array(
        z.object({
          id: Uuid,
          mentorEnrolmentId: Uuid,
          mentorName: z.string(),
          proposed: z.boolean(),
          rank: z.number(),
          score: z.number(),
          explanation: z.string(),
          terms: z.array(ScoreTerm),
          locked: z.boolean(),
          forcingMatchedLost: z.number().nullable(),
          forcingScoreLost: z.number().nullable(),
        }),
      ),
    }),
  ),
  groups: z.array(
    z.object({
      id: Uuid,
      status: z.enum(["proposed", "confirmed", "discarded"]),
      score: z.number().nullable(),
      explanation: z.string(),
      members: z.array(z.object({ enrolmentId: Uuid, name: z.string() })),
    }),
  ),
});

export const SchemeRelationshipsOutput = z.array(
  z.object({
    id: Uuid,
    ...Named,
    status: z.enum(relationshipStatuses),
    closedReason: z.enum(closedReasons).nullable(),
    origin: z.enum(relationshipOrigins),
    requestedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
    startedAt: Timestamp.nullable(),
    endedAt: Timestamp.nullable(),
    /** The mentee's no-fault reason: for the coordinator, never the mentor. */
    noFaultReason: z.string().nullable(),
  }),
);

export const overview = runners
  .input(InScheme)
  .output(MatchingOverviewOutput)
  .query(({ ctx, input }) => matchingOverview(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, now: ctx.now() }));

export const startMatchRun = runners
  .input(InScheme.extend(RunOptions.shape))
  .output(z.object({ runId: Uuid }))
  .mutation(async ({ ctx, input }) => {
    const { schemeId, ...options } = input;
    const started = await startRun(ctx.tx, ctx.db, { organisationId: ctx.org.id, schemeId, actorPersonId: ctx.person.id, options, now: ctx.now() });
    ctx.afterCommit(() => ctx.jobs?.wake());
    return started;
  });

export const matchRun = runners
  .input(z.object({ runId: Id("a run") }))
  .output(MatchRunOutput)
  .query(({ ctx, input }) => getRun(ctx.tx, { organisationId: ctx.org.id, runId: input.runId }));

export const setMatchConstraint = runners
  .input(
    InScheme.extend({
      menteeEnrolmentId: Id("a mentee"),
      mentorEnrolmentId: Id("a mentor"),
      kind: z.enum(matchConstraintKinds, { errorMap: () => ({ message: "Choose lock or exclude" }) }).nullable(),
    }),
  )
  .output(Ok)
  .mutation(({ ctx, input }) => setConstraint(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() }));

export const swapProposedMentors = runners
  .input(z.object({ runId: Id("a run"), menteeA: Id("the first mentee"), menteeB: Id("the second mentee") }))
  .output(Ok)
  .mutation(({ ctx, input }) => swapPair(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() }));

export const confirmMatchRun = runners
  .input(z.object({ runId: Id("a run") }))
  .output(z.object({ created: z.number(), skipped: z.array(z.object({ name: z.string(), reason: z.string() })) }))
  .mutation(({ ctx, input }) =>
    confirmRun(ctx.tx, { organisationId: ctx.org.id, runId: input.runId, actorPersonId: ctx.person.id, mailer: ctx.mailer, publicUrl: ctx.publicUrl, now: ctx.now() }),
  );

export const relationshipsOfScheme = runners
  .input(InScheme)
  .output(SchemeRelationshipsOutput)
  .query(({ ctx, input }) => schemeRelationships(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId, now: ctx.now() }));
