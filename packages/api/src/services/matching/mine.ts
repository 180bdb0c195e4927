// A person's matches in every organisation: requests to answer, mentors, mentees, co-mentoring groups.
// A read: a request past its deadline is shown as gone (the hourly job passes it on), nothing is
// written. One tenant transaction per organisation, with the same few queries however many schemes.
import { meetingPlan } from "@tandem/core";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import {
  cohortGroups,
  type Database,
  enrolments,
  isPair,
  matchRequests,
  meetings,
  organisations,
  people,
  relationships,
  schemeRuleVersions,
  schemes,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { parseRulesOrThrow } from "../schemes";
import { asFacts } from "../relationships/meetings";
import { statusAt } from "./requests";

const noId = "00000000-0000-0000-0000-000000000000";

export async function myMatches(db: Database, options: { personId: string; now: Date }) {
  const mine = await withPerson(db, options.personId, (tx) =>
    tx
      .select({ organisationId: enrolments.organisationId, schemeId: enrolments.schemeId, role: enrolments.role, id: enrolments.id })
      .from(enrolments)
      .where(and(eq(enrolments.personId, options.personId), eq(enrolments.status, "active"))),
  );
  const orgs = [...new Set(mine.map((m) => m.organisationId))];
  const result = [];
  for (const organisationId of orgs) {
    const myEnrolments = new Set(mine.filter((m) => m.organisationId === organisationId).map((m) => m.id));
    result.push(await withTenant(db, { organisationId, personId: options.personId }, (tx) => matchesIn(tx, { ...options, organisationId, myEnrolments })));
  }
  return result.filter((o) => o.relationships.length > 0 || o.groups.length > 0);
}

async function matchesIn(tx: Tx, options: { organisationId: string; personId: string; now: Date; myEnrolments: Set<string> }) {
  const { organisationId, personId } = options;
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const rows = await tx
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.organisationId, organisationId),
        or(eq(relationships.menteePersonId, personId), eq(relationships.mentorPersonId, personId)),
        inArray(relationships.status, ["requested", "active", "paused", "closed"]),
      ),
    )
    .orderBy(asc(relationships.createdAt));
  const rels = rows.filter(isPair).filter((r) => statusAt(r, options.now) !== "expired");
  const groups = (
    await tx.select().from(cohortGroups).where(and(eq(cohortGroups.organisationId, organisationId), eq(cohortGroups.status, "confirmed")))
  ).filter((g) => g.memberEnrolmentIds.some((id) => options.myEnrolments.has(id)));
  const enrolmentIds = [...new Set([...rels.flatMap((r) => [r.menteeEnrolmentId, r.mentorEnrolmentId]), ...groups.flatMap((g) => g.memberEnrolmentIds)])];
  const profiles = await tx
    .select({ id: enrolments.id, personId: enrolments.personId, bio: enrolments.bio, topics: enrolments.topics })
    .from(enrolments)
    .where(and(eq(enrolments.organisationId, organisationId), inArray(enrolments.id, enrolmentIds.concat([noId]))));
  const byEnrolment = new Map(profiles.map((p) => [p.id, p]));
  const names = await personNames(tx, [...rels.flatMap((r) => [r.menteePersonId, r.mentorPersonId]), ...profiles.map((p) => p.personId)]);
  const requestIds = rels.map((r) => r.requestId).filter((id): id is string => !!id);
  const messages = new Map(
    (requestIds.length > 0
      ? await tx.select({ id: matchRequests.id, message: matchRequests.message }).from(matchRequests).where(and(eq(matchRequests.organisationId, organisationId), inArray(matchRequests.id, requestIds)))
      : []
    ).map((r) => [r.id, r.message]),
  );
  const schemeIds = [...new Set([...rels.map((r) => r.schemeId), ...groups.map((g) => g.schemeId)])];
  const schemeRows = await tx
    .select({ id: schemes.id, name: schemes.name })
    .from(schemes)
    .where(and(eq(schemes.organisationId, organisationId), inArray(schemes.id, schemeIds.concat([noId]))));
  const schemeBy = new Map(schemeRows.map((s) => [s.id, { name: s.name }]));
  // Whether the trial-meeting rule lets them end it now, under each relationship's own rules version.
  const held = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, organisationId), inArray(meetings.relationshipId, rels.map((r) => r.id).concat([noId]))));
  const versions = await tx
    .select()
    .from(schemeRuleVersions)
    .where(and(eq(schemeRuleVersions.organisationId, organisationId), inArray(schemeRuleVersions.schemeId, schemeIds.concat([noId]))));
  const rulesBy = new Map(versions.map((v) => [`${v.schemeId}:${v.version}`, parseRulesOrThrow(v.rules)]));
  const canEndAfterTrial = (r: (typeof rels)[number]) => {
    const rules = rulesBy.get(`${r.schemeId}:${r.rulesVersion}`);
    if (!rules || (r.status !== "active" && r.status !== "paused")) return false;
    return meetingPlan({ rules, meetings: held.filter((m) => m.relationshipId === r.id).map(asFacts), startedAt: r.startedAt, now: options.now }).canEndAfterTrial;
  };
  return {
    organisationId,
    organisationName: org?.name ?? "",
    relationships: rels.map((r) => {
      const asMentee = r.menteePersonId === personId;
      const other = asMentee ? r.mentorEnrolmentId : r.menteeEnrolmentId;
      const status = r.status as "requested" | "active" | "paused" | "closed";
      return {
        id: r.id,
        schemeId: r.schemeId,
        schemeName: schemeBy.get(r.schemeId)?.name ?? "",
        role: asMentee ? ("mentee" as const) : ("mentor" as const),
        status,
        // A no-fault change is shown to the mentor only as an ended match.
        closedReason: r.closedReason === "no_fault_change" && !asMentee ? null : r.closedReason,
        otherName: names.get(asMentee ? r.mentorPersonId : r.menteePersonId) ?? "",
        otherBio: byEnrolment.get(other)?.bio ?? null,
        otherTopics: byEnrolment.get(other)?.topics ?? [],
        explanation: asMentee ? r.explanation : null,
        message: !asMentee && status === "requested" && r.requestId ? (messages.get(r.requestId) ?? null) : null,
        requestedAt: r.requestedAt,
        expiresAt: r.expiresAt,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        canEndAfterTrial: canEndAfterTrial(r),
      };
    }),
    groups: groups.map((g) => ({
      id: g.id,
      schemeId: g.schemeId,
      schemeName: schemeBy.get(g.schemeId)?.name ?? "",
      explanation: g.explanation,
      members: g.memberEnrolmentIds.map((id) => {
        const m = byEnrolment.get(id);
        return { name: m ? (names.get(m.personId) ?? "") : "", you: m?.personId === personId, topics: m?.topics ?? [] };
      }),
    })),
  };
}

export async function personNames(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}
