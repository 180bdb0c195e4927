// Answers to a scheme's feedback questions and outcome questionnaires: what may be sent, and whether
// it fits the questions of the rules version the answers belong to. Likert items are 1 (lowest) to 5.
import { z } from "zod";
import type { FeedbackQuestion, OutcomeItem } from "../rules/schema";

export const likertMin = 1;
export const likertMax = 5;

const Answer = z.union([
  z.number({ invalid_type_error: "Choose a rating from 1 to 5" }).int("Choose a rating from 1 to 5").min(likertMin, "Choose a rating from 1 to 5").max(likertMax, "Choose a rating from 1 to 5"),
  z.string().trim().max(4000, "Keep each answer to 4,000 characters or fewer"),
  z.boolean(),
]);

/** Answers keyed by question id; a question left out (or answered "") is unanswered. */
export const AnswersFields = z.record(z.string().max(60), Answer, { invalid_type_error: "Answer the questions" }).refine((a) => Object.keys(a).length <= 60, "Answer at most 60 questions");

export type Answers = z.output<typeof AnswersFields>;
export type AnswerProblem = { path: string; message: string };

type Question = Pick<FeedbackQuestion, "id" | "label"> & { kind: FeedbackQuestion["kind"] | OutcomeItem["kind"]; required?: boolean };

const answered = (value: unknown) => value !== undefined && value !== "";

/** Checks answers against the questions: each answer of the right kind, required ones answered, no strangers. */
export function checkAnswers(questions: readonly Question[], answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ path: `answers.${id}`, message: "Answer the scheme's own questions" });
  }
  for (const q of questions) {
    const value = answers[q.id];
    if (!answered(value)) {
      if (q.required) problems.push({ path: `answers.${q.id}`, message: `Answer "${q.label}"` });
      continue;
    }
    const ok = q.kind === "likert" ? typeof value === "number" : q.kind === "yes_no" ? typeof value === "boolean" : typeof value === "string";
    if (!ok) {
      problems.push({
        path: `answers.${q.id}`,
        message: q.kind === "likert" ? `Choose a rating from 1 to 5 for "${q.label}"` : q.kind === "yes_no" ? `Answer yes or no to "${q.label}"` : `Write your answer to "${q.label}" as text`,
      });
    }
  }
  return problems;
}

/** The answers worth keeping: known questions, answered. */
export function keptAnswers(questions: readonly Question[], answers: Answers): Answers {
  const known = new Set(questions.map((q) => q.id));
  return Object.fromEntries(Object.entries(answers).filter(([id, v]) => known.has(id) && answered(v)));
}
