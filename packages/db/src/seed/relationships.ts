// Demo relationships after the match, in "Coach-mentoring for clinical leaders" (six meetings at
// four-weekly intervals, the first a contract and the last a review, agreed actions only): one in
// every state a coordinator and a pair meet — on track with the next meeting booked, just matched
// with times proposed, quiet for months, paused, completed, withdrawn. Dates are relative to now.
import { and, eq } from "drizzle-orm";
import { withTenant } from "../client";
import { agreedActions, enrolments, meetings, relationshipMembers, relationships, schemes } from "../schema";
import type { Database, Tx } from "../types";
import { TRUST } from "./demo-data";

const t = "airevalley.example.org";
const day = 86_400_000;
type MeetingKind = "contract" | "regular" | "review";

interface DemoMeeting {
  /** Days from now (negative: in the past). */
  inDays: number;
  kind: MeetingKind;
  status: "proposed" | "scheduled" | "held" | "missed" | "cancelled";
  minutes?: number;
  mode?: "in_person" | "phone" | "video";
  /** For a proposed meeting: the other candidate times, in days from now. */
  alsoInDays?: number[];
  final?: boolean;
}

interface DemoRelationship {
  mentee: string;
  mentor: string;
  /** Days ago the mentor accepted. */
  startedDaysAgo: number;
  status: "active" | "paused" | "closed";
  closedReason?: "completed" | "withdrawn";
  endedDaysAgo?: number;
  resumeInDays?: number;
  meetings: DemoMeeting[];
  actions?: { text: string; owner: "mentee" | "mentor"; dueInDays: number; done?: boolean }[];
}

const regular = (inDays: number): DemoMeeting => ({ inDays, kind: "regular", status: "held" });

const demoRelationships: DemoRelationship[] = [
  {
    mentee: "alice.moss",
    mentor: "nadia.rahman",
    startedDaysAgo: 40,
    status: "active",
    meetings: [
      { inDays: -26, kind: "contract", status: "held", minutes: 90, mode: "in_person" },
      { inDays: 4, kind: "regular", status: "scheduled", mode: "video" },
    ],
    actions: [
      { text: "Draft a proposal for the new rota and share it with the clinical lead", owner: "mentee", dueInDays: 3 },
      { text: "Send Alice the leadership reading list", owner: "mentor", dueInDays: -20, done: true },
    ],
  },
  {
    mentee: "ben.carter",
    mentor: "nadia.rahman",
    startedDaysAgo: 5,
    status: "active",
    meetings: [{ inDays: 6, kind: "contract", status: "proposed", mode: "video", alsoInDays: [8, 11] }],
  },
  {
    mentee: "farah.gill",
    mentor: "nadia.rahman",
    startedDaysAgo: 170,
    status: "active",
    meetings: [{ inDays: -150, kind: "contract", status: "held", mode: "phone" }],
  },
  {
    mentee: "chloe.dunn",
    mentor: "gareth.lloyd",
    startedDaysAgo: 90,
    status: "paused",
    resumeInDays: 21,
    meetings: [
      { inDays: -80, kind: "contract", status: "held" },
      regular(-52),
      { inDays: -30, kind: "regular", status: "cancelled" },
    ],
  },
  {
    mentee: "daniel.evans",
    mentor: "nadia.rahman",
    startedDaysAgo: 200,
    status: "closed",
    closedReason: "completed",
    endedDaysAgo: 14,
    meetings: [
      { inDays: -190, kind: "contract", status: "held", minutes: 90 },
      regular(-162),
      regular(-134),
      { inDays: -106, kind: "regular", status: "missed" },
      regular(-99),
      regular(-70),
      { inDays: -14, kind: "review", status: "held", final: true },
    ],
  },
  {
    mentee: "emma.ford",
    mentor: "gareth.lloyd",
    startedDaysAgo: 75,
    status: "closed",
    closedReason: "withdrawn",
    endedDaysAgo: 30,
    meetings: [{ inDays: -60, kind: "contract", status: "held", mode: "video" }],
  },
];

/** At 10:00 UTC on the day `days` from now. */
function dayAt(now: Date, days: number): Date {
  const d = new Date(now.getTime() + days * day);
  d.setUTCHours(10, 0, 0, 0);
  return d;
}

async function enrolmentOf(tx: Tx, organisationId: string, schemeId: string, personId: string, role: "mentor" | "mentee") {
  const [row] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(and(eq(enrolments.organisationId, organisationId), eq(enrolments.schemeId, schemeId), eq(enrolments.personId, personId), eq(enrolments.role, role)));
  if (!row) throw new Error(`demo relationship needs an enrolment as ${role}`);
  return row.id;
}

async function insertMeetings(tx: Tx, ids: { organisationId: string; relationshipId: string; menteeId: string; mentorId: string }, demo: DemoRelationship, now: Date) {
  for (const m of demo.meetings) {
    const startsAt = dayAt(now, m.inDays);
    const minutes = m.minutes ?? 60;
    const mode = m.mode ?? "in_person";
    const place = mode === "in_person" ? "Education centre, Airedale General Hospital" : null;
    const link = mode === "video" ? "https://meet.example.org/coach-mentoring" : null;
    const past = m.inDays < 0;
    await tx.insert(meetings).values({
      organisationId: ids.organisationId,
      relationshipId: ids.relationshipId,
      kind: m.kind,
      status: m.status,
      proposedTimes:
        m.status === "proposed"
          ? [m.inDays, ...(m.alsoInDays ?? [])].map((d) => ({ startsAt: dayAt(now, d).toISOString(), minutes, mode, place, link }))
          : [],
      proposedByPersonId: ids.menteeId,
      startsAt: m.status === "proposed" ? null : startsAt,
      minutes,
      mode,
      place,
      link,
      final: m.final ?? false,
      heldMinutes: m.status === "held" ? minutes : null,
      recordedByPersonId: past && (m.status === "held" || m.status === "missed") ? ids.mentorId : null,
      recordedAt: past && (m.status === "held" || m.status === "missed") ? new Date(startsAt.getTime() + day) : null,
      cancelledByPersonId: m.status === "cancelled" ? ids.menteeId : null,
      cancelledAt: m.status === "cancelled" ? new Date(startsAt.getTime() - 2 * day) : null,
      sequence: m.status === "cancelled" ? 1 : 0,
      createdAt: new Date(startsAt.getTime() - 7 * day),
      updatedAt: new Date(Math.min(now.getTime(), startsAt.getTime() + day)),
    });
  }
}

/** Seeds the demo relationships once: a scheme that already has relationships is left alone. */
export async function seedDemoRelationships(db: Database, ids: { organisations: Map<string, string>; people: Map<string, string> }, now = new Date()): Promise<void> {
  const organisationId = ids.organisations.get(TRUST)!;
  const person = (name: string) => ids.people.get(`${name}@${t}`)!;
  const schemeId = await withTenant(db, { organisationId }, async (tx) => {
    const [scheme] = await tx.select({ id: schemes.id }).from(schemes).where(and(eq(schemes.organisationId, organisationId), eq(schemes.slug, "coach-mentoring-clinical-leaders")));
    if (!scheme) return null;
    const [existing] = await tx.select({ id: relationships.id }).from(relationships).where(and(eq(relationships.organisationId, organisationId), eq(relationships.schemeId, scheme.id))).limit(1);
    return existing ? null : scheme.id;
  });
  if (!schemeId) return;

  for (const demo of demoRelationships) {
    const menteeId = person(demo.mentee);
    const mentorId = person(demo.mentor);
    const relationshipId = await withTenant(db, { organisationId }, async (tx) => {
      const menteeEnrolmentId = await enrolmentOf(tx, organisationId, schemeId, menteeId, "mentee");
      const mentorEnrolmentId = await enrolmentOf(tx, organisationId, schemeId, mentorId, "mentor");
      const startedAt = dayAt(now, -demo.startedDaysAgo);
      const [rel] = await tx
        .insert(relationships)
        .values({
          organisationId,
          schemeId,
          kind: "pair",
          menteeEnrolmentId,
          mentorEnrolmentId,
          menteePersonId: menteeId,
          mentorPersonId: mentorId,
          status: demo.status,
          rulesVersion: 1,
          origin: "request",
          requestedAt: new Date(startedAt.getTime() - 2 * day),
          respondedAt: startedAt,
          startedAt,
          pausedAt: demo.status === "paused" ? dayAt(now, -28) : null,
          resumeOn: demo.resumeInDays ? dayAt(now, demo.resumeInDays).toISOString().slice(0, 10) : null,
          closedReason: demo.closedReason ?? null,
          endedAt: demo.endedDaysAgo ? dayAt(now, -demo.endedDaysAgo) : null,
          createdAt: new Date(startedAt.getTime() - 2 * day),
        })
        .returning({ id: relationships.id });
      await tx.insert(relationshipMembers).values([
        { organisationId, relationshipId: rel!.id, personId: menteeId, enrolmentId: menteeEnrolmentId, role: "mentee", joinedAt: startedAt },
        { organisationId, relationshipId: rel!.id, personId: mentorId, enrolmentId: mentorEnrolmentId, role: "mentor", joinedAt: startedAt },
      ]);
      await insertMeetings(tx, { organisationId, relationshipId: rel!.id, menteeId, mentorId }, demo, now);
      return rel!.id;
    });
    // What the pair keep is written as one of them: no one else's transaction may.
    if (demo.actions?.length) {
      await withTenant(db, { organisationId, personId: menteeId }, async (tx) => {
        for (const a of demo.actions!) {
          await tx.insert(agreedActions).values({
            organisationId,
            relationshipId,
            text: a.text,
            ownerPersonId: a.owner === "mentee" ? menteeId : mentorId,
            dueOn: dayAt(now, a.dueInDays).toISOString().slice(0, 10),
            doneAt: a.done ? dayAt(now, a.dueInDays) : null,
            createdByPersonId: menteeId,
          });
        }
      });
    }
  }
}
