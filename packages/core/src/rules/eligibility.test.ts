import { describe, expect, it } from "vitest";
import { checkEligibility, type EligibilityMembership, type EligibilityResult } from "./eligibility";
import { SchemeRules, type SchemeRulesInput } from "./schema";

const trust = "11111111-1111-4111-8111-111111111111";
const partner = "22222222-2222-4222-8222-222222222222";
const elsewhere = "33333333-3333-4333-8333-333333333333";

const newConsultants: SchemeRulesInput = {
  audience: { groups: ["consultant", "new_consultant"], withinMonthsOfStart: 24, outsiders: "on_request", organisations: "own" },
};

function check(input: SchemeRulesInput, memberships: EligibilityMembership[], now = "2025-03-15T12:00:00Z") {
  return checkEligibility({
    person: { id: "p1" },
    memberships,
    scheme: { organisationId: trust, rules: SchemeRules.parse(input) },
    now: new Date(now),
  });
}

const consultant = (startedInRoleOn: string | null, organisationId = trust): EligibilityMembership => ({
  organisationId,
  staffGroup: "consultant",
  startedInRoleOn,
});

describe("checkEligibility", () => {
  const cases: [string, SchemeRulesInput, EligibilityMembership[], string, EligibilityResult][] = [
    ["new consultant in the target", newConsultants, [consultant("2024-01-10")], "2025-03-15", "eligible"],
    ["exactly 24 months after starting", newConsultants, [consultant("2023-03-15")], "2025-03-15T23:59:00Z", "eligible"],
    ["one day past 24 months", newConsultants, [consultant("2023-03-15")], "2025-03-16T00:00:00Z", "on_request"],
    ["31 January plus a month is the end of February", { ...newConsultants, audience: { ...newConsultants.audience, withinMonthsOfStart: 1 } }, [consultant("2025-01-31")], "2025-02-28", "eligible"],
    ["and not 1 March", { ...newConsultants, audience: { ...newConsultants.audience, withinMonthsOfStart: 1 } }, [consultant("2025-01-31")], "2025-03-01", "on_request"],
    ["a start date in the future still counts", newConsultants, [consultant("2025-06-01")], "2025-03-15", "eligible"],
    ["a timestamp is read as its date", newConsultants, [consultant("2023-03-15T00:00:00.000Z")], "2025-03-15", "eligible"],
    ["start date unknown", newConsultants, [consultant(null)], "2025-03-15", "on_request"],
    ["start date unreadable", newConsultants, [consultant("15/03/2024")], "2025-03-15", "on_request"],
    ["another group", newConsultants, [{ organisationId: trust, staffGroup: "nurse", startedInRoleOn: "2025-01-01" }], "2025-03-15", "on_request"],
    ["closed to others", { audience: { ...newConsultants.audience, outsiders: "closed" } }, [consultant("2010-01-01")], "2025-03-15", "not_eligible"],
    ["open to others", { audience: { ...newConsultants.audience, outsiders: "open" } }, [consultant("2010-01-01")], "2025-03-15", "eligible"],
    ["other organisation, own only", newConsultants, [consultant("2025-01-01", elsewhere)], "2025-03-15", "not_eligible"],
    ["no memberships, own only", newConsultants, [], "2025-03-15", "not_eligible"],
    ["even when open to other groups", { audience: { ...newConsultants.audience, outsiders: "open" } }, [consultant("2025-01-01", elsewhere)], "2025-03-15", "not_eligible"],
    ["partner organisation member", { audience: { groups: ["nurse"], organisations: "partners" }, partnerOrganisationIds: [partner] }, [{ organisationId: partner, staffGroup: "nurse", startedInRoleOn: null }], "2025-03-15", "eligible"],
    ["own member when partners allowed", { audience: { groups: ["nurse"], organisations: "partners" }, partnerOrganisationIds: [partner] }, [{ organisationId: trust, staffGroup: "nurse", startedInRoleOn: null }], "2025-03-15", "eligible"],
    ["not a partner", { audience: { groups: ["nurse"], organisations: "partners" }, partnerOrganisationIds: [partner] }, [{ organisationId: elsewhere, staffGroup: "nurse", startedInRoleOn: null }], "2025-03-15", "not_eligible"],
    ["anyone's member", { audience: { groups: ["nurse"], organisations: "anyone" } }, [{ organisationId: elsewhere, staffGroup: "nurse", startedInRoleOn: null }], "2025-03-15", "eligible"],
    ["anyone, without memberships, targeted", { audience: { groups: ["nurse"], organisations: "anyone", outsiders: "on_request" } }, [], "2025-03-15", "on_request"],
    ["anyone, without memberships, untargeted", { audience: { organisations: "anyone" } }, [], "2025-03-15", "eligible"],
    ["everyone in the organisation", {}, [{ organisationId: trust, staffGroup: "other", startedInRoleOn: null }], "2025-03-15", "eligible"],
    [
      "the best of several memberships counts",
      newConsultants,
      [consultant("2001-01-01"), { organisationId: trust, staffGroup: "new_consultant", startedInRoleOn: "2024-09-01" }],
      "2025-03-15",
      "eligible",
    ],
    [
      "only memberships of allowed organisations count",
      newConsultants,
      [consultant("2010-01-01"), consultant("2025-01-01", elsewhere)],
      "2025-03-15",
      "on_request",
    ],
  ];

  it.each(cases)("%s", (_name, rules, memberships, now, result) => {
    expect(check(rules, memberships, now.length === 10 ? `${now}T12:00:00Z` : now).result).toBe(result);
  });

  it("explains a request that goes to the coordinator", () => {
    expect(check(newConsultants, [consultant("2010-01-01")]).reason).toBe(
      "This scheme is for consultants and new consultants in their first 24 months in the role. You started in your role more than 24 months ago. Your request will go to the coordinator.",
    );
  });

  it("says why, in words, for each outcome", () => {
    expect(check(newConsultants, [consultant("2025-01-01")]).reason).toBe(
      "You can join: this scheme is for consultants and new consultants in their first 24 months in the role.",
    );
    expect(check(newConsultants, [consultant(null)]).reason).toMatch(/does not say when you started in your role/);
    expect(check({ audience: { groups: ["nurse"], outsiders: "closed" } }, [consultant(null)]).reason).toBe(
      "This scheme is for nurses. It takes no requests from others, so you cannot join.",
    );
    expect(check({ audience: { groups: ["nurse"], outsiders: "open" } }, [consultant(null)]).reason).toBe(
      "This scheme is for nurses. Others are welcome too, so you can join.",
    );
    // The verdict states the summary's own sentence (see describeAccess), not a rule of its own.
    expect(check(newConsultants, [consultant("2025-01-01", elsewhere)]).reason).toMatch(
      /^This scheme is for consultants and new consultants in their first 24 months in the role at this organisation\. Staff of other organisations cannot join as mentees\./,
    );
  });
});
