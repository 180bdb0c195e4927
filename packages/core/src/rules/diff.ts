// Readable differences between rule sets: version history (diffRules) and central comparison (compareRules).
import { ruleFields } from "./fields";
import type { SchemeRules } from "./schema";

export interface RuleChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

export interface RuleComparisonRow {
  path: string;
  label: string;
  /** One value per scheme, in the order given. */
  values: string[];
  differs: boolean;
}

/** Shown where a field does not apply, e.g. the largest group size of a one-to-one scheme. */
export const notApplicable = "Not applicable";

/** The fields that differ between two rule sets, in the fixed order of ruleFields. */
export function diffRules(a: SchemeRules, b: SchemeRules): RuleChange[] {
  const changes: RuleChange[] = [];
  for (const field of ruleFields) {
    const before = field.value(a) ?? notApplicable;
    const after = field.value(b) ?? notApplicable;
    if (before !== after) changes.push({ path: field.path, label: field.label, before, after });
  }
  return changes;
}

/** Side-by-side rows for two or more schemes; fields that apply to none of them are left out. */
export function compareRules(list: readonly SchemeRules[]): RuleComparisonRow[] {
  const rows: RuleComparisonRow[] = [];
  for (const field of ruleFields) {
    const raw = list.map((rules) => field.value(rules));
    if (raw.every((v) => v === undefined)) continue;
    const values = raw.map((v) => v ?? notApplicable);
    rows.push({ path: field.path, label: field.label, values, differs: values.some((v) => v !== values[0]) });
  }
  return rows;
}
