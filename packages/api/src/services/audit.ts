// The organisation's audit log: who did what, never what was said.
import { and, desc, eq, lt } from "drizzle-orm";
import { auditLog, people, type Tx } from "@tandem/db";

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

export async function listAudit(
  tx: Tx,
  options: { organisationId: string; before?: number; limit: number },
) {
  const rows = await tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      details: auditLog.details,
      actorName: people.name,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorPersonId))
    .where(
      and(
        eq(auditLog.organisationId, options.organisationId),
        options.before === undefined ? undefined : lt(auditLog.id, options.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(options.limit + 1);
  const hasMore = rows.length > options.limit;
  const entries = rows.slice(0, options.limit);
  return { entries, nextBefore: hasMore ? entries.at(-1)?.id ?? null : null };
}
