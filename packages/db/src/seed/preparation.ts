// Demo mentor preparation and support: each organisation's module catalogue (the modules its
// schemes require), support events past and upcoming, and mentors with verified training,
// attendance, appraisals and approval. One mentor has not done the course nor been approved, so the pool shows both.
import { findSchemeTemplate } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { withTenant } from "../client";
import {
  mentorApprovals,
  peerAppraisals,
  schemes,
  supportAttendance,
  supportEvents,
  trainingModules,
  trainingRecords,
} from "../schema";
import type { Database } from "../types";
import { demoSchemes } from "./schemes";

/** Mentors left without preparation or approval: "not ready" in the pool, with reasons. */
export const unpreparedDemoMentors = ["eleanor.brooke@airevalley.example.org"];

const moduleDetails: Record<string, { kind: "course_module" | "masterclass" | "programme"; hours: number }> = {
  masterclass: { kind: "masterclass", hours: 10.5 },
  "skills-programme": { kind: "programme", hours: 32 },
  "coach-mentor-training": { kind: "programme", hours: 21 },
  "co-tutoring-course": { kind: "course_module", hours: 14 },
  "mentor-skills": { kind: "course_module", hours: 7 },
};

function isoDaysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function capitalise(text: string): string {
  const trimmed = text.replace(/^the /, "");
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

export async function seedDemoPreparation(
  db: Database,
  ids: { organisations: Map<string, string>; people: Map<string, string> },
  now = new Date(),
): Promise<void> {
  for (const [slug, organisationId] of ids.organisations) {
    const mine = demoSchemes.filter((s) => s.organisation === slug);
    if (mine.length === 0) continue;
    await withTenant(db, { organisationId }, async (tx) => {
      const [existing] = await tx.select({ id: trainingModules.id }).from(trainingModules).where(eq(trainingModules.organisationId, organisationId)).limit(1);
      const [anyEvent] = await tx.select({ id: supportEvents.id }).from(supportEvents).where(eq(supportEvents.organisationId, organisationId)).limit(1);
      if (existing || anyEvent) return;

      const moduleIds = new Map<string, string>();
      for (const demo of mine) {
        for (const required of findSchemeTemplate(demo.template)!.rules.mentors.requiredModules) {
          if (moduleIds.has(required.id)) continue;
          const details = moduleDetails[required.id] ?? { kind: "course_module" as const, hours: 6 };
          const [row] = await tx
            .insert(trainingModules)
            .values({
              organisationId,
              code: required.id,
              name: capitalise(required.name),
              kind: details.kind,
              hours: details.hours,
              validityMonths: required.validityMonths ?? null,
            })
            .returning({ id: trainingModules.id });
          moduleIds.set(required.id, row!.id);
        }
      }

      const events = [
        { kind: "support_group" as const, title: "Mentor support group", heldOn: isoDaysFrom(now, -30) },
        { kind: "support_group" as const, title: "Mentor support group", heldOn: isoDaysFrom(now, -120) },
        { kind: "development_event" as const, title: "Mentoring skills refresher", heldOn: isoDaysFrom(now, -210) },
        { kind: "support_group" as const, title: "Mentor support group", heldOn: isoDaysFrom(now, -300) },
        { kind: "supervision" as const, title: "Group supervision", heldOn: isoDaysFrom(now, -60) },
        { kind: "support_group" as const, title: "Mentor support group", heldOn: isoDaysFrom(now, 21), location: "Education Centre, Seminar Room 2", places: 12 },
        { kind: "conference" as const, title: "Annual mentoring conference", heldOn: isoDaysFrom(now, 45), location: "Leeds", places: 40 },
      ];
      const eventIds: { id: string; past: boolean }[] = [];
      for (const event of events) {
        const [row] = await tx.insert(supportEvents).values({ organisationId, ...event }).returning({ id: supportEvents.id });
        eventIds.push({ id: row!.id, past: event.heldOn < isoDaysFrom(now, 0) });
      }

      const prepared = new Set<string>();
      for (const demo of mine) {
        const [scheme] = await tx
          .select({ id: schemes.id })
          .from(schemes)
          .where(and(eq(schemes.organisationId, organisationId), eq(schemes.slug, demo.slug)));
        if (!scheme) continue;
        const required = findSchemeTemplate(demo.template)!.rules.mentors.requiredModules;
        for (const mentor of demo.participants.filter((p) => p.role === "mentor")) {
          const personId = ids.people.get(mentor.email)!;
          if (!prepared.has(personId)) {
            prepared.add(personId);
            for (const event of eventIds.filter((e) => e.past)) {
              await tx.insert(supportAttendance).values({ organisationId, eventId: event.id, personId, status: "attended" }).onConflictDoNothing();
            }
            await tx.insert(peerAppraisals).values({ organisationId, mentorPersonId: personId, appraisedOn: isoDaysFrom(now, -90) });
          }
          // An unprepared mentor comes to support groups but has not done the course, nor been approved.
          if (unpreparedDemoMentors.includes(mentor.email)) continue;
          for (const module of required) {
            await tx.insert(trainingRecords).values({
              organisationId,
              personId,
              moduleId: moduleIds.get(module.id)!,
              completedOn: isoDaysFrom(now, -330),
              evidenceNote: "Course register",
              source: "coordinator",
              verifiedOn: isoDaysFrom(now, -320),
            });
          }
          await tx.insert(mentorApprovals).values({
            organisationId,
            schemeId: scheme.id,
            personId,
            decision: "approved",
            note: "Thank you for mentoring with us.",
            decidedAt: new Date(now.getTime() - 300 * 86_400_000),
          });
        }
      }
    });
  }
}
