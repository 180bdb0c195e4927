// A mentor's claims (SPEC section 4): for each held meeting of a relationship in a per-meeting scheme,
// the fee of the relationship's rules version (and expenses with a receipt, where allowed), once and
// within the cap; answering a coordinator's query. A job-plan scheme gives a statement of recognised
// time instead. A claim names the meeting's date, length and kind, nothing of what was said.
import { checkClaim, recognisedTime } from "@tandem/core";
import { and, eq, inArray } from "drizzle-orm";
import { claims, type Database, evidenceFiles, meetings, organisations, schemes, type Tx, withPerson, withTenant } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import type { RelationshipInHand } from "../relationships/load";

function assertMentor(hand: RelationshipInHand) {
  if (hand.me.role !== "mentor" && hand.me.role !== "facilitator") throw new AppError("FORBIDDEN", "Only the mentor claims for meetings");
}

/** The relationship's held meetings with their claims, and what the scheme pays. */
export async function claimsForRelationship(tx: Tx, options: { organisationId: string; hand: RelationshipInHand; now: Date }) {
  const { hand } = options;
  assertMentor(hand);
  const held = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.relationshipId, hand.relationship.id), eq(meetings.status, "held")));
  const own = await tx.select().from(claims).where(and(eq(claims.organisationId, options.organisationId), eq(claims.relationshipId, hand.relationship.id)));
  const r = hand.rules.remuneration;
  const months = Math.max(1, Math.round(((hand.relationship.endedAt ?? options.now).getTime() - (hand.relationship.startedAt ?? options.now).getTime()) / (30.44 * 86_400_000)));
  return {
    remuneration: r.kind,
    feePence: r.kind === "per_meeting" ? r.feePence : null,
    expensesAllowed: r.kind === "per_meeting" ? r.expensesAllowed : false,
    expensesCapPence: r.kind === "per_meeting" ? (r.expensesCapPence ?? null) : null,
    capMeetings: r.kind === "per_meeting" ? (r.capMeetings ?? null) : null,
    meetings: held
      .sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0))
      .map((m) => {
        const claim = own.find((c) => c.meetingId === m.id);
        return {
          meetingId: m.id,
          startsAt: m.startsAt,
          minutes: m.heldMinutes ?? m.minutes,
          kind: m.kind,
          claim: claim ? { id: claim.id, status: claim.status, feePence: claim.feePence, expensesPence: claim.expensesPence, decisionMessage: claim.decisionMessage, queryAnswer: claim.queryAnswer, exported: claim.exportedAt !== null } : null,
        };
      }),
    statement: r.kind === "job_plan" ? recognisedTime({ hoursPerMonth: r.hoursPerMonth, months, meetingMinutes: held.map((m) => m.heldMinutes ?? m.minutes) }) : null,
  };
}

export async function submitClaim(
  tx: Tx,
  options: { organisationId: string; hand: RelationshipInHand; meetingId: string; expensesPence: number; expensesNote?: string; receiptFileId?: string | null; now: Date },
) {
  const { hand } = options;
  assertMentor(hand);
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.id, options.meetingId), eq(meetings.relationshipId, hand.relationship.id)));
  if (!meeting) throw new AppError("NOT_FOUND", "That meeting is not in this relationship");
  const existing = await tx.select({ id: claims.id, meetingId: claims.meetingId, status: claims.status }).from(claims).where(and(eq(claims.organisationId, options.organisationId), eq(claims.relationshipId, hand.relationship.id)));
  let hasReceipt = false;
  if (options.receiptFileId) {
    const [file] = await tx
      .select({ id: evidenceFiles.id })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.organisationId, options.organisationId), eq(evidenceFiles.id, options.receiptFileId), eq(evidenceFiles.personId, hand.me.personId)));
    if (!file) throw new AppError("BAD_REQUEST", "Upload the receipt again: that file is not yours", { receiptFileId: ["Upload the receipt again"] });
    hasReceipt = true;
  }
  const problems = checkClaim({
    remuneration: hand.rules.remuneration,
    meeting,
    alreadyClaimed: existing.some((c) => c.meetingId === meeting.id),
    claimedInRelationship: existing.filter((c) => c.status !== "rejected").length,
    expensesPence: options.expensesPence,
    hasReceipt,
  });
  if (problems.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[p.path] ??= []).push(p.message);
    throw new AppError(problems.some((p) => /already been claimed|pays for up to|does not pay mentors|job plan/.test(p.message)) ? "CONFLICT" : "BAD_REQUEST", problems[0]!.message, fieldErrors);
  }
  const fee = hand.rules.remuneration.kind === "per_meeting" ? hand.rules.remuneration.feePence : 0;
  const [claim] = await tx
    .insert(claims)
    .values({
      organisationId: options.organisationId,
      schemeId: hand.relationship.schemeId,
      relationshipId: hand.relationship.id,
      meetingId: meeting.id,
      mentorPersonId: hand.me.personId,
      rulesVersion: hand.relationship.rulesVersion,
      feePence: fee,
      expensesPence: options.expensesPence,
      expensesNote: options.expensesNote ?? null,
      receiptFileId: options.receiptFileId ?? null,
      submittedAt: options.now,
    })
    .returning({ id: claims.id });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: hand.me.personId, action: "claim.submitted", subjectId: claim!.id });
  return { claimId: claim!.id };
}

export async function answerClaimQuery(tx: Tx, options: { organisationId: string; claimId: string; personId: string; answer: string; now: Date }) {
  const [claim] = await tx
    .select()
    .from(claims)
    .where(and(eq(claims.organisationId, options.organisationId), eq(claims.id, options.claimId), eq(claims.mentorPersonId, options.personId)));
  if (!claim) throw new AppError("NOT_FOUND", "That claim does not exist, or is not yours");
  if (claim.status !== "queried") throw new AppError("CONFLICT", "This claim has no question waiting for an answer");
  await tx
    .update(claims)
    .set({ status: "submitted", queryAnswer: options.answer, queryAnsweredAt: options.now })
    .where(and(eq(claims.organisationId, options.organisationId), eq(claims.id, claim.id)));
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: "claim.query_answered", subjectId: claim.id });
  return { ok: true as const };
}

/** A mentor's claims in every organisation. */
export async function myClaims(db: Database, options: { personId: string }) {
  const orgs = await withPerson(db, options.personId, (tx) => tx.selectDistinct({ organisationId: claims.organisationId }).from(claims).where(eq(claims.mentorPersonId, options.personId)));
  const out = [];
  for (const { organisationId } of orgs) {
    out.push(
      ...(await withTenant(db, { organisationId, personId: options.personId }, async (tx) => {
        const rows = await tx.select().from(claims).where(and(eq(claims.organisationId, organisationId), eq(claims.mentorPersonId, options.personId)));
        const meetingRows = await tx.select({ id: meetings.id, startsAt: meetings.startsAt, kind: meetings.kind }).from(meetings).where(and(eq(meetings.organisationId, organisationId), inArray(meetings.id, rows.map((r) => r.meetingId).concat(["00000000-0000-0000-0000-000000000000"]))));
        const names = new Map((await tx.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.organisationId, organisationId))).map((s) => [s.id, s.name]));
        const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
        return rows.map((c) => {
          const m = meetingRows.find((x) => x.id === c.meetingId);
          return {
            claimId: c.id,
            organisationId,
            organisationName: org?.name ?? "",
            schemeName: names.get(c.schemeId) ?? "",
            relationshipId: c.relationshipId,
            meetingDate: m?.startsAt ?? null,
            meetingKind: m?.kind ?? null,
            feePence: c.feePence,
            expensesPence: c.expensesPence,
            status: c.status,
            decisionMessage: c.decisionMessage,
            queryAnswer: c.queryAnswer,
            submittedAt: c.submittedAt,
            decidedAt: c.decidedAt,
            exported: c.exportedAt !== null,
          };
        });
      })),
    );
  }
  return out.sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
}
