// Outcome questionnaires (SPEC section 8): asked at joining (the baseline), at the end and at a
// follow-up. Ratings are scored 1-5 with reversed items turned round, so that higher is always
// better; a licensed instrument's items are scored together as the scheme's rules say.
import type { OutcomeItem, SchemeRules } from "../rules/schema";
import type { Answers } from "./answers";
import { likertMax, likertMin } from "./answers";

export const outcomePoints = ["baseline", "end", "follow_up"] as const;
export type OutcomePoint = (typeof outcomePoints)[number];

export interface OutcomeScores {
  /** Each answered rating item, higher is better. */
  items: Record<string, number>;
  /** The instrument's score, when every one of its items was answered. */
  instrument: number | null;
}

export function scoreOutcome(outcomes: SchemeRules["outcomes"], answers: Answers): OutcomeScores {
  const items: Record<string, number> = {};
  for (const item of outcomes.items) {
    const value = answers[item.id];
    if (item.kind === "likert" && typeof value === "number") items[item.id] = item.reverse ? likertMax + likertMin - value : value;
    if (item.kind === "yes_no" && typeof value === "boolean") items[item.id] = (value !== item.reverse) ? 1 : 0;
  }
  const instrumentItems: OutcomeItem[] = outcomes.items.filter((i) => i.instrument);
  const scored = instrumentItems.map((i) => items[i.id]).filter((v): v is number => v !== undefined);
  const complete = outcomes.instrument.name !== "" && instrumentItems.length > 0 && scored.length === instrumentItems.length;
  const sum = scored.reduce((s, v) => s + v, 0);
  return { items, instrument: complete ? (outcomes.instrument.scoring === "sum" ? sum : Math.round((sum / scored.length) * 100) / 100) : null };
}

/** Which questionnaire is due for a person: the baseline on joining, the end when the relationship closes, the follow-up months later. */
export function outcomeDue(options: { rules: SchemeRules; answered: readonly OutcomePoint[]; closedAt: Date | null; now: Date }): OutcomePoint | null {
  const { outcomes } = options.rules;
  if (!outcomes.enabled) return null;
  const has = (p: OutcomePoint) => options.answered.includes(p);
  if (!has("baseline") && !options.closedAt) return "baseline";
  if (options.closedAt && !has("end")) return "end";
  if (options.closedAt && outcomes.followUpMonths !== null && !has("follow_up")) {
    const due = new Date(options.closedAt.getTime());
    due.setUTCMonth(due.getUTCMonth() + outcomes.followUpMonths);
    if (options.now >= due) return "follow_up";
  }
  return null;
}
