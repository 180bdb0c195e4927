// The coordinator's view of a scheme's relationships: who, status and dates; never content. A read.
import { and, asc, eq } from "drizzle-orm";
import { isPair, noFaultChangeReasons, relationships, type Tx } from "@tandem/db";
import { personNames } from "./mine";
import { statusAt } from "./requests";

export async function schemeRelationships(tx: Tx, options: { organisationId: string; schemeId: string; now: Date }) {
  const rows = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.schemeId, options.schemeId)))
    .orderBy(asc(relationships.createdAt))
    .then((all) => all.filter(isPair));
  const reasons = await tx.select().from(noFaultChangeReasons).where(eq(noFaultChangeReasons.organisationId, options.organisationId));
  const reasonBy = new Map(reasons.map((r) => [r.relationshipId, r.reason]));
  const names = await personNames(tx, rows.flatMap((r) => [r.menteePersonId, r.mentorPersonId]));
  return rows.map((r) => ({
    id: r.id,
    menteeName: names.get(r.menteePersonId) ?? "",
    mentorName: names.get(r.mentorPersonId) ?? "",
    status: statusAt(r, options.now),
    closedReason: r.closedReason,
    origin: r.origin,
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    noFaultReason: reasonBy.get(r.id) ?? null,
  }));
}
