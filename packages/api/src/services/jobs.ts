// Background jobs on pg-boss (docs/decisions/013). A job is enqueued inside the transaction of the
// change that calls for it, so a change that rolls back leaves no job; every server process works
// the queues, and pg-boss fetches with FOR UPDATE SKIP LOCKED, so each job runs once. A failed job
// is retried with back-off, then lands in its queue's dead-letter queue. Jobs carry ids, never
// content, and keep only an error's class and message.
import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import type { Database } from "@tandem/db";
import PgBoss from "pg-boss";
import type { Queryable } from "../queryable";

/** The schema pg-boss keeps its tables in (installed by the job_queue migration). */
export const jobSchema = "pgboss";

export type JobPayload = Record<string, string | number | boolean | null>;
export type JobHandler = (payload: JobPayload, job: { id: string; attempts: number }) => Promise<void>;

interface QueueSettings extends PgBoss.RetryOptions {
  /** A job still running after this long is failed (and retried): the handler is presumed stuck. */
  expireInSeconds: number;
  /** Jobs one worker fetches at a time (each is completed or failed on its own). */
  batchSize: number;
}

/**
 * The queues and how their jobs retry. The queues themselves (policy, dead-letter queue) are created
 * by the migration; retries are set on each job, so they change here without one. Before retry n
 * (from 1) pg-boss waits between retryDelay * 2^(n-1) seconds and twice that.
 */
export const queues = {
  "matching.run": { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60, batchSize: 1 },
  "matching.expire": { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60, batchSize: 1 },
  "reminders.scan": { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 30 * 60, batchSize: 1 },
  "reminder.send": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60, batchSize: 10 },
  // Ten retries from 30 s doubling: an SMTP server may be away for 8 to 17 hours before mail gives up.
  "meeting.remind": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60, batchSize: 10 },
  // A push service away for a few minutes: retried within the hour (the message expires when the meeting starts).
  "meeting.push": { retryLimit: 4, retryDelay: 60, retryBackoff: true, expireInSeconds: 2 * 60, batchSize: 10 },
  "feedback.push": { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60, batchSize: 10 },
  "relationships.settle": { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 30 * 60, batchSize: 1 },
  "idempotency.sweep": { retryLimit: 3, retryDelay: 600, retryBackoff: true, expireInSeconds: 30 * 60, batchSize: 1 },
  "mail.deliver": { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 2 * 60, batchSize: 5 },
} satisfies Record<string, QueueSettings>;
export type JobKind = keyof typeof queues;

/** The scans, as cron in UTC: pg-boss sends each once per slot, whatever number of servers run. */
export const schedules: Partial<Record<JobKind, string>> = {
  "reminders.scan": "0 6 * * *",
  "matching.expire": "7 * * * *",
  "relationships.settle": "30 5 * * *",
  "idempotency.sweep": "45 4 * * *",
};

function jobOptions(kind: string): PgBoss.SendOptions {
  const settings: QueueSettings | undefined = queues[kind as JobKind];
  if (!settings) return {};
  const { batchSize: _batchSize, ...options } = settings;
  return options;
}

/** pg-boss's SQL run on our connection or transaction (drizzle over postgres.js) instead of its own pool. */
export function jobConnection(db: Queryable): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      // Text and $n placeholders alternate: pg-boss's statements hold no other dollar sign.
      const parts = text.split(/\$(\d+)/);
      const query = sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${parameter(values[Number(part) - 1])}`)));
      const rows = await db.execute(query);
      return { rows: Array.from(rows) };
    },
  };
}

function parameter(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

const bossConfig = { schema: jobSchema, migrate: false } satisfies PgBoss.ConstructorOptions;

// Enqueuing needs no connection of its own: every send is given the caller's transaction.
const sender = new PgBoss({
  ...bossConfig,
  db: {
    executeSql() {
      return Promise.reject(new Error("a job is enqueued on the caller's connection or transaction"));
    },
  },
});

/**
 * Enqueues a job on `db`, usually the transaction of the change that calls for it. With a
 * `dedupeKey` a second job with the same key is not added while one is waiting (on queues whose
 * policy is "short"); returns whether a job was added.
 */
export async function enqueueJob(
  db: Queryable,
  options: { kind: string; payload: JobPayload; runAt?: Date; dedupeKey?: string },
): Promise<boolean> {
  const id = await sender.send(options.kind, options.payload, {
    ...jobOptions(options.kind),
    ...(options.runAt ? { startAfter: options.runAt } : {}),
    ...(options.dedupeKey ? { singletonKey: options.dedupeKey } : {}),
    db: jobConnection(db),
  });
  return id !== null;
}

/**
 * What a failed job keeps: its error's class and message, never anything it was working on. A
 * failed query's message lists its parameters (names, addresses), so PostgreSQL's own error is kept.
 */
export function describeError(error: unknown): string {
  const cause = error instanceof DrizzleQueryError && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? `${cause.name}: ${cause.message}`.slice(0, 500) : "failed";
}

type Log = (line: string) => void;

async function runJob(
  boss: PgBoss,
  db: PgBoss.Db | undefined,
  job: { id: string; name: string; data: JobPayload | null; attempts: number },
  handler: JobHandler,
  log?: Log,
): Promise<boolean> {
  const options = db ? { db } : {};
  try {
    await handler(job.data ?? {}, { id: job.id, attempts: job.attempts });
    await boss.complete(job.name, job.id, {}, options);
    return true;
  } catch (error) {
    const message = describeError(error);
    await boss.fail(job.name, job.id, { error: message }, options);
    log?.(`[jobs] ${job.name} ${job.id} failed (attempt ${job.attempts}): ${message}`);
    return false;
  }
}

export interface JobWorkers {
  /** Fetch now rather than at the next poll (after committing work someone is waiting for). */
  wake(): void;
  /** Stops fetching; a job in hand finishes, or after `timeoutMs` is failed and retried later. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  boss: PgBoss;
}

/**
 * Works the queues that have a handler, in this process, as the app's login role, and (unless
 * `schedule` is false) keeps the scans' cron schedules. Safe in every server process at once.
 */
export async function startJobWorkers(options: {
  connectionString: string;
  handlers: Record<string, JobHandler>;
  schedule?: boolean;
  pollingIntervalSeconds?: number;
  log?: Log;
}): Promise<JobWorkers> {
  const log = options.log;
  const boss = new PgBoss({ ...bossConfig, connectionString: options.connectionString, max: 4, application_name: "tandem-jobs" });
  boss.on("error", (error: Error) => log?.(`[jobs] ${describeError(error)}`));
  await boss.start();
  const workerIds: string[] = [];
  try {
    for (const [name, handler] of Object.entries(options.handlers)) {
      const settings: QueueSettings | undefined = queues[name as JobKind];
      const id = await boss.work<JobPayload>(
        name,
        { batchSize: settings?.batchSize ?? 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, includeMetadata: true },
        async (jobs) => {
          // Each job completes or fails on its own, so one failure does not retry the batch.
          for (const job of jobs) {
            await runJob(boss, undefined, { id: job.id, name, data: job.data, attempts: job.retryCount + 1 }, handler, log);
          }
        },
      );
      workerIds.push(id);
    }
    if (options.schedule !== false) {
      for (const [name, cron] of Object.entries(schedules)) {
        await boss.schedule(name, cron, {}, { ...jobOptions(name), tz: "UTC" });
      }
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return {
    boss,
    wake() {
      for (const id of workerIds) boss.notifyWorker(id);
    },
    async stop(stopOptions = {}) {
      await boss.stop({ graceful: true, timeout: stopOptions.timeoutMs ?? 20_000 });
    },
  };
}

/**
 * Runs every job that is due at `now` on a queue in `handlers` once, here and now, through the same
 * pg-boss completion and failure (retries, back-off, dead letters) as the workers; returns how many
 * ran. For tests, which move the clock instead of waiting for a worker.
 */
export async function runDueJobs(
  db: Database,
  options: { handlers: Record<string, JobHandler>; now?: Date; limit?: number; log?: Log },
): Promise<number> {
  const names = Object.keys(options.handlers);
  if (names.length === 0) return 0;
  const now = (options.now ?? new Date()).toISOString();
  const job = sql.raw(`${jobSchema}.job`);
  // pg-boss's own fetch, with the caller's clock in place of the database's.
  const claimed = await db.execute<{ id: string; name: string; data: JobPayload | null; retry_count: number }>(sql`
    with next as (
      select name, id from ${job}
      where name in (${sql.join(names.map((name) => sql`${name}`), sql`, `)}) and state < 'active' and start_after <= ${now}::timestamptz
      order by start_after, created_on, id
      limit ${options.limit ?? 50}
      for update skip locked
    )
    update ${job} j set state = 'active', started_on = now(),
      retry_count = case when j.started_on is not null then j.retry_count + 1 else j.retry_count end
    from next where j.name = next.name and j.id = next.id
    returning j.id, j.name, j.data, j.retry_count`);
  const connection = jobConnection(db);
  for (const row of claimed) {
    await runJob(sender, connection, { id: row.id, name: row.name, data: row.data, attempts: row.retry_count + 1 }, options.handlers[row.name]!, options.log);
  }
  return claimed.length;
}
