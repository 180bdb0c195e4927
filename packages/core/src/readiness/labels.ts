// Readiness in plain English for mentors (PWA) and coordinators (admin), so both read the same words.
import { addDays, calendarDateOf, formatCalendarDate, parseCalendarDate } from "./dates";
import type { Readiness, ReadinessReason, UpcomingDue } from "./readiness";

const capitalise = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
const lowerFirst = (text: string) => `${text[0]?.toLowerCase() ?? ""}${text.slice(1)}`;
const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** One reason as a short sentence: "Needs the 1.5-day Masterclass in Mentoring", "At capacity". */
export function readinessLabel(reason: ReadinessReason): string {
  switch (reason.code) {
    case "needs_module":
      return `Needs ${reason.moduleName}`;
    case "module_expired":
      return `Needs ${reason.moduleName} again: it expired on ${formatCalendarDate(reason.since)}`;
    case "support_lapsed":
      return `Support lapsed: ${reason.attended} of ${reason.needed} ${plural(reason.needed, "event", "events")} in the last 12 months`;
    case "appraisal_due":
      return `Peer appraisal due since ${formatCalendarDate(reason.since)}`;
    case "supervision_due":
      return `Supervision due since ${formatCalendarDate(reason.since)}`;
    case "awaiting_approval":
      return "Awaiting the coordinator's approval";
    case "declined":
      return "Declined";
    case "at_capacity":
      return "At capacity";
  }
}

/** Something coming up: "Mentor skills training expires on 15 March 2026". */
export function upcomingLabel(item: UpcomingDue): string {
  const on = formatCalendarDate(item.on);
  switch (item.code) {
    case "module_expires":
      return `${capitalise(item.moduleName ?? item.moduleId ?? "A module")} expires on ${on}`;
    case "support_lapses":
      return `Support lapses on ${on} unless you attend another event`;
    case "appraisal_due":
      return `Peer appraisal due on ${on}`;
    case "supervision_due":
      return `Supervision due on ${on}`;
  }
}

/** The upcoming items due within `days` days of `now` (inclusive), for "due in the next 30 days". */
export function upcomingWithin(
  readiness: Readiness,
  options: { now: Date; days: number },
): UpcomingDue[] {
  const today = calendarDateOf(options.now);
  if (today === null || !Number.isFinite(options.days)) return [];
  const last = addDays(today, options.days);
  return readiness.upcoming.filter(
    (item) => parseCalendarDate(item.on) !== null && item.on <= last,
  );
}

/** Ready, ready with every place taken, or not ready: the one status a coordinator reads first. */
export type ReadinessStatus = "ready" | "full" | "not_ready";

export const readinessStatusLabels: Record<ReadinessStatus, string> = {
  ready: "Ready",
  full: "Ready, no free places",
  not_ready: "Not ready",
};

/**
 * A mentor whose only reason is being at capacity is prepared, supported and approved: ready, with
 * no free places (matching still passes them over until a place frees up).
 */
export function readinessStatus(readiness: Pick<Readiness, "reasons">): ReadinessStatus {
  const codes = readiness.reasons.map((r) => r.code);
  if (codes.length === 0) return "ready";
  return codes.every((c) => c === "at_capacity") ? "full" : "not_ready";
}

/**
 * One line for a list or a heading: "Ready to mentor.", "Ready to mentor. Coming up: Peer appraisal due on 3 March 2026."
 * or "Not ready to mentor: needs the 1.5-day Masterclass in Mentoring; at capacity."
 */
export function summariseReadiness(readiness: Readiness): string {
  if (readinessStatus(readiness) === "full") return "Ready to mentor, with no free places.";
  if (readiness.reasons.length > 0) {
    return `Not ready to mentor: ${readiness.reasons.map((r) => lowerFirst(readinessLabel(r))).join("; ")}.`;
  }
  const next = readiness.upcoming[0];
  return next === undefined
    ? "Ready to mentor."
    : `Ready to mentor. Coming up: ${upcomingLabel(next)}.`;
}
