// Training records: completions recorded by a coordinator (verified at once), imported from a
// course's attendance CSV (all rows valid, or nothing saved), or asked for by a mentor for training
// done elsewhere (waiting for a coordinator to verify).
import { previewAttendanceImport } from "@tandem/core";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { evidenceFiles, memberships, people, trainingModules, trainingRecords, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlacesFor } from "../enrolments";
import { requireMentorIn } from "./mentor";

const today = (now: Date) => now.toISOString().slice(0, 10);

async function requireMember(tx: Tx, organisationId: string, personId: string) {
  const [member] = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.personId, personId)));
  if (!member) throw new AppError("NOT_FOUND", "That person is not a member of this organisation");
}

/** Evidence attached to a record must be the same person's, held by the same organisation. */
async function requireOwnEvidence(tx: Tx, organisationId: string, personId: string, evidenceFileId: string | undefined) {
  if (!evidenceFileId) return;
  const [file] = await tx
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, evidenceFileId), eq(evidenceFiles.personId, personId)));
  if (!file) throw new AppError("NOT_FOUND", "That evidence file is not this person's", { evidenceFileId: ["Upload the evidence again"] });
}

async function requireModule(tx: Tx, organisationId: string, moduleId: string) {
  const [module] = await tx
    .select()
    .from(trainingModules)
    .where(and(eq(trainingModules.organisationId, organisationId), eq(trainingModules.id, moduleId)));
  if (!module) throw new AppError("NOT_FOUND", "That module is not in this organisation's catalogue");
  return module;
}

export async function recordCompletion(
  tx: Tx,
  options: {
    organisationId: string;
    actorPersonId: string;
    personId: string;
    moduleId: string;
    completedOn: string;
    evidenceNote?: string | undefined;
    evidenceFileId?: string | undefined;
    now: Date;
  },
) {
  if (options.completedOn > today(options.now)) {
    throw new AppError("BAD_REQUEST", "The completion date is in the future", { completedOn: ["The completion date is in the future"] });
  }
  await requireMember(tx, options.organisationId, options.personId);
  await requireModule(tx, options.organisationId, options.moduleId);
  await requireOwnEvidence(tx, options.organisationId, options.personId, options.evidenceFileId);
  const [row] = await tx
    .insert(trainingRecords)
    .values({
      organisationId: options.organisationId,
      personId: options.personId,
      moduleId: options.moduleId,
      completedOn: options.completedOn,
      evidenceNote: options.evidenceNote ?? null,
      evidenceFileId: options.evidenceFileId ?? null,
      source: "coordinator",
      verifiedByPersonId: options.actorPersonId,
      verifiedOn: today(options.now),
    })
    .returning({ id: trainingRecords.id });
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "training.recorded",
    subjectType: "person",
    subjectId: options.personId,
    details: { module: options.moduleId },
  });
  await refreshMentorPlacesFor(tx, options.organisationId, options.personId, options.now);
  return { recordId: row!.id };
}

export async function requestRecognition(
  tx: Tx,
  options: {
    organisationId: string;
    personId: string;
    moduleId: string;
    completedOn: string;
    provider: string;
    evidenceNote?: string | undefined;
    evidenceFileId?: string | undefined;
    now: Date;
  },
) {
  if (options.completedOn > today(options.now)) {
    throw new AppError("BAD_REQUEST", "The completion date is in the future", { completedOn: ["The completion date is in the future"] });
  }
  await requireMentorIn(tx, options.organisationId, options.personId);
  await requireModule(tx, options.organisationId, options.moduleId);
  await requireOwnEvidence(tx, options.organisationId, options.personId, options.evidenceFileId);
  const [row] = await tx
    .insert(trainingRecords)
    .values({
      organisationId: options.organisationId,
      personId: options.personId,
      moduleId: options.moduleId,
      completedOn: options.completedOn,
      provider: options.provider,
      evidenceNote: options.evidenceNote ?? null,
      evidenceFileId: options.evidenceFileId ?? null,
      source: "mentor_request",
    })
    .returning({ id: trainingRecords.id });
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.personId,
    action: "training.recognition_requested",
    subjectType: "training_record",
    subjectId: row!.id,
  });
  return { recordId: row!.id };
}

export async function verifyRecord(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; recordId: string; now: Date },
) {
  const updated = await tx
    .update(trainingRecords)
    .set({ verifiedByPersonId: options.actorPersonId, verifiedOn: today(options.now) })
    .where(
      and(
        eq(trainingRecords.organisationId, options.organisationId),
        eq(trainingRecords.id, options.recordId),
        isNull(trainingRecords.verifiedOn),
      ),
    )
    .returning({ id: trainingRecords.id, personId: trainingRecords.personId });
  if (updated.length === 0) throw new AppError("NOT_FOUND", "There is no unverified record with that id");
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "training.verified",
    subjectType: "training_record",
    subjectId: options.recordId,
  });
  await refreshMentorPlacesFor(tx, options.organisationId, updated[0]!.personId, options.now);
  return { recordId: options.recordId };
}

export async function listRecords(tx: Tx, options: { organisationId: string; personId?: string | undefined; unverifiedOnly?: boolean | undefined }) {
  return tx
    .select({
      id: trainingRecords.id,
      personId: trainingRecords.personId,
      personName: people.name,
      moduleId: trainingRecords.moduleId,
      moduleName: trainingModules.name,
      moduleCode: trainingModules.code,
      hours: trainingModules.hours,
      completedOn: trainingRecords.completedOn,
      provider: trainingRecords.provider,
      evidenceNote: trainingRecords.evidenceNote,
      evidenceFileId: trainingRecords.evidenceFileId,
      source: trainingRecords.source,
      verifiedOn: trainingRecords.verifiedOn,
    })
    .from(trainingRecords)
    .innerJoin(people, eq(people.id, trainingRecords.personId))
    .innerJoin(
      trainingModules,
      and(eq(trainingModules.organisationId, trainingRecords.organisationId), eq(trainingModules.id, trainingRecords.moduleId)),
    )
    .where(
      and(
        eq(trainingRecords.organisationId, options.organisationId),
        options.personId ? eq(trainingRecords.personId, options.personId) : undefined,
        options.unverifiedOnly ? isNull(trainingRecords.verifiedOn) : undefined,
      ),
    )
    .orderBy(desc(trainingRecords.completedOn), asc(people.name));
}

async function importContext(tx: Tx, organisationId: string, now: Date) {
  const members = await tx
    .select({ personId: people.id, email: people.email, name: people.name })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.organisationId, organisationId));
  const modules = await tx
    .select({ id: trainingModules.id, code: trainingModules.code, name: trainingModules.name })
    .from(trainingModules)
    .where(eq(trainingModules.organisationId, organisationId));
  return { members, modules, today: today(now) };
}

/** Reads the CSV and says what would be saved and what is wrong. Saves nothing. */
export async function previewImport(tx: Tx, options: { organisationId: string; csv: string; now: Date }) {
  return previewAttendanceImport(options.csv, await importContext(tx, options.organisationId, options.now));
}

/** Saves every row, verified by the importer, only if every row is valid; otherwise saves nothing. */
export async function commitImport(tx: Tx, options: { organisationId: string; actorPersonId: string; csv: string; now: Date }) {
  const preview = await previewImport(tx, options);
  if (preview.fileErrors.length > 0 || preview.invalid > 0) {
    throw new AppError(
      "BAD_REQUEST",
      preview.fileErrors[0] ?? `${preview.invalid} row${preview.invalid === 1 ? " has" : "s have"} problems: fix the file and preview it again. Nothing was saved.`,
    );
  }
  for (const row of preview.rows) {
    await tx.insert(trainingRecords).values({
      organisationId: options.organisationId,
      ...row.record!,
      source: "csv_import",
      verifiedByPersonId: options.actorPersonId,
      verifiedOn: today(options.now),
    });
  }
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "training.imported",
    details: { rows: preview.rows.length },
  });
  await refreshMentorPlacesFor(tx, options.organisationId, preview.rows.map((r) => r.record!.personId), options.now);
  return { imported: preview.rows.length };
}
