// The meeting rules of a relationship (SPEC sections 4 and 6), read from the rules version it started
// under: which kind each meeting is, the cap, lengths and modes, when the next meeting is due, when
// the relationship is complete, and when the trial-meeting rule lets either member end it.
import type { MeetingKind } from "../rules/meetings";
import type { MeetingMode, SchemeRules } from "../rules/schema";

export const meetingStatuses = ["proposed", "scheduled", "held", "missed", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingKinds = ["contract", "regular", "review"] as const;

const weekMs = 7 * 86_400_000;

export interface MeetingFacts {
  id: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** When it starts (scheduled, held, missed), or its earliest proposed time (proposed). */
  startsAt: Date | null;
  minutes: number;
  /** The pair marked it as their last meeting. */
  final: boolean;
  createdAt: Date;
}

/** A meeting that counts towards `meetings.max`: proposed, scheduled or held (not cancelled or missed). */
export const countsTowardsCap = (m: Pick<MeetingFacts, "status">) => m.status === "proposed" || m.status === "scheduled" || m.status === "held";

/** Meetings in the order they happen: held first by date, then scheduled by date, then proposals. */
export function inOrder<M extends MeetingFacts>(meetings: readonly M[]): M[] {
  const rank = (m: M) => (m.status === "held" ? 0 : m.status === "scheduled" ? 1 : 2);
  const time = (m: M) => (m.startsAt ?? m.createdAt).getTime();
  return meetings.filter(countsTowardsCap).sort((a, b) => rank(a) - rank(b) || time(a) - time(b) || a.id.localeCompare(b.id));
}

/**
 * The kind of every counted meeting, in order: the first is the contract where `firstIsContract`; a
 * meeting marked final, or the one the cap makes last, is the review where `lastIsReview`; the rest
 * are regular. Held meetings keep the kind they were held as.
 */
export function assignKinds<M extends MeetingFacts>(rules: SchemeRules, meetings: readonly M[]): Map<string, MeetingKind> {
  const { firstIsContract, lastIsReview, max } = rules.meetings;
  const kinds = new Map<string, MeetingKind>();
  inOrder(meetings).forEach((m, index) => {
    if (m.status === "held") kinds.set(m.id, m.kind);
    else if (index === 0 && firstIsContract) kinds.set(m.id, "contract");
    else if (lastIsReview && (m.final || (max !== null && index === max - 1))) kinds.set(m.id, "review");
    else kinds.set(m.id, "regular");
  });
  return kinds;
}

/** The kind a new meeting would be, or null when the cap allows no more. */
export function kindOfNewMeeting(rules: SchemeRules, meetings: readonly MeetingFacts[], final: boolean): MeetingKind | null {
  const probe: MeetingFacts = { id: "\uffff", kind: "regular", status: "proposed", startsAt: null, minutes: 0, final, createdAt: new Date(8.64e15) };
  const counted = meetings.filter(countsTowardsCap).length;
  if (rules.meetings.max !== null && counted >= rules.meetings.max) return null;
  return assignKinds(rules, [...meetings, probe]).get(probe.id) ?? null;
}

export interface MeetingPlan {
  held: number;
  scheduled: number;
  proposed: number;
  /** Counted towards the cap: proposed, scheduled and held. */
  counted: number;
  max: number | null;
  capReached: boolean;
  /** The kind of the next meeting to arrange, or null when no more are allowed. */
  nextKind: MeetingKind | null;
  lastHeldAt: Date | null;
  /** The next scheduled meeting still to come. */
  nextMeetingAt: Date | null;
  /** When the next meeting is due: `cadenceWeeks` after the last one held (or after the start). */
  nextDueAt: Date | null;
  contractHeld: boolean;
  /** The review (or the meeting marked final) has been held: the relationship is complete. */
  finished: boolean;
  /** The trial-meeting rule: after the contract meeting, before another is held, either may end it. */
  canEndAfterTrial: boolean;
  /** The date `relationship.maxMonths` ends the relationship, if the scheme sets it. */
  endsBy: Date | null;
}

export function meetingPlan(options: { rules: SchemeRules; meetings: readonly MeetingFacts[]; startedAt: Date | null; now: Date }): MeetingPlan {
  const { rules, meetings, now } = options;
  const held = meetings.filter((m) => m.status === "held").sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0));
  const scheduled = meetings.filter((m) => m.status === "scheduled");
  const counted = meetings.filter(countsTowardsCap).length;
  const max = rules.meetings.max;
  const lastHeld = held.at(-1) ?? null;
  const lastHeldAt = lastHeld?.startsAt ?? null;
  const upcoming = scheduled
    .map((m) => m.startsAt)
    .filter((d): d is Date => d !== null && d.getTime() >= now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  const finished = held.some((m) => m.kind === "review" || m.final) || (max !== null && held.length >= max);
  const from = lastHeldAt ?? options.startedAt;
  const contractHeld = rules.meetings.firstIsContract ? held.some((m) => m.kind === "contract") : held.length > 0;
  return {
    held: held.length,
    scheduled: scheduled.length,
    proposed: meetings.filter((m) => m.status === "proposed").length,
    counted,
    max,
    capReached: max !== null && counted >= max,
    nextKind: finished ? null : kindOfNewMeeting(rules, meetings, false),
    lastHeldAt,
    nextMeetingAt: upcoming[0] ?? null,
    nextDueAt: finished || !from ? null : new Date(from.getTime() + rules.meetings.cadenceWeeks * weekMs),
    contractHeld,
    finished,
    canEndAfterTrial: rules.matching.trialMeeting && contractHeld && held.length === 1 && !finished,
    endsBy: rules.relationship.maxMonths !== null && options.startedAt ? addMonths(options.startedAt, rules.relationship.maxMonths) : null,
  };
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface ProposedTime {
  startsAt: Date;
  minutes: number;
  mode: MeetingMode;
  place?: string | null;
  link?: string | null;
}

export interface MeetingProblem {
  /** The input path the problem belongs to, e.g. "times.1.minutes". */
  path: string;
  message: string;
}

/** How people meet, in words: "in person", "by phone", "by video". */
export const meetingModeWords: Record<MeetingMode, string> = { in_person: "in person", phone: "by phone", video: "by video" };

/** Words for the modes a scheme allows, e.g. "in person, by phone or by video". */
export function modesInWords(modes: readonly MeetingMode[]): string {
  const words = modes.map((m) => meetingModeWords[m]);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

/** The scheme's rules on one proposed time: length, mode, a place for meeting in person, in the future. */
export function checkMeetingTime(rules: SchemeRules, time: ProposedTime, options: { now: Date; path: string }): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  const { min, max } = rules.meetings.minutes;
  if (time.minutes < min || time.minutes > max) {
    problems.push({ path: `${options.path}.minutes`, message: `Meetings in this scheme last between ${min} and ${max} minutes` });
  }
  if (!rules.meetings.modes.includes(time.mode)) {
    problems.push({ path: `${options.path}.mode`, message: `This scheme meets ${modesInWords(rules.meetings.modes)}` });
  }
  if (time.mode === "in_person" && !time.place?.trim()) {
    problems.push({ path: `${options.path}.place`, message: "Enter where you will meet" });
  }
  if (time.startsAt.getTime() <= options.now.getTime()) {
    problems.push({ path: `${options.path}.date`, message: "Choose a time in the future" });
  }
  return problems;
}

/** Why no further meeting can be arranged, in words for the pair, or null when one can. */
export function whyNoMoreMeetings(rules: SchemeRules, plan: MeetingPlan): string | null {
  if (plan.finished) return "Your final meeting has been held, so no more meetings can be arranged";
  if (plan.capReached) {
    return `This scheme allows ${plan.max} meeting${plan.max === 1 ? "" : "s"}, and ${plan.counted === plan.held ? "all have been held" : "all are held or arranged"}`;
  }
  return null;
}
