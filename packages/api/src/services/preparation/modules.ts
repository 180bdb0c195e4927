// The organisation's catalogue of training modules (course modules, masterclasses, programmes,
// tasters, CPD), whose codes scheme rules name as mentors' required preparation.
import { and, asc, eq } from "drizzle-orm";
import { trainingModules, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";

export interface ModuleFields {
  code: string;
  name: string;
  kind: (typeof trainingModules.kind.enumValues)[number];
  hours: number;
  validityMonths?: number | null | undefined;
  description?: string | null | undefined;
  schemeId?: string | null | undefined;
}

export async function listModules(tx: Tx, options: { organisationId: string }) {
  return tx.select().from(trainingModules).where(eq(trainingModules.organisationId, options.organisationId)).orderBy(asc(trainingModules.name));
}

export async function saveModule(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; moduleId?: string | undefined; fields: ModuleFields },
) {
  const values = {
    code: options.fields.code,
    name: options.fields.name,
    kind: options.fields.kind,
    hours: options.fields.hours,
    validityMonths: options.fields.validityMonths ?? null,
    description: options.fields.description ?? null,
    schemeId: options.fields.schemeId ?? null,
  };
  const [clash] = await tx
    .select({ id: trainingModules.id })
    .from(trainingModules)
    .where(and(eq(trainingModules.organisationId, options.organisationId), eq(trainingModules.code, values.code)));
  if (clash && clash.id !== options.moduleId) {
    throw new AppError("CONFLICT", `Another module already has the code ${values.code}`, { code: ["Choose a code no other module has"] });
  }
  let id = options.moduleId;
  if (id) {
    const updated = await tx
      .update(trainingModules)
      .set(values)
      .where(and(eq(trainingModules.organisationId, options.organisationId), eq(trainingModules.id, id)))
      .returning({ id: trainingModules.id });
    if (updated.length === 0) throw new AppError("NOT_FOUND", "That module is not in this organisation's catalogue");
  } else {
    const [row] = await tx.insert(trainingModules).values({ organisationId: options.organisationId, ...values }).returning({ id: trainingModules.id });
    id = row!.id;
  }
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: options.moduleId ? "module.updated" : "module.created",
    subjectType: "training_module",
    subjectId: id,
  });
  return { moduleId: id };
}

export async function deleteModule(tx: Tx, options: { organisationId: string; actorPersonId: string; moduleId: string }) {
  const deleted = await tx
    .delete(trainingModules)
    .where(and(eq(trainingModules.organisationId, options.organisationId), eq(trainingModules.id, options.moduleId)))
    .returning({ id: trainingModules.id });
  if (deleted.length === 0) throw new AppError("NOT_FOUND", "That module is not in this organisation's catalogue");
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "module.deleted",
    subjectType: "training_module",
    subjectId: options.moduleId,
  });
  return { moduleId: options.moduleId };
}
