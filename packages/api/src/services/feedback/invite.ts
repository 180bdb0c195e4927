// Asking for feedback (SPEC section 6): when a relationship that held a meeting ends, and at its
// midpoint where the scheme asks, each member the scheme asks is invited once (by email and by a card
// in the PWA, and a notification on their devices if they take them: ./push.ts). Invitations join the
// scheme's open feedback round.
import { askedRoles, feedbackDue, meetingPlan } from "@tandem/core";
import { and, eq, isNull } from "drizzle-orm";
import { feedbackRequests, feedbackRounds, relationships, schemes, type Tx } from "@tandem/db";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { rulesOf } from "../relationships/load";
import { asFacts, meetingsOf } from "../relationships/meetings";
import { membersOf } from "../relationships/members";
import { enqueueFeedbackPush } from "./push";

const longDate = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/** The scheme's open round, opened now if there is none. */
export async function openRound(tx: Tx, options: { organisationId: string; schemeId: string; now: Date }) {
  const [open] = await tx
    .select()
    .from(feedbackRounds)
    .where(and(eq(feedbackRounds.organisationId, options.organisationId), eq(feedbackRounds.schemeId, options.schemeId), isNull(feedbackRounds.closedAt)));
  if (open) return open;
  const [created] = await tx
    .insert(feedbackRounds)
    .values({ organisationId: options.organisationId, schemeId: options.schemeId, name: `From ${longDate(options.now)}`, openedAt: options.now })
    .returning();
  return created!;
}

/** Invites the relationship's members to give the feedback now due, each once. Returns how many were asked. */
export async function askForFeedbackIfDue(tx: Tx, options: { organisationId: string; relationshipId: string; now: Date; mailer: Mailer; publicUrl: string }) {
  const [rel] = await tx.select().from(relationships).where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, options.relationshipId)));
  if (!rel) return 0;
  const rules = await rulesOf(tx, rel);
  const plan = meetingPlan({ rules, meetings: (await meetingsOf(tx, options)).map(asFacts), startedAt: rel.startedAt, now: options.now });
  const points = feedbackDue({ rules, plan, status: rel.status, startedAt: rel.startedAt, now: options.now });
  if (points.length === 0) return 0;
  const roles = new Set(askedRoles(rules));
  const members = (await membersOf(tx, options)).filter((m) => roles.has(m.role) && (m.leftAt === null || rel.status === "closed"));
  const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, rel.schemeId)));
  const round = await openRound(tx, { organisationId: options.organisationId, schemeId: rel.schemeId, now: options.now });
  let asked = 0;
  for (const point of points) {
    for (const member of members) {
      const [created] = await tx
        .insert(feedbackRequests)
        .values({ organisationId: options.organisationId, relationshipId: rel.id, schemeId: rel.schemeId, roundId: round.id, personId: member.personId, role: member.role, point, rulesVersion: rel.rulesVersion, invitedAt: options.now })
        .onConflictDoNothing()
        .returning({ id: feedbackRequests.id });
      if (!created) continue;
      asked += 1;
      await enqueueFeedbackPush(tx, { organisationId: options.organisationId, requestId: created.id });
      await mailTo(tx, options.mailer, member.personId, {
        subject: `${scheme?.name ?? "Mentoring"}: ${point === "end" ? "how did mentoring go?" : "halfway: how is mentoring going?"}`,
        text: [
          point === "end" ? "Your mentoring relationship has ended. Please tell the scheme how it went." : "You are halfway through your mentoring. Please tell the scheme how it is going.",
          "It takes a few minutes. Your answers are never shown with your name: the coordinator sees totals, and written answers only once enough people have answered.",
          "",
          appLink(options.publicUrl, `feedback/${created.id}`),
        ].join("\n"),
      });
    }
  }
  return asked;
}
