// What the coordinator sees of a scheme's feedback (SPEC principle 8): per round, how many were asked
// and answered, each rating question's distribution and mean once enough answered, and free text as
// whole response sets, shuffled and without names, once the scheme's threshold is reached. A mentor
// sees their own summary only once it covers enough different mentees. Reads only.
import { type FeedbackQuestion, mentorOwnFeedback, summariseFeedback } from "@tandem/core";
import { and, desc, eq } from "drizzle-orm";
import { feedbackRequests, feedbackResponses, feedbackRounds, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { loadScheme } from "../matching/inputs";
import { rulesOf } from "../relationships/load";

/** The questions answered across the rules versions in play, each with its newest wording. */
async function questionsOf(tx: Tx, organisationId: string, schemeId: string, versions: number[]): Promise<FeedbackQuestion[]> {
  const byId = new Map<string, FeedbackQuestion>();
  for (const version of [...new Set(versions)].sort((a, b) => a - b)) {
    const rules = await rulesOf(tx, { organisationId, schemeId, rulesVersion: version });
    for (const q of rules.feedback.endOfRelationship) byId.set(q.id, q);
  }
  return [...byId.values()];
}

export async function schemeFeedback(tx: Tx, options: { organisationId: string; schemeId: string; roundId?: string; role?: "mentee" | "mentor" }) {
  const { rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  const rounds = await tx
    .select()
    .from(feedbackRounds)
    .where(and(eq(feedbackRounds.organisationId, options.organisationId), eq(feedbackRounds.schemeId, options.schemeId)))
    .orderBy(desc(feedbackRounds.openedAt));
  const round = options.roundId ? rounds.find((r) => r.id === options.roundId) : rounds[0];
  if (options.roundId && !round) throw new AppError("NOT_FOUND", "That feedback round is not in this scheme");
  const asked = round ? await tx.select({ id: feedbackRequests.id, role: feedbackRequests.role }).from(feedbackRequests).where(and(eq(feedbackRequests.organisationId, options.organisationId), eq(feedbackRequests.roundId, round.id))) : [];
  const rows = round ? await tx.select().from(feedbackResponses).where(and(eq(feedbackResponses.organisationId, options.organisationId), eq(feedbackResponses.roundId, round.id))) : [];
  const inRole = (role: string) => (options.role === "mentor" ? role === "mentor" || role === "facilitator" : role !== "mentor" && role !== "facilitator");
  const chosen = rows.filter((r) => inRole(r.role));
  const questions = await questionsOf(tx, options.organisationId, options.schemeId, chosen.map((r) => r.rulesVersion));
  const threshold = rules.feedback.minResponsesForText;
  return {
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, openedAt: r.openedAt, closedAt: r.closedAt })),
    roundId: round?.id ?? null,
    role: options.role ?? "mentee",
    asked: asked.filter((a) => inRole(a.role)).length,
    summary: summariseFeedback({ questions, responses: chosen.map((r) => ({ id: r.requestId, answers: r.answers })), threshold, salt: round?.id ?? "" }),
  };
}

export async function closeFeedbackRound(tx: Tx, options: { organisationId: string; schemeId: string; roundId: string; now: Date }) {
  const closed = await tx
    .update(feedbackRounds)
    .set({ closedAt: options.now })
    .where(and(eq(feedbackRounds.organisationId, options.organisationId), eq(feedbackRounds.schemeId, options.schemeId), eq(feedbackRounds.id, options.roundId)))
    .returning({ id: feedbackRounds.id, closedAt: feedbackRounds.closedAt });
  if (closed.length === 0) throw new AppError("NOT_FOUND", "That feedback round is not in this scheme");
  return { ok: true as const };
}

/** A mentor's own summary in a scheme, from mentees' answers about them, only past the threshold of mentees. */
export async function feedbackAboutMe(tx: Tx, options: { organisationId: string; schemeId: string; personId: string }) {
  const { rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  const rows = await tx
    .select({ requestId: feedbackResponses.requestId, answers: feedbackResponses.answers, rulesVersion: feedbackResponses.rulesVersion, menteePersonId: feedbackRequests.personId })
    .from(feedbackResponses)
    .innerJoin(feedbackRequests, and(eq(feedbackRequests.organisationId, feedbackResponses.organisationId), eq(feedbackRequests.id, feedbackResponses.requestId)))
    .where(and(eq(feedbackResponses.organisationId, options.organisationId), eq(feedbackResponses.schemeId, options.schemeId), eq(feedbackResponses.aboutPersonId, options.personId)));
  const questions = await questionsOf(tx, options.organisationId, options.schemeId, rows.map((r) => r.rulesVersion));
  return mentorOwnFeedback({ questions, responses: rows.map((r) => ({ id: r.requestId, answers: r.answers, menteePersonId: r.menteePersonId })), threshold: rules.feedback.minResponsesForText });
}
