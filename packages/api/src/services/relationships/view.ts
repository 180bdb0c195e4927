// What members see of their relationships: every relationship they are in, across organisations,
// with what is next; and one relationship in full (the others' contact details and availability,
// the meetings timeline, the rules it keeps, guides, and what the pair keep). Reads only.
import { meetingGuide, meetingPlan, whyNoMoreMeetings } from "@tandem/core";
import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  type Database,
  enrolments,
  meetingAttendance,
  meetings,
  organisations,
  people,
  type Relationship,
  relationshipMembers,
  relationships,
  schemes,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { listActions, listNotes } from "./kept";
import { arrangers, type RelationshipInHand, rulesOf } from "./load";
import { asFacts, meetingsOf } from "./meetings";
import { contactDetails } from "./welcome";

const noId = "00000000-0000-0000-0000-000000000000";

/** A no-fault change is shown to the mentor only as an ended match (SPEC principle 2). */
function reasonFor(rel: Pick<Relationship, "closedReason">, myRole: string) {
  return rel.closedReason === "no_fault_change" && myRole !== "mentee" ? null : rel.closedReason;
}

/** Whether the caller is the one the rules ask to propose the first meeting. */
function arrangesFirst(hand: Pick<RelationshipInHand, "relationship" | "rules" | "members" | "me">) {
  if (hand.relationship.kind === "pair") return hand.me.role === hand.rules.matching.firstContact;
  return arrangers(hand).has(hand.me.personId);
}

export async function relationshipDetail(tx: Tx, options: { organisationId: string; hand: RelationshipInHand; now: Date }) {
  const { hand } = options;
  const rel = hand.relationship;
  const rows = await meetingsOf(tx, { organisationId: options.organisationId, relationshipId: rel.id });
  const facts = rows.map(asFacts);
  const plan = meetingPlan({ rules: hand.rules, meetings: facts, startedAt: rel.startedAt, now: options.now });
  const personIds = hand.members.map((m) => m.personId);
  const contacts = await contactDetails(tx, personIds);
  const profiles = await tx
    .select({ id: enrolments.id, availability: enrolments.availability, unavailable: enrolments.unavailable })
    .from(enrolments)
    .where(and(eq(enrolments.organisationId, options.organisationId), inArray(enrolments.id, hand.members.map((m) => m.enrolmentId).concat([noId]))));
  const profileBy = new Map(profiles.map((p) => [p.id, p]));
  const attendance = await tx
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.organisationId, options.organisationId), inArray(meetingAttendance.meetingId, rows.map((m) => m.id).concat([noId]))));
  const policy = hand.rules.notes.policy;
  const actions = policy === "none" ? null : await listActions(tx, { organisationId: options.organisationId, relationshipId: rel.id });
  const notes = policy === "shared_notes" ? await listNotes(tx, { organisationId: options.organisationId, relationshipId: rel.id }) : [];
  const notesBy = new Map(notes.map((n) => [n.meetingId, n]));
  const name = (id: string | null) => (id ? (contacts.get(id)?.name ?? "Someone who has left") : null);
  const canArrange = arrangers(hand).has(hand.me.personId);
  const live = rel.status === "active";
  const order = (m: (typeof rows)[number]) => (m.startsAt ?? (m.proposedTimes[0] ? new Date(m.proposedTimes[0].startsAt) : m.createdAt)).getTime();
  return {
    id: rel.id,
    organisationId: options.organisationId,
    scheme: hand.scheme,
    kind: rel.kind,
    status: rel.status,
    closedReason: reasonFor(rel, hand.me.role),
    startedAt: rel.startedAt,
    endedAt: rel.endedAt,
    pausedAt: rel.pausedAt,
    resumeOn: rel.resumeOn,
    rulesVersion: rel.rulesVersion,
    myRole: hand.me.role,
    members: hand.members.map((m) => {
      const profile = profileBy.get(m.enrolmentId);
      return {
        personId: m.personId,
        name: contacts.get(m.personId)?.name ?? "",
        email: contacts.get(m.personId)?.email ?? "",
        role: m.role,
        you: m.personId === hand.me.personId,
        left: m.leftAt !== null,
        availability: profile?.availability ?? [],
        unavailable: profile?.unavailable ?? [],
      };
    }),
    rules: {
      cadenceWeeks: hand.rules.meetings.cadenceWeeks,
      max: hand.rules.meetings.max,
      minutes: hand.rules.meetings.minutes,
      modes: hand.rules.meetings.modes,
      firstIsContract: hand.rules.meetings.firstIsContract,
      lastIsReview: hand.rules.meetings.lastIsReview,
      trialMeeting: hand.rules.matching.trialMeeting,
      maxMonths: hand.rules.relationship.maxMonths,
      notesPolicy: policy,
      firstContact: hand.rules.matching.firstContact,
    },
    canArrange: canArrange && live,
    /** No meeting yet, and the rules ask the caller to propose the first. */
    promptFirstMeeting: live && facts.filter((f) => f.status !== "cancelled" && f.status !== "missed").length === 0 && arrangesFirst(hand),
    plan: { ...plan, whyNoMore: whyNoMoreMeetings(hand.rules, plan) },
    guides: { contract: meetingGuide(hand.rules, "contract"), regular: meetingGuide(hand.rules, "regular"), review: meetingGuide(hand.rules, "review") },
    meetings: [...rows]
      .sort((a, b) => order(a) - order(b))
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        status: m.status,
        startsAt: m.startsAt,
        minutes: m.minutes,
        heldMinutes: m.heldMinutes,
        mode: m.mode,
        place: m.place,
        link: m.link,
        final: m.final,
        sequence: m.sequence,
        proposedTimes: m.proposedTimes.map((t) => ({ ...t, startsAt: new Date(t.startsAt) })),
        proposedByYou: m.proposedByPersonId === hand.me.personId,
        proposedByName: name(m.proposedByPersonId),
        /** A proposal waiting for the caller to pick a time. */
        awaitingMyPick: m.status === "proposed" && m.proposedByPersonId !== hand.me.personId && live,
        speakerPersonIds: m.speakerPersonIds,
        attendance: attendance.filter((a) => a.meetingId === m.id).map((a) => ({ personId: a.personId, attended: a.attended })),
        notes: notesBy.has(m.id) ? { text: notesBy.get(m.id)!.text, updatedAt: notesBy.get(m.id)!.updatedAt, updatedByName: name(notesBy.get(m.id)!.updatedByPersonId) } : null,
      })),
    actions: actions?.map((a) => ({ id: a.id, text: a.text, ownerPersonId: a.ownerPersonId, ownerName: name(a.ownerPersonId), dueOn: a.dueOn, done: a.doneAt !== null, meetingId: a.meetingId })) ?? null,
    notesAllowed: policy === "shared_notes",
  };
}

/** Every relationship the person is in, in every organisation, with what is next for them. */
export async function myRelationships(db: Database, options: { personId: string; now: Date }) {
  const mine = await withPerson(db, options.personId, (tx) =>
    tx.select({ organisationId: relationshipMembers.organisationId }).from(relationshipMembers).where(eq(relationshipMembers.personId, options.personId)),
  );
  const result = [];
  for (const organisationId of [...new Set(mine.map((m) => m.organisationId))]) {
    result.push(...(await withTenant(db, { organisationId, personId: options.personId }, (tx) => relationshipsIn(tx, { ...options, organisationId }))));
  }
  return result.sort((a, b) => Number(b.status !== "closed") - Number(a.status !== "closed") || (a.startedAt?.getTime() ?? 0) - (b.startedAt?.getTime() ?? 0));
}

async function relationshipsIn(tx: Tx, options: { organisationId: string; personId: string; now: Date }) {
  const { organisationId } = options;
  const memberships = await tx
    .select()
    .from(relationshipMembers)
    .where(and(eq(relationshipMembers.organisationId, organisationId), eq(relationshipMembers.personId, options.personId), isNull(relationshipMembers.leftAt)));
  const ids = memberships.map((m) => m.relationshipId).concat([noId]);
  const rels = await tx.select().from(relationships).where(and(eq(relationships.organisationId, organisationId), inArray(relationships.id, ids)));
  const everyone = await tx.select().from(relationshipMembers).where(and(eq(relationshipMembers.organisationId, organisationId), inArray(relationshipMembers.relationshipId, ids)));
  const names = new Map(
    (await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, everyone.map((m) => m.personId).concat([noId])))).map((p) => [p.id, p.name]),
  );
  const allMeetings = await tx.select().from(meetings).where(and(eq(meetings.organisationId, organisationId), inArray(meetings.relationshipId, ids)));
  const schemeNames = new Map(
    (await tx.select({ id: schemes.id, name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, organisationId), inArray(schemes.id, rels.map((r) => r.schemeId).concat([noId]))))).map((s) => [s.id, s.name]),
  );
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const rulesCache = new Map<string, Awaited<ReturnType<typeof rulesOf>>>();
  const out = [];
  for (const rel of rels) {
    const key = `${rel.schemeId}:${rel.rulesVersion}`;
    if (!rulesCache.has(key)) rulesCache.set(key, await rulesOf(tx, rel));
    const rules = rulesCache.get(key)!;
    const me = memberships.find((m) => m.relationshipId === rel.id)!;
    const members = everyone.filter((m) => m.relationshipId === rel.id);
    const own = allMeetings.filter((m) => m.relationshipId === rel.id);
    const plan = meetingPlan({ rules, meetings: own.map(asFacts), startedAt: rel.startedAt, now: options.now });
    const live = rel.status === "active";
    const hand = { relationship: rel, rules, members, me };
    out.push({
      id: rel.id,
      organisationId,
      organisationName: org?.name ?? "",
      schemeId: rel.schemeId,
      schemeName: schemeNames.get(rel.schemeId) ?? "",
      kind: rel.kind,
      status: rel.status,
      closedReason: reasonFor(rel, me.role),
      myRole: me.role,
      others: members.filter((m) => m.personId !== options.personId && m.leftAt === null).map((m) => ({ name: names.get(m.personId) ?? "", role: m.role })),
      startedAt: rel.startedAt,
      endedAt: rel.endedAt,
      resumeOn: rel.resumeOn,
      held: plan.held,
      nextMeetingAt: plan.nextMeetingAt,
      nextDueAt: live ? plan.nextDueAt : null,
      awaitingMyPick: live && own.some((m) => m.status === "proposed" && m.proposedByPersonId !== options.personId),
      promptFirstMeeting: live && own.filter((m) => m.status !== "cancelled" && m.status !== "missed").length === 0 && arrangesFirst(hand),
    });
  }
  return out;
}
