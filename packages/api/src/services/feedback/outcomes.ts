// Outcome questionnaires (SPEC section 8): a mentee (or peer, or group member) answers the scheme's
// questionnaire at joining, at the end of their relationship and at the follow-up. Answers are scored
// when given, so the evaluation report pairs before and after by numbers.
import { AnswersFields, type Answers, checkAnswers, keptAnswers, outcomeDue, type OutcomePoint, scoreOutcome } from "@tandem/core";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type Database, enrolments, organisations, outcomeResponses, relationshipMembers, relationships, schemes, type Tx, withPerson, withTenant } from "@tandem/db";
import { AppError } from "../../errors";
import { rulesOf } from "../relationships/load";

const answering = ["mentee", "peer"] as const;

/** What is due for one enrolment: the point, and the questions of the enrolment's rules version. */
async function dueFor(tx: Tx, enrolment: typeof enrolments.$inferSelect, now: Date) {
  const rules = await rulesOf(tx, { organisationId: enrolment.organisationId, schemeId: enrolment.schemeId, rulesVersion: enrolment.rulesVersion });
  const answered = (await tx.select({ point: outcomeResponses.point }).from(outcomeResponses).where(and(eq(outcomeResponses.organisationId, enrolment.organisationId), eq(outcomeResponses.enrolmentId, enrolment.id)))).map((r) => r.point);
  // The end is when their relationship (pair, co-mentoring or group) closed.
  const [closed] = await tx
    .select({ endedAt: relationships.endedAt })
    .from(relationships)
    .innerJoin(relationshipMembers, and(eq(relationshipMembers.organisationId, relationships.organisationId), eq(relationshipMembers.relationshipId, relationships.id)))
    .where(and(eq(relationships.organisationId, enrolment.organisationId), eq(relationshipMembers.enrolmentId, enrolment.id), eq(relationships.status, "closed")))
    .orderBy(desc(relationships.endedAt))
    .limit(1);
  const point = outcomeDue({ rules, answered, closedAt: closed?.endedAt ?? (enrolment.status === "withdrawn" ? enrolment.withdrawnAt : null), now });
  return { point, rules };
}

export async function myOutcomeQuestionnaires(db: Database, options: { personId: string; now: Date }) {
  const mine = await withPerson(db, options.personId, (tx) =>
    tx.select({ organisationId: enrolments.organisationId }).from(enrolments).where(and(eq(enrolments.personId, options.personId), inArray(enrolments.role, [...answering]))),
  );
  const out = [];
  for (const organisationId of [...new Set(mine.map((m) => m.organisationId))]) {
    out.push(
      ...(await withTenant(db, { organisationId, personId: options.personId }, async (tx) => {
        const rows = await tx.select().from(enrolments).where(and(eq(enrolments.organisationId, organisationId), eq(enrolments.personId, options.personId), inArray(enrolments.role, [...answering])));
        const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
        const names = new Map((await tx.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.organisationId, organisationId))).map((s) => [s.id, s.name]));
        const due = [];
        for (const enrolment of rows) {
          const { point, rules } = await dueFor(tx, enrolment, options.now);
          if (!point) continue;
          due.push({
            organisationId,
            organisationName: org?.name ?? "",
            enrolmentId: enrolment.id,
            schemeName: names.get(enrolment.schemeId) ?? "",
            point,
            items: rules.outcomes.items.map((i) => ({ id: i.id, label: i.label, kind: i.kind })),
          });
        }
        return due;
      })),
    );
  }
  return out;
}

export async function submitOutcome(tx: Tx, options: { organisationId: string; enrolmentId: string; personId: string; point: OutcomePoint; answers: Answers; now: Date }) {
  const [enrolment] = await tx
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.id, options.enrolmentId), eq(enrolments.personId, options.personId)));
  if (!enrolment || !(answering as readonly string[]).includes(enrolment.role)) throw new AppError("NOT_FOUND", "That questionnaire is not yours");
  const { point, rules } = await dueFor(tx, enrolment, options.now);
  if (point !== options.point) throw new AppError("CONFLICT", point ? "A different questionnaire is due now: reload to see it" : "No questionnaire is due for this scheme now");
  const problems = checkAnswers(rules.outcomes.items, AnswersFields.parse(options.answers));
  if (problems.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[p.path] ??= []).push(p.message);
    throw new AppError("BAD_REQUEST", problems[0]!.message, fieldErrors);
  }
  const answers = keptAnswers(rules.outcomes.items, options.answers);
  await tx.insert(outcomeResponses).values({
    organisationId: options.organisationId,
    schemeId: enrolment.schemeId,
    enrolmentId: enrolment.id,
    personId: options.personId,
    point: options.point,
    rulesVersion: enrolment.rulesVersion,
    answers,
    scores: scoreOutcome(rules.outcomes, answers),
    submittedAt: options.now,
  });
  return { ok: true as const };
}
