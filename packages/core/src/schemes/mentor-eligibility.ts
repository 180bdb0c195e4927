// Who may offer to mentor in a scheme. The audience's target groups describe mentees (a new
// consultant scheme's mentors are experienced consultants), so mentors are checked against the
// mentor pool instead; preparation, support and the coordinator's approval decide readiness later.
import type { Eligibility, EligibilityMembership } from "../rules/eligibility";
import type { SchemeRules } from "../rules/schema";

export function checkMentorEligibility(options: {
  memberships: readonly Pick<EligibilityMembership, "organisationId">[];
  scheme: { organisationId: string; rules: SchemeRules };
}): Eligibility {
  const { rules, organisationId } = options.scheme;
  const pool = rules.matching.mentorPool;
  if (pool === "external") {
    return { result: "eligible", reason: "Mentors can come from any organisation. The coordinator approves each mentor." };
  }
  const allowed = new Set(pool === "partners" ? [organisationId, ...rules.partnerOrganisationIds] : [organisationId]);
  if (options.memberships.some((m) => allowed.has(m.organisationId))) {
    return { result: "eligible", reason: "You can offer to mentor. The coordinator approves each mentor once their preparation is done." };
  }
  return {
    result: "not_eligible",
    reason:
      pool === "partners"
        ? "Mentors in this scheme come from the organisation that runs it and its partner organisations."
        : "Mentors in this scheme come from the organisation that runs it.",
  };
}
