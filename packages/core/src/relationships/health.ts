// Whether a relationship has gone quiet (SPEC section 6): with no meeting held or scheduled within its
// cadence plus two weeks its members are nudged; the scheme's `stalledAfterWeeks` later it shows as
// stalled to the coordinator (a flag and the date of the last meeting, nothing else); and where the
// scheme closes stalled relationships, a last warning goes first and the close follows two weeks on.
import type { SchemeRules } from "../rules/schema";
import type { MeetingPlan } from "./meetings";

const weekMs = 7 * 86_400_000;
/** The grace after the cadence before members are nudged. */
export const nudgeGraceWeeks = 2;
/** The time between the last warning and closing a stalled relationship. */
export const closeAfterWarningWeeks = 2;

export interface RelationshipHealth {
  /** When the quiet started: the last meeting held, or the start. */
  quietSince: Date | null;
  nudgeDueAt: Date | null;
  stalledAt: Date | null;
  /** A meeting still to come, or one waiting for a time to be picked, means it is not quiet. */
  arranging: boolean;
  nudge: boolean;
  stalled: boolean;
  /** Where the scheme closes stalled relationships: the warning is due, then the close. */
  warnAt: Date | null;
  closeAt: Date | null;
}

export function relationshipHealth(options: {
  rules: SchemeRules;
  plan: Pick<MeetingPlan, "lastHeldAt" | "nextMeetingAt" | "proposed" | "finished">;
  status: string;
  startedAt: Date | null;
  now: Date;
}): RelationshipHealth {
  const { rules, plan, now } = options;
  const quietSince = plan.lastHeldAt ?? options.startedAt;
  const arranging = plan.nextMeetingAt !== null || plan.proposed > 0;
  const live = options.status === "active" && !plan.finished && quietSince !== null;
  if (!live || !quietSince) {
    return { quietSince, nudgeDueAt: null, stalledAt: null, arranging, nudge: false, stalled: false, warnAt: null, closeAt: null };
  }
  const nudgeDueAt = new Date(quietSince.getTime() + (rules.meetings.cadenceWeeks + nudgeGraceWeeks) * weekMs);
  const stalledAt = new Date(nudgeDueAt.getTime() + rules.relationship.stalledAfterWeeks * weekMs);
  const closes = rules.relationship.closeWhenStalled !== "off";
  return {
    quietSince,
    nudgeDueAt,
    stalledAt,
    arranging,
    nudge: !arranging && now >= nudgeDueAt,
    stalled: !arranging && now >= stalledAt,
    warnAt: closes ? stalledAt : null,
    closeAt: closes ? new Date(stalledAt.getTime() + closeAfterWarningWeeks * weekMs) : null,
  };
}

/** A meeting whose time has passed by two days without being recorded: both members are asked whether it happened. */
export const missedCheckAfterMs = 2 * 86_400_000;

export function needsMissedCheck(meeting: { status: string; startsAt: Date | null; minutes: number }, now: Date): boolean {
  return meeting.status === "scheduled" && meeting.startsAt !== null && now.getTime() >= meeting.startsAt.getTime() + meeting.minutes * 60_000 + missedCheckAfterMs;
}
