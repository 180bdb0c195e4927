// A short guide for each kind of meeting, product-written from the source documents (coach-mentoring
// for GP commissioners; "Mentoring for doctors: signposts to current practice"). A scheme may replace
// any of them in its rules (`meetings.guides`); an empty one falls back to these.
import type { MeetingKind } from "../rules/meetings";
import type { SchemeRules } from "../rules/schema";

export const defaultMeetingGuides: Record<MeetingKind, string> = {
  contract:
    "The first meeting is the contract: agree how the relationship will work (how often and where you meet, how to get in touch, what happens if a meeting is missed), what confidentiality means here and its limits (serious risk to patients or others cannot be kept confidential), and the areas the mentee wants to focus on in the meetings that follow. Either of you may end the relationship after this meeting without giving a reason.",
  regular:
    "Start from what the mentee brings: often a problem. Explore it with questions rather than advice, then turn to the outcome the mentee wants and what would have to happen for it. Review the actions agreed last time. End by agreeing what the mentee will do before the next meeting.",
  review:
    "The final meeting reviews the relationship: what the mentee has learned, what has changed for them and the impact on their work, what they will carry on with, and how the relationship itself worked. Agree how you will end, and whether either of you would recommend mentoring to a colleague.",
};

/** The guide the pair sees for a kind of meeting: the scheme's own, or the default. */
export function meetingGuide(rules: SchemeRules, kind: MeetingKind): string {
  const own = rules.meetings.guides?.[kind]?.trim();
  return own ? own : defaultMeetingGuides[kind];
}
