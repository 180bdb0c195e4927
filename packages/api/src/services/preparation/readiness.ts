// Readiness of a scheme's mentors (SPEC section 7), computed from the scheme's rules and the
// records; matching uses the same answer, so a mentor who is not ready is never proposed.
import { computeReadiness, type MentorRecords, readinessLabel, type SchemeRules } from "@tandem/core";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import {
  type Database,
  enrolments,
  liveRelationshipStatuses,
  mentorApprovals,
  organisations,
  people,
  peerAppraisals,
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
import { currentRules } from "../schemes";

async function recordsFor(tx: Tx, organisationId: string, schemeId: string, personIds: string[], defaultCapacity: number) {
  const byPerson = new Map<string, MentorRecords>();
  for (const id of personIds) {
    byPerson.set(id, { modules: [], supportEvents: [], appraisals: [], approval: null, activeMentees: 0, capacity: defaultCapacity });
  }
  if (personIds.length === 0) return byPerson;
  // Capacity is the mentor's own (else the scheme's usual number); active relationships fill it.
  const own = await tx
    .select({ personId: enrolments.personId, capacity: enrolments.capacity })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.organisationId, organisationId),
        eq(enrolments.schemeId, schemeId),
        eq(enrolments.role, "mentor"),
        eq(enrolments.status, "active"),
        inArray(enrolments.personId, personIds),
      ),
    );
  for (const o of own) if (o.capacity !== null) byPerson.get(o.personId)!.capacity = o.capacity;
  const active = await tx
    .select({ personId: relationships.mentorPersonId, n: count() })
    .from(relationships)
    .where(
      and(
        eq(relationships.organisationId, organisationId),
        eq(relationships.schemeId, schemeId),
        inArray(relationships.status, liveRelationshipStatuses),
        inArray(relationships.mentorPersonId, personIds),
      ),
    )
    .groupBy(relationships.mentorPersonId);
  // Active and paused relationships both hold a mentor's place.
  for (const a of active) if (a.personId) byPerson.get(a.personId)!.activeMentees = a.n;
  const modules = await tx
    .select({ personId: trainingRecords.personId, code: trainingModules.code, completedOn: trainingRecords.completedOn, verifiedOn: trainingRecords.verifiedOn })
    .from(trainingRecords)
    .innerJoin(trainingModules, and(eq(trainingModules.organisationId, trainingRecords.organisationId), eq(trainingModules.id, trainingRecords.moduleId)))
    .where(and(eq(trainingRecords.organisationId, organisationId), inArray(trainingRecords.personId, personIds)));
  for (const m of modules) {
    byPerson.get(m.personId)!.modules.push({ moduleId: m.code, completedOn: m.completedOn, verified: m.verifiedOn !== null });
  }
  const attended = await tx
    .select({ personId: supportAttendance.personId, kind: supportEvents.kind, date: supportEvents.heldOn, status: supportAttendance.status })
    .from(supportAttendance)
    .innerJoin(supportEvents, and(eq(supportEvents.organisationId, supportAttendance.organisationId), eq(supportEvents.id, supportAttendance.eventId)))
    .where(and(eq(supportAttendance.organisationId, organisationId), inArray(supportAttendance.personId, personIds)));
  for (const a of attended) {
    byPerson.get(a.personId)!.supportEvents.push({ kind: a.kind, date: a.date, attended: a.status === "attended" });
  }
  const appraisals = await tx
    .select({ personId: peerAppraisals.mentorPersonId, date: peerAppraisals.appraisedOn })
    .from(peerAppraisals)
    .where(and(eq(peerAppraisals.organisationId, organisationId), inArray(peerAppraisals.mentorPersonId, personIds)));
  for (const a of appraisals) byPerson.get(a.personId)!.appraisals.push({ date: a.date });
  const approvals = await tx
    .select({ personId: mentorApprovals.personId, decision: mentorApprovals.decision, decidedAt: mentorApprovals.decidedAt })
    .from(mentorApprovals)
    .where(and(eq(mentorApprovals.organisationId, organisationId), eq(mentorApprovals.schemeId, schemeId), inArray(mentorApprovals.personId, personIds)))
    .orderBy(desc(mentorApprovals.decidedAt));
  for (const a of approvals) {
    const records = byPerson.get(a.personId)!;
    // Newest first: the first decision seen is the one in force.
    records.approval ??= { decision: a.decision, decidedOn: a.decidedAt.toISOString().slice(0, 10) };
  }
  return byPerson;
}

function present(readiness: ReturnType<typeof computeReadiness>) {
  return { ...readiness, reasonTexts: readiness.reasons.map(readinessLabel) };
}

export async function mentorPool(tx: Tx, options: { organisationId: string; schemeId: string; now: Date }) {
  const [scheme] = await tx
    .select()
    .from(schemes)
    .where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, options.schemeId)));
  if (!scheme) throw new AppError("NOT_FOUND", "That scheme does not exist in this organisation");
  const rules = await currentRules(tx, scheme);
  const mentors = await tx
    .select({ personId: people.id, name: people.name, email: people.email, joinedAt: enrolments.createdAt })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(
      and(
        eq(enrolments.organisationId, options.organisationId),
        eq(enrolments.schemeId, scheme.id),
        eq(enrolments.role, "mentor"),
        eq(enrolments.status, "active"),
      ),
    );
  const records = await recordsFor(tx, options.organisationId, scheme.id, mentors.map((m) => m.personId), rules.matching.mentorCapacityDefault);
  return {
    scheme: { id: scheme.id, name: scheme.name },
    requiredModules: rules.mentors.requiredModules,
    approvalRequired: rules.mentors.approval,
    mentors: mentors
      .map((mentor) => {
        const own = records.get(mentor.personId)!;
        const capacity = Math.min(own.capacity ?? rules.mentors.maxMentees, rules.mentors.maxMentees);
        return {
          ...mentor,
          capacity,
          activeMentees: own.activeMentees ?? 0,
          readiness: present(computeReadiness({ rules, records: own, now: options.now })),
        };
      })
      .sort((a, b) => Number(a.readiness.ready) - Number(b.readiness.ready) || a.name.localeCompare(b.name)),
  };
}

/** Ids of the scheme's mentors who are ready: the only mentors matching may list or propose. */
export async function readyMentorIds(tx: Tx, options: { organisationId: string; schemeId: string; now: Date }) {
  const pool = await mentorPool(tx, options);
  return pool.mentors.filter((m) => m.readiness.ready).map((m) => m.personId);
}

/** A mentor's own status in every scheme they mentor in, in any organisation. */
export async function myMentorStatus(db: Database, options: { personId: string; now: Date }) {
  const mine = await withPerson(db, options.personId, (tx) =>
    tx
      .select({ organisationId: enrolments.organisationId, schemeId: enrolments.schemeId })
      .from(enrolments)
      .where(and(eq(enrolments.personId, options.personId), eq(enrolments.role, "mentor"), eq(enrolments.status, "active"))),
  );
  const result = [];
  for (const enrolment of mine) {
    result.push(
      await withTenant(db, { organisationId: enrolment.organisationId, personId: options.personId }, async (tx) => {
        const [scheme] = await tx
          .select()
          .from(schemes)
          .where(and(eq(schemes.organisationId, enrolment.organisationId), eq(schemes.id, enrolment.schemeId)));
        const rules: SchemeRules = await currentRules(tx, scheme!);
        const records = (await recordsFor(tx, enrolment.organisationId, scheme!.id, [options.personId], rules.matching.mentorCapacityDefault)).get(options.personId)!;
        const approvals = await tx
          .select({ decision: mentorApprovals.decision, note: mentorApprovals.note, decidedAt: mentorApprovals.decidedAt })
          .from(mentorApprovals)
          .where(and(eq(mentorApprovals.organisationId, enrolment.organisationId), eq(mentorApprovals.schemeId, scheme!.id), eq(mentorApprovals.personId, options.personId)))
          .orderBy(desc(mentorApprovals.decidedAt));
        const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, enrolment.organisationId));
        return {
          organisationId: enrolment.organisationId,
          organisationName: org?.name ?? "",
          schemeId: scheme!.id,
          schemeName: scheme!.name,
          requiredModules: rules.mentors.requiredModules,
          readiness: present(computeReadiness({ rules, records, now: options.now })),
          approvals,
        };
      }),
    );
  }
  return result;
}
