// Plain-English words for relationships and meetings: addresses, UK dates and times, lengths, kinds,
// modes, states and what is next. Pure, so the words are tested once and used on every screen.
import { londonWallClock } from "@tandem/core";
import { BASE } from "../../lib/router";
import { formatDate, formatInstant } from "../preparation/preparation-words";
import type { MeetingKind, MeetingMode, Role } from "./relationship-types";

export const relationshipsPath = `${BASE}/relationships`;

export function relationshipPath(relationshipId: string): string {
  return `${relationshipsPath}/${encodeURIComponent(relationshipId)}`;
}

const weekday = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** "Tuesday 14 March 2026": the day of an instant in the UK. */
export function formatMeetingDate(instant: Date): string {
  return weekday.format(instant).replace(",", "");
}

/** "9:30am", "2pm", "midday", "midnight" (the NHS.UK style) from a 24-hour "HH:MM". */
export function formatClock(time: string): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  if (h === 12 && m === 0) return "midday";
  if (h === 0 && m === 0) return "midnight";
  const hour = h % 12 === 0 ? 12 : h % 12;
  const minutes = m === 0 ? "" : `:${String(m).padStart(2, "0")}`;
  return `${hour}${minutes}${h < 12 ? "am" : "pm"}`;
}

/** "Tuesday 14 March 2026 at 9:30am", in UK time whatever the device's time zone. */
export function formatMeetingTime(instant: Date): string {
  return `${formatMeetingDate(instant)} at ${formatClock(londonWallClock(instant).time)}`;
}

/** "45 minutes", "1 hour", "1 hour 30 minutes", "2 hours". */
export function describeLength(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? "" : `${hours} ${hours === 1 ? "hour" : "hours"}`;
  const m = rest === 0 ? "" : `${rest} ${rest === 1 ? "minute" : "minutes"}`;
  return [h, m].filter(Boolean).join(" ") || "0 minutes";
}

export const modeWords: Record<MeetingMode, string> = {
  in_person: "In person",
  phone: "By phone",
  video: "By video",
};

/** "In person at Harrogate library", "By phone", "By video"; `inline` for the middle of a sentence ("by phone"). */
export function describeWhere(
  meeting: { mode: MeetingMode; place: string | null },
  inline = false,
): string {
  const words = modeWords[meeting.mode];
  const mode = inline ? words.charAt(0).toLowerCase() + words.slice(1) : words;
  return meeting.mode === "in_person" && meeting.place ? `${mode} at ${meeting.place}` : mode;
}

export const kindWords: Record<MeetingKind, string> = {
  contract: "Contract meeting",
  regular: "Meeting",
  review: "Review meeting",
};

/** "your contract meeting", "your next meeting", "your review meeting": how a new meeting is named. */
export function describeNewMeeting(kind: MeetingKind | null): string {
  if (kind === "contract") return "your contract meeting";
  if (kind === "review") return "your review meeting";
  return "your next meeting";
}

export type TagColour = "green" | "blue" | "grey" | "orange" | "red" | "white" | "yellow";

export const meetingStatusWords: Record<string, { text: string; colour: TagColour }> = {
  proposed: { text: "Waiting for a time to be picked", colour: "yellow" },
  scheduled: { text: "Arranged", colour: "blue" },
  held: { text: "Held", colour: "green" },
  missed: { text: "Missed", colour: "orange" },
  cancelled: { text: "Cancelled", colour: "grey" },
};

export const roleWords: Record<Role, string> = {
  mentee: "mentee",
  mentor: "mentor",
  peer: "co-mentor",
  member: "group member",
  facilitator: "facilitator",
};

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * A relationship's state for the person looking. A mentor is never told that a mentee asked for a
 * no-fault change (the API sends them no reason), so a missing reason reads as a plain "Ended".
 */
export function describeState(rel: {
  status: string;
  closedReason: string | null;
  resumeOn: string | null;
}): { text: string; colour: TagColour } {
  if (rel.status === "active") return { text: "Active", colour: "green" };
  if (rel.status === "paused")
    return {
      text: rel.resumeOn ? `Paused until ${formatDate(rel.resumeOn)}` : "Paused",
      colour: "yellow",
    };
  if (rel.status !== "closed") return { text: "Not started", colour: "grey" };
  switch (rel.closedReason) {
    case "completed":
      return { text: "Completed", colour: "blue" };
    case "ended_after_trial":
      return { text: "Ended after the trial meeting", colour: "grey" };
    case "no_fault_change":
      return { text: "You asked for a no-fault change", colour: "grey" };
    case "withdrawn":
      return { text: "Ended: someone withdrew", colour: "grey" };
    default:
      return { text: "Ended", colour: "grey" };
  }
}

/** "No meetings held yet", "1 of 6 meetings held", "3 meetings held" (no cap). */
export function describeProgress(held: number, max: number | null | undefined): string {
  if (max !== null && max !== undefined)
    return `${held} of ${max} ${max === 1 ? "meeting" : "meetings"} held`;
  if (held === 0) return "No meetings held yet";
  return `${held} ${held === 1 ? "meeting" : "meetings"} held`;
}

interface Timed {
  id: string;
  status: string;
  startsAt: Date | null;
  proposedTimes: readonly { startsAt: Date }[];
}

/** A scheduled meeting whose time has come: it can be recorded as held or missed. */
export function hasStarted(meeting: Pick<Timed, "status" | "startsAt">, now: Date): boolean {
  return (
    meeting.status === "scheduled" &&
    meeting.startsAt !== null &&
    meeting.startsAt.getTime() <= now.getTime()
  );
}

const at = (m: Timed) => (m.startsAt ?? m.proposedTimes[0]?.startsAt ?? new Date(0)).getTime();

/**
 * The meetings timeline: proposals waiting for a time, meetings to come (soonest first; the first is
 * the next meeting), meetings whose time has passed but are not recorded yet, and the past (latest first).
 */
export function splitMeetings<M extends Timed>(meetings: readonly M[], now: Date) {
  const proposals = meetings.filter((m) => m.status === "proposed").sort((a, b) => at(a) - at(b));
  const upcoming = meetings
    .filter((m) => m.status === "scheduled" && !hasStarted(m, now))
    .sort((a, b) => at(a) - at(b));
  const toRecord = meetings.filter((m) => hasStarted(m, now)).sort((a, b) => at(a) - at(b));
  const past = meetings
    .filter((m) => m.status === "held" || m.status === "missed" || m.status === "cancelled")
    .sort((a, b) => at(b) - at(a));
  return { proposals, upcoming, toRecord, past, next: upcoming[0] ?? null };
}

/** The one line on "My mentoring" that says what is next in a relationship, or null when nothing is. */
export function describeNext(rel: {
  status: string;
  nextMeetingAt: Date | null;
  nextDueAt: Date | null;
  awaitingMyPick: boolean;
  promptFirstMeeting: boolean;
}): string | null {
  if (rel.status !== "active") return null;
  if (rel.awaitingMyPick) return "Times have been proposed: pick the one that suits you";
  if (rel.nextMeetingAt) return `Next meeting: ${formatMeetingTime(rel.nextMeetingAt)}`;
  if (rel.promptFirstMeeting) return "You arrange the first meeting: propose up to three times";
  if (rel.nextDueAt)
    return `No meeting arranged. The next is due by ${formatInstant(rel.nextDueAt)}`;
  return null;
}
