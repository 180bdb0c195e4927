import { describe, expect, it } from "vitest";
import { SchemeRules } from "./schema";
import { checkMentorEligibility } from "./eligibility";

const own = "11111111-1111-4111-8111-111111111111";
const partner = "22222222-2222-4222-8222-222222222222";
const elsewhere = "33333333-3333-4333-8333-333333333333";

function rules(mentorPool: "own" | "partners" | "external") {
  return SchemeRules.parse({ matching: { mentorPool }, partnerOrganisationIds: mentorPool === "partners" ? [partner] : [] });
}

describe("checkMentorEligibility", () => {
  it.each([
    ["own", own, "eligible"],
    ["own", partner, "not_eligible"],
    ["partners", partner, "eligible"],
    ["partners", elsewhere, "not_eligible"],
    ["external", elsewhere, "eligible"],
  ] as const)("pool %s, member of %s: %s", (pool, organisationId, result) => {
    expect(checkMentorEligibility({ memberships: [{ organisationId }], scheme: { organisationId: own, rules: rules(pool) } }).result).toBe(result);
  });

  it("ignores the mentee audience: staff groups do not limit mentors", () => {
    const scheme = SchemeRules.parse({ audience: { groups: ["new_consultant"], outsiders: "closed" } });
    expect(checkMentorEligibility({ memberships: [{ organisationId: own }], scheme: { organisationId: own, rules: scheme } }).result).toBe("eligible");
  });
});
