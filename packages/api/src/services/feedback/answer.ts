// A person's own feedback: the requests waiting for them (in every organisation), the questions of the
// rules version they were asked under, and their answers, which they can change until the round closes.
import { AnswersFields, checkAnswers, keptAnswers, type Answers } from "@tandem/core";
import { and, eq, inArray } from "drizzle-orm";
import {
  type Database,
  feedbackRequests,
  feedbackResponses,
  feedbackRounds,
  organisations,
  relationshipMembers,
  schemes,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { AppError } from "../../errors";
import { rulesOf } from "../relationships/load";

const noId = "00000000-0000-0000-0000-000000000000";

async function loadRequest(tx: Tx, options: { organisationId: string; requestId: string; personId: string }) {
  const [request] = await tx
    .select()
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.organisationId, options.organisationId), eq(feedbackRequests.id, options.requestId), eq(feedbackRequests.personId, options.personId)));
  if (!request) throw new AppError("NOT_FOUND", "That feedback request does not exist, or is not yours");
  const [round] = await tx.select().from(feedbackRounds).where(and(eq(feedbackRounds.organisationId, options.organisationId), eq(feedbackRounds.id, request.roundId)));
  const rules = await rulesOf(tx, { organisationId: options.organisationId, schemeId: request.schemeId, rulesVersion: request.rulesVersion });
  return { request, open: round?.closedAt === null, rules };
}

export async function feedbackForm(tx: Tx, options: { organisationId: string; requestId: string; personId: string }) {
  const { request, open, rules } = await loadRequest(tx, options);
  const [response] = await tx
    .select()
    .from(feedbackResponses)
    .where(and(eq(feedbackResponses.organisationId, options.organisationId), eq(feedbackResponses.requestId, request.id)));
  const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, request.schemeId)));
  return {
    requestId: request.id,
    organisationId: options.organisationId,
    schemeName: scheme?.name ?? "",
    point: request.point,
    open,
    questions: rules.feedback.endOfRelationship.map((q) => ({ id: q.id, label: q.label, kind: q.kind, required: q.required })),
    answers: (response?.answers ?? {}) as Answers,
    submittedAt: response?.submittedAt ?? null,
  };
}

export async function submitFeedback(tx: Tx, options: { organisationId: string; requestId: string; personId: string; answers: Answers; now: Date }) {
  const { request, open, rules } = await loadRequest(tx, options);
  if (!open) throw new AppError("CONFLICT", "This feedback round has closed, so answers can no longer be changed");
  const questions = rules.feedback.endOfRelationship;
  const problems = checkAnswers(questions, AnswersFields.parse(options.answers));
  if (problems.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[p.path] ??= []).push(p.message);
    throw new AppError("BAD_REQUEST", problems[0]!.message, fieldErrors);
  }
  const answers = keptAnswers(questions, options.answers);
  // A mentee's (or peer's) answers are about the mentor, for the mentor's own summary past the threshold.
  const about = request.role === "mentee"
    ? (await tx.select({ personId: relationshipMembers.personId }).from(relationshipMembers).where(and(eq(relationshipMembers.organisationId, options.organisationId), eq(relationshipMembers.relationshipId, request.relationshipId), eq(relationshipMembers.role, "mentor"))))[0]?.personId ?? null
    : null;
  await tx
    .insert(feedbackResponses)
    .values({ organisationId: options.organisationId, requestId: request.id, schemeId: request.schemeId, roundId: request.roundId, role: request.role, aboutPersonId: about, rulesVersion: request.rulesVersion, answers, submittedAt: options.now, updatedAt: options.now })
    .onConflictDoUpdate({ target: [feedbackResponses.organisationId, feedbackResponses.requestId], set: { answers, updatedAt: options.now } });
  return { ok: true as const };
}

/** The feedback requests of a person in every organisation: waiting, given, closed. */
export async function myFeedback(db: Database, options: { personId: string }) {
  const mine = await withPerson(db, options.personId, (tx) => tx.select({ organisationId: feedbackRequests.organisationId }).from(feedbackRequests).where(eq(feedbackRequests.personId, options.personId)));
  const out = [];
  for (const organisationId of [...new Set(mine.map((m) => m.organisationId))]) {
    out.push(
      ...(await withTenant(db, { organisationId, personId: options.personId }, async (tx) => {
        const requests = await tx.select().from(feedbackRequests).where(and(eq(feedbackRequests.organisationId, organisationId), eq(feedbackRequests.personId, options.personId)));
        const ids = requests.map((r) => r.id).concat([noId]);
        const responses = new Set((await tx.select({ id: feedbackResponses.requestId }).from(feedbackResponses).where(and(eq(feedbackResponses.organisationId, organisationId), inArray(feedbackResponses.requestId, ids)))).map((r) => r.id));
        const rounds = new Map((await tx.select().from(feedbackRounds).where(eq(feedbackRounds.organisationId, organisationId))).map((r) => [r.id, r]));
        const schemeNames = new Map((await tx.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.organisationId, organisationId))).map((s) => [s.id, s.name]));
        const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
        return requests.map((r) => ({
          requestId: r.id,
          organisationId,
          organisationName: org?.name ?? "",
          relationshipId: r.relationshipId,
          schemeName: schemeNames.get(r.schemeId) ?? "",
          point: r.point,
          invitedAt: r.invitedAt,
          given: responses.has(r.id),
          open: rounds.get(r.roundId)?.closedAt === null,
        }));
      })),
    );
  }
  return out.sort((a, b) => b.invitedAt.getTime() - a.invitedAt.getTime());
}
