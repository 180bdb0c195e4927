// The join form's fields and checks. Field names are the API's input paths ("role",
// "applicationAnswers.<question id>", "consent") so server and browser errors land in the same place.
import { mapTrpcError, messages, toFormErrors, type FormErrors } from "../../lib/form-errors";

export interface ApplicationQuestion {
  id: string;
  label: string;
  kind: "short_text" | "long_text" | "yes_no";
  required: boolean;
}

export type Application =
  { kind: "none" } | { kind: "form"; questions: readonly ApplicationQuestion[] };

export type Answers = Record<string, string | boolean | undefined>;

export interface JoinValues {
  role: string;
  answers: Answers;
  consent: boolean;
}

export const answerField = (questionId: string) => `applicationAnswers.${questionId}`;

/** An element id for a field name (question ids are the scheme's own, so keep ids to safe characters). */
export function fieldElementId(field: string): string {
  if (field.startsWith("applicationAnswers."))
    return `answer-${field.slice("applicationAnswers.".length).replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return field;
}

export function questionsOf(application: Application): readonly ApplicationQuestion[] {
  return application.kind === "form" ? application.questions : [];
}

/** Field order on the page; "role" only when there is a choice to make. */
export function joinFieldOrder(options: {
  roles: readonly string[];
  application: Application;
}): string[] {
  return [
    ...(options.roles.length > 1 ? ["role"] : []),
    ...questionsOf(options.application).map((q) => answerField(q.id)),
    "consent",
  ];
}

/** Summary links point at element ids, not field names. */
function withElementIds(errors: FormErrors<string>): FormErrors<string> {
  return {
    fields: errors.fields,
    summary: errors.summary.map((item) => ({
      ...item,
      href: `#${fieldElementId(item.href.slice(1))}`,
    })),
  };
}

export function validateJoin(
  values: JoinValues,
  options: { roles: readonly string[]; application: Application },
): FormErrors<string> {
  const fields: Record<string, string> = {};
  if (!options.roles.includes(values.role)) fields.role = "Choose how you want to take part";
  for (const question of questionsOf(options.application)) {
    const answer = values.answers[question.id];
    const empty = answer === undefined || (typeof answer === "string" && answer.trim() === "");
    if (question.required && empty) {
      fields[answerField(question.id)] =
        question.kind === "yes_no"
          ? `Choose yes or no for "${question.label}"`
          : `Answer "${question.label}"`;
    } else if (typeof answer === "string" && answer.length > 4000) {
      fields[answerField(question.id)] = "Keep each answer to 4000 characters or fewer";
    }
  }
  if (!values.consent) fields.consent = "Confirm that you agree to join";
  return withElementIds(toFormErrors(joinFieldOrder(options), fields));
}

/** What the API receives: trimmed text, yes/no as booleans, unanswered optional questions left out. */
export function toApplicationAnswers(
  application: Application,
  answers: Answers,
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const question of questionsOf(application)) {
    const answer = answers[question.id];
    if (typeof answer === "boolean") out[question.id] = answer;
    else if (typeof answer === "string" && answer.trim()) out[question.id] = answer.trim();
  }
  return out;
}

/**
 * The API's answer as form errors. Its FORBIDDEN (not eligible) and CONFLICT (already joined, wording
 * changed, scheme closed) messages are written for people, so they are shown as they are.
 */
export function mapJoinError(
  error: unknown,
  options: { roles: readonly string[]; application: Application; online: boolean },
): FormErrors<string> {
  return withElementIds(
    mapTrpcError(error, joinFieldOrder(options), {
      online: options.online,
      showMessageFor: ["FORBIDDEN", "CONFLICT", "NOT_FOUND"],
      unauthorised: messages.signedOut,
    }),
  );
}
