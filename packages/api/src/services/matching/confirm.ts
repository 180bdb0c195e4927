// Confirming a run: the proposed pairs become active relationships, or each confirmed group becomes a
// co-mentoring or group relationship (with facilitators where the scheme has them), and everyone is
// told by email with the others' contact details (written to the outbox; it leaves after commit).
import { pairKey } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { cohortGroups, isPair, matchConstraints, matchProposals, matchRuns, relationships, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import type { Mailer } from "../mail";
import { addMembers, addPairMembers } from "../relationships/members";
import { announceGroup, announcePair } from "../relationships/welcome";
import { loadMatchingInputs } from "./inputs";

/** Confirms a run: the proposed pairs become active relationships (or groups confirmed), and both people are told. */
export async function confirmRun(tx: Tx, options: { organisationId: string; runId: string; actorPersonId: string; mailer: Mailer; publicUrl: string; now: Date }) {
  const [run] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.id, options.runId)));
  if (!run) throw new AppError("NOT_FOUND", "That match run does not exist in this organisation");
  if (run.status !== "done") {
    throw new AppError("CONFLICT", run.status === "confirmed" ? "This run is already confirmed" : run.status === "superseded" ? "A newer run replaced this one; confirm that one" : "This run has not finished");
  }
  const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: run.schemeId, now: options.now });
  const created: string[] = [];
  const skipped: { name: string; reason: string }[] = [];
  if (run.mode === "cohort") {
    const groups = await tx.select().from(cohortGroups).where(and(eq(cohortGroups.organisationId, options.organisationId), eq(cohortGroups.runId, run.id)));
    await tx.update(cohortGroups).set({ status: "confirmed" }).where(and(eq(cohortGroups.organisationId, options.organisationId), eq(cohortGroups.runId, run.id)));
    const format = inputs.rules.format;
    const kind = format.kind === "group" ? ("group" as const) : ("co_mentoring" as const);
    // Facilitators (groups): the scheme's ready mentors, spread over the groups within their places.
    const places = new Map(inputs.mentors.filter((m) => m.ready && m.capacityLeft > 0).map((m) => [m.id, m.capacityLeft]));
    const perGroup = format.kind === "group" ? format.facilitators : 0;
    for (const group of groups) {
      const members = group.memberEnrolmentIds.map((id) => inputs.profiles.get(id)).filter((p) => p !== undefined);
      const facilitators = [...places.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, perGroup)
        .map(([id]) => inputs.profiles.get(id)!);
      for (const f of facilitators) places.set(f.enrolmentId, places.get(f.enrolmentId)! - 1);
      for (const [id, left] of places) if (left <= 0) places.delete(id);
      if (facilitators.length < perGroup) skipped.push({ name: members.map((m) => m.name).join(", "), reason: `only ${facilitators.length} of ${perGroup} facilitators could be found` });
      const [rel] = await tx
        .insert(relationships)
        .values({
          organisationId: options.organisationId,
          schemeId: run.schemeId,
          kind,
          status: "active",
          origin: "cohort",
          runId: run.id,
          cohortGroupId: group.id,
          rulesVersion: inputs.scheme.currentVersion,
          score: group.score,
          explanation: group.explanation,
          startedAt: options.now,
        })
        .returning({ id: relationships.id });
      await addMembers(tx, {
        organisationId: options.organisationId,
        relationshipId: rel!.id,
        now: options.now,
        members: [
          ...members.map((m) => ({ personId: m.personId, enrolmentId: m.enrolmentId, role: kind === "group" ? ("member" as const) : ("peer" as const) })),
          ...facilitators.map((f) => ({ personId: f.personId, enrolmentId: f.enrolmentId, role: "facilitator" as const })),
        ],
      });
      await announceGroup(tx, {
        schemeName: inputs.scheme.name,
        relationshipId: rel!.id,
        kind,
        memberPersonIds: members.map((m) => m.personId),
        facilitatorPersonIds: facilitators.map((f) => f.personId),
        mailer: options.mailer,
        publicUrl: options.publicUrl,
      });
      created.push(rel!.id);
    }
    if (perGroup > 0) await refreshMentorPlaces(tx, options.organisationId, run.schemeId, options.now);
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
          rulesVersion: inputs.scheme.currentVersion,
          score: p.score,
          explanation: p.explanation,
          startedAt: options.now,
        })
        .returning();
      if (!rel || !isPair(rel)) throw new Error("a confirmed pair was not stored as a pair");
      await addPairMembers(tx, { relationship: rel, now: options.now });
      created.push(rel.id);
      await announcePair(tx, {
        rules: inputs.rules,
        schemeName: inputs.scheme.name,
        relationshipId: rel.id,
        menteePersonId: mentee.personId,
        mentorPersonId: mentor.personId,
        mailer: options.mailer,
        publicUrl: options.publicUrl,
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
