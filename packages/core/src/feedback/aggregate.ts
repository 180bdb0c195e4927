// What a coordinator (or a mentor, about themselves) may see of feedback (SPEC principle 8): counts,
// and each rating question's distribution and mean only once enough people answered it; free text
// only once the scheme has its `minResponsesForText` responses, as whole response sets, without
// names, in an order that says nothing about who answered when.
import type { FeedbackQuestion } from "../rules/schema";
import type { Answers } from "./answers";

export interface FeedbackResponse {
  /** An opaque id: the order is derived from it, never from time. */
  id: string;
  answers: Answers;
}

export interface RatingSummary {
  questionId: string;
  label: string;
  /** People who answered it. */
  answered: number;
  /** Hidden (null) below the threshold, so no one answer can be read off. */
  mean: number | null;
  /** Counts of 1..5, hidden below the threshold. */
  distribution: number[] | null;
}

export interface FeedbackSummary {
  responses: number;
  threshold: number;
  /** Below the threshold, nothing but the count is shown. */
  shown: boolean;
  ratings: RatingSummary[];
  /** Whole response sets of free text, shuffled; empty until the threshold is reached. */
  freeText: { question: string; answer: string }[][];
}

/** A stable shuffle by a hash of each id: the same set always reads the same, and not in time order. */
function shuffledBy<T extends { id: string }>(items: readonly T[], salt: string): T[] {
  const hash = (text: string) => {
    let h = 2166136261;
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h;
  };
  return [...items].sort((a, b) => hash(salt + a.id) - hash(salt + b.id) || a.id.localeCompare(b.id));
}

export function summariseFeedback(options: { questions: readonly FeedbackQuestion[]; responses: readonly FeedbackResponse[]; threshold: number; salt: string }): FeedbackSummary {
  const { questions, responses, threshold } = options;
  const shown = responses.length >= threshold;
  const ratings = questions
    .filter((q) => q.kind === "likert")
    .map((q) => {
      const values = responses.map((r) => r.answers[q.id]).filter((v): v is number => typeof v === "number");
      const enough = shown && values.length >= threshold;
      return {
        questionId: q.id,
        label: q.label,
        answered: values.length,
        mean: enough ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 : null,
        distribution: enough ? [1, 2, 3, 4, 5].map((n) => values.filter((v) => v === n).length) : null,
      };
    });
  const textQuestions = questions.filter((q) => q.kind === "free_text");
  const freeText = shown
    ? shuffledBy(responses, options.salt)
        .map((r) => textQuestions.flatMap((q) => (typeof r.answers[q.id] === "string" && r.answers[q.id] !== "" ? [{ question: q.label, answer: String(r.answers[q.id]) }] : [])))
        .filter((set) => set.length > 0)
    : [];
  return { responses: responses.length, threshold, shown, ratings, freeText };
}

/**
 * A mentor's own feedback, shown to them only once it covers enough different mentees: never one
 * mentee's answers on their own, and never free text (that is the coordinator's, past the threshold).
 */
export function mentorOwnFeedback(options: { questions: readonly FeedbackQuestion[]; responses: readonly (FeedbackResponse & { menteePersonId: string })[]; threshold: number }) {
  const mentees = new Set(options.responses.map((r) => r.menteePersonId)).size;
  const summary = summariseFeedback({ questions: options.questions, responses: mentees >= options.threshold ? options.responses : [], threshold: options.threshold, salt: "" });
  return { mentees, threshold: options.threshold, shown: mentees >= options.threshold, ratings: summary.ratings.map(({ questionId, label, answered, mean, distribution }) => ({ questionId, label, answered, mean, distribution })) };
}
