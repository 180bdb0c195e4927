// Mentor readiness (SPEC section 7): whether a mentor may take mentees in a scheme, with every reason why not and
// what falls due next, computed from the scheme's `mentors` rules and the mentor's records. Pure: `now` is a parameter.
//
// Conventions (each one has a boundary test in readiness.test.ts):
// - Dates are UTC calendar dates, "YYYY-MM-DD"; "today" is `now`'s UTC date. A timestamp's date is taken as written.
// - A record whose date cannot be read (or is not a real date), or which is dated after today, is ignored: it has
//   not happened yet. Only VERIFIED module completions and ATTENDED events count. An invalid `now` is read as
//   1970-01-01, so nothing counts and every requirement shows as unmet; nothing ever throws.
// - "N months from a date" ends on the same date N months later (the 1st of the next month when that date does not
//   exist, e.g. 29 February + 12 months ends on 1 March). On that end day the thing no longer counts.
//   * A module with `validityMonths` completed 2023-03-15 with 36 months is valid up to 2026-03-14 and expired ON
//     2026-03-15 (`module_expired.since` = 2026-03-15). The latest verified completion is the one that counts.
//   * The support window is the 12 months up to and including today: dates after today − 12 months. On 2026-03-15
//     an event on 2025-03-16 counts and one on 2025-03-15 (exactly 12 months ago) does not.
//   * A peer appraisal every N months is due ON the day N months after the latest one (`since` = that day).
// - `needs_module.since` is today: readiness does not know when the requirement first applied to this mentor.
// - support_lapsed: fewer attended support groups, development events and conferences in the window than
//   `minEventsPer12Months` (0 never lapses). `since` is the first day of the current run below the minimum (the day
//   the event that kept the count up left the window), or today if the mentor has never reached the minimum.
//   Supervision events never count here.
// - supervision_due (when `support.supervision`): no attended supervision in the 12-month window; `since` is the day
//   the latest one left the window, or today if there has been none. appraisal_due without any appraisal: today.
// - declined whenever the latest decision is declined, even if the scheme does not require approval; the other
//   reasons are still listed. awaiting_approval when the scheme requires approval and no decision has been made.
//   The decision counts whatever its date; `declined.since` is its date, or today if that is unreadable or later.
// - at_capacity when active mentees >= capacity, where capacity is the mentor's own (if given) but never more than
//   the scheme's `mentors.maxMentees`.
// - Reasons come in a fixed order: modules in the rules' order, support_lapsed, appraisal_due, supervision_due,
//   declined / awaiting_approval, at_capacity. Upcoming items are sorted by date, then in that same order.
import type { SchemeRules } from "../rules/schema";
import {
  addDays,
  calendarDateOf,
  leavesWindowOn,
  parseCalendarDate,
  withinMonthsBefore,
  type CalendarDate,
} from "./dates";
import type { MentorRecords } from "./records";

export type ReadinessReason =
  | { code: "needs_module"; moduleId: string; moduleName: string; since: CalendarDate }
  | { code: "module_expired"; moduleId: string; moduleName: string; since: CalendarDate }
  | { code: "support_lapsed"; since: CalendarDate; needed: number; attended: number }
  | { code: "appraisal_due"; since: CalendarDate }
  | { code: "supervision_due"; since: CalendarDate }
  | { code: "awaiting_approval"; since: CalendarDate | null }
  | { code: "declined"; since: CalendarDate }
  | { code: "at_capacity"; since: CalendarDate | null };

export type ReadinessReasonCode = ReadinessReason["code"];

export interface UpcomingDue {
  code: "module_expires" | "support_lapses" | "appraisal_due" | "supervision_due";
  moduleId?: string;
  moduleName?: string;
  /** The day it becomes due (or lapses) if nothing more is recorded. */
  on: CalendarDate;
}

export interface Readiness {
  /** True exactly when `reasons` is empty. */
  ready: boolean;
  reasons: ReadinessReason[];
  /** Things that are fine today but fall due later, soonest first, for "due in the next 30 days". */
  upcoming: UpcomingDue[];
  /** The SPEC's words for the reasons: "ready", "needs:<moduleId>", "support_lapsed", ... for display and filters. */
  labels: string[];
}

export interface ComputeReadinessOptions {
  rules: SchemeRules;
  records: MentorRecords;
  now: Date;
}

const windowMonths = 12;
const supportKinds: ReadonlySet<string> = new Set([
  "support_group",
  "development_event",
  "conference",
]);

/** Arrays from possibly odd data: anything that is not an array reads as empty, and non-objects are dropped. */
function entries<T>(value: readonly T[] | null | undefined): T[] {
  return Array.isArray(value)
    ? value.filter((item): item is T => typeof item === "object" && item !== null)
    : [];
}

/** Readable dates not after today, newest first. */
function pastDates(values: unknown[], today: CalendarDate): CalendarDate[] {
  return values
    .map(parseCalendarDate)
    .filter((date): date is CalendarDate => date !== null && date <= today)
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

const countWithin = (dates: CalendarDate[], day: CalendarDate) =>
  dates.filter((d) => withinMonthsBefore(d, day, windowMonths)).length;

/** The first day of the current run of days on which fewer than `needed` events were in the window, or null if none. */
function lapsedSince(
  dates: CalendarDate[],
  needed: number,
  today: CalendarDate,
): CalendarDate | null {
  const drops = [...new Set(dates.map((d) => leavesWindowOn(d, windowMonths)))]
    .filter((d) => d <= today)
    .sort()
    .reverse();
  for (const day of drops) {
    const before = countWithin(dates, addDays(day, -1));
    if (before >= needed && countWithin(dates, day) < needed) return day;
  }
  return null;
}

export function computeReadiness({ rules, records, now }: ComputeReadinessOptions): Readiness {
  const today = calendarDateOf(now) ?? "1970-01-01";
  const { requiredModules, support, approval, maxMentees } = rules.mentors;
  const reasons: ReadinessReason[] = [];
  const upcoming: UpcomingDue[] = [];

  const verified = entries(records.modules).filter((m) => m.verified === true);
  const seenModules = new Set<string>();
  for (const module of requiredModules) {
    if (seenModules.has(module.id)) continue;
    seenModules.add(module.id);
    const latest = pastDates(
      verified.filter((m) => m.moduleId === module.id).map((m) => m.completedOn),
      today,
    )[0];
    const named = { moduleId: module.id, moduleName: module.name };
    if (latest === undefined) {
      reasons.push({ code: "needs_module", ...named, since: today });
    } else if (module.validityMonths !== undefined) {
      const expires = leavesWindowOn(latest, module.validityMonths);
      if (expires <= today) reasons.push({ code: "module_expired", ...named, since: expires });
      else upcoming.push({ code: "module_expires", ...named, on: expires });
    }
  }

  const attended = entries(records.supportEvents).filter((e) => e.attended === true);
  const needed = support.minEventsPer12Months;
  if (needed > 0) {
    const events = pastDates(
      attended.filter((e) => supportKinds.has(e.kind)).map((e) => e.date),
      today,
    );
    const inWindow = events.filter((d) => withinMonthsBefore(d, today, windowMonths));
    const nth = inWindow[needed - 1];
    if (nth === undefined) {
      reasons.push({
        code: "support_lapsed",
        since: lapsedSince(events, needed, today) ?? today,
        needed,
        attended: inWindow.length,
      });
    } else {
      upcoming.push({ code: "support_lapses", on: leavesWindowOn(nth, windowMonths) });
    }
  }

  if (support.peerAppraisalEveryMonths !== undefined) {
    const latest = pastDates(
      entries(records.appraisals).map((a) => a.date),
      today,
    )[0];
    const due =
      latest === undefined ? today : leavesWindowOn(latest, support.peerAppraisalEveryMonths);
    if (due <= today) reasons.push({ code: "appraisal_due", since: due });
    else upcoming.push({ code: "appraisal_due", on: due });
  }

  if (support.supervision) {
    const latest = pastDates(
      attended.filter((e) => e.kind === "supervision").map((e) => e.date),
      today,
    )[0];
    const due = latest === undefined ? today : leavesWindowOn(latest, windowMonths);
    if (due <= today) reasons.push({ code: "supervision_due", since: due });
    else upcoming.push({ code: "supervision_due", on: due });
  }

  const decision = records.approval;
  if (decision?.decision === "declined") {
    const decidedOn = parseCalendarDate(decision.decidedOn);
    reasons.push({
      code: "declined",
      since: decidedOn !== null && decidedOn <= today ? decidedOn : today,
    });
  } else if (approval && decision?.decision !== "approved") {
    reasons.push({ code: "awaiting_approval", since: null });
  }

  const own = records.capacity;
  const capacity =
    typeof own === "number" && Number.isFinite(own) && own >= 0
      ? Math.min(own, maxMentees)
      : maxMentees;
  const active =
    typeof records.activeMentees === "number" && Number.isFinite(records.activeMentees)
      ? records.activeMentees
      : 0;
  if (active >= capacity) reasons.push({ code: "at_capacity", since: null });

  return {
    ready: reasons.length === 0,
    reasons,
    // Array.prototype.sort is stable, so items due the same day keep the order they were added in.
    upcoming: upcoming.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
    labels: readinessCodes(reasons),
  };
}

/** The SPEC's words for reasons: "ready" when there are none; an expired module is "needs:<moduleId>" too. */
export function readinessCodes(reasons: readonly ReadinessReason[]): string[] {
  if (reasons.length === 0) return ["ready"];
  const labels = reasons.map((r) =>
    r.code === "needs_module" || r.code === "module_expired" ? `needs:${r.moduleId}` : r.code,
  );
  return [...new Set(labels)];
}
