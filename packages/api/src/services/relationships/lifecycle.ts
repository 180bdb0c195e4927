// A relationship's life after the match (SPEC section 6): either member pauses it (with a date to
// resume, if they like) or withdraws in one step with no reason asked; it completes when the review
// (or the meeting marked final) is held, or when the scheme's longest relationship has passed.
import { meetingPlan } from "@tandem/core";
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import { type Database, meetings, organisations, relationshipMembers, relationships, schemes, type Tx, withTenant } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { askForFeedbackIfDue } from "../feedback/invite";
import type { RelationshipInHand } from "./load";
import { rulesOf } from "./load";

interface Action {
  organisationId: string;
  hand: RelationshipInHand;
  now: Date;
  mailer: Mailer;
  publicUrl: string;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Meetings still to come are cancelled when a relationship pauses or ends. */
export async function cancelUpcoming(tx: Tx, options: { organisationId: string; relationshipId: string; personId: string | null; now: Date }) {
  const upcoming = await tx
    .select({ id: meetings.id, sequence: meetings.sequence })
    .from(meetings)
    .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.relationshipId, options.relationshipId), inArray(meetings.status, ["proposed", "scheduled"])));
  for (const m of upcoming) {
    await tx
      .update(meetings)
      .set({ status: "cancelled", cancelledByPersonId: options.personId, cancelledAt: options.now, sequence: m.sequence + 1, updatedAt: options.now })
      .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.id, m.id)));
  }
  return upcoming.length;
}

async function tellOthers(tx: Tx, action: Action, subject: string, text: string) {
  const link = appLink(action.publicUrl, `relationships/${action.hand.relationship.id}`);
  for (const m of action.hand.members) {
    if (m.personId === action.hand.me.personId || m.leftAt !== null) continue;
    await mailTo(tx, action.mailer, m.personId, { subject: `${action.hand.scheme.name}: ${subject}`, text: `${text}\n\n${link}` });
  }
}

/** Either member pauses the relationship; meetings still to come are cancelled, and the others told. */
export async function pauseRelationship(tx: Tx, action: Action & { resumeOn?: string | null }) {
  const rel = action.hand.relationship;
  if (rel.status === "paused") throw new AppError("CONFLICT", "This relationship is already paused");
  if (rel.status !== "active") throw new AppError("CONFLICT", "This relationship has ended");
  if (action.resumeOn && action.resumeOn <= today(action.now)) {
    throw new AppError("BAD_REQUEST", "Choose a date to resume after today", { resumeOn: ["Choose a date to resume after today"] });
  }
  await tx
    .update(relationships)
    .set({ status: "paused", pausedAt: action.now, resumeOn: action.resumeOn ?? null })
    .where(and(eq(relationships.organisationId, action.organisationId), eq(relationships.id, rel.id)));
  const cancelled = await cancelUpcoming(tx, { organisationId: action.organisationId, relationshipId: rel.id, personId: action.hand.me.personId, now: action.now });
  await tellOthers(
    tx,
    action,
    "your mentoring is paused",
    [
      `Your mentoring relationship has been paused${action.resumeOn ? ` until ${action.resumeOn}` : ""}. Either of you can resume it at any time.`,
      cancelled > 0 ? `${cancelled === 1 ? "The meeting" : `The ${cancelled} meetings`} still to come ${cancelled === 1 ? "has" : "have"} been cancelled.` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  await recordAudit(tx, { organisationId: action.organisationId, actorPersonId: action.hand.me.personId, action: "relationship.paused", subjectId: rel.id });
  return { ok: true as const };
}

export async function resumeRelationship(tx: Tx, action: Action) {
  const rel = action.hand.relationship;
  if (rel.status !== "paused") throw new AppError("CONFLICT", rel.status === "active" ? "This relationship is not paused" : "This relationship has ended");
  await tx
    .update(relationships)
    .set({ status: "active", pausedAt: null, resumeOn: null })
    .where(and(eq(relationships.organisationId, action.organisationId), eq(relationships.id, rel.id)));
  await tellOthers(tx, action, "your mentoring has resumed", "Your mentoring relationship has resumed. Propose a time for your next meeting when you are ready.");
  await recordAudit(tx, { organisationId: action.organisationId, actorPersonId: action.hand.me.personId, action: "relationship.resumed", subjectId: rel.id });
  return { ok: true as const };
}

/**
 * Withdrawing is one step and needs no reason (SPEC principle 1). A pair closes as `withdrawn`; a
 * member leaves a co-mentoring group or group, which closes as `withdrawn` once fewer than two remain.
 */
export async function withdrawFromRelationship(tx: Tx, action: Action) {
  const { hand } = action;
  const rel = hand.relationship;
  if (rel.status !== "active" && rel.status !== "paused") throw new AppError("CONFLICT", "This relationship has already ended");
  let closes = rel.kind === "pair";
  if (!closes) {
    await tx
      .update(relationshipMembers)
      .set({ leftAt: action.now })
      .where(and(eq(relationshipMembers.organisationId, action.organisationId), eq(relationshipMembers.relationshipId, rel.id), eq(relationshipMembers.personId, hand.me.personId)));
    const remaining = hand.members.filter((m) => m.leftAt === null && m.personId !== hand.me.personId && m.role !== "facilitator");
    closes = remaining.length < 2;
  }
  if (closes) {
    await tx
      .update(relationships)
      .set({ status: "closed", closedReason: "withdrawn", endedAt: action.now })
      .where(and(eq(relationships.organisationId, action.organisationId), eq(relationships.id, rel.id)));
    await cancelUpcoming(tx, { organisationId: action.organisationId, relationshipId: rel.id, personId: hand.me.personId, now: action.now });
    await askForFeedbackIfDue(tx, { organisationId: action.organisationId, relationshipId: rel.id, now: action.now, mailer: action.mailer, publicUrl: action.publicUrl });
  }
  await tellOthers(
    tx,
    action,
    closes ? "a mentoring relationship has ended" : "someone has left your group",
    closes ? "Your mentoring relationship has ended. No reason is needed and none is recorded. This is a normal part of mentoring." : "A member has left your group. The group carries on.",
  );
  await recordAudit(tx, { organisationId: action.organisationId, actorPersonId: hand.me.personId, action: "relationship.withdrawn", subjectId: rel.id });
  await refreshMentorPlaces(tx, action.organisationId, rel.schemeId, action.now);
  return { ok: true as const, closed: closes };
}

/** Closes a relationship as `completed`: its final meeting was held, or its time is up. */
export async function completeRelationship(
  tx: Tx,
  options: { organisationId: string; hand: Pick<RelationshipInHand, "relationship" | "members" | "scheme">; now: Date; mailer: Mailer; publicUrl: string; why: "final_meeting" | "time_up" },
) {
  const rel = options.hand.relationship;
  await tx
    .update(relationships)
    .set({ status: "closed", closedReason: "completed", endedAt: options.now })
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, rel.id)));
  await cancelUpcoming(tx, { organisationId: options.organisationId, relationshipId: rel.id, personId: null, now: options.now });
  const link = appLink(options.publicUrl, `relationships/${rel.id}`);
  for (const m of options.hand.members) {
    if (m.leftAt !== null) continue;
    await mailTo(tx, options.mailer, m.personId, {
      subject: `${options.hand.scheme.name}: your mentoring relationship is complete`,
      text: [
        options.why === "final_meeting" ? "Your final meeting has been held, so your mentoring relationship is now complete." : "Your mentoring relationship has reached the longest this scheme runs, so it is now complete.",
        "Thank you for taking part. What you agreed and wrote stays readable to you.",
        "",
        link,
      ].join("\n"),
    });
  }
  await refreshMentorPlaces(tx, options.organisationId, rel.schemeId, options.now);
  await askForFeedbackIfDue(tx, { organisationId: options.organisationId, relationshipId: rel.id, now: options.now, mailer: options.mailer, publicUrl: options.publicUrl });
}

/**
 * The daily job: relationships past the scheme's longest relationship complete, and paused ones whose
 * date to resume has come are resumed. Settled here, never by a read.
 */
export async function settleDueRelationships(db: Database, options: { now: Date; mailer: Mailer; publicUrl: string }) {
  let completed = 0;
  let resumed = 0;
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    await withTenant(db, { organisationId: org.id }, async (tx) => {
      const live = await tx
        .select()
        .from(relationships)
        .where(and(eq(relationships.organisationId, org.id), inArray(relationships.status, ["active", "paused"])));
      for (const rel of live) {
        const rules = await rulesOf(tx, rel);
        const plan = meetingPlan({ rules, meetings: [], startedAt: rel.startedAt, now: options.now });
        if (plan.endsBy && plan.endsBy.getTime() <= options.now.getTime()) {
          const members = await tx
            .select()
            .from(relationshipMembers)
            .where(and(eq(relationshipMembers.organisationId, org.id), eq(relationshipMembers.relationshipId, rel.id), isNull(relationshipMembers.leftAt)));
          const { schemeName } = await schemeNameOf(tx, rel);
          await completeRelationship(tx, { organisationId: org.id, hand: { relationship: rel, members, scheme: { id: rel.schemeId, name: schemeName } }, now: options.now, mailer: options.mailer, publicUrl: options.publicUrl, why: "time_up" });
          completed += 1;
        }
      }
      const due = await tx
        .update(relationships)
        .set({ status: "active", pausedAt: null, resumeOn: null })
        .where(and(eq(relationships.organisationId, org.id), eq(relationships.status, "paused"), lte(relationships.resumeOn, today(options.now))))
        .returning({ id: relationships.id });
      resumed += due.length;
    });
  }
  return { completed, resumed };
}

async function schemeNameOf(tx: Tx, rel: { organisationId: string; schemeId: string }) {
  const [row] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, rel.organisationId), eq(schemes.id, rel.schemeId)));
  return { schemeName: row?.name ?? "" };
}
