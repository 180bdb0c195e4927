// What a mentor does for themselves: see their records and upcoming support events, sign up and keep
// evidence (their CPD evidence for appraisal is in cpd-evidence.ts).
import { and, asc, eq, gte } from "drizzle-orm";
import {
  type Database,
  enrolments,
  evidenceFiles,
  organisations,
  supportAttendance,
  supportEvents,
  trainingModules,
  trainingRecords,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";

/** Organisations where the person is an active mentor, with those schemes. */
async function mentorOrganisations(db: Database, personId: string) {
  const rows = await withPerson(db, personId, (tx) =>
    tx
      .select({ organisationId: enrolments.organisationId, schemeId: enrolments.schemeId })
      .from(enrolments)
      .where(and(eq(enrolments.personId, personId), eq(enrolments.role, "mentor"), eq(enrolments.status, "active"))),
  );
  const byOrg = new Map<string, string[]>();
  for (const row of rows) byOrg.set(row.organisationId, [...(byOrg.get(row.organisationId) ?? []), row.schemeId]);
  return byOrg;
}

export async function requireMentorIn(tx: Tx, organisationId: string, personId: string) {
  const [row] = await tx
    .select({ id: enrolments.id })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.organisationId, organisationId),
        eq(enrolments.personId, personId),
        eq(enrolments.role, "mentor"),
        eq(enrolments.status, "active"),
      ),
    )
    .limit(1);
  if (!row) throw new AppError("FORBIDDEN", "You are not a mentor in a scheme of that organisation");
}

export async function myEvents(db: Database, options: { personId: string; now: Date }) {
  const today = options.now.toISOString().slice(0, 10);
  const result = [];
  for (const [organisationId, schemeIds] of await mentorOrganisations(db, options.personId)) {
    const events = await withTenant(db, { organisationId, personId: options.personId }, async (tx) => {
      const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
      const rows = await tx
        .select()
        .from(supportEvents)
        .where(and(eq(supportEvents.organisationId, organisationId), gte(supportEvents.heldOn, today)))
        .orderBy(asc(supportEvents.heldOn));
      const mine = await tx
        .select({ eventId: supportAttendance.eventId, status: supportAttendance.status })
        .from(supportAttendance)
        .where(and(eq(supportAttendance.organisationId, organisationId), eq(supportAttendance.personId, options.personId)));
      const taken = await tx
        .select({ eventId: supportAttendance.eventId })
        .from(supportAttendance)
        .where(and(eq(supportAttendance.organisationId, organisationId), eq(supportAttendance.status, "signed_up")));
      return rows
        .filter((e) => e.schemeId === null || schemeIds.includes(e.schemeId))
        .map((e) => ({
          organisationId,
          organisationName: org?.name ?? "",
          eventId: e.id,
          kind: e.kind,
          title: e.title,
          heldOn: e.heldOn,
          location: e.location,
          placesLeft: e.places === null ? null : Math.max(0, e.places - taken.filter((t) => t.eventId === e.id).length),
          myStatus: mine.find((m) => m.eventId === e.id)?.status ?? null,
        }));
    });
    result.push(...events);
  }
  return result.sort((a, b) => a.heldOn.localeCompare(b.heldOn));
}

export async function signUpForEvent(
  db: Database,
  options: { personId: string; organisationId: string; eventId: string; attend: boolean; now: Date },
) {
  return withTenant(db, { organisationId: options.organisationId, personId: options.personId }, async (tx) => {
    await requireMentorIn(tx, options.organisationId, options.personId);
    const [event] = await tx
      .select()
      .from(supportEvents)
      .where(and(eq(supportEvents.organisationId, options.organisationId), eq(supportEvents.id, options.eventId)));
    if (!event) throw new AppError("NOT_FOUND", "That event does not exist");
    if (event.heldOn < options.now.toISOString().slice(0, 10)) throw new AppError("CONFLICT", "That event has already taken place");
    const key = and(
      eq(supportAttendance.organisationId, options.organisationId),
      eq(supportAttendance.eventId, event.id),
      eq(supportAttendance.personId, options.personId),
    );
    if (!options.attend) {
      await tx.delete(supportAttendance).where(and(key, eq(supportAttendance.status, "signed_up")));
      return { eventId: event.id, status: null };
    }
    // One sign-up at a time per event, so the last place is not given twice.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('${event.id}'))` as never);
    const signedUp = await tx
      .select({ personId: supportAttendance.personId })
      .from(supportAttendance)
      .where(and(eq(supportAttendance.organisationId, options.organisationId), eq(supportAttendance.eventId, event.id)));
    if (signedUp.some((s) => s.personId === options.personId)) return { eventId: event.id, status: "signed_up" as const };
    if (event.places !== null && signedUp.length >= event.places) throw new AppError("CONFLICT", "That event is full");
    await tx.insert(supportAttendance).values({
      organisationId: options.organisationId,
      eventId: event.id,
      personId: options.personId,
      status: "signed_up",
      recordedByPersonId: options.personId,
    });
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actorPersonId: options.personId,
      action: "event.signed_up",
      subjectType: "support_event",
      subjectId: event.id,
    });
    return { eventId: event.id, status: "signed_up" as const };
  });
}

/** The person's training records in every organisation where they mentor. */
export async function myRecords(db: Database, options: { personId: string }) {
  const result = [];
  for (const organisationId of (await mentorOrganisations(db, options.personId)).keys()) {
    const rows = await withTenant(db, { organisationId, personId: options.personId }, (tx) =>
      tx
        .select({
          organisationId: trainingRecords.organisationId,
          organisationName: organisations.name,
          recordId: trainingRecords.id,
          moduleId: trainingModules.id,
          moduleName: trainingModules.name,
          kind: trainingModules.kind,
          hours: trainingModules.hours,
          completedOn: trainingRecords.completedOn,
          provider: trainingRecords.provider,
          verifiedOn: trainingRecords.verifiedOn,
          evidenceFileId: trainingRecords.evidenceFileId,
          evidenceFilename: evidenceFiles.filename,
        })
        .from(trainingRecords)
        .innerJoin(trainingModules, and(eq(trainingModules.organisationId, trainingRecords.organisationId), eq(trainingModules.id, trainingRecords.moduleId)))
        .innerJoin(organisations, eq(organisations.id, trainingRecords.organisationId))
        .leftJoin(evidenceFiles, and(eq(evidenceFiles.organisationId, trainingRecords.organisationId), eq(evidenceFiles.id, trainingRecords.evidenceFileId)))
        .where(and(eq(trainingRecords.organisationId, organisationId), eq(trainingRecords.personId, options.personId)))
        .orderBy(asc(trainingRecords.completedOn)),
    );
    result.push(...rows);
  }
  return result;
}

/** The modules a mentor may ask to have recognised: each mentor organisation's catalogue. */
export async function myCatalogues(db: Database, options: { personId: string }) {
  const result = [];
  for (const organisationId of (await mentorOrganisations(db, options.personId)).keys()) {
    const rows = await withTenant(db, { organisationId, personId: options.personId }, (tx) =>
      tx
        .select({
          organisationId: trainingModules.organisationId,
          organisationName: organisations.name,
          moduleId: trainingModules.id,
          name: trainingModules.name,
          kind: trainingModules.kind,
        })
        .from(trainingModules)
        .innerJoin(organisations, eq(organisations.id, trainingModules.organisationId))
        .where(eq(trainingModules.organisationId, organisationId))
        .orderBy(asc(trainingModules.name)),
    );
    result.push(...rows);
  }
  return result;
}
