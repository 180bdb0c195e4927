// Matching's background work: computing queued runs (`matching.run`, enqueued with the run), and
// passing unanswered requests on when their time is up (`matching.expire`, hourly by cron; until
// then reads show them overdue, and the scheme's next request or answer passes them on).
import { type Database, organisations, withTenant } from "@tandem/db";
import type { JobHandler } from "../jobs";
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
