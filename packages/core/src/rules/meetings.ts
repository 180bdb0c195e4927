// Meeting policy from the rules a relationship started under: which kind of meeting comes next, and the cap.
import type { SchemeRules } from "./schema";

export type MeetingKind = "contract" | "regular" | "review";

const held = (count: number) => (Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0);

/** True once the relationship has held as many meetings as the rules allow (never for unlimited meetings). */
export function meetingCapReached(rules: SchemeRules, heldCount: number): boolean {
  return rules.meetings.max !== null && held(heldCount) >= rules.meetings.max;
}

/** The kind of the next meeting after `heldCount` held meetings, or null when no more are allowed. */
export function nextMeetingKind(rules: SchemeRules, heldCount: number): MeetingKind | null {
  if (meetingCapReached(rules, heldCount)) return null;
  const count = held(heldCount);
  const { max, firstIsContract, lastIsReview } = rules.meetings;
  if (count === 0 && firstIsContract) return "contract";
  if (lastIsReview && max !== null && count === max - 1) return "review";
  return "regular";
}
