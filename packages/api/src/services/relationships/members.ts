// Who is in a relationship. A pair's members are recorded when it becomes active; co-mentoring and
// group relationships are made with theirs. Membership is what lets a person read the relationship's
// meetings and (by row-level security) what the members keep.
import { and, eq } from "drizzle-orm";
import { type PairRelationship, relationshipMembers, type Tx } from "@tandem/db";

export type MemberRole = (typeof relationshipMembers.$inferInsert)["role"];

export async function addMembers(
  tx: Tx,
  options: { organisationId: string; relationshipId: string; now: Date; members: { personId: string; enrolmentId: string; role: MemberRole }[] },
) {
  if (options.members.length === 0) return;
  await tx
    .insert(relationshipMembers)
    .values(options.members.map((m) => ({ ...m, organisationId: options.organisationId, relationshipId: options.relationshipId, joinedAt: options.now })))
    .onConflictDoNothing();
}

/** A pair's mentee and mentor, as members. */
export function addPairMembers(tx: Tx, options: { relationship: PairRelationship; now: Date }) {
  const r = options.relationship;
  return addMembers(tx, {
    organisationId: r.organisationId,
    relationshipId: r.id,
    now: options.now,
    members: [
      { personId: r.menteePersonId, enrolmentId: r.menteeEnrolmentId, role: "mentee" },
      { personId: r.mentorPersonId, enrolmentId: r.mentorEnrolmentId, role: "mentor" },
    ],
  });
}

const roleOrder: Record<MemberRole, number> = { mentee: 0, mentor: 1, peer: 2, member: 2, facilitator: 3 };

/** Members in the order people expect to read them: mentee, mentor; peers or members, then facilitators. */
export function byRole<M extends { role: MemberRole; joinedAt: Date }>(a: M, b: M) {
  return roleOrder[a.role] - roleOrder[b.role] || a.joinedAt.getTime() - b.joinedAt.getTime();
}

export async function membersOf(tx: Tx, options: { organisationId: string; relationshipId: string }) {
  const rows = await tx
    .select()
    .from(relationshipMembers)
    .where(and(eq(relationshipMembers.organisationId, options.organisationId), eq(relationshipMembers.relationshipId, options.relationshipId)));
  return rows.sort(byRole);
}
