// Ending a match early: the mentee's no-fault change (the reason is for them and the coordinator only;
// the mentor is told only that the match ended, and the pair is never proposed again), and either
// member ending it after the trial meeting where the scheme has one.
import { meetingPlan } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { noFaultChangeReasons, relationships, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import { appLink, type Effects, mailTo } from "../notify";
import { askForFeedbackIfDue } from "../feedback/invite";
import { cancelUpcoming } from "../relationships/lifecycle";
import { rulesOf } from "../relationships/load";
import { asFacts, meetingsOf } from "../relationships/meetings";
import { loadScheme } from "./inputs";
import { loadPair } from "./requests";

/** The mentee asks for a no-fault change: the match ends, the pair is never proposed again. */
export async function noFaultChange(tx: Tx, options: Effects & { organisationId: string; relationshipId: string; personId: string; reason?: string }) {
  const rel = await loadPair(tx, options.organisationId, options.relationshipId);
  if (rel.menteePersonId !== options.personId) {
    const mentor = rel.mentorPersonId === options.personId;
    throw new AppError(mentor ? "FORBIDDEN" : "NOT_FOUND", mentor ? "Only the mentee can ask for a no-fault change" : "That match does not exist");
  }
  if (rel.status !== "active" && rel.status !== "paused") throw new AppError("CONFLICT", "This match has already ended");
  await closeRelationship(tx, options.organisationId, rel.id, "no_fault_change", options.now);
  await cancelUpcoming(tx, { organisationId: options.organisationId, relationshipId: rel.id, personId: options.personId, now: options.now });
  if (options.reason) await tx.insert(noFaultChangeReasons).values({ organisationId: options.organisationId, relationshipId: rel.id, reason: options.reason });
  const { scheme } = await loadScheme(tx, options.organisationId, rel.schemeId);
  const link = appLink(options.publicUrl, "matches");
  // The mentor hears only that the match ended: no reason, and no suggestion of fault.
  await mailTo(tx, options.mailer, rel.mentorPersonId, {
    subject: `${scheme.name}: a mentoring match has ended`,
    text: ["One of your mentoring matches has ended. This is a normal part of mentoring and needs nothing from you.", "", link].join("\n"),
  });
  await mailTo(tx, options.mailer, rel.menteePersonId, {
    subject: `${scheme.name}: your no-fault change`,
    text: ["Your match has ended. You will not be matched with the same mentor again.", "You can now choose or be matched with another mentor.", "", link].join("\n"),
  });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: "matching.no_fault_change", subjectId: rel.id });
  await askForFeedbackIfDue(tx, { ...options, relationshipId: rel.id });
  await refreshMentorPlaces(tx, options.organisationId, rel.schemeId, options.now);
  return { ok: true as const };
}

/** Either member ends the match after the trial meeting, where the scheme has one. */
export async function endAfterTrial(tx: Tx, options: Effects & { organisationId: string; relationshipId: string; personId: string }) {
  const rel = await loadPair(tx, options.organisationId, options.relationshipId);
  if (rel.menteePersonId !== options.personId && rel.mentorPersonId !== options.personId) throw new AppError("NOT_FOUND", "That match does not exist");
  if (rel.status !== "active" && rel.status !== "paused") throw new AppError("CONFLICT", "This match has already ended");
  const { scheme } = await loadScheme(tx, options.organisationId, rel.schemeId);
  // The relationship's own rules version decides, and the trial is the contract meeting.
  const rules = await rulesOf(tx, rel);
  if (!rules.matching.trialMeeting) throw new AppError("CONFLICT", "This scheme has no trial meeting; ask your coordinator about ending the match");
  const plan = meetingPlan({ rules, meetings: (await meetingsOf(tx, { organisationId: options.organisationId, relationshipId: rel.id })).map(asFacts), startedAt: rel.startedAt, now: options.now });
  if (!plan.canEndAfterTrial) {
    throw new AppError(
      "CONFLICT",
      plan.held === 0 ? "You can end the match this way once your first (contract) meeting has been held" : "The trial has passed: after the first meeting, ending is a withdrawal",
    );
  }
  await closeRelationship(tx, options.organisationId, rel.id, "ended_after_trial", options.now);
  await cancelUpcoming(tx, { organisationId: options.organisationId, relationshipId: rel.id, personId: options.personId, now: options.now });
  const other = rel.menteePersonId === options.personId ? rel.mentorPersonId : rel.menteePersonId;
  await mailTo(tx, options.mailer, other, {
    subject: `${scheme.name}: a mentoring match has ended after the trial meeting`,
    text: ["Your match has ended after the trial meeting, as the scheme allows. No reason is needed and none is recorded.", "", appLink(options.publicUrl, "matches")].join("\n"),
  });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: "matching.ended_after_trial", subjectId: rel.id });
  await askForFeedbackIfDue(tx, { ...options, relationshipId: rel.id });
  await refreshMentorPlaces(tx, options.organisationId, rel.schemeId, options.now);
  return { ok: true as const };
}

async function closeRelationship(tx: Tx, organisationId: string, id: string, reason: "no_fault_change" | "ended_after_trial", now: Date) {
  await tx.update(relationships).set({ status: "closed", closedReason: reason, endedAt: now }).where(and(eq(relationships.organisationId, organisationId), eq(relationships.id, id)));
}
