// One relationship as its members act on it: the row, its members, the caller's own membership, and
// the rules of the version it started under (not the scheme's current ones).
import type { SchemeRules } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { type Relationship, type RelationshipMember, relationships, schemeRuleVersions, schemes, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { parseRulesOrThrow } from "../schemes";
import { membersOf } from "./members";

export interface RelationshipInHand {
  relationship: Relationship;
  scheme: { id: string; name: string };
  rules: SchemeRules;
  members: RelationshipMember[];
  /** The caller's membership (current, not left). */
  me: RelationshipMember;
}

/** The rules a relationship keeps: its own version's. */
export async function rulesOf(tx: Tx, relationship: Pick<Relationship, "organisationId" | "schemeId" | "rulesVersion">): Promise<SchemeRules> {
  const [row] = await tx
    .select({ rules: schemeRuleVersions.rules })
    .from(schemeRuleVersions)
    .where(
      and(
        eq(schemeRuleVersions.organisationId, relationship.organisationId),
        eq(schemeRuleVersions.schemeId, relationship.schemeId),
        eq(schemeRuleVersions.version, relationship.rulesVersion),
      ),
    );
  if (!row) throw new Error(`scheme ${relationship.schemeId} has no version ${relationship.rulesVersion}`);
  return parseRulesOrThrow(row.rules);
}

/** The relationship if the caller is one of its current members; "not found" to anyone else. */
export async function loadForMember(tx: Tx, options: { organisationId: string; relationshipId: string; personId: string }): Promise<RelationshipInHand> {
  const notFound = new AppError("NOT_FOUND", "That relationship does not exist, or you are not in it");
  const [relationship] = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, options.relationshipId)));
  if (!relationship) throw notFound;
  const members = await membersOf(tx, options);
  const me = members.find((m) => m.personId === options.personId && m.leftAt === null);
  if (!me) throw notFound;
  const [scheme] = await tx
    .select({ id: schemes.id, name: schemes.name })
    .from(schemes)
    .where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, relationship.schemeId)));
  return { relationship, scheme: scheme!, rules: await rulesOf(tx, relationship), members, me };
}

/** Who arranges meetings: a group's facilitators (when it has any); otherwise every member. */
export function arrangers(hand: Pick<RelationshipInHand, "members" | "relationship">): Set<string> {
  const current = hand.members.filter((m) => m.leftAt === null);
  const facilitators = current.filter((m) => m.role === "facilitator");
  return new Set((hand.relationship.kind === "group" && facilitators.length > 0 ? facilitators : current).map((m) => m.personId));
}

export function assertArranger(hand: RelationshipInHand) {
  if (!arrangers(hand).has(hand.me.personId)) throw new AppError("FORBIDDEN", "The group's facilitators arrange its sessions");
}

/** Meetings are arranged only while the relationship is active. */
export function assertActive(hand: RelationshipInHand) {
  const status = hand.relationship.status;
  if (status === "paused") throw new AppError("CONFLICT", "This relationship is paused: resume it to arrange meetings");
  if (status !== "active") throw new AppError("CONFLICT", "This relationship has ended");
}
