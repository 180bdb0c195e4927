// Matching's background work: computing queued runs, and passing unanswered requests on when their
// time is up (also done on every read, so nobody waits for the hourly sweep).
import { type Database, organisations, withTenant } from "@tandem/db";
import { enqueueJob, type JobHandler } from "../jobs";
import type { Mailer } from "../mail";
import { expireDueRequests } from "./requests";
import { executeRun } from "./runs";

export async function expireAllDueRequests(db: Database, options: { now: Date; mailer: Mailer; publicUrl: string }) {
  let expired = 0;
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    expired += await withTenant(db, { organisationId: org.id }, (tx) => expireDueRequests(tx, { organisationId: org.id, ...options }));
  }
  return { expired };
}

export function matchingHandlers(db: Database, options: { mailer: Mailer; publicUrl: string; now?: () => Date }): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  return {
    "matching.run": async (payload) => {
      await executeRun(db, { organisationId: String(payload.organisationId), runId: String(payload.runId), now: now() });
    },
    "matching.expire": async () => {
      await expireAllDueRequests(db, { now: now(), mailer: options.mailer, publicUrl: options.publicUrl });
    },
  };
}

/** Schedules this hour's sweep of expired requests (deduplicated, so every server may call this). */
export async function scheduleRequestExpiry(db: Database, now: Date) {
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob(db, { kind: "matching.expire", payload: {}, runAt: now, dedupeKey: `matching.expire:${hour}` });
}
