// Reviewing matching: the console's first screen (pool readiness, who is waiting, adjustments, recent
// runs) and one run with its proposals, each named and explained for the coordinator. Reads only.
import { and, desc, eq } from "drizzle-orm";
import { cohortGroups, enrolments, matchConstraints, matchProposals, matchRuns, people, schemes, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { loadMatchingInputs } from "./inputs";
import { modesFor, RunOptions, type RunPhase, runPhases, type Summary } from "./runs";

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

export async function enrolmentNames(tx: Tx, organisationId: string, schemeId: string) {
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
    /** Mentees the scheme's required preparation course holds back until they finish it. */
    heldForPreparation: [...inputs.heldForPreparation].filter((id) => !inputs.menteesWithLiveRelationship.has(id)).map((id) => ({ enrolmentId: id, name: names(id) })),
    peers: inputs.peers.length,
    constraints: constraints.map((c) => ({ menteeEnrolmentId: c.menteeEnrolmentId, mentorEnrolmentId: c.mentorEnrolmentId, kind: c.kind, menteeName: names(c.menteeEnrolmentId), mentorName: names(c.mentorEnrolmentId) })),
    runs: await listRuns(tx, options),
  };
}
