// Match runs (SPEC section 5): the coordinator starts a run, a background job computes it with the
// phase shown as it goes, the proposals are stored with their explanations, the coordinator locks,
// excludes or swaps pairs and runs again, and confirming creates the relationships and tells both
// people. Nothing is final until confirmed.
import {
  type AutoResult,
  allocationSuggestions,
  formCohort,
  pairKey,
  runAuto,
  runNextAvailable,
  scorePair,
} from "@tandem/core";
import { and, desc, eq, inArray } from "drizzle-orm";
import {
  cohortGroups,
  type Database,
  enrolments,
  matchConstraints,
  matchProposals,
  matchRuns,
  people,
  relationships,
  schemes,
  type Tx,
  withTenant,
} from "@tandem/db";
import { z } from "zod";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import { enqueueJob } from "../jobs";
import type { Mailer } from "../mail";
import { loadMatchingInputs, type MatchingInputs } from "./inputs";

export const runModes = ["auto", "allocation", "next_available", "cohort"] as const;

/** The phases a run reports while it computes, in order (the console shows "step n of 4"). */
export const runPhases = ["Waiting to start", "Reading the pool", "Scoring pairs and solving", "Saving proposals"] as const;
type RunPhase = (typeof runPhases)[number];
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

/** Computes a queued run (the `matching.run` job). A failure is kept on the run, never its inputs. */
export async function executeRun(db: Database, options: { organisationId: string; runId: string; now: Date }) {
  const { organisationId, runId } = options;
  const run = await withTenant(db, { organisationId }, async (tx) => {
    const [row] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId)));
    return row;
  });
  if (!run || (run.status !== "queued" && run.status !== "running")) return;
  const runOptions = RunOptions.parse(run.options);
  try {
    await setPhase(db, organisationId, runId, "Reading the pool");
    const started = performance.now();
    const inputs = await withTenant(db, { organisationId }, (tx) => loadMatchingInputs(tx, { organisationId, schemeId: run.schemeId, now: options.now }));
    const loadMs = performance.now() - started;
    await setPhase(db, organisationId, runId, "Scoring pairs and solving");
    const computed = compute(inputs, runOptions);
    await setPhase(db, organisationId, runId, "Saving proposals");
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
          summary: { ...computed.summary, phases: [{ name: "read the pool", ms: Math.round(loadMs) }, ...computed.summary.phases] },
        })
        .where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId)));
    });
  } catch (error) {
    // Only a sentence for the coordinator; the cause goes to the job log as its class and message.
    await withTenant(db, { organisationId }, (tx) =>
      tx
        .update(matchRuns)
        .set({ status: "failed", phase: null, finishedAt: new Date(), error: error instanceof AppError ? error.message : "The run could not be completed. Try again." })
        .where(and(eq(matchRuns.organisationId, organisationId), eq(matchRuns.id, runId))),
    );
    if (!(error instanceof AppError)) throw error;
  }
}

type ProposalRow = Omit<typeof matchProposals.$inferInsert, "organisationId" | "runId">;
type GroupRow = Omit<typeof cohortGroups.$inferInsert, "organisationId" | "runId" | "schemeId">;
interface Summary {
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

const unmatchedWords: Record<string, string> = {
  no_allowed_mentor: "No mentor can be proposed (every mentor is ruled out by the scheme's rules)",
  no_place_left: "Every suitable mentor's places are taken",
  no_compatible_group: "No compatible group could be formed",
};

/** A run with its proposals, named for the coordinator. */
export async function getRun(tx: Tx, options: { organisationId: string; runId: string }) {
  const [run] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.id, options.runId)));
  if (!run) throw new AppError("NOT_FOUND", "That match run does not exist in this organisation");
  const names = await enrolmentNames(tx, options.organisationId, run.schemeId);
  const name = (id: string) => names.get(id) ?? "Someone who has left the scheme";
  const proposals = await tx
    .select()
    .from(matchProposals)
    .where(and(eq(matchProposals.organisationId, options.organisationId), eq(matchProposals.runId, run.id)))
    .orderBy(matchProposals.menteeEnrolmentId, matchProposals.rank);
  const byMentee = new Map<string, { menteeEnrolmentId: string; menteeName: string; suggestions: (typeof proposals[number] & { mentorName: string })[] }>();
  for (const p of proposals) {
    const entry = byMentee.get(p.menteeEnrolmentId) ?? { menteeEnrolmentId: p.menteeEnrolmentId, menteeName: name(p.menteeEnrolmentId), suggestions: [] };
    entry.suggestions.push({ ...p, mentorName: name(p.mentorEnrolmentId) });
    byMentee.set(p.menteeEnrolmentId, entry);
  }
  const groups = await tx
    .select()
    .from(cohortGroups)
    .where(and(eq(cohortGroups.organisationId, options.organisationId), eq(cohortGroups.runId, run.id)));
  const summary = (run.summary ?? null) as Summary | null;
  const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, run.schemeId)));
  const constraints = await tx
    .select()
    .from(matchConstraints)
    .where(and(eq(matchConstraints.organisationId, options.organisationId), eq(matchConstraints.schemeId, run.schemeId)));
  const [latest] = await tx
    .select({ id: matchRuns.id })
    .from(matchRuns)
    .where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.schemeId, run.schemeId)))
    .orderBy(desc(matchRuns.createdAt))
    .limit(1);
  const phaseIndex = runPhases.indexOf((run.phase ?? "") as RunPhase);
  return {
    id: run.id,
    schemeId: run.schemeId,
    schemeName: scheme?.name ?? "",
    latestRunId: latest?.id ?? run.id,
    /** 1-based step of `phaseCount` while queued or running; null once finished. */
    phaseStep: run.status === "queued" || run.status === "running" ? Math.max(0, phaseIndex) + 1 : null,
    phaseCount: runPhases.length,
    constraints: constraints.map((c) => ({ menteeEnrolmentId: c.menteeEnrolmentId, mentorEnrolmentId: c.mentorEnrolmentId, kind: c.kind, menteeName: name(c.menteeEnrolmentId), mentorName: name(c.mentorEnrolmentId) })),
    mode: run.mode,
    options: RunOptions.parse(run.options),
    status: run.status,
    phase: run.phase,
    error: run.error,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    confirmedAt: run.confirmedAt,
    summary: summary && {
      ...summary,
      unmatched: summary.unmatched.map((u) => ({ ...u, name: name(u.enrolmentId), reasonText: unmatchedWords[u.reason] ?? u.reason })),
      stability: summary.stability && {
        ...summary.stability,
        blockingPairs: summary.stability.blockingPairs.map(([a, b]) => ({ menteeName: name(a), mentorName: name(b) })),
      },
    },
    mentees: [...byMentee.values()].sort((a, b) => a.menteeName.localeCompare(b.menteeName)),
    groups: groups.map((g) => ({ id: g.id, status: g.status, score: g.score, explanation: g.explanation, members: g.memberEnrolmentIds.map((id) => ({ enrolmentId: id, name: name(id) })) })),
  };
}

async function enrolmentNames(tx: Tx, organisationId: string, schemeId: string) {
  const rows = await tx
    .select({ id: enrolments.id, name: people.name })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.organisationId, organisationId), eq(enrolments.schemeId, schemeId)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listRuns(tx: Tx, options: { organisationId: string; schemeId: string }) {
  return tx
    .select({ id: matchRuns.id, mode: matchRuns.mode, status: matchRuns.status, phase: matchRuns.phase, createdAt: matchRuns.createdAt, finishedAt: matchRuns.finishedAt, summary: matchRuns.summary })
    .from(matchRuns)
    .where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.schemeId, options.schemeId)))
    .orderBy(desc(matchRuns.createdAt))
    .limit(20);
}

/** The console's first screen: pool readiness, who is waiting, the coordinator's adjustments, recent runs. */
export async function matchingOverview(tx: Tx, options: { organisationId: string; schemeId: string; now: Date }) {
  const inputs = await loadMatchingInputs(tx, options);
  const readiness = [...inputs.mentorReadiness.entries()].map(([enrolmentId, r]) => ({
    enrolmentId,
    name: inputs.profiles.get(enrolmentId)!.name,
    ...r,
  }));
  const names = (id: string) => inputs.profiles.get(id)?.name ?? "Someone who has left the scheme";
  const constraints = await tx
    .select()
    .from(matchConstraints)
    .where(and(eq(matchConstraints.organisationId, options.organisationId), eq(matchConstraints.schemeId, options.schemeId)));
  return {
    scheme: { id: inputs.scheme.id, name: inputs.scheme.name, status: inputs.scheme.status },
    mode: inputs.rules.matching.mode,
    format: inputs.rules.format.kind,
    runModes: modesFor(inputs.rules.format.kind),
    mentors: readiness.sort((a, b) => Number(b.ready) - Number(a.ready) || a.name.localeCompare(b.name)),
    readyMentors: readiness.filter((r) => r.ready).length,
    freePlaces: inputs.mentors.reduce((n, m) => n + (m.ready ? m.capacityLeft : 0), 0),
    waitingMentees: inputs.mentees.map((m) => ({ enrolmentId: m.id, name: names(m.id) })),
    peers: inputs.peers.length,
    constraints: constraints.map((c) => ({ menteeEnrolmentId: c.menteeEnrolmentId, mentorEnrolmentId: c.mentorEnrolmentId, kind: c.kind, menteeName: names(c.menteeEnrolmentId), mentorName: names(c.mentorEnrolmentId) })),
    runs: await listRuns(tx, options),
  };
}

/** Lock (always propose), exclude (never propose) or clear a pair for later runs. */
export async function setConstraint(
  tx: Tx,
  options: { organisationId: string; schemeId: string; menteeEnrolmentId: string; mentorEnrolmentId: string; kind: "lock" | "exclude" | null; actorPersonId: string; now: Date },
) {
  const inputs = await loadMatchingInputs(tx, options);
  const mentee = inputs.mentees.find((m) => m.id === options.menteeEnrolmentId);
  const mentor = inputs.mentors.find((m) => m.id === options.mentorEnrolmentId);
  const where = and(
    eq(matchConstraints.organisationId, options.organisationId),
    eq(matchConstraints.schemeId, options.schemeId),
    eq(matchConstraints.menteeEnrolmentId, options.menteeEnrolmentId),
    eq(matchConstraints.mentorEnrolmentId, options.mentorEnrolmentId),
  );
  if (options.kind === null) {
    await tx.delete(matchConstraints).where(where);
    return { ok: true };
  }
  if (!mentee) throw new AppError("NOT_FOUND", "That mentee is not waiting for a mentor in this scheme");
  if (!mentor) throw new AppError("NOT_FOUND", "That mentor is not in this scheme");
  if (options.kind === "lock") {
    const check = scorePair({ mentee, mentor, rules: inputs.rules, blocked: inputs.blocked });
    if (!check.allowed) throw new AppError("BAD_REQUEST", `This pair cannot be locked: ${notAllowedWords[check.reason]}`);
    // A mentee has one locked mentor; a new lock replaces the old one.
    await tx
      .delete(matchConstraints)
      .where(
        and(
          eq(matchConstraints.organisationId, options.organisationId),
          eq(matchConstraints.schemeId, options.schemeId),
          eq(matchConstraints.menteeEnrolmentId, options.menteeEnrolmentId),
          eq(matchConstraints.kind, "lock"),
        ),
      );
    const lockedOnMentor = inputs.locked.filter(([a, b]) => b === mentor.id && a !== mentee.id).length;
    if (lockedOnMentor >= mentor.capacityLeft) throw new AppError("CONFLICT", "This mentor's free places are all taken by locked pairs");
  }
  await tx
    .insert(matchConstraints)
    .values({ organisationId: options.organisationId, schemeId: options.schemeId, menteeEnrolmentId: mentee.id, mentorEnrolmentId: mentor.id, kind: options.kind, createdByPersonId: options.actorPersonId })
    .onConflictDoUpdate({ target: [matchConstraints.organisationId, matchConstraints.schemeId, matchConstraints.menteeEnrolmentId, matchConstraints.mentorEnrolmentId], set: { kind: options.kind } });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: `matching.${options.kind}`, subjectId: mentee.id });
  return { ok: true };
}

export const notAllowedWords: Record<string, string> = {
  same_person: "it is the same person",
  mentor_not_ready: "the mentor is not ready to mentor",
  mentor_full: "the mentor has no free places",
  line_manager: "the mentor is the mentee's line manager",
  same_department: "they work in the same department",
  too_far: "they are too far apart and remote meetings are not allowed",
  declined_before: "this pair was declined or ended by a no-fault change before",
  preference_not_met: "the mentee's stated preference is not met",
};

/** Swaps two mentees' proposed mentors by locking each to the other's; the next run respects it. */
export async function swapPair(tx: Tx, options: { organisationId: string; runId: string; menteeA: string; menteeB: string; actorPersonId: string; now: Date }) {
  if (options.menteeA === options.menteeB) throw new AppError("BAD_REQUEST", "Choose two different mentees to swap");
  const [run] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.id, options.runId)));
  if (!run) throw new AppError("NOT_FOUND", "That match run does not exist in this organisation");
  const proposed = await tx
    .select({ mentee: matchProposals.menteeEnrolmentId, mentor: matchProposals.mentorEnrolmentId })
    .from(matchProposals)
    .where(and(eq(matchProposals.organisationId, options.organisationId), eq(matchProposals.runId, run.id), eq(matchProposals.proposed, true), inArray(matchProposals.menteeEnrolmentId, [options.menteeA, options.menteeB])));
  const a = proposed.find((p) => p.mentee === options.menteeA);
  const b = proposed.find((p) => p.mentee === options.menteeB);
  if (!a || !b) throw new AppError("BAD_REQUEST", "Both mentees need a proposed mentor to swap");
  const base = { organisationId: options.organisationId, schemeId: run.schemeId, actorPersonId: options.actorPersonId, now: options.now, kind: "lock" as const };
  const names = await enrolmentNames(tx, options.organisationId, run.schemeId);
  // Say which of the two new pairs the rules refuse (the whole swap rolls back).
  for (const [mentee, mentor] of [[a.mentee, b.mentor], [b.mentee, a.mentor]] as const) {
    try {
      await setConstraint(tx, { ...base, menteeEnrolmentId: mentee, mentorEnrolmentId: mentor });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "NOT_FOUND") throw error;
      const why = error.message.replace(/^This pair cannot be locked: /, "");
      throw new AppError(error.code, `These two cannot be swapped: ${names.get(mentee) ?? "the mentee"} cannot have ${names.get(mentor) ?? "that mentor"} (${why})`);
    }
  }
  return { ok: true };
}

/** Confirms a run: the proposed pairs become active relationships (or groups confirmed), and both people are told. */
export async function confirmRun(tx: Tx, options: { organisationId: string; runId: string; actorPersonId: string; mailer: Mailer; publicUrl: string; now: Date }) {
  const [run] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.id, options.runId)));
  if (!run) throw new AppError("NOT_FOUND", "That match run does not exist in this organisation");
  if (run.status !== "done") {
    throw new AppError("CONFLICT", run.status === "confirmed" ? "This run is already confirmed" : run.status === "superseded" ? "A newer run replaced this one; confirm that one" : "This run has not finished");
  }
  const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: run.schemeId, now: options.now });
  const app = `${options.publicUrl.replace(/\/$/, "")}/app/matches`;
  const created: string[] = [];
  const skipped: { name: string; reason: string }[] = [];
  if (run.mode === "cohort") {
    const groups = await tx.select().from(cohortGroups).where(and(eq(cohortGroups.organisationId, options.organisationId), eq(cohortGroups.runId, run.id)));
    await tx.update(cohortGroups).set({ status: "confirmed" }).where(and(eq(cohortGroups.organisationId, options.organisationId), eq(cohortGroups.runId, run.id)));
    for (const group of groups) {
      const members = group.memberEnrolmentIds.map((id) => inputs.profiles.get(id)).filter((p) => p !== undefined);
      for (const member of members) {
        const others = members.filter((m) => m !== member).map((m) => m.name);
        await mailTo(tx, options.mailer, member.personId, {
          subject: `${inputs.scheme.name}: your co-mentoring group`,
          text: [`You are in a group with ${others.join(" and ")}.`, "", `See your group: ${app}`].join("\n"),
        });
      }
      created.push(group.id);
    }
  } else {
    const proposals = await tx
      .select()
      .from(matchProposals)
      .where(and(eq(matchProposals.organisationId, options.organisationId), eq(matchProposals.runId, run.id), eq(matchProposals.proposed, true)));
    const waiting = new Set(inputs.mentees.map((m) => m.id));
    const placesLeft = new Map(inputs.mentors.map((m) => [m.id, m.ready ? m.capacityLeft : 0]));
    for (const p of proposals) {
      const mentee = inputs.profiles.get(p.menteeEnrolmentId);
      const mentor = inputs.profiles.get(p.mentorEnrolmentId);
      const left = placesLeft.get(p.mentorEnrolmentId) ?? 0;
      // The pool may have changed since the run: skip what no longer holds, and say so.
      if (!mentee || !mentor || !waiting.has(p.menteeEnrolmentId) || left <= 0 || inputs.blocked.has(pairKey(p.menteeEnrolmentId, p.mentorEnrolmentId))) {
        skipped.push({ name: mentee?.name ?? "A mentee who left", reason: !mentee || !waiting.has(p.menteeEnrolmentId) ? "already matched or left the scheme" : "the mentor is no longer available" });
        continue;
      }
      placesLeft.set(p.mentorEnrolmentId, left - 1);
      const [rel] = await tx
        .insert(relationships)
        .values({
          organisationId: options.organisationId,
          schemeId: run.schemeId,
          menteeEnrolmentId: mentee.enrolmentId,
          mentorEnrolmentId: mentor.enrolmentId,
          menteePersonId: mentee.personId,
          mentorPersonId: mentor.personId,
          status: "active",
          origin: run.mode === "next_available" ? "next_available" : "allocation",
          runId: run.id,
          score: p.score,
          explanation: p.explanation,
          startedAt: options.now,
        })
        .returning({ id: relationships.id });
      created.push(rel!.id);
      const first = inputs.rules.matching.firstContact === "mentor" ? "Your mentor will contact you to arrange the first meeting." : "Please contact your mentor to arrange the first meeting.";
      await mailTo(tx, options.mailer, mentee.personId, {
        subject: `${inputs.scheme.name}: you have been matched with a mentor`,
        text: [`Your mentor is ${mentor.name}.`, first, "", `See your match: ${app}`].join("\n"),
      });
      await mailTo(tx, options.mailer, mentor.personId, {
        subject: `${inputs.scheme.name}: you have a new mentee`,
        text: [
          `Your new mentee is ${mentee.name}.`,
          inputs.rules.matching.firstContact === "mentor" ? "Please contact them to arrange the first meeting." : "They will contact you to arrange the first meeting.",
          "",
          `See your mentees: ${app}`,
        ].join("\n"),
      });
    }
    // Locks have done their job once the pairs exist.
    await tx.delete(matchConstraints).where(and(eq(matchConstraints.organisationId, options.organisationId), eq(matchConstraints.schemeId, run.schemeId), eq(matchConstraints.kind, "lock")));
    await refreshMentorPlaces(tx, options.organisationId, run.schemeId, options.now);
  }
  await tx.update(matchRuns).set({ status: "confirmed", confirmedAt: options.now }).where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.id, run.id)));
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: "matching.run_confirmed", subjectId: run.id });
  return { created: created.length, skipped };
}

export async function mailTo(tx: Tx, mailer: Mailer, personId: string, email: { subject: string; text: string }) {
  const [person] = await tx.select({ email: people.email, name: people.name }).from(people).where(eq(people.id, personId));
  if (!person) return;
  await mailer.send(tx, { to: person.email, subject: email.subject, text: `Dear ${person.name},\n\n${email.text}` });
}
