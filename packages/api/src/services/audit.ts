// The organisation's audit log: who did what, never what was said.
import type { AuditFilters } from "@tandem/core";
import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import { auditLog, enrolments, matchRuns, meetings, people, relationships, schemes, supportEvents, type Tx } from "@tandem/db";

export interface AuditEntry {
  organisationId: string;
  actorPersonId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, string | number | boolean | null | string[]>;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    organisationId: entry.organisationId,
    actorPersonId: entry.actorPersonId,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? null,
  });
}

const uuidPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
const subjectUuid = sql`(case when ${auditLog.subjectId} ~* ${uuidPattern} then ${auditLog.subjectId}::uuid end)`;
const sameOrganisation = (column: unknown) => sql`${column} = ${auditLog.organisationId}`;

/**
 * The scheme an entry is about, found from its subject (a scheme, enrolment, run, relationship,
 * meeting or support event) or its details, since entries name their subject and not always the scheme.
 */
const entryScheme = sql<string | null>`coalesce(
  case when ${auditLog.subjectType} = 'scheme' then ${subjectUuid} end,
  (select ${enrolments.schemeId} from ${enrolments} where ${sameOrganisation(enrolments.organisationId)} and ${enrolments.id} = ${subjectUuid}),
  (select ${matchRuns.schemeId} from ${matchRuns} where ${sameOrganisation(matchRuns.organisationId)} and ${matchRuns.id} = ${subjectUuid}),
  (select ${relationships.schemeId} from ${relationships} where ${sameOrganisation(relationships.organisationId)} and ${relationships.id} = ${subjectUuid}),
  (select ${relationships.schemeId} from ${meetings} join ${relationships} on ${relationships.organisationId} = ${meetings.organisationId} and ${relationships.id} = ${meetings.relationshipId}
    where ${sameOrganisation(meetings.organisationId)} and ${meetings.id} = ${subjectUuid}),
  (select ${supportEvents.schemeId} from ${supportEvents} where ${sameOrganisation(supportEvents.organisationId)} and ${supportEvents.id} = ${subjectUuid}),
  case when ${auditLog.details} ->> 'scheme' ~* ${uuidPattern} then (${auditLog.details} ->> 'scheme')::uuid end
)`;

/** A London calendar day's first instant. */
const londonMidnight = (day: string, plusDays = 0) => sql`((${day}::date + ${plusDays}::int)::timestamp at time zone 'Europe/London')`;

export async function listAudit(
  tx: Tx,
  options: { organisationId: string; before?: number; limit: number } & AuditFilters,
) {
  const scheme = tx.$with("entry_scheme").as(
    tx.select({ id: auditLog.id, schemeId: sql<string | null>`${entryScheme}`.as("scheme_id") }).from(auditLog).where(eq(auditLog.organisationId, options.organisationId)),
  );
  const rows = await tx
    .with(scheme)
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      actorName: people.name,
      schemeId: scheme.schemeId,
      schemeName: schemes.name,
    })
    .from(auditLog)
    .innerJoin(scheme, eq(scheme.id, auditLog.id))
    .leftJoin(people, eq(people.id, auditLog.actorPersonId))
    .leftJoin(schemes, and(eq(schemes.organisationId, auditLog.organisationId), sql`${schemes.id} = ${scheme.schemeId}`))
    .where(
      and(
        eq(auditLog.organisationId, options.organisationId),
        options.before === undefined ? undefined : lt(auditLog.id, options.before),
        options.action === undefined ? undefined : eq(auditLog.action, options.action),
        options.actorPersonId === undefined ? undefined : eq(auditLog.actorPersonId, options.actorPersonId),
        options.schemeId === undefined ? undefined : sql`${scheme.schemeId} = ${options.schemeId}::uuid`,
        options.from === undefined ? undefined : sql`${auditLog.at} >= ${londonMidnight(options.from)}`,
        options.to === undefined ? undefined : sql`${auditLog.at} < ${londonMidnight(options.to, 1)}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit + 1);
  const hasMore = rows.length > options.limit;
  const entries = rows.slice(0, options.limit);
  // Every action the organisation's log holds, for the filter's choices.
  const actions = await tx
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.organisationId, options.organisationId))
    .orderBy(asc(auditLog.action));
  return { entries, nextBefore: hasMore ? (entries.at(-1)?.id ?? null) : null, actionKinds: actions.map((a) => a.action) };
}
