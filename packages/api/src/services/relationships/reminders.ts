// Meeting reminders (SPEC section 6): when a meeting gets its time (picked, moved, or a group session
// arranged), a job is enqueued for the day before and, for whoever asks, one for the morning of the
// day. The job sends only if the meeting is still scheduled at the same sequence: a moved meeting's
// old reminder finds its sequence stale and a cancelled one finds it cancelled, so neither is sent.
// Each reminder is recorded with its mail in one transaction, so a retried job sends nothing twice.
import { londonInstant, londonWallClock, meetingModeWords } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { type Database, meetingReminders, meetings, type MeetingReminderSlot, relationships, reminderPreferences, schemes, type Tx, withPerson, withTenant } from "@tandem/db";
import { enqueueJob, type JobHandler } from "../jobs";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { membersOf } from "./members";

const hour = 3_600_000;

/** When each reminder of a meeting starting at `startsAt` is due: 24 hours before, and 07:00 on the day (London). */
export function reminderTimes(startsAt: Date): Record<MeetingReminderSlot, Date> {
  const { date } = londonWallClock(startsAt);
  return { day_before: new Date(startsAt.getTime() - 24 * hour), morning: londonInstant(date, "07:00") };
}

/** Enqueues the reminders of a meeting that has just got (or changed) its time, in the caller's transaction. */
export async function scheduleMeetingReminders(tx: Tx, options: { organisationId: string; meetingId: string; startsAt: Date; sequence: number; now: Date }) {
  for (const [slot, runAt] of Object.entries(reminderTimes(options.startsAt)) as [MeetingReminderSlot, Date][]) {
    if (runAt <= options.now || runAt >= options.startsAt) continue;
    await enqueueJob(tx, {
      kind: "meeting.remind",
      payload: { organisationId: options.organisationId, meetingId: options.meetingId, sequence: options.sequence, slot },
      runAt,
      dedupeKey: `${options.meetingId}:${options.sequence}:${slot}`,
    });
  }
}

export async function reminderPreferencesOf(tx: Tx, personId: string) {
  const [row] = await tx.select().from(reminderPreferences).where(eq(reminderPreferences.personId, personId));
  return { channel: row?.channel ?? ("email" as const), morning: row?.morning ?? false };
}

export async function saveReminderPreferences(tx: Tx, options: { personId: string; channel: "email" | "none"; morning: boolean; now: Date }) {
  const values = { personId: options.personId, channel: options.channel, morning: options.morning, updatedAt: options.now };
  await tx.insert(reminderPreferences).values(values).onConflictDoUpdate({ target: reminderPreferences.personId, set: values });
  return { ok: true as const };
}

/** Sends one meeting's reminders for one slot, if the meeting is still as it was when they were set. */
export async function sendMeetingReminders(db: Database, options: { organisationId: string; meetingId: string; sequence: number; slot: MeetingReminderSlot; mailer: Mailer; publicUrl: string; now: Date }) {
  const found = await withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const [meeting] = await tx.select().from(meetings).where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.id, options.meetingId)));
    if (!meeting || meeting.status !== "scheduled" || meeting.sequence !== options.sequence || !meeting.startsAt || meeting.startsAt <= options.now) return null;
    const [rel] = await tx.select().from(relationships).where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, meeting.relationshipId)));
    if (!rel || rel.status !== "active") return null;
    const members = await membersOf(tx, { organisationId: options.organisationId, relationshipId: rel.id });
    return { meeting, rel, members: members.filter((m) => m.leftAt === null).map((m) => m.personId) };
  });
  if (!found) return 0;
  // Each person's choice is readable only as that person.
  const wanted: string[] = [];
  for (const personId of found.members) {
    const prefs = await withPerson(db, personId, (tx) => reminderPreferencesOf(tx, personId));
    if (prefs.channel === "none" || (options.slot === "morning" && !prefs.morning)) continue;
    wanted.push(personId);
  }
  const { meeting, rel } = found;
  const { date, time } = londonWallClock(meeting.startsAt!);
  return withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, rel.schemeId)));
    let sent = 0;
    for (const personId of wanted) {
      const recorded = await tx
        .insert(meetingReminders)
        .values({ organisationId: options.organisationId, meetingId: meeting.id, sequence: meeting.sequence, personId, slot: options.slot, sentAt: options.now })
        .onConflictDoNothing()
        .returning({ personId: meetingReminders.personId });
      if (recorded.length === 0) continue;
      const when = options.slot === "morning" ? `today at ${time}` : `tomorrow (${date}) at ${time}`;
      await mailTo(tx, options.mailer, personId, {
        subject: `Reminder: mentoring meeting ${options.slot === "morning" ? "today" : "tomorrow"} at ${time}`,
        text: [`This is a reminder of your mentoring meeting ${when}, ${meetingModeWords[meeting.mode]}, for ${meeting.minutes} minutes (${scheme?.name ?? "your scheme"}).`, "", "The details, and the choice of how you are reminded, are in Tandem:", appLink(options.publicUrl, `relationships/${rel.id}`)].join("\n"),
      });
      sent += 1;
    }
    return sent;
  });
}

export function reminderHandlers(db: Database, options: { mailer: Mailer; publicUrl: string; now?: () => Date }): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  return {
    "meeting.remind": async (payload) => {
      await sendMeetingReminders(db, {
        organisationId: String(payload.organisationId),
        meetingId: String(payload.meetingId),
        sequence: Number(payload.sequence),
        slot: payload.slot === "morning" ? "morning" : "day_before",
        mailer: options.mailer,
        publicUrl: options.publicUrl,
        now: now(),
      });
    },
  };
}
