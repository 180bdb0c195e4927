// Match runs (SPEC section 5): the coordinator starts a run and a background job computes it with the
// phase shown as it goes, storing the proposals with their explanations. Reviewing them is in
// run-view.ts, adjusting in adjustments.ts, confirming in confirm.ts: nothing is final until confirmed.
import { type AutoResult, allocationSuggestions, formCohort, pairKey, runAuto, runNextAvailable } from "@tandem/core";
import { and, eq, inArray } from "drizzle-orm";
import { cohortGroups, type Database, matchProposals, matchRuns, type Tx, withTenant } from "@tandem/db";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { enqueueJob } from "../jobs";
import { loadMatchingInputs, type MatchingInputs } from "./inputs";

export const runModes = ["auto", "allocation", "next_available", "cohort"] as const;

/** The phases a run reports while it computes, in order (the console shows "step n of 4"). */
export const runPhases = ["Waiting to start", "Reading the pool", "Scoring pairs and solving", "Saving proposals"] as const;
export type RunPhase = (typeof runPhases)[number];
export type RunMode = (typeof runModes)[number];

export const RunOptions = z.object({
  mode: z.enum(runModes, { errorMap: () => ({ message: "Choose how to match: automatic, allocation, next available or groups" }) }),
  fairness: z.boolean().default(false),
  stable: z.boolean().default(false),
});
export type RunOptions = z.output<typeof RunOptions>;

/** Which run modes fit a scheme: groups for co-mentoring and group schemes, pairs otherwise. */
export function modesFor(format: MatchingInputs["rules"]["format"]["kind"]): RunMode[] {
  return format === "one_to_one" ? ["auto", "allocation", "next_available"] : ["cohort"];
}

export async function startRun(
  tx: Tx,
  db: Database,
  options: { organisationId: string; schemeId: string; actorPersonId: string; options: RunOptions; now: Date },
) {
  const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: options.schemeId, now: options.now });
  const allowed = modesFor(inputs.rules.format.kind);
  if (!allowed.includes(options.options.mode)) {
    throw new AppError(
      "BAD_REQUEST",
      inputs.rules.format.kind === "one_to_one"
        ? "This scheme matches mentors with mentees: choose automatic, allocation or next available"
        : "This scheme forms groups: choose groups",
      { mode: ["Choose a way of matching this scheme uses"] },
    );
  }
  const running = await tx
    .select({ id: matchRuns.id })
    .from(matchRuns)
    .where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.schemeId, options.schemeId), inArray(matchRuns.status, ["queued", "running"])));
  if (running.length > 0) throw new AppError("CONFLICT", "A run for this scheme is already under way; wait for it to finish");
  const [run] = await tx
    .insert(matchRuns)
    .values({
      organisationId: options.organisationId,
      schemeId: options.schemeId,
      mode: options.options.mode,
      options: options.options,
      status: "queued",
      phase: runPhases[0],
      startedByPersonId: options.actorPersonId,
    })
    .returning({ id: matchRuns.id });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: "matching.run_started", subjectId: run!.id });
  // The job is enqueued inside the same transaction, so a rolled-back start leaves no job behind.
  await enqueueJob(tx, {
    kind: "matching.run",
    payload: { organisationId: options.organisationId, runId: run!.id },
    runAt: options.now,
    dedupeKey: `matching.run:${run!.id}`,
  });
  return { runId: run!.id };
}

async function setPhase(db: Database, organisationId: string, runId: string, phase: RunPhase, status: "running" | "queued" = "running") {
  await withTenant(db, { organisationId }, (tx) =>
    tx.update(matchRuns).set({ phase, status }).where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId))),
  );
}

/**
 * Computes a queued run (the `matching.run` job). A failure is kept on the run, never its inputs.
 * Gives the time each phase took (kept with the run for benchmarks and the server log), or null.
 */
export async function executeRun(
  db: Database,
  options: { organisationId: string; runId: string; now: Date },
): Promise<{ name: string; ms: number }[] | null> {
  const { organisationId, runId } = options;
  const run = await withTenant(db, { organisationId }, async (tx) => {
    const [row] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId)));
    return row;
  });
  if (!run || (run.status !== "queued" && run.status !== "running")) return null;
  const runOptions = RunOptions.parse(run.options);
  try {
    await setPhase(db, organisationId, runId, "Reading the pool");
    const started = performance.now();
    const inputs = await withTenant(db, { organisationId }, (tx) => loadMatchingInputs(tx, { organisationId, schemeId: run.schemeId, now: options.now }));
    const loadMs = performance.now() - started;
    await setPhase(db, organisationId, runId, "Scoring pairs and solving");
    const computed = compute(inputs, runOptions);
    await setPhase(db, organisationId, runId, "Saving proposals");
    const phases = [{ name: "read the pool", ms: Math.round(loadMs) }, ...computed.summary.phases];
    await withTenant(db, { organisationId }, async (tx) => {
      if (computed.kind === "pairs") {
        if (computed.rows.length > 0) {
          for (let i = 0; i < computed.rows.length; i += 1000) {
            await tx.insert(matchProposals).values(computed.rows.slice(i, i + 1000).map((row) => ({ ...row, organisationId, runId })));
          }
        }
      } else if (computed.groups.length > 0) {
        await tx.insert(cohortGroups).values(computed.groups.map((g) => ({ ...g, organisationId, schemeId: run.schemeId, runId })));
      }
      // A newer run replaces older unconfirmed ones.
      await tx
        .update(matchRuns)
        .set({ status: "superseded" })
        .where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.schemeId, run.schemeId), eq(matchRuns.status, "done")));
      await tx
        .update(matchRuns)
        .set({
          status: "done",
          phase: null,
          finishedAt: new Date(),
          inputs: snapshot(inputs),
          summary: { ...computed.summary, phases },
        })
        .where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId)));
    });
    return phases;
  } catch (error) {
    // Only a sentence for the coordinator; the cause goes to the job log as its class and message.
    await withTenant(db, { organisationId }, (tx) =>
      tx
        .update(matchRuns)
        .set({ status: "failed", phase: null, finishedAt: new Date(), error: error instanceof AppError ? error.message : "The run could not be completed. Try again." })
        .where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId))),
    );
    if (!(error instanceof AppError)) throw error;
    return null;
  }
}

type ProposalRow = Omit<typeof matchProposals.$inferInsert, "organisationId" | "runId">;
type GroupRow = Omit<typeof cohortGroups.$inferInsert, "organisationId" | "runId" | "schemeId">;
export interface Summary {
  matched: number;
  total: number;
  score: number;
  worstOff: number | null;
  unmatched: { enrolmentId: string; reason: string }[];
  stability?: AutoResult["stability"];
  phases: { name: string; ms: number }[];
  optimal?: { matched: number; score: number };
}

function compute(inputs: MatchingInputs, options: RunOptions): { kind: "pairs"; rows: ProposalRow[]; summary: Summary } | { kind: "groups"; groups: GroupRow[]; summary: Summary } {
  const { mentees, mentors, rules, blocked, locked, excluded } = inputs;
  const lockedKeys = new Set(locked.map(([a, b]) => pairKey(a, b)));
  if (options.mode === "cohort") {
    const started = performance.now();
    const cohort = formCohort({
      members: inputs.peers.map((p) => ({ ...p, topics: p.topicsWanted })),
      rules,
      blocked,
      seed: 1,
    });
    const grouped = cohort.groups.reduce((n, g) => n + g.memberIds.length, 0);
    return {
      kind: "groups",
      groups: cohort.groups.map((g) => ({ memberEnrolmentIds: g.memberIds, score: g.score, explanation: g.explanation })),
      summary: {
        matched: grouped,
        total: inputs.peers.length,
        score: cohort.groups.reduce((s, g) => s + g.score, 0),
        worstOff: cohort.groups.length > 0 ? Math.min(...cohort.groups.map((g) => g.score)) : null,
        unmatched: cohort.unmatched.map((id) => ({ enrolmentId: id, reason: "no_compatible_group" })),
        phases: [{ name: "form groups", ms: Math.round(performance.now() - started) }],
      },
    };
  }
  if (options.mode === "allocation") {
    const started = performance.now();
    const result = allocationSuggestions({ mentees, mentors, rules, blocked, locked, excluded, perMentee: 5 });
    const rows: ProposalRow[] = [];
    let score = 0;
    let matched = 0;
    let worstOff: number | null = null;
    const unmatched: Summary["unmatched"] = [];
    for (const entry of result.mentees) {
      const best = entry.suggestions.find((s) => s.inOptimal);
      if (best) {
        matched += 1;
        score += best.score;
        worstOff = worstOff === null ? best.score : Math.min(worstOff, best.score);
      } else unmatched.push({ enrolmentId: entry.menteeId, reason: entry.suggestions.length === 0 ? "no_allowed_mentor" : "no_place_left" });
      entry.suggestions.forEach((s, i) =>
        rows.push({
          menteeEnrolmentId: entry.menteeId,
          mentorEnrolmentId: s.mentorId,
          proposed: s.inOptimal,
          rank: i + 1,
          score: s.score,
          explanation: s.explanation,
          terms: s.terms,
          locked: lockedKeys.has(pairKey(entry.menteeId, s.mentorId)),
          forcingMatchedLost: s.forcingCost.matchedLost,
          forcingScoreLost: s.forcingCost.scoreLost,
        }),
      );
    }
    return {
      kind: "pairs",
      rows,
      summary: { matched, total: mentees.length, score, worstOff, unmatched, optimal: result.optimal, phases: [{ name: "suggest and cost", ms: Math.round(performance.now() - started) }] },
    };
  }
  const result =
    options.mode === "next_available"
      ? runNextAvailable({ mentees, mentors, rules, blocked, locked, excluded })
      : runAuto({ mentees, mentors, rules, blocked, options: { fairness: options.fairness, stable: options.stable, locked, excluded } });
  return {
    kind: "pairs",
    rows: result.proposals.map((p) => ({
      menteeEnrolmentId: p.menteeId,
      mentorEnrolmentId: p.mentorId,
      proposed: true,
      rank: 1,
      score: p.score,
      explanation: p.explanation,
      terms: p.terms,
      locked: p.locked,
    })),
    summary: {
      matched: result.matched,
      total: mentees.length,
      score: result.score,
      worstOff: result.worstOff,
      unmatched: result.unmatched.map((u) => ({ enrolmentId: u.menteeId, reason: u.reason })),
      stability: result.stability,
      phases: result.phases.map((p) => ({ name: p.name, ms: Math.round(p.ms) })),
    },
  };
}

/** What the engine saw, kept with the run (no names: enrolment ids and matching facts only). */
function snapshot(inputs: MatchingInputs): Record<string, unknown> {
  return {
    rulesVersion: inputs.scheme.currentVersion,
    mentees: inputs.mentees,
    mentors: inputs.mentors,
    peers: inputs.peers,
    locked: inputs.locked,
    excluded: inputs.excluded,
    blockedPairs: inputs.blocked.size,
  };
}
