import { describe, expect, it } from "vitest";
import { joinButtonText, splitRoles, type RoleEligibility } from "./join-roles";

const mentee: RoleEligibility = {
  role: "mentee",
  eligibility: { result: "eligible", reason: "You can join: this scheme is for trainees." },
};
const mentor: RoleEligibility = {
  role: "mentor",
  eligibility: { result: "not_eligible", reason: "Mentors are consultants of this trust." },
};
const peer: RoleEligibility = {
  role: "peer",
  eligibility: { result: "on_request", reason: "You can ask to join." },
};

describe("splitRoles", () => {
  it("offers eligible and on-request roles and keeps the others apart, in order", () => {
    expect(splitRoles([mentee, mentor, peer])).toEqual({
      offered: [mentee, peer],
      blocked: [mentor],
    });
  });

  it("offers nothing when no role is open to the person", () => {
    expect(splitRoles([mentor])).toEqual({ offered: [], blocked: [mentor] });
  });
});

describe("joinButtonText", () => {
  it("follows the chosen role", () => {
    expect(joinButtonText(mentee)).toBe("Join scheme");
    expect(joinButtonText(peer)).toBe("Request to join");
    expect(joinButtonText(undefined)).toBe("Join scheme");
  });
});
