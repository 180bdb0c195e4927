// Meeting reminders (SPEC section 6): when a meeting gets its time (picked, moved, or a group session
// arranged), a job is enqueued for the day before and, for whoever asks, one for the morning of the
// day. The job sends only if the meeting is still scheduled at the same sequence: a moved meeting's
// old reminder finds its sequence stale and a cancelled one finds it cancelled, so neither is sent.
// Each person chooses email, a notification on their devices (web push), both or none. Each reminder
// is recorded with its mail and its push jobs in one transaction, so a retried job sends nothing
// twice; a push leaves only after that commit, in a `meeting.push` job per device (docs/decisions/015).
import { londonInstant, londonWallClock, meetingModeWords } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { type Database, meetingReminders, meetings, type MeetingReminderSlot, relationships, type ReminderChannel, reminderPreferences, schemes, type Tx, withPerson, withTenant } from "@tandem/db";
import { enqueueJob, type JobHandler } from "../jobs";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { type PushMessage, type Pusher, subscriptionIdsOf } from "../push";
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

export async function saveReminderPreferences(tx: Tx, options: { personId: string; channel: ReminderChannel; morning: boolean; now: Date }) {
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
  // Each person's choice, and their devices, are readable only as that person.
  const wanted: { personId: string; email: boolean; devices: string[] }[] = [];
  for (const personId of found.members) {
    const choice = await withPerson(db, personId, async (tx) => ({ prefs: await reminderPreferencesOf(tx, personId), devices: await subscriptionIdsOf(tx, personId) }));
    const { channel, morning } = choice.prefs;
    if (channel === "none" || (options.slot === "morning" && !morning)) continue;
    const devices = channel === "push" || channel === "both" ? choice.devices : [];
    // Asked for notifications but no device takes them any more (each unsubscribed): email instead.
    const email = channel === "email" || channel === "both" || devices.length === 0;
    wanted.push({ personId, email, devices });
  }
  const { meeting, rel } = found;
  const { date, time } = londonWallClock(meeting.startsAt!);
  return withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, rel.schemeId)));
    let sent = 0;
    for (const { personId, email, devices } of wanted) {
      const recorded = await tx
        .insert(meetingReminders)
        .values({ organisationId: options.organisationId, meetingId: meeting.id, sequence: meeting.sequence, personId, slot: options.slot, sentAt: options.now })
        .onConflictDoNothing()
        .returning({ personId: meetingReminders.personId });
      if (recorded.length === 0) continue;
      if (email) {
        const when = options.slot === "morning" ? `today at ${time}` : `tomorrow (${date}) at ${time}`;
        await mailTo(tx, options.mailer, personId, {
          subject: `Reminder: mentoring meeting ${options.slot === "morning" ? "today" : "tomorrow"} at ${time}`,
          text: [`This is a reminder of your mentoring meeting ${when}, ${meetingModeWords[meeting.mode]}, for ${meeting.minutes} minutes (${scheme?.name ?? "your scheme"}).`, "", "The details, and the choice of how you are reminded, are in Tandem:", appLink(options.publicUrl, `relationships/${rel.id}`)].join("\n"),
        });
      }
      // One job per device, committed with the record: a push leaves after commit, and a device that
      // fails is retried alone, without sending twice to the others.
      for (const subscriptionId of devices) {
        await enqueueJob(tx, {
          kind: "meeting.push",
          payload: { organisationId: options.organisationId, meetingId: meeting.id, sequence: meeting.sequence, slot: options.slot, personId, subscriptionId },
          runAt: options.now,
          dedupeKey: `${meeting.id}:${meeting.sequence}:${options.slot}:${subscriptionId}`,
        });
      }
      sent += 1;
    }
    return sent;
  });
}

/** The words of a reminder on a device: when, and nothing else (no names, no place, no scheme). */
export function meetingPushMessage(options: { slot: MeetingReminderSlot; startsAt: Date; meetingId: string; relationshipId: string }): PushMessage {
  const { time } = londonWallClock(options.startsAt);
  return {
    title: `Mentoring meeting ${options.slot === "morning" ? "today" : "tomorrow"} at ${time}`,
    body: "Open Tandem for the details.",
    path: `/app/relationships/${options.relationshipId}`,
    tag: `meeting-${options.meetingId}`,
  };
}

/**
 * Pushes one recorded reminder to one device, if the meeting is still as it was: a meeting moved or
 * cancelled since the reminder was recorded pushes nothing. The push service keeps it until the
 * meeting starts at the latest, and a later reminder of the same meeting replaces one undelivered.
 */
export async function pushMeetingReminder(db: Database, options: { organisationId: string; meetingId: string; sequence: number; slot: MeetingReminderSlot; personId: string; subscriptionId: string; pusher: Pusher; now: Date }) {
  const meeting = await withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const [row] = await tx.select().from(meetings).where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.id, options.meetingId)));
    return row;
  });
  if (!meeting || meeting.status !== "scheduled" || meeting.sequence !== options.sequence || !meeting.startsAt || meeting.startsAt <= options.now) return false;
  return options.pusher.send({
    personId: options.personId,
    subscriptionId: options.subscriptionId,
    message: meetingPushMessage({ slot: options.slot, startsAt: meeting.startsAt, meetingId: meeting.id, relationshipId: meeting.relationshipId }),
    ttlSeconds: (meeting.startsAt.getTime() - options.now.getTime()) / 1000,
    topic: meeting.id.replace(/-/g, ""),
  });
}

/** The reminder jobs; `meeting.push` is worked only where a pusher is given (the server has one). */
export function reminderHandlers(db: Database, options: { mailer: Mailer; publicUrl: string; pusher?: Pusher; now?: () => Date }): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  const pusher = options.pusher;
  return {
    ...(pusher
      ? {
          "meeting.push": async (payload) => {
            await pushMeetingReminder(db, {
              organisationId: String(payload.organisationId),
              meetingId: String(payload.meetingId),
              sequence: Number(payload.sequence),
              slot: payload.slot === "morning" ? "morning" : "day_before",
              personId: String(payload.personId),
              subscriptionId: String(payload.subscriptionId),
              pusher,
              now: now(),
            });
          },
        }
      : {}),
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
