// What the matching engine sees for one scheme: its rules, the mentees waiting for a mentor, the
// mentors with their readiness and free places, the coordinator's locks and exclusions, and the
// pairs never to propose again (declined, or ended by a no-fault change). All read in one tenant
// transaction; nothing confidential is read.
import {
  type BlockedPairs,
  holdForMenteePreparation,
  type MenteeCandidate,
  type MentorCandidate,
  pairKey,
  type SchemeRules,
} from "@tandem/core";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { enrolments, liveRelationshipStatuses, matchConstraints, memberships, people, relationshipMembers, relationships, type schemeStatuses, type Tx } from "@tandem/db";
import { doneKeysFor } from "../preparation/mentee-course";
import { mentorPool } from "../preparation/readiness";
import { loadScheme } from "../schemes";

export interface ProfileFacts {
  enrolmentId: string;
  personId: string;
  name: string;
  photoUrl: string | null;
  bio: string | null;
  specialty: string | null;
  department: string | null;
  topics: string[];
  availability: string[];
  remoteOk: boolean;
  joinedAt: Date;
}

export interface MatchingInputs {
  scheme: { id: string; name: string; organisationId: string; currentVersion: number; status: (typeof schemeStatuses)[number] };
  rules: SchemeRules;
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  /** Peers of a co-mentoring scheme, or members of a group scheme (as mentee-shaped candidates). */
  peers: MenteeCandidate[];
  profiles: Map<string, ProfileFacts>;
  /** Mentors' readiness in words, for the console (ready ones included). */
  mentorReadiness: Map<string, { ready: boolean; reasons: string[]; capacity: number; active: number }>;
  locked: [string, string][];
  excluded: [string, string][];
  blocked: BlockedPairs;
  /** Mentee enrolments that already have a live (requested or active) relationship. */
  menteesWithLiveRelationship: Set<string>;
  /** Mentee enrolments matching waits for: the scheme requires its preparation course and they have not finished it. */
  heldForPreparation: Set<string>;
}

const yearsSince = (date: string | null, now: Date) =>
  date ? Math.max(0, (now.getTime() - new Date(`${date}T00:00:00Z`).getTime()) / (365.25 * 86_400_000)) : null;

export { loadScheme } from "../schemes";

export async function loadMatchingInputs(tx: Tx, options: { organisationId: string; schemeId: string; now: Date }): Promise<MatchingInputs> {
  const { organisationId, schemeId, now } = options;
  const { scheme, rules } = await loadScheme(tx, organisationId, schemeId);
  const rows = await tx
    .select({
      enrolmentId: enrolments.id,
      personId: enrolments.personId,
      role: enrolments.role,
      topics: enrolments.topics,
      availability: enrolments.availability,
      remoteOk: enrolments.remoteOk,
      bio: enrolments.bio,
      joinedAt: enrolments.createdAt,
      name: people.name,
      photoUrl: people.photoUrl,
      specialty: memberships.specialty,
      department: memberships.department,
      latitude: memberships.siteLatitude,
      longitude: memberships.siteLongitude,
      startedInRoleOn: memberships.startedInRoleOn,
      lineManagerPersonId: memberships.lineManagerPersonId,
      memberOf: memberships.organisationId,
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    // Facts come from the person's membership of the scheme's organisation, where they have one.
    .leftJoin(memberships, and(eq(memberships.organisationId, enrolments.organisationId), eq(memberships.personId, enrolments.personId)))
    .where(and(eq(enrolments.organisationId, organisationId), eq(enrolments.schemeId, schemeId), eq(enrolments.status, "active")))
    .orderBy(enrolments.createdAt, enrolments.id);

  const live = await tx
    .select({ mentee: relationships.menteeEnrolmentId, mentor: relationships.mentorEnrolmentId, status: relationships.status })
    .from(relationships)
    .where(and(eq(relationships.organisationId, organisationId), eq(relationships.schemeId, schemeId), inArray(relationships.status, ["requested", ...liveRelationshipStatuses])));
  const menteesWithLiveRelationship = new Set(live.flatMap((r) => (r.mentee ? [r.mentee] : [])));
  // Peers already co-mentoring or in a group are not formed into another.
  const grouped = new Set(
    (
      await tx
        .select({ enrolmentId: relationshipMembers.enrolmentId })
        .from(relationshipMembers)
        .innerJoin(relationships, and(eq(relationships.organisationId, relationshipMembers.organisationId), eq(relationships.id, relationshipMembers.relationshipId)))
        .where(
          and(
            eq(relationshipMembers.organisationId, organisationId),
            eq(relationships.schemeId, schemeId),
            inArray(relationships.kind, ["co_mentoring", "group"]),
            inArray(relationships.status, liveRelationshipStatuses),
            isNull(relationshipMembers.leftAt),
          ),
        )
    ).map((r) => r.enrolmentId),
  );

  const pool = await mentorPool(tx, { organisationId, schemeId, now });
  const readinessByPerson = new Map(pool.mentors.map((m) => [m.personId, m]));

  const profiles = new Map<string, ProfileFacts>();
  const mentees: MenteeCandidate[] = [];
  const mentors: MentorCandidate[] = [];
  const peers: MenteeCandidate[] = [];
  const mentorReadiness: MatchingInputs["mentorReadiness"] = new Map();
  for (const row of rows) {
    profiles.set(row.enrolmentId, {
      enrolmentId: row.enrolmentId,
      personId: row.personId,
      name: row.name,
      photoUrl: row.photoUrl,
      bio: row.bio,
      specialty: row.specialty,
      department: row.department,
      topics: row.topics,
      availability: row.availability,
      remoteOk: row.remoteOk,
      joinedAt: row.joinedAt,
    });
    const person = {
      id: row.enrolmentId,
      personId: row.personId,
      specialty: row.specialty,
      organisationId: row.memberOf,
      department: row.department,
      location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude } : null,
      remoteOk: row.remoteOk,
      availability: row.availability,
      seniority: yearsSince(row.startedInRoleOn, now),
    };
    if (row.role === "mentor") {
      const pooled = readinessByPerson.get(row.personId);
      const ready = pooled?.readiness.ready ?? false;
      const capacity = pooled?.capacity ?? 0;
      const active = pooled?.activeMentees ?? 0;
      mentorReadiness.set(row.enrolmentId, { ready, reasons: pooled?.readiness.reasonTexts ?? [], capacity, active });
      mentors.push({ ...person, topicsOffered: row.topics, ready, capacityLeft: Math.max(0, capacity - active) });
    } else {
      const candidate: MenteeCandidate = { ...person, topicsWanted: row.topics, lineManagerPersonId: row.lineManagerPersonId };
      if (row.role === "peer") {
        if (!grouped.has(row.enrolmentId)) peers.push(candidate);
      }
      else if (!menteesWithLiveRelationship.has(row.enrolmentId)) mentees.push(candidate);
      if (rules.format.kind === "group" && row.role === "mentee" && !grouped.has(row.enrolmentId)) peers.push(candidate);
    }
  }

  // SPEC principle 7: where the course is required, a mentee who has not finished it waits outside the pool.
  const menteeIds = rows.filter((r) => r.role === "mentee").map((r) => r.enrolmentId);
  const doneKeys = rules.mentees.preparation === "required" ? await doneKeysFor(tx, organisationId, menteeIds) : new Map<string, string[]>();
  const heldForPreparation = new Set(holdForMenteePreparation({ rules, mentees: menteeIds.map((id) => ({ id })), doneKeys }).held.map((m) => m.id));
  const matchable = <M extends { id: string }>(list: M[]) => list.filter((m) => !heldForPreparation.has(m.id));
  mentees.splice(0, mentees.length, ...matchable(mentees));
  if (rules.format.kind === "group") peers.splice(0, peers.length, ...matchable(peers));

  const constraints = await tx
    .select()
    .from(matchConstraints)
    .where(and(eq(matchConstraints.organisationId, organisationId), eq(matchConstraints.schemeId, schemeId)));
  const waiting = new Set(mentees.map((m) => m.id));
  const mentorIds = new Set(mentors.map((m) => m.id));
  const current = (c: { menteeEnrolmentId: string; mentorEnrolmentId: string }) => waiting.has(c.menteeEnrolmentId) && mentorIds.has(c.mentorEnrolmentId);
  const locked = constraints.filter((c) => c.kind === "lock" && current(c)).map((c) => [c.menteeEnrolmentId, c.mentorEnrolmentId] as [string, string]);
  const excluded = constraints.filter((c) => c.kind === "exclude" && current(c)).map((c) => [c.menteeEnrolmentId, c.mentorEnrolmentId] as [string, string]);

  return {
    scheme: { id: scheme.id, name: scheme.name, organisationId, currentVersion: scheme.currentVersion, status: scheme.status },
    rules,
    mentees,
    mentors,
    peers,
    profiles,
    mentorReadiness,
    locked,
    excluded,
    blocked: await blockedPairs(tx, { organisationId, schemeId, profiles }),
    menteesWithLiveRelationship,
    heldForPreparation,
  };
}

/**
 * Pairs never proposed again: a mentor declined the mentee, or the pair ended by a no-fault change.
 * Kept by person, so rejoining the scheme does not bring the pair back.
 */
async function blockedPairs(tx: Tx, options: { organisationId: string; schemeId: string; profiles: Map<string, ProfileFacts> }): Promise<BlockedPairs> {
  const ended = await tx
    .select({ mentee: relationships.menteePersonId, mentor: relationships.mentorPersonId })
    .from(relationships)
    .where(
      and(
        eq(relationships.organisationId, options.organisationId),
        eq(relationships.schemeId, options.schemeId),
        or(eq(relationships.status, "declined"), eq(relationships.closedReason, "no_fault_change")),
      ),
    );
  const blocked = new Set<string>();
  const byPerson = new Map<string, string[]>();
  for (const p of options.profiles.values()) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p.enrolmentId]);
  for (const e of ended) {
    if (!e.mentee || !e.mentor) continue;
    for (const mentee of byPerson.get(e.mentee) ?? []) {
      for (const mentor of byPerson.get(e.mentor) ?? []) blocked.add(pairKey(mentee, mentor));
    }
  }
  return blocked;
}
