// Invitations: an org admin invites by email with roles; the emailed link lets the invitee set a
// password (or, with an account already, simply join). Only the token's hash is stored.
import { and, eq, isNull } from "drizzle-orm";
import {
  type Database,
  invitations,
  memberships,
  organisations,
  people,
  type Tx,
  withTenant,
} from "@tandem/db";
import { hashPassword } from "../auth/passwords";
import { generateSecret, hashSecretHex } from "../auth/tokens";
import { AppError } from "../errors";
import type { MembershipRoleName } from "../roles";
import { recordAudit } from "./audit";
import type { Mailer } from "./mail";
import { invalidateAllSessions } from "./sessions";

const invitationLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export function invitationLink(publicUrl: string, organisationId: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/invitations/${organisationId}/${token}`;
}

export async function invitePerson(
  tx: Tx,
  options: {
    organisationId: string;
    actor: { id: string; name: string };
    email: string;
    name: string;
    roles: MembershipRoleName[];
    mailer: Mailer;
    publicUrl: string;
    now: Date;
  },
) {
  const [existing] = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(eq(memberships.organisationId, options.organisationId), eq(people.email, options.email)))
    .limit(1);
  if (existing) {
    throw new AppError("CONFLICT", `${options.email} is already a member of this organisation`, {
      email: ["This person is already a member of this organisation"],
    });
  }
  // A new invitation replaces any earlier one to the same address.
  await tx
    .update(invitations)
    .set({ revokedAt: options.now })
    .where(
      and(
        eq(invitations.organisationId, options.organisationId),
        eq(invitations.email, options.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = generateSecret();
  const roles = [...new Set(options.roles)].sort();
  const [row] = await tx
    .insert(invitations)
    .values({
      organisationId: options.organisationId,
      email: options.email,
      name: options.name,
      roles,
      tokenHash: hashSecretHex(token),
      invitedByPersonId: options.actor.id,
      createdAt: options.now,
      expiresAt: new Date(options.now.getTime() + invitationLifetimeMs),
    })
    .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
  if (!row) throw new Error("invitation insert returned nothing");
  const [organisation] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, options.organisationId));
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actor.id,
    action: "invitation.sent",
    subjectType: "invitation",
    subjectId: row.id,
    details: { roles },
  });
  const link = invitationLink(options.publicUrl, options.organisationId, token);
  await options.mailer.send(tx, {
    to: options.email,
    subject: `You're invited to join ${organisation?.name ?? "an organisation"} on Tandem`,
    text: [
      `Dear ${options.name},`,
      "",
      `${options.actor.name} has invited you to join ${organisation?.name ?? "their organisation"} on Tandem, the mentoring service.`,
      "",
      `Accept the invitation and set your password: ${link}`,
      "",
      `The link works until ${row.expiresAt.toUTCString()}. If you did not expect this email you can ignore it.`,
    ].join("\n"),
  });
  return { invitationId: row.id, expiresAt: row.expiresAt };
}

export async function revokeInvitation(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; invitationId: string; now: Date },
) {
  const updated = await tx
    .update(invitations)
    .set({ revokedAt: options.now })
    .where(
      and(
        eq(invitations.organisationId, options.organisationId),
        eq(invitations.id, options.invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (updated.length === 0) throw new AppError("NOT_FOUND", "That invitation is not pending");
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "invitation.revoked",
    subjectType: "invitation",
    subjectId: options.invitationId,
  });
  return { invitationId: options.invitationId };
}

type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

async function findInvitation(tx: Tx, organisationId: string, token: string) {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.organisationId, organisationId), eq(invitations.tokenHash, hashSecretHex(token))))
    .limit(1);
  return row ?? null;
}

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

const notFound = () => new AppError("NOT_FOUND", "This invitation link is not valid. Ask for a new invitation.");

export async function describeInvitation(
  db: Database,
  options: { organisationId: string; token: string; now: Date },
) {
  return withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const row = await findInvitation(tx, options.organisationId, options.token);
    if (!row) throw notFound();
    const [organisation] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, options.organisationId));
    const [person] = await tx
      .select({ passwordHash: people.passwordHash })
      .from(people)
      .where(eq(people.email, row.email))
      .limit(1);
    return {
      organisationName: organisation?.name ?? "",
      name: row.name,
      email: row.email,
      roles: row.roles,
      status: statusOf(row, options.now),
      hasAccount: Boolean(person?.passwordHash),
    };
  });
}

export async function acceptInvitation(
  db: Database,
  options: { organisationId: string; token: string; password?: string | undefined; now: Date },
) {
  return withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const row = await findInvitation(tx, options.organisationId, options.token);
    if (!row) throw notFound();
    const status = statusOf(row, options.now);
    if (status !== "pending") {
      throw new AppError("CONFLICT", `This invitation has ${status === "accepted" ? "already been used" : status === "revoked" ? "been withdrawn" : "expired"}. Ask for a new invitation.`);
    }
    let [person] = await tx
      .select({ id: people.id, passwordHash: people.passwordHash })
      .from(people)
      .where(eq(people.email, row.email))
      .limit(1);
    const needsPassword = !person?.passwordHash;
    if (needsPassword && !options.password) {
      throw new AppError("BAD_REQUEST", "Create a password", { password: ["Create a password"] });
    }
    if (!person) {
      [person] = await tx
        .insert(people)
        .values({ email: row.email, name: row.name })
        .returning({ id: people.id, passwordHash: people.passwordHash });
      if (!person) throw new Error("person insert returned nothing");
    }
    if (needsPassword && options.password) {
      await tx
        .update(people)
        .set({ passwordHash: await hashPassword(options.password), passwordChangedAt: options.now })
        .where(eq(people.id, person.id));
      await invalidateAllSessions(tx, person.id);
    }
    const [membership] = await tx
      .select({ roles: memberships.roles })
      .from(memberships)
      .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.personId, person.id)))
      .limit(1);
    if (membership) {
      const roles = [...new Set([...membership.roles, ...row.roles])].sort();
      await tx
        .update(memberships)
        .set({ roles, status: "active" })
        .where(and(eq(memberships.organisationId, options.organisationId), eq(memberships.personId, person.id)));
    } else {
      await tx.insert(memberships).values({ organisationId: options.organisationId, personId: person.id, roles: row.roles });
    }
    await tx
      .update(invitations)
      .set({ acceptedAt: options.now })
      .where(and(eq(invitations.organisationId, options.organisationId), eq(invitations.id, row.id)));
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actorPersonId: person.id,
      action: "invitation.accepted",
      subjectType: "invitation",
      subjectId: row.id,
      details: { roles: row.roles },
    });
    return { email: row.email, passwordSet: needsPassword };
  });
}
