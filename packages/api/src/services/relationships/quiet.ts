// Relationships that have gone quiet, and meetings nobody recorded (SPEC section 6), settled by the
// daily job: members are nudged when nothing is held or arranged within the cadence plus two weeks;
// where the scheme closes stalled relationships, a last warning goes and the close follows; a meeting
// passed by two days without being recorded asks its members whether it happened. Each notice is
// written to relationship_notices in the same transaction as its mail, so each goes exactly once.
import { meetingPlan, needsMissedCheck, relationshipHealth, londonWallClock } from "@tandem/core";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type Database, meetings, organisations, relationshipMembers, relationshipNotices, relationships, schemes, type Tx, withTenant } from "@tandem/db";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import { askForFeedbackIfDue } from "../feedback/invite";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { cancelUpcoming } from "./lifecycle";
import { rulesOf } from "./load";

interface Settle {
  now: Date;
  mailer: Mailer;
  publicUrl: string;
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Records a notice; false when it was already sent (so it is not sent again). */
async function firstTime(tx: Tx, notice: { organisationId: string; relationshipId: string; code: string; key: string; now: Date }) {
  const rows = await tx
    .insert(relationshipNotices)
    .values({ organisationId: notice.organisationId, relationshipId: notice.relationshipId, code: notice.code, key: notice.key, sentAt: notice.now })
    .onConflictDoNothing()
    .returning({ code: relationshipNotices.code });
  return rows.length > 0;
}

async function hasNotice(tx: Tx, notice: { organisationId: string; relationshipId: string; code: string; key: string }) {
  const rows = await tx
    .select({ code: relationshipNotices.code })
    .from(relationshipNotices)
    .where(
      and(
        eq(relationshipNotices.organisationId, notice.organisationId),
        eq(relationshipNotices.relationshipId, notice.relationshipId),
        eq(relationshipNotices.code, notice.code),
        eq(relationshipNotices.key, notice.key),
      ),
    );
  return rows.length > 0;
}

/** Nudges, warnings, closes and "did it happen?" questions due at `now`, in every organisation. */
export async function settleQuietRelationships(db: Database, options: Settle) {
  const counts = { nudged: 0, warned: 0, closed: 0, missedChecks: 0 };
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    await withTenant(db, { organisationId: org.id }, async (tx) => {
      const live = await tx.select().from(relationships).where(and(eq(relationships.organisationId, org.id), eq(relationships.status, "active")));
      if (live.length === 0) return;
      const ids = live.map((r) => r.id);
      const allMeetings = await tx.select().from(meetings).where(and(eq(meetings.organisationId, org.id), inArray(meetings.relationshipId, ids)));
      const members = await tx
        .select()
        .from(relationshipMembers)
        .where(and(eq(relationshipMembers.organisationId, org.id), inArray(relationshipMembers.relationshipId, ids), isNull(relationshipMembers.leftAt)));
      const schemeNames = new Map(
        (await tx.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.organisationId, org.id))).map((s) => [s.id, s.name]),
      );
      for (const rel of live) {
        const own = allMeetings.filter((m) => m.relationshipId === rel.id);
        const people = members.filter((m) => m.relationshipId === rel.id).map((m) => m.personId);
        const schemeName = schemeNames.get(rel.schemeId) ?? "Mentoring";
        const link = appLink(options.publicUrl, `relationships/${rel.id}`);
        const tell = async (subject: string, lines: string[]) => {
          for (const personId of people) await mailTo(tx, options.mailer, personId, { subject: `${schemeName}: ${subject}`, text: [...lines, "", link].join("\n") });
        };
        const notice = { organisationId: org.id, relationshipId: rel.id, now: options.now };

        for (const m of own) {
          if (!needsMissedCheck(m, options.now) || !(await firstTime(tx, { ...notice, code: "missed_check", key: `${m.id}:${m.sequence}` }))) continue;
          const { date, time } = londonWallClock(m.startsAt!);
          await tell("did your meeting happen?", [`Your meeting on ${date} at ${time} has passed and is not recorded yet.`, "Please say whether it was held or missed, so your meetings count correctly."]);
          counts.missedChecks += 1;
        }

        const rules = await rulesOf(tx, rel);
        const plan = meetingPlan({ rules, meetings: own, startedAt: rel.startedAt, now: options.now });
        const health = relationshipHealth({ rules, plan, status: rel.status, startedAt: rel.startedAt, now: options.now });
        if (health.arranging || !health.quietSince) continue;
        const quietKey = dayOf(health.quietSince);

        if (health.closeAt && options.now >= health.closeAt && (await hasNotice(tx, { ...notice, code: "stalled_warning", key: quietKey }))) {
          await closeStalled(tx, { organisationId: org.id, relationshipId: rel.id, schemeId: rel.schemeId, reason: rules.relationship.closeWhenStalled === "withdrawn" ? "withdrawn" : "completed", now: options.now, mailer: options.mailer, publicUrl: options.publicUrl });
          await tell("your mentoring relationship has closed", ["No meeting has been held or arranged for a long time, so the scheme has closed your mentoring relationship.", "What you agreed and wrote stays readable to you. You can join the scheme again to be matched."]);
          counts.closed += 1;
          continue;
        }
        if (health.warnAt && options.now >= health.warnAt && (await firstTime(tx, { ...notice, code: "stalled_warning", key: quietKey }))) {
          const { date } = londonWallClock(health.closeAt!);
          await tell("your mentoring relationship will close", [`No meeting has been held or arranged since ${londonWallClock(health.quietSince).date}.`, `Unless one of you arranges a meeting, the scheme will close your relationship on ${date}.`]);
          counts.warned += 1;
          continue;
        }
        if (health.nudge && (await firstTime(tx, { ...notice, code: "nudge", key: quietKey }))) {
          await tell("time to arrange your next meeting", [`Your last meeting was on ${londonWallClock(health.quietSince).date}: this scheme meets about every ${rules.meetings.cadenceWeeks} weeks.`, "Propose a few times in Tandem, or pause the relationship if now is not a good time."]);
          counts.nudged += 1;
        }
      }
    });
  }
  return counts;
}

async function closeStalled(tx: Tx, options: { organisationId: string; relationshipId: string; schemeId: string; reason: "completed" | "withdrawn"; now: Date; mailer: Mailer; publicUrl: string }) {
  await tx
    .update(relationships)
    .set({ status: "closed", closedReason: options.reason, endedAt: options.now })
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, options.relationshipId)));
  await cancelUpcoming(tx, { organisationId: options.organisationId, relationshipId: options.relationshipId, personId: null, now: options.now });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: null, action: "relationship.closed_stalled", subjectId: options.relationshipId });
  await refreshMentorPlaces(tx, options.organisationId, options.schemeId, options.now);
  await askForFeedbackIfDue(tx, { organisationId: options.organisationId, relationshipId: options.relationshipId, now: options.now, mailer: options.mailer, publicUrl: options.publicUrl });
}
