// People of an organisation: members with their roles, and pending invitations.
import { and, asc, eq, isNull, gt } from "drizzle-orm";
import { invitations, memberships, people, type Tx } from "@tandem/db";
import { AppError } from "../errors";
import type { MembershipRoleName } from "../roles";
import { recordAudit } from "./audit";

export async function listPeople(tx: Tx, options: { organisationId: string; now: Date }) {
  const members = await tx
    .select({
      personId: people.id,
      name: people.name,
      email: people.email,
      roles: memberships.roles,
      status: memberships.status,
      staffGroup: memberships.staffGroup,
      specialty: memberships.specialty,
      department: memberships.department,
      siteDistrict: memberships.siteDistrict,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.organisationId, options.organisationId))
    .orderBy(asc(people.name));
  const pending = await tx
    .select({
      id: invitations.id,
      name: invitations.name,
      email: invitations.email,
      roles: invitations.roles,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationId, options.organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, options.now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return { members, pending };
}

export async function setMemberRoles(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; personId: string; roles: MembershipRoleName[] },
) {
  const [member] = await tx
    .select({ roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.personId, options.personId)))
    .limit(1);
  if (!member) throw new AppError("NOT_FOUND", "That person is not a member of this organisation");
  const roles = [...new Set(options.roles)].sort();
  if (member.roles.includes("org_admin") && !roles.includes("org_admin")) {
    const admins = await tx
      .select({ personId: memberships.personId, roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.status, "active")));
    if (admins.filter((m) => m.roles.includes("org_admin")).length <= 1) {
      throw new AppError("CONFLICT", "An organisation needs at least one org admin. Make someone else an org admin first.", {
        roles: ["An organisation needs at least one org admin"],
      });
    }
  }
  await tx
    .update(memberships)
    .set({ roles })
    .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.personId, options.personId)));
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "membership.roles_changed",
    subjectType: "person",
    subjectId: options.personId,
    details: { from: member.roles, to: roles },
  });
  return { personId: options.personId, roles };
}
