// Plain-English words for matching: paths to the matching screens, a mentor's card (initials,
// distance, free places, score terms), request and match states, and ordered choices. Pure, so the
// words are tested once and used on every screen.
import { BASE } from "../../lib/router";

export const matchesPath = `${BASE}/matches`;

export function choosePath(organisationSlug: string, schemeSlug: string): string {
  return `${BASE}/schemes/${encodeURIComponent(organisationSlug)}/${encodeURIComponent(schemeSlug)}/choose`;
}

export function profilePath(organisationSlug: string, schemeSlug: string): string {
  return `${BASE}/schemes/${encodeURIComponent(organisationSlug)}/${encodeURIComponent(schemeSlug)}/profile`;
}

/** How a scheme matches, as `enrolment.mine` and `matching.myProfile` give it. */
export type MatchingMode = "free_choice" | "shortlist" | "allocation" | "auto" | "next_available";

/**
 * Whether a mentee picks their own mentors here: in free choice (ask them in order) and shortlist
 * schemes they do; in allocation, auto and next-available ones the coordinator matches them. A
 * missing mode reads as free choice, the API's default.
 */
export function menteeChooses(mode: MatchingMode | string | null | undefined): boolean {
  return mode === undefined || mode === null || mode === "free_choice" || mode === "shortlist";
}

const TITLES = new Set(["dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"]);

/** "JW" for "Dr James Whitfield": what stands in for a photo. Titles are left out. */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ""))
    .filter((word) => word && !TITLES.has(word.toLowerCase().replace(/\.$/, "")));
  if (words.length === 0) return "?";
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : "";
  return (first + last).toUpperCase();
}

/** "12 km away", "2.4 km away", or that it is not known; remote meeting is said separately. */
export function describeDistance(km: number | null | undefined): string {
  if (km === null || km === undefined || !Number.isFinite(km)) return "Distance not known";
  if (km < 1) return "Less than 1 km away";
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  return `${rounded} km away`;
}

/** "No free places", "1 free place", "2 free places". */
export function describeFreePlaces(n: number): string {
  if (n <= 0) return "No free places";
  return n === 1 ? "1 free place" : `${n} free places`;
}

/** A score in [0, 1] to two decimal places, as the explanation's terms are written. */
export function formatScore(score: number): string {
  return Math.max(0, Math.min(1, score)).toFixed(2);
}

/** A term's contribution: "+0.20" (never "-0.00"). */
export function formatPoints(points: number): string {
  const value = Math.abs(points) < 0.005 ? 0 : points;
  return `${value < 0 ? "−" : "+"}${Math.abs(value).toFixed(2)}`;
}

/** "Different specialty" from "different specialty": terms read as list items. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 of your choices" words for a request's choices: asked now, asked before, or next in line. */
export function describeChoiceState(state: string): string {
  if (state === "asked") return "Asked, waiting for an answer";
  if (state === "passed") return "Could not take you on";
  return "Next if needed";
}

export type MatchStatus = "requested" | "active" | "closed" | string;

/**
 * Why a match ended, for the person looking. A mentor is never told that a mentee asked for a
 * no-fault change (the API sends them no reason), so a missing reason reads as a plain "ended".
 */
export function describeClosed(
  reason: string | null | undefined,
  role: "mentee" | "mentor",
): string {
  switch (reason) {
    case "no_fault_change":
      return role === "mentee" ? "You asked for a no-fault change" : "The match has ended";
    case "ended_after_trial":
      return "Ended after the trial meeting";
    case "completed":
      return "Completed";
    case "withdrawn":
      return "Ended because someone left the scheme";
    default:
      return "The match has ended";
  }
}

/** Adds a mentor to the end of the ordered choices, or takes them out; never more than `max`. */
export function toggleChoice(choices: readonly string[], id: string, max: number): string[] {
  if (choices.includes(id)) return choices.filter((c) => c !== id);
  if (choices.length >= max) return [...choices];
  return [...choices, id];
}

/** Moves the choice at `index` up (-1) or down (+1); out of range leaves the order as it is. */
export function moveChoice(choices: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (index < 0 || index >= choices.length || to < 0 || to >= choices.length) return [...choices];
  const next = [...choices];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** "first", "second", "third": how a choice's place is said. */
export function ordinal(index: number): string {
  return ["first", "second", "third", "fourth", "fifth"][index] ?? `number ${index + 1}`;
}

/** "1 mentor", "3 mentors". */
export function countMentors(n: number): string {
  if (n === 0) return "No mentors";
  return n === 1 ? "1 mentor" : `${n} mentors`;
}
