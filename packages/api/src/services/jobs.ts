// A job queue in PostgreSQL. Any number of server processes run workers; a job is claimed with
// FOR UPDATE SKIP LOCKED and a lease, so each runs once, and one whose worker died is retried
// when its lease runs out. Failures retry with backoff, then stop with the error kept.
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type Database, jobs } from "@tandem/db";
import type { Queryable } from "../queryable";

export type JobPayload = Record<string, string | number | boolean | null>;
export type JobHandler = (payload: JobPayload, job: { id: number; attempts: number }) => Promise<void>;

const maxAttempts = 5;

export async function enqueueJob(
  db: Queryable,
  options: { kind: string; payload: JobPayload; runAt?: Date; dedupeKey?: string },
): Promise<boolean> {
  const inserted = await db
    .insert(jobs)
    .values({ kind: options.kind, payload: options.payload, runAt: options.runAt ?? new Date(), dedupeKey: options.dedupeKey ?? null })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return inserted.length > 0;
}

/** Claims up to `limit` due jobs for `leaseMs`; nobody else can claim them meanwhile. */
export async function claimJobs(db: Database, options: { limit: number; leaseMs: number; now: Date }) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          isNull(jobs.doneAt),
          isNull(jobs.failedAt),
          lte(jobs.runAt, options.now),
          or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, options.now)),
        ),
      )
      .orderBy(asc(jobs.runAt), asc(jobs.id))
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(jobs)
      .set({ lockedUntil: new Date(options.now.getTime() + options.leaseMs), attempts: sql`${jobs.attempts} + 1` })
      .where(inArray(jobs.id, due.map((d) => d.id)))
      .returning();
  });
}

export async function runDueJobs(
  db: Database,
  options: { handlers: Record<string, JobHandler>; now?: Date; limit?: number; log?: (line: string) => void },
): Promise<number> {
  const now = options.now ?? new Date();
  const claimed = await claimJobs(db, { limit: options.limit ?? 20, leaseMs: 5 * 60_000, now });
  for (const job of claimed) {
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, { id: job.id, attempts: job.attempts });
      await db.update(jobs).set({ doneAt: new Date(), lockedUntil: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      // Only the error's class and message are kept: handlers never put content in them.
      const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "failed";
      const giveUp = job.attempts >= maxAttempts;
      await db
        .update(jobs)
        .set({
          lastError: message,
          lockedUntil: null,
          failedAt: giveUp ? new Date() : null,
          runAt: new Date(now.getTime() + 2 ** job.attempts * 60_000),
        })
        .where(eq(jobs.id, job.id));
      options.log?.(`[jobs] ${job.kind} #${job.id} failed (attempt ${job.attempts}${giveUp ? ", giving up" : ""}): ${message}`);
    }
  }
  return claimed.length;
}

/** Polls for due jobs until stopped; stop() waits for the batch in hand to finish. */
export function startJobWorker(
  db: Database,
  options: { handlers: Record<string, JobHandler>; intervalMs?: number; log?: (line: string) => void },
) {
  let stopped = false;
  let busy = false;
  let again = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    if (stopped) return;
    // Woken while a batch runs: run another batch straight after it.
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    clearTimeout(timer);
    do {
      again = false;
      running = runDueJobs(db, options).catch((error: unknown) =>
        options.log?.(`[jobs] worker error: ${error instanceof Error ? error.message : "unknown"}`),
      );
      await running;
    } while (again && !stopped);
    busy = false;
    if (!stopped) timer = setTimeout(() => void tick(), options.intervalMs ?? 10_000);
  };
  timer = setTimeout(() => void tick(), 1000);
  return {
    /** Looks for due jobs now rather than at the next interval. */
    wake() {
      void tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
