// Passkeys that unlock a person's reflection key (decision 017): the browser asks the passkey for its
// WebAuthn PRF output for a salt, derives a wrapping key from it and wraps the person's key; the
// server keeps the wrapped copy with the credential's id and the salt. It never sees the PRF output,
// so it cannot unwrap the copy. Their own rows only (row-level security).
import { and, asc, count, eq } from "drizzle-orm";
import { reflectionKeys, reflectionPasskeys, type Tx } from "@tandem/db";
import { AppError } from "../errors";

/** Enough for a phone, a laptop and a few security keys. */
export const MAX_REFLECTION_PASSKEYS = 10;

export interface PasskeySlot {
  credentialId: string;
  prfSalt: string;
  wrappedKey: string;
  iv: string;
  keyVersion: number;
  label: string;
}

export function listPasskeys(tx: Tx, personId: string) {
  return tx
    .select({
      id: reflectionPasskeys.id,
      credentialId: reflectionPasskeys.credentialId,
      prfSalt: reflectionPasskeys.prfSalt,
      wrappedKey: reflectionPasskeys.wrappedKey,
      iv: reflectionPasskeys.iv,
      label: reflectionPasskeys.label,
      createdAt: reflectionPasskeys.createdAt,
    })
    .from(reflectionPasskeys)
    .where(eq(reflectionPasskeys.personId, personId))
    .orderBy(asc(reflectionPasskeys.createdAt), asc(reflectionPasskeys.id));
}

export async function addPasskey(tx: Tx, options: { personId: string; slot: PasskeySlot; now: Date }) {
  const [key] = await tx.select({ keyVersion: reflectionKeys.keyVersion }).from(reflectionKeys).where(eq(reflectionKeys.personId, options.personId));
  if (!key) throw new AppError("CONFLICT", "Set up your reflections key first");
  if (key.keyVersion !== options.slot.keyVersion) throw new AppError("CONFLICT", "Your reflections key has changed: unlock it again");
  const [held] = await tx.select({ n: count() }).from(reflectionPasskeys).where(eq(reflectionPasskeys.personId, options.personId));
  if ((held?.n ?? 0) >= MAX_REFLECTION_PASSKEYS) throw new AppError("CONFLICT", `You already have ${MAX_REFLECTION_PASSKEYS} passkeys for your reflections: remove one first`);
  const inserted = await tx
    .insert(reflectionPasskeys)
    .values({ personId: options.personId, ...options.slot, createdAt: options.now })
    .onConflictDoNothing()
    .returning({ id: reflectionPasskeys.id });
  if (inserted.length === 0) throw new AppError("CONFLICT", "That passkey already unlocks your reflections");
  return { passkeyId: inserted[0]!.id };
}

export async function removePasskey(tx: Tx, options: { personId: string; passkeyId: string }) {
  const removed = await tx
    .delete(reflectionPasskeys)
    .where(and(eq(reflectionPasskeys.personId, options.personId), eq(reflectionPasskeys.id, options.passkeyId)))
    .returning({ id: reflectionPasskeys.id });
  if (removed.length === 0) throw new AppError("NOT_FOUND", "That passkey does not unlock your reflections");
  return { ok: true as const };
}
