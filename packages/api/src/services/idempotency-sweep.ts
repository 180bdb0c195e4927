// The daily sweep of keyed writes' stored responses (decision 016): a response is kept for 30 days,
// long after any outbox replays it (a device's session lasts at most 30 days, and its outbox sends
// when the person signs in again), then removed. The sweep deletes through its own DELETE-only
// policy (migration 0021): it names the cut-off instant for its transaction and reads no row.
import { sql } from "drizzle-orm";
import type { Database } from "@tandem/db";
import type { JobHandler } from "./jobs";

/** How long a stored response answers a replay of its key. */
export const IDEMPOTENCY_KEEP_DAYS = 30;

/** Removes every stored response older than the keeping period; returns how many went. */
export async function sweepIdempotencyKeys(db: Database, options: { now: Date }): Promise<number> {
  const before = new Date(options.now.getTime() - IDEMPOTENCY_KEEP_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.idempotency_keys_expire_before', ${before.toISOString()}, true)`);
    // No WHERE and no RETURNING: the policy alone picks the rows, and nothing is read back.
    const result = (await tx.execute(sql`delete from idempotency_keys`)) as unknown as { count: number };
    return result.count;
  });
}

export function idempotencyHandlers(db: Database, options: { now?: () => Date; log?: (line: string) => void } = {}): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  return {
    "idempotency.sweep": async () => {
      const swept = await sweepIdempotencyKeys(db, { now: now() });
      options.log?.(`[jobs] idempotency.sweep removed ${swept} stored responses`);
    },
  };
}
