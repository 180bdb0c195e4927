// Support events (support groups, development events, conferences, supervision), their attendance
// registers, peer appraisals by convenors, and coordinators' approval of mentors.
import { and, asc, count, desc, eq, gte, lte, max } from "drizzle-orm";
import { enrolments, mentorApprovals, memberships, peerAppraisals, people, schemes, supportAttendance, supportEvents, type Tx } from "@tandem/db";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces, refreshMentorPlacesFor } from "../enrolments";

export interface EventFields {
  kind: (typeof supportEvents.kind.enumValues)[number];
  title: string;
  heldOn: string;
  location?: string | null | undefined;
  schemeId?: string | null | undefined;
  convenorPersonId?: string | null | undefined;
  places?: number | null | undefined;
}

export async function saveEvent(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; eventId?: string | undefined; fields: EventFields },
) {
  const values = {
    kind: options.fields.kind,
    title: options.fields.title,
    heldOn: options.fields.heldOn,
    location: options.fields.location ?? null,
    schemeId: options.fields.schemeId ?? null,
    convenorPersonId: options.fields.convenorPersonId ?? null,
    places: options.fields.places ?? null,
  };
  let id = options.eventId;
  if (id) {
    const updated = await tx
      .update(supportEvents)
      .set(values)
      .where(and(eq(supportEvents.organisationId, options.organisationId), eq(supportEvents.id, id)))
      .returning({ id: supportEvents.id });
    if (updated.length === 0) throw new AppError("NOT_FOUND", "That event does not exist in this organisation");
  } else {
    const [row] = await tx.insert(supportEvents).values({ organisationId: options.organisationId, ...values }).returning({ id: supportEvents.id });
    id = row!.id;
  }
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: options.eventId ? "event.updated" : "event.created",
    subjectType: "support_event",
    subjectId: id,
  });
  return { eventId: id };
}

export async function listEvents(tx: Tx, options: { organisationId: string; from?: string | undefined }) {
  const events = await tx
    .select()
    .from(supportEvents)
    .where(and(eq(supportEvents.organisationId, options.organisationId), options.from ? gte(supportEvents.heldOn, options.from) : undefined))
    .orderBy(asc(supportEvents.heldOn));
  const register = await tx
    .select({ eventId: supportAttendance.eventId, personId: supportAttendance.personId, name: people.name, status: supportAttendance.status })
    .from(supportAttendance)
    .innerJoin(people, eq(people.id, supportAttendance.personId))
    .where(eq(supportAttendance.organisationId, options.organisationId));
  return events.map((event) => ({ ...event, register: register.filter((r) => r.eventId === event.id) }));
}

export async function setAttendance(
  tx: Tx,
  options: {
    organisationId: string;
    actorPersonId: string;
    eventId: string;
    entries: { personId: string; status: "signed_up" | "attended" | "absent" }[];
  },
) {
  const [event] = await tx
    .select({ id: supportEvents.id })
    .from(supportEvents)
    .where(and(eq(supportEvents.organisationId, options.organisationId), eq(supportEvents.id, options.eventId)));
  if (!event) throw new AppError("NOT_FOUND", "That event does not exist in this organisation");
  for (const entry of options.entries) {
    const [member] = await tx
      .select({ personId: memberships.personId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.personId, entry.personId)));
    if (!member) throw new AppError("NOT_FOUND", "Someone on the register is not a member of this organisation");
    await tx
      .insert(supportAttendance)
      .values({ organisationId: options.organisationId, eventId: event.id, personId: entry.personId, status: entry.status, recordedByPersonId: options.actorPersonId })
      .onConflictDoUpdate({
        target: [supportAttendance.organisationId, supportAttendance.eventId, supportAttendance.personId],
        set: { status: entry.status, recordedByPersonId: options.actorPersonId, recordedAt: new Date() },
      });
  }
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "event.attendance_recorded",
    subjectType: "support_event",
    subjectId: event.id,
    details: { entries: options.entries.length },
  });
  await refreshMentorPlacesFor(tx, options.organisationId, options.entries.map((e) => e.personId));
  return { eventId: event.id, recorded: options.entries.length };
}

export async function recordAppraisal(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; mentorPersonId: string; appraisedOn: string; now: Date },
) {
  if (options.appraisedOn > options.now.toISOString().slice(0, 10)) {
    throw new AppError("BAD_REQUEST", "The appraisal date is in the future", { appraisedOn: ["The appraisal date is in the future"] });
  }
  const [member] = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.personId, options.mentorPersonId)));
  if (!member) throw new AppError("NOT_FOUND", "That mentor is not a member of this organisation");
  const [row] = await tx
    .insert(peerAppraisals)
    .values({ organisationId: options.organisationId, mentorPersonId: options.mentorPersonId, convenorPersonId: options.actorPersonId, appraisedOn: options.appraisedOn })
    .returning({ id: peerAppraisals.id });
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "appraisal.recorded",
    subjectType: "person",
    subjectId: options.mentorPersonId,
  });
  await refreshMentorPlacesFor(tx, options.organisationId, options.mentorPersonId, options.now);
  return { appraisalId: row!.id };
}

export async function decideMentor(
  tx: Tx,
  options: {
    organisationId: string;
    actorPersonId: string;
    schemeId: string;
    personId: string;
    decision: "approved" | "declined";
    note?: string | undefined;
    now: Date;
  },
) {
  const [scheme] = await tx
    .select({ id: schemes.id })
    .from(schemes)
    .where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, options.schemeId)));
  if (!scheme) throw new AppError("NOT_FOUND", "That scheme does not exist in this organisation");
  const [row] = await tx
    .insert(mentorApprovals)
    .values({
      organisationId: options.organisationId,
      schemeId: options.schemeId,
      personId: options.personId,
      decision: options.decision,
      note: options.note?.trim() || null,
      decidedByPersonId: options.actorPersonId,
      decidedAt: options.now,
    })
    .returning({ id: mentorApprovals.id });
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: options.decision === "approved" ? "mentor.approved" : "mentor.declined",
    subjectType: "person",
    subjectId: options.personId,
    details: { scheme: options.schemeId },
  });
  await refreshMentorPlaces(tx, options.organisationId, options.schemeId, options.now);
  return { approvalId: row!.id, decision: options.decision };
}

export async function approvalHistory(tx: Tx, options: { organisationId: string; schemeId: string; personId: string }) {
  return tx
    .select({ decision: mentorApprovals.decision, messageToMentor: mentorApprovals.note, decidedAt: mentorApprovals.decidedAt, decidedBy: people.name })
    .from(mentorApprovals)
    .leftJoin(people, eq(people.id, mentorApprovals.decidedByPersonId))
    .where(
      and(
        eq(mentorApprovals.organisationId, options.organisationId),
        eq(mentorApprovals.schemeId, options.schemeId),
        eq(mentorApprovals.personId, options.personId),
      ),
    )
    .orderBy(desc(mentorApprovals.decidedAt));
}

export async function deleteEvent(tx: Tx, options: { organisationId: string; actorPersonId: string; eventId: string }) {
  const deleted = await tx
    .delete(supportEvents)
    .where(and(eq(supportEvents.organisationId, options.organisationId), eq(supportEvents.id, options.eventId)))
    .returning({ id: supportEvents.id, title: supportEvents.title });
  if (deleted.length === 0) throw new AppError("NOT_FOUND", "That event does not exist in this organisation");
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "event.deleted",
    subjectType: "support_event",
    subjectId: options.eventId,
  });
  return { eventId: options.eventId };
}

/** Peer appraisals, newest first (for a mentor's page and a convenor's group). */
export async function listAppraisals(tx: Tx, options: { organisationId: string; mentorPersonId?: string | undefined }) {
  const mentor = alias(people, "mentor");
  return tx
    .select({
      appraisalId: peerAppraisals.id,
      mentorPersonId: peerAppraisals.mentorPersonId,
      mentorName: mentor.name,
      appraisedOn: peerAppraisals.appraisedOn,
      convenorName: people.name,
    })
    .from(peerAppraisals)
    .innerJoin(mentor, eq(mentor.id, peerAppraisals.mentorPersonId))
    .leftJoin(people, eq(people.id, peerAppraisals.convenorPersonId))
    .where(
      and(
        eq(peerAppraisals.organisationId, options.organisationId),
        options.mentorPersonId ? eq(peerAppraisals.mentorPersonId, options.mentorPersonId) : undefined,
      ),
    )
    .orderBy(desc(peerAppraisals.appraisedOn));
}

/**
 * The organisation's active mentors, with their support attendance (every event up to today, whoever
 * convened it) and their last peer appraisal: what a convenor works from.
 */
export async function listMentors(tx: Tx, options: { organisationId: string; today: string }) {
  const rows = await tx
    .selectDistinct({ personId: people.id, name: people.name, email: people.email })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.role, "mentor"), eq(enrolments.status, "active")))
    .orderBy(asc(people.name));
  const attended = await tx
    .select({ personId: supportAttendance.personId, events: count(), lastOn: max(supportEvents.heldOn) })
    .from(supportAttendance)
    .innerJoin(supportEvents, and(eq(supportEvents.organisationId, supportAttendance.organisationId), eq(supportEvents.id, supportAttendance.eventId)))
    .where(
      and(
        eq(supportAttendance.organisationId, options.organisationId),
        eq(supportAttendance.status, "attended"),
        lte(supportEvents.heldOn, options.today),
      ),
    )
    .groupBy(supportAttendance.personId);
  const appraisals = await listAppraisals(tx, options);
  return rows.map((mentor) => {
    const attendance = attended.find((a) => a.personId === mentor.personId);
    return {
      ...mentor,
      attendedEvents: attendance?.events ?? 0,
      lastAttendedOn: attendance?.lastOn ?? null,
      lastAppraisedOn: appraisals.find((a) => a.mentorPersonId === mentor.personId)?.appraisedOn ?? null,
    };
  });
}
