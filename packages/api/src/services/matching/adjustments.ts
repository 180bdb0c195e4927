// The coordinator's adjustments between runs: lock a pair (always propose), exclude it (never), or
// swap two mentees' proposed mentors; every later run respects them until they are cleared.
import { scorePair } from "@tandem/core";
import { and, eq, inArray } from "drizzle-orm";
import { matchConstraints, matchProposals, matchRuns, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { loadMatchingInputs } from "./inputs";
import { enrolmentNames } from "./run-view";

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
    return { ok: true as const };
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
  return { ok: true as const };
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
  return { ok: true as const };
}
