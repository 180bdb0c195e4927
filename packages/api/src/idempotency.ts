// Idempotent participant writes (decision record 016; the IETF Idempotency-Key draft's rules). A write
// made offline carries the UUIDv7 the device made when the person acted, as the input field
// `idempotencyKey` (a field, not a header: one tRPC batch carries several writes, each with its own key).
// Inside the write's own tenant transaction the key is held, looked up and, once the change is made,
// stored with the first response, so:
// - a replayed key returns the first response and makes no second change;
// - a key still in flight (its first request has not committed) gets CONFLICT (409);
// - a key reused with another payload, or for another procedure, gets UNPROCESSABLE_CONTENT (422).
// A write that fails rolls back with its key, so nothing is stored and a retry runs it again.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { idempotencyKeys, type Tx } from "@tandem/db";
import superjson from "superjson";
import { z } from "zod";

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const IdempotencyFields = z.object({
  idempotencyKey: z.string({ invalid_type_error: "The change's key must be a UUIDv7" }).regex(uuidV7, "The change's key must be a UUIDv7").optional(),
});

export type IdempotencyProblem = "in_flight" | "payload_mismatch";

/** Why a keyed write was refused; the client reads `data.idempotency` to tell it from other conflicts. */
export class IdempotencyError extends Error {
  constructor(readonly problem: IdempotencyProblem) {
    super(
      problem === "in_flight"
        ? "This change is still being saved. Try again in a moment."
        : "This change's key was already used for a different change.",
    );
    this.name = "IdempotencyError";
  }
}

/** Object keys sorted at every level, so the same payload always hashes the same. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** SHA-256 of the procedure and its input without the key: only this hash is kept, never the text. */
export function payloadHash(procedure: string, input: unknown): string {
  const rest = input && typeof input === "object" ? { ...(input as Record<string, unknown>), idempotencyKey: undefined } : input;
  return createHash("sha256").update(JSON.stringify([procedure, canonical(rest)])).digest("hex");
}

export interface KeyedWrite {
  tx: Tx;
  organisationId: string;
  personId: string;
  key: string;
  procedure: string;
  hash: string;
  /** When the write was made (the sweep keeps its response 30 days from then). */
  now: Date;
}

export type Claimed = { replay: true; response: unknown } | { replay: false };

/** The advisory lock's name for one person's key in one organisation. */
export function keyLockName(write: Pick<KeyedWrite, "organisationId" | "personId" | "key">): string {
  return `idempotency:${write.organisationId}:${write.personId}:${write.key}`;
}

/**
 * Holds the key for this transaction (a transaction-scoped advisory lock, given up at commit or roll
 * back, so a crashed request leaves nothing stuck) and returns the stored first response, if any.
 */
export async function claimKey(write: KeyedWrite): Promise<Claimed> {
  const [held] = (await write.tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${keyLockName(write)}, 0)) as held`)) as unknown as { held: boolean }[];
  if (!held?.held) throw new IdempotencyError("in_flight");
  const [stored] = await write.tx
    .select({ procedure: idempotencyKeys.procedure, payloadHash: idempotencyKeys.payloadHash, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.organisationId, write.organisationId), eq(idempotencyKeys.personId, write.personId), eq(idempotencyKeys.key, write.key)));
  if (!stored) return { replay: false };
  if (stored.procedure !== write.procedure || stored.payloadHash !== write.hash) throw new IdempotencyError("payload_mismatch");
  return { replay: true, response: superjson.deserialize(stored.response as Parameters<typeof superjson.deserialize>[0]) };
}

/** Stores the first response in the change's own transaction; the primary key refuses a second row. */
export async function storeResponse(write: KeyedWrite, response: unknown): Promise<void> {
  await write.tx.insert(idempotencyKeys).values({
    organisationId: write.organisationId,
    personId: write.personId,
    key: write.key,
    procedure: write.procedure,
    payloadHash: write.hash,
    response: superjson.serialize(response),
    createdAt: write.now,
  });
}
