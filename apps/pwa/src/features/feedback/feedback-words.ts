// Feedback and outcome questionnaires in plain words, and their answers as form values: ratings 1 to
// 5 and yes/no as radios, written answers as text. The check is core's own (`checkAnswers`), the one
// the API runs, so a message reads the same whichever side finds it; its paths ("answers.useful")
// become the fields' ids.
import { checkAnswers, likertMax, likertMin, type Answers } from "@tandem/core";
import { toFormErrors, type FormErrors } from "../../lib/form-errors";
import { BASE } from "../../lib/router";

export const feedbackListPath = `${BASE}/feedback`;

export function feedbackPath(requestId: string): string {
  return `${feedbackListPath}/${encodeURIComponent(requestId)}`;
}

export function questionnairePath(enrolmentId: string): string {
  return `${BASE}/questionnaires/${encodeURIComponent(enrolmentId)}`;
}

export const feedbackTitles: Record<string, string> = {
  midpoint: "Halfway: how is mentoring going?",
  end: "How did mentoring go?",
};

export function feedbackTitle(point: string): string {
  return feedbackTitles[point] ?? "Feedback on your mentoring";
}

export const questionnaireTitles: Record<string, string> = {
  baseline: "Before you start: a short questionnaire",
  end: "At the end: a short questionnaire",
  follow_up: "Some time on: a follow-up questionnaire",
};

export function questionnaireTitle(point: string): string {
  return questionnaireTitles[point] ?? "A short questionnaire";
}

export interface Question {
  id: string;
  label: string;
  kind: "likert" | "free_text" | "yes_no";
  required?: boolean;
}

/** What the form holds: "1"…"5" for a rating, "yes"/"no", or the text written. */
export type AnswerValues = Record<string, string>;

/** The ratings offered, 1 to 5, in a row; the question's hint says which end is which. */
export const ratingOptions = Array.from({ length: likertMax - likertMin + 1 }, (_, i) => ({
  value: String(likertMin + i),
  label: String(likertMin + i),
}));

export const ratingHint = `${likertMin} is the lowest, ${likertMax} the highest`;

export function answerId(prefix: string, questionId: string): string {
  return `${prefix}-answers-${questionId}`;
}

/** The answers the API takes: a number for a rating, true/false for yes/no, text otherwise; blanks left out. */
export function toAnswers(questions: readonly Question[], values: AnswerValues): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const raw = (values[q.id] ?? "").trim();
    if (!raw) continue;
    if (q.kind === "likert") answers[q.id] = Number(raw);
    else if (q.kind === "yes_no") answers[q.id] = raw === "yes";
    else answers[q.id] = raw;
  }
  return answers;
}

/** The form's starting values from answers given before. */
export function fromAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, string | number | boolean>>,
): AnswerValues {
  const values: AnswerValues = {};
  for (const q of questions) {
    const given = answers[q.id];
    if (given === undefined) continue;
    values[q.id] = typeof given === "boolean" ? (given ? "yes" : "no") : String(given);
  }
  return values;
}

/** Checks the answers against the questions; when they are fine, returns what the API takes. */
export function readAnswers(
  prefix: string,
  questions: readonly Question[],
  values: AnswerValues,
): { errors: FormErrors; answers?: Answers } {
  const answers = toAnswers(questions, values);
  const order = questions.map((q) => answerId(prefix, q.id));
  const fields: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const problem of checkAnswers(questions, answers)) {
    const id = `${prefix}-${problem.path.replace(/\./g, "-")}`;
    if (order.includes(id)) fields[id] ??= problem.message;
    else formErrors.push(problem.message);
  }
  const errors = toFormErrors(order, fields, formErrors);
  return errors.summary.length > 0 ? { errors } : { errors, answers };
}

/** "4.2 out of 5" for a mean rating; "No ratings yet" when nobody rated it. */
export function describeMean(mean: number | null): string {
  if (mean === null || !Number.isFinite(mean)) return "No ratings yet";
  return `${mean.toFixed(1)} out of ${likertMax}`;
}
