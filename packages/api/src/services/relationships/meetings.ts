// Meetings of a relationship (SPEC section 6): a member proposes up to three times and another picks
// one (a group's facilitators schedule sessions directly); either moves or cancels a meeting, telling
// the others; after it, either records that it was held (or missed). The rules of the relationship's
// own version are obeyed with a clear message: kinds, the cap, lengths, modes.
import {
  assignKinds,
  checkMeetingTime,
  kindOfNewMeeting,
  londonInstant,
  londonWallClock,
  type MeetingFacts,
  type MeetingProblem,
  meetingModeWords,
  type MeetingMode,
  meetingPlan,
  type MeetingTimeFields,
  type ProposedTime,
  whyNoMoreMeetings,
} from "@tandem/core";
import { and, eq, inArray } from "drizzle-orm";
import { type Meeting, meetingAttendance, meetings, type ProposedMeetingTime, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { assertActive, assertArranger, type RelationshipInHand } from "./load";
import { askForFeedbackIfDue } from "../feedback/invite";
import { completeRelationship } from "./lifecycle";
import { scheduleMeetingReminders } from "./reminders";

export interface MemberAction {
  organisationId: string;
  hand: RelationshipInHand;
  now: Date;
  mailer: Mailer;
  publicUrl: string;
}


/** A meeting time as people entered it, as an instant with its details. */
export function toProposedTime(time: MeetingTimeFields): ProposedTime {
  return { startsAt: londonInstant(time.date, time.start), minutes: time.minutes, mode: time.mode, place: time.place?.trim() || null, link: time.link?.trim() || null };
}

function throwProblems(problems: MeetingProblem[]) {
  if (problems.length === 0) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const p of problems) (fieldErrors[p.path] ??= []).push(p.message);
  throw new AppError("BAD_REQUEST", problems[0]!.message, fieldErrors);
}

export function asFacts(m: Meeting): MeetingFacts {
  const first = m.proposedTimes[0];
  return {
    id: m.id,
    kind: m.kind,
    status: m.status,
    startsAt: m.startsAt ?? (first ? new Date(first.startsAt) : null),
    minutes: m.minutes,
    final: m.final,
    createdAt: m.createdAt,
  };
}

export async function meetingsOf(tx: Tx, options: { organisationId: string; relationshipId: string }) {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.relationshipId, options.relationshipId)));
}

async function loadMeeting(tx: Tx, action: MemberAction, meetingId: string) {
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meetingId), eq(meetings.relationshipId, action.hand.relationship.id)));
  if (!meeting) throw new AppError("NOT_FOUND", "That meeting is not in this relationship");
  return meeting;
}

/** After any change, the kinds of meetings not yet held follow the rules again (a cancelled contract passes on). */
async function reassignKinds(tx: Tx, action: MemberAction) {
  const all = await meetingsOf(tx, { organisationId: action.organisationId, relationshipId: action.hand.relationship.id });
  const kinds = assignKinds(action.hand.rules, all.map(asFacts));
  for (const m of all) {
    const kind = kinds.get(m.id);
    if (kind && kind !== m.kind && m.status !== "held") {
      await tx.update(meetings).set({ kind }).where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, m.id)));
    }
  }
}

function describeTime(t: { startsAt: Date; minutes: number; mode: MeetingMode; place?: string | null }) {
  const { date, time } = londonWallClock(t.startsAt);
  return `${date} at ${time} for ${t.minutes} minutes, ${meetingModeWords[t.mode]}${t.mode === "in_person" && t.place ? ` (${t.place})` : ""}`;
}

/** Tells the relationship's other current members about a change to a meeting. */
async function tellOthers(tx: Tx, action: MemberAction, subject: string, lines: string[]) {
  const link = appLink(action.publicUrl, `relationships/${action.hand.relationship.id}`);
  for (const member of action.hand.members) {
    if (member.personId === action.hand.me.personId || member.leftAt !== null) continue;
    await mailTo(tx, action.mailer, member.personId, { subject: `${action.hand.scheme.name}: ${subject}`, text: [...lines, "", link].join("\n") });
  }
}

const kindWords = { contract: "contract meeting", regular: "meeting", review: "review meeting" } as const;

/** Proposes a meeting with up to three times (or, in a group, schedules a session at one time). */
export async function proposeMeeting(tx: Tx, action: MemberAction & { times: MeetingTimeFields[]; final: boolean }) {
  const { hand } = action;
  assertActive(hand);
  assertArranger(hand);
  const existing = await meetingsOf(tx, { organisationId: action.organisationId, relationshipId: hand.relationship.id });
  const facts = existing.map(asFacts);
  const plan = meetingPlan({ rules: hand.rules, meetings: facts, startedAt: hand.relationship.startedAt, now: action.now });
  const why = whyNoMoreMeetings(hand.rules, plan);
  if (why) throw new AppError("CONFLICT", why);
  const kind = kindOfNewMeeting(hand.rules, facts, action.final);
  if (!kind) throw new AppError("CONFLICT", `This scheme allows ${hand.rules.meetings.max} meetings`);
  if (existing.some((m) => m.status === "proposed")) {
    throw new AppError("CONFLICT", "A meeting is already waiting for a time to be picked: pick a time, or cancel it first");
  }
  const group = hand.relationship.kind === "group";
  if (group && action.times.length !== 1) {
    throw new AppError("BAD_REQUEST", "Give one time for a group session", { times: ["Give one time for a group session"] });
  }
  const times = action.times.map(toProposedTime);
  throwProblems(times.flatMap((t, i) => checkMeetingTime(hand.rules, t, { now: action.now, path: `times.${i}` })));
  const first = times[0]!;
  const [meeting] = await tx
    .insert(meetings)
    .values({
      organisationId: action.organisationId,
      relationshipId: hand.relationship.id,
      kind,
      status: group ? "scheduled" : "proposed",
      proposedTimes: group ? [] : times.map(storedTime),
      proposedByPersonId: hand.me.personId,
      startsAt: group ? first.startsAt : null,
      minutes: first.minutes,
      mode: first.mode,
      place: first.place ?? null,
      link: first.link ?? null,
      final: action.final,
      createdAt: action.now,
      updatedAt: action.now,
    })
    .returning();
  if (group) await scheduleMeetingReminders(tx, { organisationId: action.organisationId, meetingId: meeting!.id, startsAt: first.startsAt, sequence: meeting!.sequence, now: action.now });
  await tellOthers(
    tx,
    action,
    group ? `a group session on ${londonWallClock(first.startsAt).date}` : `please pick a time for your ${kindWords[kind]}`,
    group
      ? [`A session has been arranged: ${describeTime(first)}.`]
      : ["A time has been proposed for your next meeting. Please pick the one that suits you, or suggest others:", ...times.map((t) => `- ${describeTime(t)}`)],
  );
  await recordAudit(tx, { organisationId: action.organisationId, actorPersonId: hand.me.personId, action: "meeting.proposed", subjectId: meeting!.id });
  return { meetingId: meeting!.id, kind, status: meeting!.status };
}

function storedTime(t: ProposedTime): ProposedMeetingTime {
  return { startsAt: t.startsAt.toISOString(), minutes: t.minutes, mode: t.mode, place: t.place ?? null, link: t.link ?? null };
}

/** Another member picks one of the proposed times: the meeting is scheduled. */
export async function pickMeetingTime(tx: Tx, action: MemberAction & { meetingId: string; choice: number }) {
  const { hand } = action;
  assertActive(hand);
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status !== "proposed") throw new AppError("CONFLICT", "This meeting already has its time");
  if (meeting.proposedByPersonId === hand.me.personId) throw new AppError("CONFLICT", "The other member picks one of the times you proposed");
  const chosen = meeting.proposedTimes[action.choice];
  if (!chosen) throw new AppError("BAD_REQUEST", "Choose one of the times", { choice: ["Choose one of the times"] });
  const startsAt = new Date(chosen.startsAt);
  if (startsAt.getTime() <= action.now.getTime()) throw new AppError("CONFLICT", "That time has passed: suggest other times instead");
  await tx
    .update(meetings)
    .set({ status: "scheduled", startsAt, minutes: chosen.minutes, mode: chosen.mode, place: chosen.place, link: chosen.link, proposedTimes: [], updatedAt: action.now })
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meeting.id)));
  await reassignKinds(tx, action);
  await scheduleMeetingReminders(tx, { organisationId: action.organisationId, meetingId: meeting.id, startsAt, sequence: meeting.sequence, now: action.now });
  await tellOthers(tx, action, `your meeting on ${londonWallClock(startsAt).date}`, [`A time has been picked: ${describeTime({ ...chosen, startsAt })}.`]);
  return { ok: true as const };
}

/** Instead of picking, a member proposes other times. */
export async function counterProposeMeeting(tx: Tx, action: MemberAction & { meetingId: string; times: MeetingTimeFields[] }) {
  const { hand } = action;
  assertActive(hand);
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status !== "proposed") throw new AppError("CONFLICT", "This meeting already has its time: move it instead");
  const times = action.times.map(toProposedTime);
  throwProblems(times.flatMap((t, i) => checkMeetingTime(hand.rules, t, { now: action.now, path: `times.${i}` })));
  const first = times[0]!;
  await tx
    .update(meetings)
    .set({ proposedTimes: times.map(storedTime), proposedByPersonId: hand.me.personId, minutes: first.minutes, mode: first.mode, updatedAt: action.now })
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meeting.id)));
  await tellOthers(tx, action, "other times for your meeting", ["Other times have been suggested for your meeting. Please pick one:", ...times.map((t) => `- ${describeTime(t)}`)]);
  return { ok: true as const };
}

/** Moves a scheduled meeting to a new time (the calendar sequence goes up); the others are told. */
export async function rescheduleMeeting(tx: Tx, action: MemberAction & { meetingId: string; time: MeetingTimeFields }) {
  const { hand } = action;
  assertActive(hand);
  assertArranger(hand);
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status !== "scheduled") throw new AppError("CONFLICT", meeting.status === "proposed" ? "Suggest other times instead: this meeting has no time yet" : "Only a meeting still to come can be moved");
  const time = toProposedTime(action.time);
  throwProblems(checkMeetingTime(hand.rules, time, { now: action.now, path: "time" }));
  await tx
    .update(meetings)
    .set({ startsAt: time.startsAt, minutes: time.minutes, mode: time.mode, place: time.place ?? null, link: time.link ?? null, sequence: meeting.sequence + 1, updatedAt: action.now })
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meeting.id)));
  await reassignKinds(tx, action);
  await scheduleMeetingReminders(tx, { organisationId: action.organisationId, meetingId: meeting.id, startsAt: time.startsAt, sequence: meeting.sequence + 1, now: action.now });
  await tellOthers(tx, action, "a meeting has moved", [`Your meeting has moved to ${describeTime(time)}.`]);
  return { ok: true as const };
}

/** Cancels a proposed or scheduled meeting; the others are told, and later meetings' kinds follow. */
export async function cancelMeeting(tx: Tx, action: MemberAction & { meetingId: string }) {
  const { hand } = action;
  assertArranger(hand);
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status !== "proposed" && meeting.status !== "scheduled") throw new AppError("CONFLICT", "Only a meeting still to come can be cancelled");
  await tx
    .update(meetings)
    .set({ status: "cancelled", cancelledByPersonId: hand.me.personId, cancelledAt: action.now, sequence: meeting.sequence + 1, updatedAt: action.now })
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meeting.id)));
  await reassignKinds(tx, action);
  await tellOthers(
    tx,
    action,
    "a meeting has been cancelled",
    [meeting.startsAt ? `Your meeting on ${describeTime({ ...meeting, startsAt: meeting.startsAt })} has been cancelled.` : "A proposed meeting has been withdrawn.", "You can propose another time."],
  );
  await recordAudit(tx, { organisationId: action.organisationId, actorPersonId: hand.me.personId, action: "meeting.cancelled", subjectId: meeting.id });
  return { ok: true as const };
}

/** Marks a meeting still to come as the pair's last one (it becomes the review where the scheme has one). */
export async function setFinalMeeting(tx: Tx, action: MemberAction & { meetingId: string; final: boolean }) {
  const { hand } = action;
  assertActive(hand);
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status !== "proposed" && meeting.status !== "scheduled") throw new AppError("CONFLICT", "Only a meeting still to come can be marked as the last");
  if (action.final) {
    await tx
      .update(meetings)
      .set({ final: false })
      .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.relationshipId, hand.relationship.id), inArray(meetings.status, ["proposed", "scheduled"])));
  }
  await tx.update(meetings).set({ final: action.final, updatedAt: action.now }).where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meeting.id)));
  await reassignKinds(tx, action);
  return { ok: true as const };
}

/**
 * Records what happened: held (with its real length, and in co-mentoring who took the speaker's
 * turn) or missed. Holding the review, the meeting marked final or the last the cap allows completes
 * the relationship.
 */
export async function recordMeeting(
  tx: Tx,
  action: MemberAction & { meetingId: string; outcome: "held" | "missed"; minutes?: number; speakerPersonIds?: string[] },
) {
  const { hand } = action;
  assertArranger(hand);
  if (hand.relationship.status !== "active" && hand.relationship.status !== "paused") throw new AppError("CONFLICT", "This relationship has ended");
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status === "proposed" || meeting.status === "cancelled") throw new AppError("CONFLICT", "Only a meeting that had a time can be recorded");
  if (!meeting.startsAt || meeting.startsAt.getTime() > action.now.getTime()) throw new AppError("CONFLICT", "You can record a meeting once it has started");
  const speakers = action.speakerPersonIds ?? [];
  if (speakers.length > 0) {
    if (hand.relationship.kind !== "co_mentoring") throw new AppError("BAD_REQUEST", "Speakers' turns are recorded in co-mentoring only", { speakerPersonIds: ["Speakers' turns are recorded in co-mentoring only"] });
    const peers = new Set(hand.members.map((m) => m.personId));
    if (speakers.some((id) => !peers.has(id))) throw new AppError("BAD_REQUEST", "Choose speakers from the group", { speakerPersonIds: ["Choose speakers from the group"] });
  }
  const held = action.outcome === "held";
  await tx
    .update(meetings)
    .set({
      status: action.outcome,
      heldMinutes: held ? (action.minutes ?? meeting.minutes) : null,
      speakerPersonIds: held ? [...new Set(speakers)] : [],
      recordedByPersonId: hand.me.personId,
      recordedAt: action.now,
      updatedAt: action.now,
    })
    .where(and(eq(meetings.organisationId, action.organisationId), eq(meetings.id, meeting.id)));
  await reassignKinds(tx, action);
  await recordAudit(tx, { organisationId: action.organisationId, actorPersonId: hand.me.personId, action: `meeting.${action.outcome}`, subjectId: meeting.id });
  const all = (await meetingsOf(tx, { organisationId: action.organisationId, relationshipId: hand.relationship.id })).map(asFacts);
  const plan = meetingPlan({ rules: hand.rules, meetings: all, startedAt: hand.relationship.startedAt, now: action.now });
  if (held && plan.finished) {
    await completeRelationship(tx, { ...action, why: "final_meeting" });
    return { ok: true as const, completed: true };
  }
  // Halfway through: the midpoint feedback, where the scheme asks for it.
  if (held) await askForFeedbackIfDue(tx, { organisationId: action.organisationId, relationshipId: hand.relationship.id, now: action.now, mailer: action.mailer, publicUrl: action.publicUrl });
  return { ok: true as const, completed: false };
}

/** A group's facilitators record who came to a session. */
export async function recordAttendance(tx: Tx, action: MemberAction & { meetingId: string; entries: { personId: string; attended: boolean }[] }) {
  const { hand } = action;
  if (hand.relationship.kind !== "group") throw new AppError("CONFLICT", "Attendance is recorded for group sessions");
  assertArranger(hand);
  const meeting = await loadMeeting(tx, action, action.meetingId);
  if (meeting.status !== "held") throw new AppError("CONFLICT", "Record the session as held first");
  const members = new Set(hand.members.filter((m) => m.role !== "facilitator").map((m) => m.personId));
  const unknown = action.entries.filter((e) => !members.has(e.personId));
  if (unknown.length > 0) throw new AppError("BAD_REQUEST", "Record attendance for the group's members only", { entries: ["Record attendance for the group's members only"] });
  for (const entry of action.entries) {
    await tx
      .insert(meetingAttendance)
      .values({ organisationId: action.organisationId, meetingId: meeting.id, personId: entry.personId, attended: entry.attended, recordedByPersonId: hand.me.personId, recordedAt: action.now })
      .onConflictDoUpdate({
        target: [meetingAttendance.organisationId, meetingAttendance.meetingId, meetingAttendance.personId],
        set: { attended: entry.attended, recordedByPersonId: hand.me.personId, recordedAt: action.now },
      });
  }
  return { ok: true as const };
}
