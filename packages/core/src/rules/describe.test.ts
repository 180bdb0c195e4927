import { describe, expect, it } from "vitest";
import { describeRules, describeRulesParts, undescribableRules } from "./describe";
import { describeTargetGroups } from "./eligibility";
import { SchemeRules, type SchemeRulesInput } from "./schema";

const rules = (input: SchemeRulesInput) => SchemeRules.parse(input);
const ranked = { criteria: { topics: { weight: 0.5 } } };

describe("describeRules", () => {
  it("reads like the brief's example", () => {
    const text = describeRules(
      rules({
        audience: { groups: ["consultant"], withinMonthsOfStart: 24 },
        matching: { mode: "allocation", criteria: { specialty: { direction: "different", weight: 0.5 } } },
        meetings: { max: 6, cadenceWeeks: 4, minutes: { min: 60, max: 90 } },
        notes: { policy: "none" },
      }),
    );
    expect(text).toContain("For consultants in their first 24 months in the role at this organisation.");
    expect(text).toContain("Your coordinator allocates a mentor from another specialty.");
    expect(text).toContain("Up to 6 meetings, about monthly, of 60–90 minutes, in person, by phone or by video.");
    expect(text).toContain("No notes are kept");
  });

  const cases: [string, SchemeRulesInput, string][] = [
    ["everyone", {}, "For everyone at this organisation."],
    ["partners", { audience: { organisations: "partners" }, partnerOrganisationIds: ["9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a"] }, "at this organisation or its partner organisations"],
    ["anyone", { audience: { organisations: "anyone", groups: ["nurse", "pharmacist"] } }, "For nurses and pharmacists from any organisation."],
    ["new in role, any group", { audience: { withinMonthsOfStart: 1 } }, "For anyone in their first 1 month in the role"],
    ["closed", { audience: { groups: ["nurse"], outsiders: "closed" } }, "Other staff of this organisation cannot join as mentees."],
    ["on request", { audience: { groups: ["nurse"], outsiders: "on_request" } }, "Other staff of this organisation may ask to join as mentees; the coordinator decides. Staff of other organisations cannot join as mentees."],
    ["open", { audience: { groups: ["nurse"], outsiders: "open" } }, "Other staff of this organisation are welcome to join as mentees too."],
    ["places", { capacity: { maxMentees: 12 } }, "There are 12 places; after that you can join the waiting list."],
    ["one place", { capacity: { maxMentees: 1 } }, "There is 1 place;"],
    ["application", { application: { kind: "form", questions: [{ id: "why", label: "Why?", kind: "long_text" }] } }, "You apply with a short form (1 question) that the coordinator reviews."],
    ["free", {}, "Taking part is free."],
    ["participant fee", { participantFee: { kind: "annual", feePence: 199500, plusVat: true } }, "Taking part costs £1,995.00 a year plus VAT."],
    ["one to one", {}, "You meet one to one with a mentor."],
    ["pairs", { format: { kind: "co_mentoring", groupSizes: [2] } }, "Peers mentor each other in pairs, taking turns to speak and to listen."],
    ["pairs or threes", { format: { kind: "co_mentoring", groupSizes: [2, 3] } }, "in pairs or threes"],
    ["group", { format: { kind: "group", maxSize: 12, facilitators: 2 } }, "You meet in a group of up to 12, with 2 facilitators."],
    ["one facilitator", { format: { kind: "group", maxSize: 8, facilitators: 1 } }, "with a facilitator."],
    ["peer-led group", { format: { kind: "group", maxSize: 6, facilitators: 0 } }, "led by its members."],
    ["free choice", { matching: { mode: "free_choice" } }, "You choose your mentor from the scheme's mentors."],
    ["shortlist", { matching: { mode: "shortlist", shortlistSize: 5 } }, "You choose your mentor from your 5 best suggestions."],
    ["allocation", { matching: { mode: "allocation", ...ranked } }, "Your coordinator allocates a mentor."],
    ["auto", { matching: { mode: "auto", ...ranked } }, "Mentors are matched automatically; your coordinator checks each match before confirming it."],
    ["next available", { matching: { mode: "next_available" } }, "You are matched with the next available mentor."],
    ["same specialty first", { matching: { criteria: { specialty: { direction: "same", weight: 0.2 } } } }, "Mentors from your specialty are suggested first."],
    ["other organisation", { matching: { mode: "auto", criteria: { organisation: { direction: "different", weight: 0.2 } } } }, "(from another organisation)"],
    ["same organisation", { matching: { mode: "allocation", criteria: { organisation: { direction: "same", weight: 0.2 } } } }, "a mentor in your organisation."],
    ["group allocation", { format: { kind: "group", maxSize: 12 }, matching: { mode: "allocation", ...ranked } }, "Your coordinator places you in a group."],
    ["group free choice", { format: { kind: "group", maxSize: 12 }, matching: { mode: "free_choice" } }, "You choose which group to join."],
    ["group shortlist", { format: { kind: "group", maxSize: 12 }, matching: { mode: "shortlist", shortlistSize: 3 } }, "You choose a group from your 3 best suggestions."],
    ["group auto", { format: { kind: "group", maxSize: 12 }, matching: { mode: "auto", ...ranked } }, "Groups are formed automatically"],
    ["group queue", { format: { kind: "group", maxSize: 12 }, matching: { mode: "next_available" } }, "Places in groups are given in the order people join."],
    ["co free choice", { format: { kind: "co_mentoring" }, matching: { mode: "free_choice" } }, "You choose who to work with."],
    ["co shortlist", { format: { kind: "co_mentoring" }, matching: { mode: "shortlist", shortlistSize: 4 } }, "You choose who to work with from your 4 best suggestions."],
    ["co allocation", { format: { kind: "co_mentoring" }, matching: { mode: "allocation", ...ranked } }, "Your coordinator forms the pairs or threes."],
    ["co auto", { format: { kind: "co_mentoring" }, matching: { mode: "auto", ...ranked } }, "Pairs or threes are formed automatically"],
    ["co queue", { format: { kind: "co_mentoring" }, matching: { mode: "next_available" } }, "Pairs or threes are formed in the order people join."],
    ["external pool", { matching: { mentorPool: "external" } }, "Mentors come from outside the organisation."],
    ["partner pool", { matching: { mentorPool: "partners" }, partnerOrganisationIds: ["9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a"] }, "Mentors may come from partner organisations."],
    ["distance", { matching: { criteria: { distance: { maxKm: 30, remoteAllowed: false } } } }, "Mentors are within 30 km."],
    ["distance or remote", { matching: { criteria: { distance: { maxKm: 30, remoteAllowed: true } } } }, "Mentors are within 30 km, unless you meet remotely."],
    ["topics", { topics: ["Time management", "Delegating"] }, "Matching looks at the topics you want to work on, such as time management and delegating."],
    ["topics listed only", { topics: ["Delegating"], matching: { mode: "next_available" } }, "Common topics include delegating."],
    ["preferences", { matching: { criteria: { honourPreferences: ["gender", "language"] } } }, "You can ask for your preference about gender or language to be respected."],
    ["mentee arranges", { matching: { firstContact: "mentee" } }, "You arrange the first meeting."],
    ["mentor arranges", { matching: { firstContact: "mentor" } }, "Your mentor contacts you to arrange the first meeting."],
    ["trial", { matching: { trialMeeting: true } }, "After the first meeting either of you can end the match without giving a reason."],
    ["no-fault change", {}, "You can ask for a different mentor at any time without giving a reason."],
    ["unlimited", { meetings: { max: null, cadenceWeeks: 6 } }, "You meet every 6 weeks, for 60–90 minutes"],
    ["single meeting", { meetings: { max: 1, minutes: { min: 45, max: 45 }, modes: ["video"] } }, "One meeting of 45 minutes, by video."],
    ["hours", { meetings: { max: 6, minutes: { min: 60, max: 120 }, modes: ["in_person", "phone"] } }, "of 1–2 hours, in person or by phone."],
    ["two hours", { meetings: { max: 9, cadenceWeeks: 6, minutes: { min: 120, max: 120 } } }, "Up to 9 meetings, every 6 weeks, of 2 hours"],
    ["weekly", { meetings: { cadenceWeeks: 1 } }, "You meet weekly"],
    ["fortnightly", { meetings: { cadenceWeeks: 2 } }, "You meet every two weeks"],
    ["quarterly", { meetings: { cadenceWeeks: 13 } }, "You meet about every three months"],
    ["relationship length", { relationship: { maxMonths: 12 } }, "The relationship lasts up to 12 months."],
    ["contract", { meetings: { firstIsContract: true } }, "The first meeting agrees how you will work together and what to focus on."],
    ["contract and review", { meetings: { max: 6, firstIsContract: true, lastIsReview: true } }, "The last looks back at what you have learned and its impact."],
    ["review only", { meetings: { max: 6, firstIsContract: false, lastIsReview: true } }, "The last meeting looks back"],
    ["no notes", { notes: { policy: "none" } }, "No notes are kept; you may keep private reflections that only you can read."],
    ["actions", { notes: { policy: "actions_only" } }, "You record agreed actions between you; coordinators never see them."],
    ["shared notes", { notes: { policy: "shared_notes" } }, "You can keep shared notes between you; coordinators never see them."],
    ["preparation offered", { mentees: { preparation: "offered" } }, "A short preparation course is offered before matching."],
    ["preparation required", { mentees: { preparation: "required" } }, "Before matching, you complete a short preparation course."],
    ["modules", { mentors: { requiredModules: [{ id: "m", name: "the masterclass" }], approval: true } }, "Mentors complete the masterclass and are approved by the coordinator."],
    ["approval only", { mentors: { approval: true } }, "Mentors are approved by the coordinator."],
    ["co-mentoring modules", { format: { kind: "co_mentoring" }, mentors: { requiredModules: [{ id: "c", name: "the course" }], approval: false } }, "Everyone completes the course."],
    ["support", { mentors: { support: { minEventsPer12Months: 1, peerAppraisalEveryMonths: 12, supervision: true } } }, "Mentors attend at least 1 support event a year, have a peer appraisal every 12 months and have supervision."],
    ["per meeting", { remuneration: { kind: "per_meeting", feePence: 15000, capMeetings: 6, expensesAllowed: true } }, "Mentors are paid £150.00 a meeting for up to 6 meetings, plus expenses."],
    ["per meeting, plain", { remuneration: { kind: "per_meeting", feePence: 9999 } }, "Mentors are paid £99.99 a meeting."],
    ["job plan", { remuneration: { kind: "job_plan", hoursPerMonth: 2 } }, "Mentoring time is recognised in mentors' job plans (2 hours a month)."],
    ["job plan, no hours", { remuneration: { kind: "job_plan" } }, "Mentoring time is recognised in mentors' job plans."],
    ["annual fee", { remuneration: { kind: "annual_fee", feePence: 100000 } }, "Mentors receive an annual fee of £1,000.00."],
    ["facilitators paid", { format: { kind: "group", maxSize: 10 }, remuneration: { kind: "annual_fee", feePence: 50 } }, "Facilitators receive an annual fee of £0.50."],
    ["feedback at end", {}, "At the end you are asked for feedback."],
    ["midpoint feedback", { feedback: { midpoint: true } }, "You are asked for feedback halfway through and at the end."],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    expect(describeRules(rules(input))).toContain(expected);
  });

  const absent: [string, SchemeRulesInput, string][] = [
    ["no outsiders sentence when open to everyone", { audience: { outsiders: "closed" } }, "Other staff"],
    ["no no-fault sentence for groups", { format: { kind: "group", maxSize: 5 } }, "different mentor"],
    ["no distance for co-mentoring", { format: { kind: "co_mentoring" }, matching: { criteria: { distance: { maxKm: 5 } } } }, "km"],
    ["no payment sentence when unpaid", {}, "paid"],
    ["no feedback sentence without questions", { feedback: { endOfRelationship: [] } }, "feedback"],
    ["no preparation sentence when none", { mentees: { preparation: "none" } }, "preparation course"],
  ];
  it.each(absent)("%s", (_name, input, unexpected) => {
    expect(describeRules(rules(input))).not.toContain(unexpected);
  });

  it("gives the same text in parts", () => {
    const r = rules({});
    const parts = describeRulesParts(r);
    expect(Object.values(parts).filter(Boolean).join(" ")).toBe(describeRules(r));
  });

  it("does not throw on rules that skipped validation", () => {
    expect(describeRules({} as SchemeRules)).toBe(undescribableRules);
  });

  it("names target groups", () => {
    expect(describeTargetGroups(rules({ audience: { groups: ["gp_partner", "salaried_gp", "gp_non_principal"] } }))).toBe(
      "GP partners, salaried GPs and GP non-principals (including locums)",
    );
  });
});
