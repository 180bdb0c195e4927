import { describe, expect, it } from "vitest";
import { SchemeRules, type SchemeRulesInput } from "./schema";
import { validateRules } from "./validate";

const partner = "9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a";

function errorsOf(input: unknown) {
  const result = validateRules(input);
  return result.ok ? [] : result.errors;
}

describe("SchemeRules defaults", () => {
  it("turns an empty object into complete, valid rules", () => {
    const result = validateRules({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rules.matching.mode).toBe("free_choice");
    expect(result.rules.meetings).toEqual({
      max: null,
      cadenceWeeks: 4,
      minutes: { min: 60, max: 90 },
      modes: ["in_person", "phone", "video"],
      firstIsContract: true,
      lastIsReview: false,
      guides: {},
    });
    expect(result.rules.feedback.minResponsesForText).toBe(5);
    expect(result.rules.format).toEqual({ kind: "one_to_one" });
    expect(result.rules.remuneration).toEqual({ kind: "none" });
  });

  it("fills defaults inside a chosen variant", () => {
    const rules = SchemeRules.parse({ format: { kind: "co_mentoring" }, remuneration: { kind: "per_meeting", feePence: 100 } });
    expect(rules.format).toEqual({ kind: "co_mentoring", groupSizes: [2] });
    expect(rules.remuneration).toEqual({ kind: "per_meeting", feePence: 100, expensesAllowed: false });
  });

  it("gives each parse its own default lists", () => {
    const a = SchemeRules.parse({});
    a.meetings.modes.pop();
    a.feedback.endOfRelationship.pop();
    const b = SchemeRules.parse({});
    expect(b.meetings.modes).toHaveLength(3);
    expect(b.feedback.endOfRelationship).toHaveLength(3);
  });

  it("never keeps psychometric types, whatever is sent", () => {
    const result = validateRules({ matching: { criteria: { psychometrics: { type: "MBTI", weight: 1 } } } });
    expect(result.ok && "psychometrics" in result.rules.matching.criteria).toBe(false);
  });
});

describe("validateRules messages say which field and what to do", () => {
  const cases: [string, SchemeRulesInput | unknown, string, RegExp][] = [
    ["group needs a size", { format: { kind: "group" } }, "format.maxSize", /^Enter the largest group size, for example 12$/],
    ["group of two is not a group", { format: { kind: "group", maxSize: 2 } }, "format.maxSize", /3 or more/],
    ["facilitators fewer than places", { format: { kind: "group", maxSize: 3, facilitators: 3 } }, "format.facilitators", /fewer facilitators/],
    ["per-meeting pay needs a fee", { remuneration: { kind: "per_meeting" } }, "remuneration.feePence", /Enter the fee per meeting/],
    ["fee above nothing", { remuneration: { kind: "per_meeting", feePence: 0 } }, "remuneration.feePence", /1 or more/],
    ["annual participant fee needs an amount", { participantFee: { kind: "annual" } }, "participantFee.feePence", /Enter the yearly fee/],
    ["review needs at least two meetings", { meetings: { max: 1, lastIsReview: true } }, "meetings.max", /at least 2 meetings/],
    ["review needs a maximum", { meetings: { lastIsReview: true } }, "meetings.max", /at least 2 meetings/],
    ["shortest within longest", { meetings: { minutes: { min: 90, max: 60 } } }, "meetings.minutes.max", /at least the shortest \(90 minutes\)/],
    ["at least one way to meet", { meetings: { modes: [] } }, "meetings.modes", /at least one way to meet/],
    ["each way to meet once", { meetings: { modes: ["video", "video"] } }, "meetings.modes", /once/],
    ["unlimited meetings must be null, not 0", { meetings: { max: 0 } }, "meetings.max", /1 or more/],
    ["shortlist needs a size", { matching: { mode: "shortlist" } }, "matching.shortlistSize", /how many suggestions/],
    ["places at least one", { capacity: { maxMentees: 0 } }, "capacity.maxMentees", /1 or more/],
    ["whole places", { capacity: { maxMentees: 2.5 } }, "capacity.maxMentees", /whole number/],
    [
      "ranked modes need a weight",
      { matching: { mode: "allocation", criteria: { topics: { weight: 0 }, availability: { weight: 0 } } } },
      "matching.criteria",
      /at least one matching criterion a weight above 0/,
    ],
    ["weights at most 1", { matching: { criteria: { topics: { weight: 1.5 } } } }, "matching.criteria.topics.weight", /between 0 and 1/],
    [
      "ignored specialty carries no weight",
      { matching: { criteria: { specialty: { direction: "ignore", weight: 0.3 } } } },
      "matching.criteria.specialty.weight",
      /Set the specialty weight to 0/,
    ],
    [
      "any organisation carries no weight",
      { matching: { criteria: { organisation: { weight: 0.3 } } } },
      "matching.criteria.organisation.weight",
      /organisation weight to 0/,
    ],
    [
      "usual capacity within the most",
      { matching: { mentorCapacityDefault: 5 }, mentors: { maxMentees: 3 } },
      "matching.mentorCapacityDefault",
      /no higher than the most a mentor may take \(3\)/,
    ],
    ["partners need listing", { audience: { organisations: "partners" } }, "partnerOrganisationIds", /at least one partner organisation/],
    ["partner pool needs listing", { matching: { mentorPool: "partners" } }, "partnerOrganisationIds", /matching.mentorPool/],
    ["partners are organisations", { partnerOrganisationIds: ["trust-a"] }, "partnerOrganisationIds.0", /Choose an organisation/],
    ["repeated partner", { partnerOrganisationIds: [partner, partner] }, "partnerOrganisationIds", /repeated/],
    ["known staff groups", { audience: { groups: ["surgeon"] } }, "audience.groups.0", /Choose a staff group/],
    ["repeated staff group", { audience: { groups: ["nurse", "nurse"] } }, "audience.groups", /repeated staff group "nurse"/],
    ["form needs questions", { application: { kind: "form", questions: [] } }, "application.questions", /at least one question/],
    [
      "question ids unique",
      {
        application: {
          kind: "form",
          questions: [
            { id: "why", label: "Why?", kind: "long_text" },
            { id: "why", label: "Why now?", kind: "short_text" },
          ],
        },
      },
      "application.questions",
      /"why" is used twice/,
    ],
    ["question needs a label", { application: { kind: "form", questions: [{ id: "a", label: "  ", kind: "yes_no" }] } }, "application.questions.0.label", /Enter the question/],
    ["co-mentoring sizes", { format: { kind: "co_mentoring", groupSizes: [4] } }, "format.groupSizes.0", /pairs \(2\) or threes \(3\)/],
    ["format kind", { format: { kind: "triad" } }, "format.kind", /Choose a format/],
    ["matching mode", { matching: { mode: "lottery" } }, "matching.mode", /Choose how matching works/],
    [
      "relationship long enough for its meetings",
      { meetings: { max: 6, cadenceWeeks: 4 }, relationship: { maxMonths: 3 } },
      "relationship.maxMonths",
      /6 meetings every 4 weeks need about 5 months/,
    ],
    [
      "paid cap within meetings",
      { meetings: { max: 6 }, remuneration: { kind: "per_meeting", feePence: 100, capMeetings: 8 } },
      "remuneration.capMeetings",
      /no higher than the maximum meetings \(6\)/,
    ],
    ["text threshold protects confidentiality", { feedback: { minResponsesForText: 2 } }, "feedback.minResponsesForText", /3 or more/],
    [
      "module ids unique",
      { mentors: { requiredModules: [{ id: "m", name: "A" }, { id: "m", name: "B" }] } },
      "mentors.requiredModules",
      /"m" is used twice/,
    ],
    ["module ids are slugs", { mentors: { requiredModules: [{ id: "Module One", name: "A" }] } }, "mentors.requiredModules.0.id", /lower-case/],
    ["contact email format", { publicity: { contact: { email: "nope" } } }, "publicity.contact.email", /correct format/],
    ["contact phone format", { publicity: { contact: { phone: "call me" } } }, "publicity.contact.phone", /Enter a phone number/],
    ["listing needs a description", { publicity: { listed: true } }, "publicity.description.mentorRole", /what a mentor does and does not do/],
    ["listing needs a contact", { publicity: { listed: true } }, "publicity.contact.email", /Enter a contact email/],
    ["repeated topic", { topics: ["Time", "time"] }, "topics", /repeated topic/],
    ["not an object", 42, "", /Scheme rules: these settings are not in the right form \(found a number\)/],
    ["a section of the wrong type", { meetings: "often" }, "meetings", /^Meetings: these settings are not in the right form \(found text\)$/],
    ["a boolean of the wrong type", { matching: { trialMeeting: "yes" } }, "matching.trialMeeting", /^Trial first meeting: enter yes or no, not text$/],
  ];

  it.each(cases)("%s", (_name, input, path, message) => {
    const errors = errorsOf(input);
    const match = errors.find((e) => e.path === path);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match?.message).toMatch(message);
  });

  it("reports each problem once", () => {
    const errors = errorsOf({ publicity: { listed: true } });
    expect(new Set(errors.map((e) => `${e.path}:${e.message}`)).size).toBe(errors.length);
    expect(errors.map((e) => e.path)).toEqual([
      "publicity.description.summary",
      "publicity.description.mentorRole",
      "publicity.description.confidentiality",
      "publicity.contact.name",
      "publicity.contact.email",
    ]);
  });

  it("accepts a listed scheme with its description and contact", () => {
    const result = validateRules({
      publicity: {
        listed: true,
        description: { summary: "S", mentorRole: "M", confidentiality: "C" },
        contact: { name: "Dr Sandra Sedgwick", email: " Mentoring@Example.NHS.uk ", phone: "01243 863357" },
      },
    });
    expect(result.ok).toBe(true);
  });

  it("accepts partners once they are listed", () => {
    expect(validateRules({ audience: { organisations: "partners" }, partnerOrganisationIds: [partner] }).ok).toBe(true);
  });
});

describe("validateRules in one round", () => {
  const fieldErrors = {
    participantFee: { kind: "annual", feePence: Number.NaN },
    meetings: { minutes: { min: 120, max: 60 } },
    matching: { mentorCapacityDefault: 5 },
    mentors: { maxMentees: 2 },
  };

  it("reports errors comparing two fields alongside a field that is not a number", () => {
    expect(errorsOf(fieldErrors)).toEqual([
      { path: "participantFee.feePence", message: "Enter the yearly fee in pence as a number" },
      {
        path: "matching.mentorCapacityDefault",
        message: "Set the usual number of mentees per mentor no higher than the most a mentor may take (2)",
      },
      { path: "meetings.minutes.max", message: "Set the longest meeting to at least the shortest (120 minutes)" },
    ]);
  });

  it("does not compare with a field that is itself wrong", () => {
    const errors = errorsOf({ meetings: { minutes: { min: "long", max: 60 } }, matching: { mentorCapacityDefault: 5 }, mentors: { maxMentees: "x" } });
    expect(errors.map((e) => e.path).sort()).toEqual(["meetings.minutes.min", "mentors.maxMentees"]);
  });

  it("names the weight in its message", () => {
    const errors = errorsOf({ matching: { criteria: { topics: { weight: 2 }, seniorityGap: { weight: Number.NaN } } } });
    expect(errors).toEqual([
      { path: "matching.criteria.topics.weight", message: "Enter the topics weight as a number between 0 and 1, for example 0.5" },
      { path: "matching.criteria.seniorityGap.weight", message: "Enter the seniority gap weight as a number between 0 and 1, for example 0.5" },
    ]);
  });
});
