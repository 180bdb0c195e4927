// Plain-English words for enrolment roles and statuses, and what joining led to.
import type { TagColour } from "@tandem/ui";

export type EnrolmentStatus = "requested" | "waiting" | "active" | "declined" | "withdrawn";
export type EnrolmentRole = "mentee" | "mentor" | "peer";

const statusWords: Record<EnrolmentStatus, string> = {
  active: "Taking part",
  requested: "Waiting for the coordinator",
  waiting: "On the waiting list",
  declined: "Not accepted",
  withdrawn: "Withdrawn",
};

const statusColours: Record<EnrolmentStatus, TagColour> = {
  active: "green",
  requested: "blue",
  waiting: "yellow",
  declined: "red",
  withdrawn: "grey",
};

const roleWords: Record<EnrolmentRole, string> = {
  mentee: "Mentee",
  mentor: "Mentor",
  peer: "Peer",
};

const roleHints: Record<EnrolmentRole, string> = {
  mentee: "You want a mentor to help you think things through.",
  mentor: "You want to support a colleague as their mentor.",
  peer: "You mentor each other, as equals, in a pair, a small group or a larger group.",
};

/** Headline for the confirmation panel after joining. */
const joinedWords: Record<"active" | "requested" | "waiting", string> = {
  active: "You have joined",
  requested: "Request sent",
  waiting: "You are on the waiting list",
};

/** Unknown codes (a newer server than this app) fall back to a readable form of the code. */
function humanise(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeStatus(status: string): string {
  return statusWords[status as EnrolmentStatus] ?? humanise(status);
}

export function statusColour(status: string): TagColour {
  return statusColours[status as EnrolmentStatus] ?? "grey";
}

export function describeEnrolmentRole(role: string): string {
  return roleWords[role as EnrolmentRole] ?? humanise(role);
}

export function enrolmentRoleHint(role: string): string | undefined {
  return roleHints[role as EnrolmentRole];
}

export function describeJoined(status: string): string {
  return joinedWords[status as keyof typeof joinedWords] ?? describeStatus(status);
}

/** Enrolments a person can still withdraw from. */
export function isLive(status: string): boolean {
  return status === "active" || status === "requested" || status === "waiting";
}
