import { schemeTemplates, SchemeRules, validateRules } from "@tandem/core";
import { describe, expect, it } from "vitest";
import {
  booleanFields,
  errorsForForm,
  fieldForRulePath,
  fieldId,
  formDefaults,
  formValuesFromFormData,
  orderedErrors,
  penceFromPounds,
  poundsFromPence,
  rulesFromForm,
  type FormValues,
} from "./rules-form";

/** What a browser sends for these values (unticked checkboxes send nothing). */
function formData(values: FormValues): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) for (const v of value) data.append(name, v);
    else if (value !== "" || !(booleanFields as readonly string[]).includes(name)) data.append(name, value);
  }
  return data;
}

function edit(rules: SchemeRules, changes: FormValues) {
  return rulesFromForm(formData({ ...formDefaults(rules), ...changes }), rules);
}

const plain = SchemeRules.parse({});

describe("rulesFromForm and formDefaults", () => {
  it.each(schemeTemplates.map((t) => [t.id, t.rules] as const))("gives back the same rules for the template %s", (_id, rules) => {
    const result = validateRules(rulesFromForm(formData(formDefaults(rules)), rules));
    expect(result).toEqual({ ok: true, rules: { ...rules, meetings: { ...rules.meetings, modes: expect.any(Array) } } });
    if (result.ok) expect([...result.rules.meetings.modes].sort()).toEqual([...rules.meetings.modes].sort());
  });

  it("reads an empty maximum number of meetings as unlimited and a number as the limit", () => {
    expect(edit(plain, { "meetings.max": "" })).toMatchObject({ meetings: { max: null } });
    expect(edit(plain, { "meetings.max": " 6 " })).toMatchObject({ meetings: { max: 6 } });
  });

  it("does not fill an emptied required number with the default, so validation asks for it", () => {
    const result = validateRules(edit(plain, { "meetings.cadenceWeeks": "" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ path: "meetings.cadenceWeeks", message: "Enter the weeks between meetings as a number" }]);
  });

  it("reads unticked checkboxes as no and ticked ones as yes", () => {
    const data = formData({ ...formDefaults(plain), "publicity.listed": "", "matching.trialMeeting": "" });
    expect(rulesFromForm(data, plain)).toMatchObject({ publicity: { listed: false }, matching: { trialMeeting: false } });
    expect(edit(plain, { "publicity.listed": "yes" })).toMatchObject({ publicity: { listed: true } });
  });

  it("reads target groups, outsiders and the matching mode", () => {
    const rules = edit(plain, {
      "audience.groups": ["consultant", "new_consultant"],
      "audience.outsiders": "closed",
      "matching.mode": "allocation",
    });
    expect(rules).toMatchObject({
      audience: { groups: ["consultant", "new_consultant"], outsiders: "closed" },
      matching: { mode: "allocation" },
    });
  });

  it("reads application questions one a line, keeping ids of unchanged questions", () => {
    const template = schemeTemplates.find((t) => t.rules.application.kind === "form")!;
    const before = template.rules.application.kind === "form" ? template.rules.application.questions : [];
    const values = formDefaults(template.rules);
    const text = `${String(values["application.questions"])}\nDo you hold a budget? (yes or no) (optional)\nWhy now? (short answer)`;
    const rules = edit(template.rules, { "application.questions": text }) as { application: { questions: unknown[] } };
    expect(rules.application.questions.slice(0, before.length)).toEqual(before);
    expect(rules.application.questions.slice(before.length)).toEqual([
      { id: "do-you-hold-a-budget", label: "Do you hold a budget?", kind: "yes_no", required: false },
      { id: "why-now", label: "Why now?", kind: "short_text", required: true },
    ]);
  });

  it("reads feedback questions and mentor modules, with their markers", () => {
    const rules = edit(plain, {
      "feedback.endOfRelationship": "How useful was it?\nWhat changed? (free text)",
      "mentors.requiredModules": "Skills course (renew every 36 months)\nEthics",
    });
    expect(rules).toMatchObject({
      feedback: {
        endOfRelationship: [
          { id: "how-useful-was-it", label: "How useful was it?", kind: "likert" },
          { id: "what-changed", label: "What changed?", kind: "free_text" },
        ],
      },
      mentors: {
        requiredModules: [
          { id: "skills-course", name: "Skills course", validityMonths: 36 },
          { id: "ethics", name: "Ethics" },
        ],
      },
    });
  });

  it("takes fees in pounds and stores pence", () => {
    const rules = edit(plain, { "remuneration.kind": "per_meeting", "remuneration.perMeetingFee": "£150.50", "remuneration.expensesAllowed": "yes" });
    expect(rules).toMatchObject({ remuneration: { kind: "per_meeting", feePence: 15050, expensesAllowed: true } });
    expect(penceFromPounds("1,995")).toBe(199500);
    expect(penceFromPounds("ten")).toBeNaN();
    expect(penceFromPounds("£12.5x")).toBeNaN();
    expect(penceFromPounds("12,5")).toBeNaN();
    expect(penceFromPounds("£ 1,995.5")).toBe(199550);
    expect(poundsFromPence(199500)).toBe("1995");
    expect(poundsFromPence(15050)).toBe("150.50");
  });

  it("reads a comma only as a thousands separator", () => {
    expect(edit(plain, { "meetings.cadenceWeeks": "1,000" })).toMatchObject({ meetings: { cadenceWeeks: 1000 } });
    expect(edit(plain, { "meetings.cadenceWeeks": "4,5" })).toMatchObject({ meetings: { cadenceWeeks: Number.NaN } });
  });

  it("shows every error in one round, each in place and naming its field", () => {
    const mastermind = schemeTemplates.find((t) => t.rules.participantFee.kind === "annual")!.rules;
    const values = {
      ...formDefaults(mastermind),
      "participantFee.fee": "£12.5x",
      "meetings.minutes.min": "120",
      "meetings.minutes.max": "60",
      "mentors.maxMentees": "2",
      "matching.mentorCapacityDefault": "5",
      "matching.criteria.topics.weight": "2",
      "matching.criteria.availability.weight": "lots",
    };
    const result = validateRules(rulesFromForm(formData(values), mastermind));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errors: Record<string, string[]> = {};
    for (const e of result.errors) (errors[e.path] ??= []).push(e.message);
    const { fieldErrors, formErrors } = errorsForForm(errors, values);
    expect(formErrors).toEqual([]);
    expect(fieldErrors).toEqual({
      "participantFee.fee": "Enter the yearly fee in pounds, for example 1995",
      "meetings.minutes.max": "Set the longest meeting to at least the shortest (120 minutes)",
      "matching.mentorCapacityDefault": "Set the usual number of mentees per mentor no higher than the most a mentor may take (2)",
      "matching.criteria.topics.weight": "Enter the topics weight as a number between 0 and 1, for example 0.5",
      "matching.criteria.availability.weight": "Enter the availability weight as a number between 0 and 1, for example 0.5",
    });
  });

  it("shows a form again exactly as sent", () => {
    const data = formData({ ...formDefaults(plain), "meetings.max": "abc", "audience.groups": ["nurse"] });
    const values = formValuesFromFormData(data);
    expect(values["meetings.max"]).toBe("abc");
    expect(values["audience.groups"]).toEqual(["nurse"]);
    expect(values["format.groupSizes"]).toEqual(["2"]);
  });
});

describe("errors in place", () => {
  const values = formDefaults(plain);

  it("finds the field for a rule path", () => {
    expect(fieldForRulePath("meetings.max", values)).toBe("meetings.max");
    expect(fieldForRulePath("application.questions.2.label", values)).toBe("application.questions");
    expect(fieldForRulePath("meetings.modes.0", values)).toBe("meetings.modes");
    expect(fieldForRulePath("matching.criteria", values)).toBe("matching.criteria.specialty.weight");
    expect(fieldForRulePath("remuneration.feePence", { ...values, "remuneration.kind": "annual_fee" })).toBe("remuneration.annualFee");
    expect(fieldForRulePath("", values)).toBeNull();
    expect(fieldForRulePath("rules", values)).toBeNull();
    expect(fieldId("meetings.minutes.max")).toBe("meetings-minutes-max");
  });

  it("turns every error the rules give into a message by field, in page order", () => {
    const result = validateRules(
      edit(plain, {
        "meetings.max": "0",
        "format.kind": "group",
        "format.maxSize": "",
        "remuneration.kind": "per_meeting",
        "remuneration.perMeetingFee": "lots",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath: Record<string, string[]> = {};
    for (const e of result.errors) (byPath[e.path] ??= []).push(e.message);
    const { fieldErrors, formErrors } = errorsForForm(byPath, values);
    expect(formErrors).toEqual([]);
    expect(fieldErrors).toMatchObject({
      "format.maxSize": "Enter the largest group size as a number",
      "meetings.max": "The maximum number of meetings must be 1 or more",
      "remuneration.perMeetingFee": "Enter the fee per meeting in pounds, for example 150",
    });
    const order = orderedErrors(fieldErrors).map((e) => e.field);
    expect(order).toEqual(["format.maxSize", "meetings.max", "remuneration.perMeetingFee"]);
  });

  it("places checks across fields on the field to change", () => {
    const result = validateRules(edit(plain, { "publicity.listed": "yes", "publicity.description.summary": "" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, [e.message]]));
    expect(errorsForForm(byPath, values).fieldErrors).toMatchObject({
      "publicity.description.summary": "Enter a summary of what mentoring means in this scheme before listing it",
    });
  });

  it("keeps errors about the rules as a whole for the summary", () => {
    expect(errorsForForm({ rules: ["Scheme rules could not be read"] }, values)).toEqual({
      fieldErrors: {},
      formErrors: ["Scheme rules could not be read"],
    });
  });
});
