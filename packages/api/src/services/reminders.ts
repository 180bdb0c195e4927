// Reminders to mentors before a module expires or their support lapses (SPEC section 7), by email
// (the outbox in the embedded default). The daily `reminders.scan` (cron, one per day whatever the
// number of servers) enqueues a `reminder.send` per mentor and due item, keyed by what is due and
// when; the send records the reminder in sent_reminders with its email, so each goes out once.
import { upcomingLabel, upcomingWithin } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { type Database, organisations, people, schemes, sentReminders, withTenant } from "@tandem/db";
import { refreshMentorPlaces } from "./enrolments";
import { enqueueJob, type JobHandler } from "./jobs";
import type { Mailer } from "./mail";
import { mentorPool } from "./preparation/readiness";

export const reminderWindowDays = 30;

/** Recomputes every open scheme's free mentor places (after seeding, and daily as dates pass). */
export async function refreshAllMentorPlaces(db: Database, options: { now: Date }) {
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    await withTenant(db, { organisationId: org.id }, async (tx) => {
      const open = await tx.select({ id: schemes.id }).from(schemes).where(and(eq(schemes.organisationId, org.id), eq(schemes.status, "open")));
      for (const scheme of open) await refreshMentorPlaces(tx, org.id, scheme.id, options.now);
    });
  }
}

/** Every open scheme of every organisation: refresh free places and enqueue due reminders. */
export async function scanForReminders(db: Database, options: { now: Date }) {
  let enqueued = 0;
  const orgs = await db.select({ id: organisations.id }).from(organisations);
  for (const org of orgs) {
    await withTenant(db, { organisationId: org.id }, async (tx) => {
      const open = await tx
        .select({ id: schemes.id })
        .from(schemes)
        .where(and(eq(schemes.organisationId, org.id), eq(schemes.status, "open")));
      for (const scheme of open) {
        await refreshMentorPlaces(tx, org.id, scheme.id, options.now);
        const pool = await mentorPool(tx, { organisationId: org.id, schemeId: scheme.id, now: options.now });
        const sent = new Set(
          (await tx.select().from(sentReminders).where(and(eq(sentReminders.organisationId, org.id), eq(sentReminders.schemeId, scheme.id)))).map(
            (r) => reminderKey(r.personId, r.code, r.moduleCode, r.dueOn),
          ),
        );
        for (const mentor of pool.mentors) {
          for (const item of upcomingWithin(mentor.readiness, { now: options.now, days: reminderWindowDays })) {
            if (sent.has(reminderKey(mentor.personId, item.code, item.moduleId ?? null, item.on))) continue;
            const created = await enqueueJob(tx, {
              kind: "reminder.send",
              runAt: options.now,
              payload: { organisationId: org.id, schemeId: scheme.id, personId: mentor.personId, code: item.code, moduleId: item.moduleId ?? null, on: item.on },
              dedupeKey: `reminder:${org.id}:${scheme.id}:${mentor.personId}:${item.code}:${item.moduleId ?? ""}:${item.on}`,
            });
            if (created) enqueued += 1;
          }
        }
      }
    });
  }
  return { enqueued };
}

function reminderKey(personId: string, code: string, moduleCode: string | null, on: string) {
  return `${personId}:${code}:${moduleCode ?? ""}:${on}`;
}

export function reminderHandlers(db: Database, options: { mailer: Mailer; publicUrl: string; now?: () => Date }): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  return {
    "reminders.scan": async () => {
      await scanForReminders(db, { now: now() });
    },
    "reminder.send": async (payload) => {
      const organisationId = String(payload.organisationId);
      const schemeId = String(payload.schemeId);
      const personId = String(payload.personId);
      await withTenant(db, { organisationId }, async (tx) => {
        const pool = await mentorPool(tx, { organisationId, schemeId, now: now() });
        const mentor = pool.mentors.find((m) => m.personId === personId);
        // Still due? (The mentor may have attended or renewed since the scan.)
        const item = mentor?.readiness.upcoming.find((u) => u.code === payload.code && (u.moduleId ?? null) === payload.moduleId);
        if (!mentor || !item) return;
        const [person] = await tx.select({ email: people.email, name: people.name }).from(people).where(eq(people.id, personId));
        if (!person) return;
        // Sent already (by an earlier scan's job): the record and the email commit together.
        const recorded = await tx
          .insert(sentReminders)
          .values({ organisationId, schemeId, personId, code: item.code, moduleCode: item.moduleId ?? null, dueOn: item.on })
          .onConflictDoNothing()
          .returning({ id: sentReminders.id });
        if (recorded.length === 0) return;
        await options.mailer.send(tx, {
          to: person.email,
          subject: `Mentoring: ${upcomingLabel(item)}`,
          text: [
            `Dear ${person.name},`,
            "",
            `For ${pool.scheme.name}: ${upcomingLabel(item)}.`,
            "If it is not done in time, you will not be offered new mentees until it is.",
            "",
            `See what is due and sign up for support events: ${options.publicUrl.replace(/\/$/, "")}/app/preparation`,
          ].join("\n"),
        });
      });
    },
  };
}
