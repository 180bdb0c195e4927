// A participant's CPD evidence for appraisal, in every role (issue 14 point 8): the schemes they take
// part in, the meetings held in each role (dates and length only), their training and support, and,
// where they mentor, feedback about them only where it is shown to them (feedbackAboutMe's gating).
// Reads only, in the person's own transactions: one per organisation they take part in.
import { type CpdEvidence, type CpdRole, cpdHours, mentoringRoles } from "@tandem/core";
import { and, asc, eq, inArray, isNull, or, lt } from "drizzle-orm";
import {
  type Database,
  enrolments,
  meetingAttendance,
  meetings,
  organisations,
  people,
  relationshipMembers,
  relationships,
  schemes,
  supportAttendance,
  supportEvents,
  trainingModules,
  trainingRecords,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { AppError } from "../../errors";
import { feedbackAboutMe } from "../feedback/summary";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Organisations where the person is enrolled (taking part, or was) or is in a relationship. */
async function participantOrganisations(db: Database, personId: string) {
  return withPerson(db, personId, async (tx) => {
    const enrolled = await tx
      .select({ organisationId: enrolments.organisationId })
      .from(enrolments)
      .where(and(eq(enrolments.personId, personId), inArray(enrolments.status, ["active", "withdrawn"])));
    const members = await tx.select({ organisationId: relationshipMembers.organisationId }).from(relationshipMembers).where(eq(relationshipMembers.personId, personId));
    return [...new Set([...enrolled, ...members].map((r) => r.organisationId))].sort();
  });
}

interface Part {
  organisationName: string;
  schemeId: string;
  schemeName: string;
  role: CpdRole;
  since: Date;
  minutes: number;
  meetingsHeld: number;
}

async function evidenceIn(tx: Tx, options: { organisationId: string; personId: string }) {
  const { organisationId, personId } = options;
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const organisationName = org?.name ?? "";
  const parts = new Map<string, Part>();
  const part = (row: { schemeId: string; schemeName: string; role: CpdRole; since: Date }) => {
    const key = `${row.schemeId}:${row.role}`;
    const found = parts.get(key) ?? { organisationName, ...row, minutes: 0, meetingsHeld: 0 };
    if (row.since < found.since) found.since = row.since;
    parts.set(key, found);
    return found;
  };
  // Enrolments the person is taking part in (a withdrawn one counts only through its meetings below).
  const enrolled = await tx
    .select({ schemeId: enrolments.schemeId, schemeName: schemes.name, role: enrolments.role, since: enrolments.createdAt })
    .from(enrolments)
    .innerJoin(schemes, and(eq(schemes.organisationId, enrolments.organisationId), eq(schemes.id, enrolments.schemeId)))
    .where(and(eq(enrolments.organisationId, organisationId), eq(enrolments.personId, personId), eq(enrolments.status, "active")));
  for (const e of enrolled) part(e);
  // Meetings held in the person's relationships, in the role they had there: dates and length only.
  // A group member's session counts unless they were recorded absent; none after they left.
  const held = await tx
    .select({
      schemeId: relationships.schemeId,
      schemeName: schemes.name,
      role: relationshipMembers.role,
      joinedAt: relationshipMembers.joinedAt,
      startsAt: meetings.startsAt,
      minutes: meetings.minutes,
      heldMinutes: meetings.heldMinutes,
      attended: meetingAttendance.attended,
    })
    .from(meetings)
    .innerJoin(relationshipMembers, and(eq(relationshipMembers.organisationId, meetings.organisationId), eq(relationshipMembers.relationshipId, meetings.relationshipId)))
    .innerJoin(relationships, and(eq(relationships.organisationId, meetings.organisationId), eq(relationships.id, meetings.relationshipId)))
    .innerJoin(schemes, and(eq(schemes.organisationId, relationships.organisationId), eq(schemes.id, relationships.schemeId)))
    .leftJoin(
      meetingAttendance,
      and(eq(meetingAttendance.organisationId, meetings.organisationId), eq(meetingAttendance.meetingId, meetings.id), eq(meetingAttendance.personId, personId)),
    )
    .where(
      and(
        eq(meetings.organisationId, organisationId),
        eq(meetings.status, "held"),
        eq(relationshipMembers.personId, personId),
        or(isNull(relationshipMembers.leftAt), lt(meetings.startsAt, relationshipMembers.leftAt)),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  const meetingRows: CpdEvidence["meetings"] = [];
  for (const m of held) {
    if (m.attended === false) continue;
    const minutes = m.heldMinutes ?? m.minutes;
    // Taking part since they joined, or their first meeting if that came first (records moved in).
    const since = m.startsAt && m.startsAt < m.joinedAt ? m.startsAt : m.joinedAt;
    const found = part({ schemeId: m.schemeId, schemeName: m.schemeName, role: m.role, since });
    found.minutes += minutes;
    found.meetingsHeld += 1;
    if (m.startsAt) meetingRows.push({ organisationName, schemeName: m.schemeName, role: m.role, date: isoDate(m.startsAt), hours: cpdHours(minutes) });
  }
  // Where they mentor: feedback about them, only where the scheme's threshold lets them see it.
  const feedback: CpdEvidence["feedback"] = [];
  const mentoredSchemes = new Map([...parts.values()].filter((p) => p.role === "mentor" || p.role === "facilitator").map((p) => [p.schemeId, p.schemeName]));
  for (const [schemeId, schemeName] of mentoredSchemes) {
    const mine = await feedbackAboutMe(tx, { organisationId, schemeId, personId });
    if (!mine.shown) continue;
    const ratings = mine.ratings.flatMap((r) => (r.mean === null ? [] : [{ label: r.label, answered: r.answered, mean: r.mean }]));
    feedback.push({ organisationName, schemeName, mentees: mine.mentees, ratings });
  }
  const training = await tx
    .select({ module: trainingModules.name, kind: trainingModules.kind, hours: trainingModules.hours, completedOn: trainingRecords.completedOn, verifiedOn: trainingRecords.verifiedOn })
    .from(trainingRecords)
    .innerJoin(trainingModules, and(eq(trainingModules.organisationId, trainingRecords.organisationId), eq(trainingModules.id, trainingRecords.moduleId)))
    .where(and(eq(trainingRecords.organisationId, organisationId), eq(trainingRecords.personId, personId)))
    .orderBy(asc(trainingRecords.completedOn));
  const support = await tx
    .select({ title: supportEvents.title, kind: supportEvents.kind, heldOn: supportEvents.heldOn })
    .from(supportAttendance)
    .innerJoin(supportEvents, and(eq(supportEvents.organisationId, supportAttendance.organisationId), eq(supportEvents.id, supportAttendance.eventId)))
    .where(and(eq(supportAttendance.organisationId, organisationId), eq(supportAttendance.personId, personId), eq(supportAttendance.status, "attended")))
    .orderBy(asc(supportEvents.heldOn));
  return {
    parts: [...parts.values()],
    meetings: meetingRows,
    feedback,
    training: training.map((t) => ({ organisationName, module: t.module, kind: t.kind, hours: t.hours, completedOn: t.completedOn, verified: t.verifiedOn !== null })),
    support: support.map((s) => ({ organisationName, ...s })),
  };
}

export async function cpdEvidence(db: Database, options: { personId: string; now: Date }): Promise<CpdEvidence> {
  const [person] = await db
    .select({ name: people.name, email: people.email, registrationNumber: people.registrationNumber })
    .from(people)
    .where(eq(people.id, options.personId));
  if (!person) throw new AppError("NOT_FOUND", "No such person");
  const evidence: CpdEvidence = {
    person,
    generatedOn: isoDate(options.now),
    schemes: [],
    meetings: [],
    feedback: [],
    training: [],
    support: [],
    totals: { trainingHours: 0, supportEvents: 0, mentoringMeetings: 0, mentoringHours: 0, mentoredMeetings: 0, mentoredHours: 0 },
  };
  let mentoringMinutes = 0;
  let mentoredMinutes = 0;
  for (const organisationId of await participantOrganisations(db, options.personId)) {
    const found = await withTenant(db, { organisationId, personId: options.personId }, (tx) => evidenceIn(tx, { organisationId, personId: options.personId }));
    for (const p of found.parts) {
      evidence.schemes.push({ organisationName: p.organisationName, schemeName: p.schemeName, role: p.role, since: isoDate(p.since), meetingsHeld: p.meetingsHeld, hours: cpdHours(p.minutes) });
      if (mentoringRoles.includes(p.role)) {
        evidence.totals.mentoringMeetings += p.meetingsHeld;
        mentoringMinutes += p.minutes;
      } else {
        evidence.totals.mentoredMeetings += p.meetingsHeld;
        mentoredMinutes += p.minutes;
      }
    }
    evidence.meetings.push(...found.meetings);
    evidence.feedback.push(...found.feedback);
    evidence.training.push(...found.training);
    evidence.support.push(...found.support);
  }
  evidence.schemes.sort((a, b) => a.since.localeCompare(b.since) || a.schemeName.localeCompare(b.schemeName));
  evidence.meetings.sort((a, b) => a.date.localeCompare(b.date));
  evidence.totals.mentoringHours = cpdHours(mentoringMinutes);
  evidence.totals.mentoredHours = cpdHours(mentoredMinutes);
  evidence.totals.trainingHours = evidence.training.filter((t) => t.verified).reduce((sum, t) => sum + t.hours, 0);
  evidence.totals.supportEvents = evidence.support.length;
  return evidence;
}
