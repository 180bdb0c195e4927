// When feedback is asked for (SPEC section 6): at the end of a relationship that held at least one
// meeting, and at its midpoint where `feedback.midpoint` is set: half its meetings held (a capped
// scheme) or half its longest time passed. The mentee always; the mentor where the scheme asks.
import type { MeetingPlan } from "../relationships/meetings";
import type { SchemeRules } from "../rules/schema";

export const feedbackPoints = ["midpoint", "end"] as const;
export type FeedbackPoint = (typeof feedbackPoints)[number];

export function feedbackDue(options: {
  rules: SchemeRules;
  plan: Pick<MeetingPlan, "held" | "max" | "endsBy">;
  status: string;
  startedAt: Date | null;
  now: Date;
}): FeedbackPoint[] {
  const { rules, plan } = options;
  if (rules.feedback.endOfRelationship.length === 0) return [];
  const due: FeedbackPoint[] = [];
  if (rules.feedback.midpoint && options.startedAt) {
    const byMeetings = plan.max !== null && plan.held >= Math.ceil(plan.max / 2);
    const byTime = plan.max === null && plan.endsBy !== null && options.now.getTime() >= options.startedAt.getTime() + (plan.endsBy.getTime() - options.startedAt.getTime()) / 2;
    if (byMeetings || byTime) due.push("midpoint");
  }
  if (options.status === "closed" && plan.held > 0) due.push("end");
  return due;
}

/** Who is asked: the mentee (and peers or group members); mentors and facilitators where the scheme asks. */
export function askedRoles(rules: SchemeRules): string[] {
  return rules.feedback.askMentors ? ["mentee", "peer", "member", "mentor", "facilitator"] : ["mentee", "peer", "member"];
}
