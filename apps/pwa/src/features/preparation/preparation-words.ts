// Plain-English words for a mentor's own preparation and support: records, events, the coordinator's
// decisions and where evidence downloads live. Pure, so the words are tested once and used everywhere.
import { formatCalendarDate, moduleKindLabels, readDate, supportEventKindLabels } from "@tandem/core";

function humanise(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "3 March 2026" for a calendar date ("2026-03-03"), as NHS.UK writes dates; anything unreadable is shown as it came. */
export function formatDate(date: string): string {
  const parsed = readDate(date);
  return parsed ? formatCalendarDate(parsed) : date;
}

/** A moment (a decision's time) as the date it happened in the UK. */
export function formatInstant(instant: Date | string): string {
  const value = typeof instant === "string" ? new Date(instant) : instant;
  if (!Number.isFinite(value.getTime())) return String(instant);
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(value);
}

export function describeModuleKind(kind: string): string {
  return (moduleKindLabels as Record<string, string>)[kind] ?? humanise(kind);
}

export function describeEventKind(kind: string): string {
  return (supportEventKindLabels as Record<string, string>)[kind] ?? humanise(kind);
}

export const recordWords = {
  verified: "Verified",
  waiting: "Waiting for your coordinator to verify",
} as const;

export function describeRecord(record: { verifiedOn: string | null }): string {
  return record.verifiedOn ? recordWords.verified : recordWords.waiting;
}

/** "7.5 hours", "1 hour". */
export function describeHours(hours: number | string): string {
  const value = Number(hours);
  if (!Number.isFinite(value)) return String(hours);
  return `${value} ${value === 1 ? "hour" : "hours"}`;
}

const decisionWords: Record<string, string> = {
  approved: "Approved to mentor",
  declined: "Not approved",
};

export function describeDecision(decision: string): string {
  return decisionWords[decision] ?? humanise(decision);
}

/** Where the server sends a mentor's own evidence file (a route outside /app, so a plain link). */
export function evidenceHref(organisationId: string, evidenceFileId: string): string {
  return `/my/evidence/${encodeURIComponent(organisationId)}/${encodeURIComponent(evidenceFileId)}`;
}

export function describePlacesLeft(placesLeft: number | null): string {
  if (placesLeft === null) return "No limit";
  if (placesLeft <= 0) return "Full";
  return `${placesLeft} ${placesLeft === 1 ? "place" : "places"} left`;
}

export type EventStatus = "signed_up" | "attended" | "absent" | null;

export type EventAction =
  | { kind: "sign-up"; text: string }
  | { kind: "cancel"; text: string }
  | { kind: "full"; text: string }
  | { kind: "recorded"; text: string };

/**
 * What the person can do about an event: sign up, give their place back, nothing because it is full,
 * or nothing because the convenor has already recorded whether they came.
 */
export function eventAction(event: {
  title: string;
  placesLeft: number | null;
  myStatus: EventStatus;
}): EventAction {
  switch (event.myStatus) {
    case "signed_up":
      return { kind: "cancel", text: `Cancel my place at ${event.title}` };
    case "attended":
      return { kind: "recorded", text: "You attended" };
    case "absent":
      return { kind: "recorded", text: "Recorded as absent" };
    default:
      return event.placesLeft !== null && event.placesLeft <= 0
        ? { kind: "full", text: "Full" }
        : { kind: "sign-up", text: `Sign up for ${event.title}` };
  }
}
