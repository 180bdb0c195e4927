// Confirming a run: the proposed pairs become active relationships (or the groups are confirmed), and
// everyone is told by email (written to the outbox; it leaves after commit).
import { pairKey } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { cohortGroups, matchConstraints, matchProposals, matchRuns, relationships, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { loadMatchingInputs } from "./inputs";

/** Confirms a run: the proposed pairs become active relationships (or groups confirmed), and both people are told. */
export async function confirmRun(tx: Tx, options: { organisationId: string; runId: string; actorPersonId: string; mailer: Mailer; publicUrl: string; now: Date }) {
  const [run] = await tx.select().from(matchRuns).where(and(eq(matchRuns.organisationId, options.organisationId), eq(matchRuns.id, options.runId)));
  if (!run) throw new AppError("NOT_FOUND", "That match run does not exist in this organisation");
  if (run.status !== "done") {
    throw new AppError("CONFLICT", run.status === "confirmed" ? "This run is already confirmed" : run.status === "superseded" ? "A newer run replaced this one; confirm that one" : "This run has not finished");
  }
  const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: run.schemeId, now: options.now });
  const app = appLink(options.publicUrl, "matches");
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
