// Private reflections (decision 017). The server keeps ciphertext it cannot read: the text is
// encrypted in the author's browser under their own key, which reaches the server only wrapped (by
// their passphrase and by a recovery code). Only the author reads their reflections; row-level
// security holds that underneath these queries (a coordinator's transaction reads zero rows).
import { and, asc, eq } from "drizzle-orm";
import { type Database, meetings, organisations, reflectionKeys, reflections, relationshipMembers, relationships, schemes, type Tx, withPerson, withTenant } from "@tandem/db";
import { AppError } from "../errors";
import { listPasskeys } from "./reflection-passkeys";
import type { RelationshipInHand } from "./relationships/load";

export interface WrappedKey {
  wrappedKey: string;
  iv: string;
  salt: string;
  iterations: number;
}

export async function keyStatus(tx: Tx, personId: string) {
  const [row] = await tx.select().from(reflectionKeys).where(eq(reflectionKeys.personId, personId));
  if (!row) return { set: false as const };
  return {
    set: true as const,
    keyVersion: row.keyVersion,
    passphrase: { wrappedKey: row.passphraseWrappedKey, iv: row.passphraseIv, salt: row.passphraseSalt, iterations: row.passphraseIterations },
    recovery: { wrappedKey: row.recoveryWrappedKey, iv: row.recoveryIv, salt: row.recoverySalt, iterations: row.recoveryIterations },
    passkeys: await listPasskeys(tx, personId),
  };
}

export async function setUpKey(tx: Tx, options: { personId: string; passphrase: WrappedKey; recovery: WrappedKey; now: Date }) {
  const inserted = await tx
    .insert(reflectionKeys)
    .values({
      personId: options.personId,
      keyVersion: 1,
      passphraseWrappedKey: options.passphrase.wrappedKey,
      passphraseIv: options.passphrase.iv,
      passphraseSalt: options.passphrase.salt,
      passphraseIterations: options.passphrase.iterations,
      recoveryWrappedKey: options.recovery.wrappedKey,
      recoveryIv: options.recovery.iv,
      recoverySalt: options.recovery.salt,
      recoveryIterations: options.recovery.iterations,
      createdAt: options.now,
      updatedAt: options.now,
    })
    .onConflictDoNothing()
    .returning({ keyVersion: reflectionKeys.keyVersion });
  // Replacing a key would make every reflection under it unreadable: change the passphrase instead.
  if (inserted.length === 0) throw new AppError("CONFLICT", "You already have a reflections key: unlock it, or change its passphrase");
  return { keyVersion: inserted[0]!.keyVersion };
}

/** A new passphrase (and, if given, a new recovery code) for the same key: nothing is re-encrypted. */
export async function rewrapKey(tx: Tx, options: { personId: string; keyVersion: number; passphrase: WrappedKey; recovery?: WrappedKey; now: Date }) {
  const updated = await tx
    .update(reflectionKeys)
    .set({
      passphraseWrappedKey: options.passphrase.wrappedKey,
      passphraseIv: options.passphrase.iv,
      passphraseSalt: options.passphrase.salt,
      passphraseIterations: options.passphrase.iterations,
      ...(options.recovery
        ? { recoveryWrappedKey: options.recovery.wrappedKey, recoveryIv: options.recovery.iv, recoverySalt: options.recovery.salt, recoveryIterations: options.recovery.iterations }
        : {}),
      updatedAt: options.now,
    })
    .where(and(eq(reflectionKeys.personId, options.personId), eq(reflectionKeys.keyVersion, options.keyVersion)))
    .returning({ keyVersion: reflectionKeys.keyVersion });
  if (updated.length === 0) throw new AppError("CONFLICT", "Your reflections key has changed since you unlocked it: unlock it again");
  return { ok: true as const };
}

async function currentKeyVersion(tx: Tx, personId: string) {
  const [row] = await tx.select({ keyVersion: reflectionKeys.keyVersion }).from(reflectionKeys).where(eq(reflectionKeys.personId, personId));
  if (!row) throw new AppError("CONFLICT", "Set up your reflections key first");
  return row.keyVersion;
}

const columns = {
  id: reflections.id,
  relationshipId: reflections.relationshipId,
  meetingId: reflections.meetingId,
  ciphertext: reflections.ciphertext,
  iv: reflections.iv,
  keyVersion: reflections.keyVersion,
  createdAt: reflections.createdAt,
  updatedAt: reflections.updatedAt,
};

/** The caller's own reflections on one relationship (still readable after they have left it). */
export function listReflections(tx: Tx, options: { organisationId: string; personId: string; relationshipId: string }) {
  return tx
    .select(columns)
    .from(reflections)
    .where(and(eq(reflections.organisationId, options.organisationId), eq(reflections.personId, options.personId), eq(reflections.relationshipId, options.relationshipId)))
    .orderBy(asc(reflections.createdAt), asc(reflections.id));
}

/**
 * The caller's own reflections in every organisation, with where each was written (for their CPD
 * record, decrypted on their device): one query per organisation they have been in a relationship in.
 */
export async function myReflections(db: Database, options: { personId: string }) {
  const { personId } = options;
  const joined = await withPerson(db, personId, (tx) =>
    tx.selectDistinct({ organisationId: relationshipMembers.organisationId }).from(relationshipMembers).where(eq(relationshipMembers.personId, personId)),
  );
  const result = [];
  for (const { organisationId } of joined) {
    const rows = await withTenant(db, { organisationId, personId }, (tx) =>
      tx
        .select({
          ...columns,
          organisationId: reflections.organisationId,
          organisationName: organisations.name,
          schemeName: schemes.name,
          meetingStartsAt: meetings.startsAt,
        })
        .from(reflections)
        .innerJoin(organisations, eq(organisations.id, reflections.organisationId))
        .innerJoin(relationships, and(eq(relationships.organisationId, reflections.organisationId), eq(relationships.id, reflections.relationshipId)))
        .innerJoin(schemes, and(eq(schemes.organisationId, relationships.organisationId), eq(schemes.id, relationships.schemeId)))
        .leftJoin(meetings, and(eq(meetings.organisationId, reflections.organisationId), eq(meetings.id, reflections.meetingId)))
        .where(and(eq(reflections.organisationId, organisationId), eq(reflections.personId, personId)))
        .orderBy(asc(reflections.createdAt), asc(reflections.id)),
    );
    result.push(...rows);
  }
  return result.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

interface Sealed {
  ciphertext: string;
  iv: string;
  keyVersion: number;
}

async function assertCurrentKey(tx: Tx, personId: string, keyVersion: number) {
  if ((await currentKeyVersion(tx, personId)) !== keyVersion) throw new AppError("CONFLICT", "Your reflections key has changed: unlock it again");
}

export async function addReflection(tx: Tx, options: { organisationId: string; hand: RelationshipInHand; meetingId?: string | null; sealed: Sealed; now: Date }) {
  const personId = options.hand.me.personId;
  await assertCurrentKey(tx, personId, options.sealed.keyVersion);
  if (options.meetingId) {
    const [m] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.id, options.meetingId), eq(meetings.relationshipId, options.hand.relationship.id)));
    if (!m) throw new AppError("NOT_FOUND", "That meeting is not in this relationship");
  }
  const [row] = await tx
    .insert(reflections)
    .values({
      organisationId: options.organisationId,
      personId,
      relationshipId: options.hand.relationship.id,
      meetingId: options.meetingId ?? null,
      ...options.sealed,
      createdAt: options.now,
      updatedAt: options.now,
    })
    .returning({ id: reflections.id });
  return { reflectionId: row!.id };
}

export async function updateReflection(tx: Tx, options: { organisationId: string; hand: RelationshipInHand; reflectionId: string; sealed: Sealed; now: Date }) {
  const personId = options.hand.me.personId;
  const updated = await tx
    .update(reflections)
    .set({ ...options.sealed, updatedAt: options.now })
    .where(
      and(
        eq(reflections.organisationId, options.organisationId),
        eq(reflections.id, options.reflectionId),
        eq(reflections.personId, personId),
        eq(reflections.relationshipId, options.hand.relationship.id),
      ),
    )
    .returning({ id: reflections.id });
  if (updated.length === 0) throw new AppError("NOT_FOUND", "That reflection does not exist, or is not yours");
  // A failure here rolls the update back with the transaction.
  await assertCurrentKey(tx, personId, options.sealed.keyVersion);
  return { ok: true as const };
}

/** The author deletes their own, even after leaving the relationship. */
export async function removeReflection(tx: Tx, options: { organisationId: string; personId: string; reflectionId: string }) {
  const removed = await tx
    .delete(reflections)
    .where(and(eq(reflections.organisationId, options.organisationId), eq(reflections.id, options.reflectionId), eq(reflections.personId, options.personId)))
    .returning({ id: reflections.id });
  if (removed.length === 0) throw new AppError("NOT_FOUND", "That reflection does not exist, or is not yours");
  return { ok: true as const };
}
