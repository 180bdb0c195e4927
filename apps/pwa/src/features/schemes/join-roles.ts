// Eligibility is decided per role (mentors are checked against the scheme's mentor pool, mentees and
// peers against its audience), so what the join form offers, says and submits follows the chosen role.

export type EligibilityResult = "eligible" | "on_request" | "not_eligible";

export interface RoleEligibility {
  role: string;
  eligibility: { result: EligibilityResult; reason: string };
}

/** Roles the person can join as (straight away or on request), and the ones they cannot, with why. */
export function splitRoles<R extends RoleEligibility>(
  roles: readonly R[],
): { offered: R[]; blocked: R[] } {
  return {
    offered: roles.filter((r) => r.eligibility.result !== "not_eligible"),
    blocked: roles.filter((r) => r.eligibility.result === "not_eligible"),
  };
}

/** The submit button's words for the chosen role: asking when the coordinator decides. */
export function joinButtonText(chosen: RoleEligibility | undefined): string {
  return chosen?.eligibility.result === "on_request" ? "Request to join" : "Join scheme";
}
