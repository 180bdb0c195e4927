// Matching's background work: computing queued runs (`matching.run`, enqueued with the run), and
// passing unanswered requests on when their time is up (`matching.expire`, hourly by cron; until
// then reads show them overdue, and the scheme's next request or answer passes them on), and
// reminding a mentor once before a request passes on.
import { londonWallClock } from "@tandem/core";
import { and, eq, gt } from "drizzle-orm";
import { type Database, organisations, people, relationshipNotices, relationships, schemes, type Tx, withTenant } from "@tandem/db";
import type { JobHandler } from "../jobs";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { expireDueRequests } from "./requests";
import { executeRun } from "./runs";

export async function expireAllDueRequests(db: Database, options: { now: Date; mailer: Mailer; publicUrl: string }) {
  let expired = 0;
  let reminded = 0;
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    expired += await withTenant(db, { organisationId: org.id }, (tx) => expireDueRequests(tx, { organisationId: org.id, ...options }));
    reminded += await withTenant(db, { organisationId: org.id }, (tx) => remindUnansweredRequests(tx, { organisationId: org.id, ...options }));
  }
  return { expired, reminded };
}

/** How long before a request passes on its mentor is reminded: two days, or half its time if shorter. */
export function requestReminderAt(request: { requestedAt: Date; expiresAt: Date }): Date {
  const lead = Math.min(2 * 86_400_000, (request.expiresAt.getTime() - request.requestedAt.getTime()) / 2);
  return new Date(request.expiresAt.getTime() - lead);
}

/** A mentor who has not answered a request is reminded once, before it passes to the mentee's next choice. */
export async function remindUnansweredRequests(tx: Tx, options: { organisationId: string; now: Date; mailer: Mailer; publicUrl: string }) {
  const waiting = await tx
    .select({ id: relationships.id, requestedAt: relationships.requestedAt, expiresAt: relationships.expiresAt, mentorPersonId: relationships.mentorPersonId, menteePersonId: relationships.menteePersonId, schemeName: schemes.name })
    .from(relationships)
    .innerJoin(schemes, and(eq(schemes.organisationId, relationships.organisationId), eq(schemes.id, relationships.schemeId)))
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.status, "requested"), gt(relationships.expiresAt, options.now)));
  let reminded = 0;
  for (const r of waiting) {
    if (!r.requestedAt || !r.expiresAt || !r.mentorPersonId || requestReminderAt({ requestedAt: r.requestedAt, expiresAt: r.expiresAt }) > options.now) continue;
    const fresh = await tx
      .insert(relationshipNotices)
      .values({ organisationId: options.organisationId, relationshipId: r.id, code: "request_reminder", key: r.expiresAt.toISOString(), sentAt: options.now })
      .onConflictDoNothing()
      .returning({ code: relationshipNotices.code });
    if (fresh.length === 0) continue;
    const [mentee] = r.menteePersonId ? await tx.select({ name: people.name }).from(people).where(eq(people.id, r.menteePersonId)) : [];
    const { date, time } = londonWallClock(r.expiresAt);
    await mailTo(tx, options.mailer, r.mentorPersonId, {
      subject: `${r.schemeName}: a mentoring request is waiting for your answer`,
      text: [`${mentee?.name ?? "A mentee"} asked you to be their mentor and is waiting for your answer.`, `If you have not answered by ${date} at ${time}, the request passes to their next choice.`, "", appLink(options.publicUrl, "matches")].join("\n"),
    });
    reminded += 1;
  }
  return reminded;
}

export function matchingHandlers(
  db: Database,
  options: { mailer: Mailer; publicUrl: string; now?: () => Date; log?: (line: string) => void },
): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  return {
    "matching.run": async (payload) => {
      const runId = String(payload.runId);
      const phases = await executeRun(db, { organisationId: String(payload.organisationId), runId, now: now() });
      // Timings are for whoever runs the server, not for coordinators: they go to the log only.
      if (phases) options.log?.(`[matching] run ${runId}: ${phases.map((p) => `${p.name} ${p.ms} ms`).join(", ")}`);
    },
    "matching.expire": async () => {
      await expireAllDueRequests(db, { now: now(), mailer: options.mailer, publicUrl: options.publicUrl });
    },
  };
}
