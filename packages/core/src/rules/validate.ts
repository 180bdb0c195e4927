// validateRules: parse anything into SchemeRules, or a list of field errors a coordinator can act on.
import { z } from "zod";
import { checkRules } from "./cross-checks";
import { ruleFieldLabel } from "./fields";
import { SchemeRules, SchemeRulesShape } from "./schema";

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

/**
 * The rules rebuilt field by field from input that does not parse: a field that fails its own check
 * becomes NaN (a number) or stays as sent, so no comparison with it can fire. zod skips the checks
 * that span fields when any field is invalid; running them on this shows every error in one round.
 */
function salvage(schema: z.ZodTypeAny, value: unknown): unknown {
  if (schema instanceof z.ZodDefault) {
    return salvage(schema._def.innerType as z.ZodTypeAny, value === undefined ? schema._def.defaultValue() : value);
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    return value === undefined || value === null ? value : salvage(schema.unwrap() as z.ZodTypeAny, value);
  }
  if (schema instanceof z.ZodObject) {
    const given = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
    const shape = schema.shape as Record<string, z.ZodTypeAny>;
    return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, salvage(field, given[key])]));
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const union = schema as z.ZodDiscriminatedUnion<string, z.ZodDiscriminatedUnionOption<string>[]>;
    const kind = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[union.discriminator] : undefined;
    const option = union.optionsMap.get(kind as z.Primitive);
    return option ? salvage(option, value) : value;
  }
  if (schema instanceof z.ZodArray) {
    return Array.isArray(value) ? value.map((item) => salvage(schema.element as z.ZodTypeAny, item)) : [];
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  return schema instanceof z.ZodNumber ? Number.NaN : value;
}

/** The cross-field checks run on salvaged input; none if the input is too far from rules to read. */
function crossChecks(input: unknown): z.IssueData[] {
  const issues: z.IssueData[] = [];
  const ctx = { addIssue: (issue: z.IssueData) => issues.push(issue), path: [] } as unknown as z.RefinementCtx;
  try {
    checkRules(salvage(SchemeRulesShape, input) as Parameters<typeof checkRules>[0], ctx);
  } catch {
    return [];
  }
  return issues;
}

const stoppers = new Set<z.ZodIssueCode>([
  z.ZodIssueCode.invalid_type,
  z.ZodIssueCode.invalid_literal,
  z.ZodIssueCode.invalid_enum_value,
  z.ZodIssueCode.invalid_union,
  z.ZodIssueCode.invalid_union_discriminator,
]);

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
  // Only an issue that stops parsing (a wrong type or choice) makes zod skip the cross-field checks.
  const skipped = parsed.error.issues.some((issue) => stoppers.has(issue.code));
  for (const issue of [...parsed.error.issues, ...(skipped ? crossChecks(input) : [])]) {
    const error = { path: (issue.path ?? []).join("."), message: issue.message || "Check this value" };
    const key = `${error.path}\u0000${error.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  }
  return { ok: false, errors };
}
