// The coordinator's view of a scheme's relationships (SPEC principle 3): who is in each, its state,
// when it started, meetings held and scheduled, the last and next meeting dates and why it closed
// (the mentee's no-fault reason only, as matching keeps it). That meetings happened, never what was
// said: no place, link, note, action or reflection is read here. Reads only.
import { meetingPlan, relationshipHealth, type SchemeRules } from "@tandem/core";
import { and, asc, eq, inArray } from "drizzle-orm";
import { meetingAttendance, meetings, noFaultChangeReasons, people, relationshipMembers, relationships, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { rulesOf } from "./load";
import { byRole } from "./members";

export const relationshipStates = ["active", "paused", "closed"] as const;
export type RelationshipState = (typeof relationshipStates)[number];
const noId = "00000000-0000-0000-0000-000000000000";

async function summaries(tx: Tx, options: { organisationId: string; schemeId?: string; relationshipIds?: string[]; state?: RelationshipState; now: Date }) {
  const rels = await tx
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.organisationId, options.organisationId),
        options.schemeId ? eq(relationships.schemeId, options.schemeId) : undefined,
        options.relationshipIds ? inArray(relationships.id, options.relationshipIds.concat([noId])) : undefined,
        inArray(relationships.status, options.state ? [options.state] : [...relationshipStates]),
      ),
    )
    .orderBy(asc(relationships.startedAt));
  const ids = rels.map((r) => r.id).concat([noId]);
  const members = await tx
    .select({ relationshipId: relationshipMembers.relationshipId, personId: relationshipMembers.personId, role: relationshipMembers.role, leftAt: relationshipMembers.leftAt, joinedAt: relationshipMembers.joinedAt, name: people.name })
    .from(relationshipMembers)
    .innerJoin(people, eq(people.id, relationshipMembers.personId))
    .where(and(eq(relationshipMembers.organisationId, options.organisationId), inArray(relationshipMembers.relationshipId, ids)));
  const dates = await tx
    .select({ id: meetings.id, relationshipId: meetings.relationshipId, kind: meetings.kind, status: meetings.status, startsAt: meetings.startsAt, minutes: meetings.minutes, heldMinutes: meetings.heldMinutes, mode: meetings.mode, final: meetings.final, createdAt: meetings.createdAt })
    .from(meetings)
    .where(and(eq(meetings.organisationId, options.organisationId), inArray(meetings.relationshipId, ids)));
  const reasons = new Map(
    (await tx.select().from(noFaultChangeReasons).where(and(eq(noFaultChangeReasons.organisationId, options.organisationId), inArray(noFaultChangeReasons.relationshipId, ids)))).map((r) => [r.relationshipId, r.reason]),
  );
  // Rules by version, read once each: whether a relationship has gone quiet depends on its own version's cadence.
  const rulesByVersion = new Map<string, SchemeRules>();
  for (const r of rels) {
    const key = `${r.schemeId}:${r.rulesVersion}`;
    if (!rulesByVersion.has(key)) rulesByVersion.set(key, await rulesOf(tx, r));
  }
  return rels.map((r) => {
    const own = dates.filter((d) => d.relationshipId === r.id);
    const rules = rulesByVersion.get(`${r.schemeId}:${r.rulesVersion}`)!;
    const plan = meetingPlan({ rules, meetings: own, startedAt: r.startedAt, now: options.now });
    const health = relationshipHealth({ rules, plan, status: r.status, startedAt: r.startedAt, now: options.now });
    const held = own.filter((d) => d.status === "held" && d.startsAt).map((d) => d.startsAt!.getTime());
    const upcoming = own.filter((d) => d.status === "scheduled" && d.startsAt && d.startsAt >= options.now).map((d) => d.startsAt!.getTime());
    return {
      relationship: r,
      meetings: own,
      row: {
        id: r.id,
        schemeId: r.schemeId,
        kind: r.kind,
        status: r.status,
        closedReason: r.closedReason,
        noFaultReason: reasons.get(r.id) ?? null,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        resumeOn: r.resumeOn,
        rulesVersion: r.rulesVersion,
        members: members.filter((m) => m.relationshipId === r.id).sort(byRole).map((m) => ({ name: m.name, role: m.role, left: m.leftAt !== null })),
        meetingsHeld: held.length,
        meetingsScheduled: own.filter((d) => d.status === "scheduled").length,
        lastMeetingAt: held.length > 0 ? new Date(Math.max(...held)) : null,
        nextMeetingAt: upcoming.length > 0 ? new Date(Math.min(...upcoming)) : null,
        /** No meeting held or arranged for the cadence, two weeks' grace and the scheme's stalled weeks. */
        stalled: health.stalled,
      },
    };
  });
}

/** Stalled and live relationships of every scheme of the organisation, in one pass (the coordinator's home). */
export async function relationshipCountsByScheme(tx: Tx, options: { organisationId: string; now: Date }) {
  const all = (await summaries(tx, { organisationId: options.organisationId, now: options.now })).map((r) => r.row);
  const counts = new Map<string, { live: number; stalled: number }>();
  for (const r of all) {
    if (r.status === "closed") continue;
    const own = counts.get(r.schemeId) ?? { live: 0, stalled: 0 };
    counts.set(r.schemeId, { live: own.live + 1, stalled: own.stalled + (r.stalled ? 1 : 0) });
  }
  return counts;
}

/** A scheme's relationships, optionally in one state or only the stalled ones, with counts of each. */
export async function schemeRelationshipList(tx: Tx, options: { organisationId: string; schemeId: string; state?: RelationshipState; stalled?: boolean; now: Date }) {
  const all = (await summaries(tx, { organisationId: options.organisationId, schemeId: options.schemeId, now: options.now })).map((r) => r.row);
  const counts = Object.fromEntries(relationshipStates.map((s) => [s, all.filter((r) => r.status === s).length])) as Record<RelationshipState, number>;
  return {
    counts: { ...counts, stalled: all.filter((r) => r.stalled).length },
    relationships: all.filter((r) => (!options.state || r.status === options.state) && (!options.stalled || r.stalled)),
  };
}

export async function relationshipForCoordinator(tx: Tx, options: { organisationId: string; relationshipId: string; now: Date }) {
  const [found] = await summaries(tx, { organisationId: options.organisationId, relationshipIds: [options.relationshipId], now: options.now });
  if (!found) throw new AppError("NOT_FOUND", "That relationship does not exist in this organisation");
  const attendance = await tx
    .select({ meetingId: meetingAttendance.meetingId, attended: meetingAttendance.attended })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.organisationId, options.organisationId), inArray(meetingAttendance.meetingId, found.meetings.map((m) => m.id).concat([noId]))));
  return {
    ...found.row,
    meetings: found.meetings
      .filter((m) => m.status !== "proposed")
      .sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0))
      .map((m) => ({
        id: m.id,
        kind: m.kind,
        status: m.status,
        startsAt: m.startsAt,
        minutes: m.heldMinutes ?? m.minutes,
        mode: m.mode,
        attended: attendance.filter((a) => a.meetingId === m.id && a.attended).length,
        attendanceRecorded: attendance.filter((a) => a.meetingId === m.id).length,
      })),
  };
}
