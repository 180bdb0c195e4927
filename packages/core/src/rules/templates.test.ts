import { describe, expect, it } from "vitest";
import { describeRules } from "./describe";
import { nextMeetingKind } from "./meetings";
import { findSchemeTemplate, schemeTemplates } from "./templates";
import { validateRules } from "./validate";

const byId = (id: string) => {
  const template = findSchemeTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return template;
};

describe("scheme templates", () => {
  it("ships the seven templates of SPEC section 4", () => {
    expect(schemeTemplates.map((t) => t.id)).toEqual([
      "deanery-gp",
      "multi-professional",
      "new-consultant",
      "gp-non-principal",
      "co-tutoring",
      "pcn-mastermind",
      "coach-mentoring-leaders",
    ]);
    for (const t of schemeTemplates) {
      expect(t.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.summary.length).toBeGreaterThan(0);
    }
  });

  it.each(schemeTemplates.map((t) => [t.id, t] as const))("%s validates and survives JSON unchanged", (_id, t) => {
    const result = validateRules(JSON.parse(JSON.stringify(t.rules)));
    expect(result).toEqual({ ok: true, rules: t.rules });
    expect(t.rules.publicity.description.summary).not.toBe("");
    expect(t.rules.publicity.description.mentorRole).not.toBe("");
    expect(t.rules.publicity.description.confidentiality).not.toBe("");
  });

  it("hands out copies, so editing one does not change the template", () => {
    const copy = byId("gp-non-principal");
    copy.rules.meetings.max = 99;
    expect(byId("gp-non-principal").rules.meetings.max).toBe(6);
  });

  it("deanery GP: all GPs, free choice, three-module course, support groups and conference, peer appraisal", () => {
    const { rules } = byId("deanery-gp");
    expect(rules.audience.groups).toEqual(["gp_partner", "salaried_gp", "gp_non_principal"]);
    expect(rules.matching.mode).toBe("free_choice");
    expect(rules.mentors.requiredModules).toHaveLength(3);
    expect(rules.mentors.support.peerAppraisalEveryMonths).toBe(12);
    expect(describeRules(rules)).toMatch(
      /^For GP partners, salaried GPs and GP non-principals \(including locums\) at this organisation\..*You choose your mentor from the scheme's mentors\..*Mentors attend at least 4 support events a year and have a peer appraisal every 12 months\./,
    );
  });

  it("multi-professional: doctors, dentists (as other), managers, nurses, pharmacists; 4–5 day programme; co-mentoring", () => {
    const { rules } = byId("multi-professional");
    expect(rules.audience.groups).toEqual(expect.arrayContaining(["consultant", "practice_manager", "nurse", "pharmacist", "other"]));
    expect(rules.format).toEqual({ kind: "co_mentoring", groupSizes: [2, 3] });
    const text = describeRules(rules);
    expect(text).toContain("from any organisation. Other people are welcome to join as peers too.");
    expect(text).toContain("Peers mentor each other in pairs or threes");
    expect(text).toContain("Everyone completes the 4–5 day mentoring skills programme");
  });

  it("new consultant: first 24 months, coordinator allocation, same trust, different specialty, masterclass", () => {
    const { rules } = byId("new-consultant");
    expect(rules.audience).toMatchObject({ groups: ["consultant", "new_consultant"], withinMonthsOfStart: 24 });
    expect(rules.matching).toMatchObject({ mode: "allocation", mentorPool: "own" });
    expect(rules.matching.criteria.specialty.direction).toBe("different");
    expect(rules.matching.criteria.organisation.direction).toBe("same");
    const text = describeRules(rules);
    expect(text).toContain("For consultants and new consultants in their first 24 months in the role at this organisation.");
    expect(text).toContain("Your coordinator allocates a mentor from another specialty in your organisation.");
    expect(text).toContain("Mentors complete the 1.5-day Masterclass in Mentoring and are approved by the coordinator.");
  });

  it("GP non-principal: up to six meetings, mentor paid per meeting", () => {
    const { rules } = byId("gp-non-principal");
    expect(rules.meetings.max).toBe(6);
    expect(rules.remuneration.kind).toBe("per_meeting");
    expect(nextMeetingKind(rules, 5)).toBe("review");
    expect(nextMeetingKind(rules, 6)).toBeNull();
    const text = describeRules(rules);
    expect(text).toContain("Up to 6 meetings, about monthly");
    expect(text).toContain("Mentors are paid £150.00 a meeting for up to 6 meetings, plus expenses.");
  });

  it("co-tutoring: dyads and triads after a shared course, no notes", () => {
    const { rules } = byId("co-tutoring");
    expect(rules.format).toEqual({ kind: "co_mentoring", groupSizes: [2, 3] });
    const text = describeRules(rules);
    expect(text).toContain("Peers mentor each other in pairs or threes, taking turns to speak and to listen.");
    expect(text).toContain("Everyone completes the co-tutoring training course.");
    expect(text).toContain("No notes are kept");
  });

  it("PCN mastermind: at most 12, every 6 weeks for 2 hours, application form, annual participant fee", () => {
    const { rules } = byId("pcn-mastermind");
    expect(rules.format).toEqual({ kind: "group", maxSize: 12, facilitators: 2 });
    expect(rules.capacity.maxMentees).toBe(12);
    expect(rules.application.kind).toBe("form");
    expect(rules.participantFee).toEqual({ kind: "annual", feePence: 199500, plusVat: true });
    const text = describeRules(rules);
    expect(text).toContain("For PCN clinical directors from any organisation. Other people cannot join as members.");
    expect(text).toContain("You apply with a short form (4 questions) that the coordinator reviews.");
    expect(text).toContain("Taking part costs £1,995.00 a year plus VAT.");
    expect(text).toContain("Up to 9 meetings, every 6 weeks, of 2 hours");
  });

  it("coach-mentoring: six monthly meetings of 1–2 hours, contract first, review last, leadership topics", () => {
    const { rules } = byId("coach-mentoring-leaders");
    expect(rules.meetings).toMatchObject({ max: 6, cadenceWeeks: 4, minutes: { min: 60, max: 120 }, firstIsContract: true, lastIsReview: true });
    expect(rules.topics).toEqual(expect.arrayContaining(["Time management", "Delegating", "Building a team", "Staying strategic"]));
    expect(nextMeetingKind(rules, 0)).toBe("contract");
    expect(nextMeetingKind(rules, 5)).toBe("review");
    const text = describeRules(rules);
    expect(text).toContain("Up to 6 meetings, about monthly, of 1–2 hours");
    expect(text).toContain("The first meeting agrees how you will work together and what to focus on. The last looks back");
    expect(text).toContain("such as time management");
  });
});
