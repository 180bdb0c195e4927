// validateRules: parse anything into SchemeRules, or a list of field errors a coordinator can act on.
import { z } from "zod";
import { ruleFieldLabel } from "./fields";
import { SchemeRules } from "./schema";

export interface RuleError {
  /** Dotted path, e.g. "meetings.max"; "" for the rules as a whole. */
  path: string;
  message: string;
}

export type ValidateRulesResult = { ok: true; rules: SchemeRules } | { ok: false; errors: RuleError[] };

const typeWords: Partial<Record<string, string>> = {
  number: "a number",
  integer: "a whole number",
  string: "text",
  boolean: "yes or no",
  array: "a list",
  object: "a set of answers",
  null: "empty",
};

/** Replaces zod's stock wording (used for shapes the form never produces, such as hand-written JSON). */
const friendlyErrorMap: z.ZodErrorMap = (issue, ctx) => {
  const stock = z.defaultErrorMap(issue, ctx).message;
  if (ctx.defaultError !== stock) return { message: ctx.defaultError };
  const path = issue.path.join(".");
  const label = path === "" ? "Scheme rules" : (ruleFieldLabel(path) ?? path);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "undefined") return { message: `${label}: enter a value` };
      if (issue.expected === "object") {
        return { message: `${label}: these settings are not in the right form (found ${typeWords[issue.received] ?? issue.received})` };
      }
      return { message: `${label}: enter ${typeWords[issue.expected] ?? issue.expected}, not ${typeWords[issue.received] ?? issue.received}` };
    case z.ZodIssueCode.invalid_literal:
      return { message: `${label}: enter ${JSON.stringify(issue.expected)}` };
    case z.ZodIssueCode.too_small:
      return { message: `${label}: enter at least ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      return { message: `${label}: enter at most ${String(issue.maximum)}` };
    default:
      return { message: `${label}: ${stock}` };
  }
};

export function validateRules(input: unknown): ValidateRulesResult {
  let parsed: z.SafeParseReturnType<unknown, SchemeRules>;
  try {
    parsed = SchemeRules.safeParse(input, { errorMap: friendlyErrorMap });
  } catch {
    // Only exotic inputs (throwing getters, proxies) get here; JSON never does.
    return { ok: false, errors: [{ path: "", message: "Scheme rules could not be read: send them as plain JSON" }] };
  }
  if (parsed.success) return { ok: true, rules: parsed.data };
  const seen = new Set<string>();
  const errors: RuleError[] = [];
  for (const issue of parsed.error.issues) {
    const error = { path: issue.path.join("."), message: issue.message || "Check this value" };
    const key = `${error.path}\u0000${error.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  }
  return { ok: false, errors };
}
