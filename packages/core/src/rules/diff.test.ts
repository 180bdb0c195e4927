import { describe, expect, it } from "vitest";
import { compareRules, diffRules, notApplicable } from "./diff";
import { ruleFields } from "./fields";
import { SchemeRules, type SchemeRulesInput } from "./schema";
import { schemeTemplates } from "./templates";

const rules = (input: SchemeRulesInput) => SchemeRules.parse(input);

describe("diffRules", () => {
  it("is empty for equal rules", () => {
    expect(diffRules(rules({}), rules({}))).toEqual([]);
  });

  const cases: [string, SchemeRulesInput, SchemeRulesInput, { path: string; label: string; before: string; after: string }[]][] = [
    ["maximum meetings", { meetings: { max: 6 } }, { meetings: { max: 8 } }, [{ path: "meetings.max", label: "Maximum meetings", before: "6", after: "8" }]],
    ["unlimited meetings", { meetings: { max: 6 } }, {}, [{ path: "meetings.max", label: "Maximum meetings", before: "6", after: "Unlimited" }]],
    [
      "matching mode",
      { matching: { mode: "free_choice" } },
      { matching: { mode: "allocation" } },
      [{ path: "matching.mode", label: "Matching", before: "Mentee chooses freely", after: "Coordinator allocates" }],
    ],
    [
      "notes policy",
      { notes: { policy: "none" } },
      { notes: { policy: "shared_notes" } },
      [{ path: "notes.policy", label: "Notes", before: "No notes (private reflections only)", after: "Shared notes" }],
    ],
    [
      "staff groups",
      {},
      { audience: { groups: ["consultant", "new_consultant"] } },
      [{ path: "audience.groups", label: "Staff groups", before: "All staff groups", after: "Consultants, New consultants" }],
    ],
    [
      "fee",
      { remuneration: { kind: "per_meeting", feePence: 15000 } },
      { remuneration: { kind: "per_meeting", feePence: 17550 } },
      [{ path: "remuneration.feePence", label: "Mentor fee", before: "£150.00", after: "£175.50" }],
    ],
    [
      "format change shows the fields that come and go",
      {},
      { format: { kind: "group", maxSize: 12, facilitators: 2 } },
      [
        { path: "format.kind", label: "Format", before: "One to one", after: "Group" },
        { path: "format.maxSize", label: "Largest group", before: notApplicable, after: "12" },
        { path: "format.facilitators", label: "Facilitators per group", before: notApplicable, after: "2" },
      ],
    ],
    [
      "a changed application question",
      { application: { kind: "form", questions: [{ id: "why", label: "Why?", kind: "long_text" }] } },
      { application: { kind: "form", questions: [{ id: "why", label: "Why now?", kind: "long_text" }] } },
      [
        {
          path: "application.questions",
          label: "Application questions",
          before: "Why? (long answer, required) [why]",
          after: "Why now? (long answer, required) [why]",
        },
      ],
    ],
  ];

  it.each(cases)("%s", (_name, a, b, expected) => {
    expect(diffRules(rules(a), rules(b))).toEqual(expected);
  });

  it("lists changes in the fixed field order, whatever order they were made in", () => {
    const a = rules({});
    const b = rules({ publicity: { listed: false, contact: { name: "A" } }, meetings: { cadenceWeeks: 6 }, audience: { outsiders: "open" } });
    expect(diffRules(a, b).map((c) => c.path)).toEqual(["audience.outsiders", "meetings.cadenceWeeks", "publicity.contact.name"]);
  });

  it("does not care about the order of partner organisations", () => {
    const ids = ["9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a", "11111111-1111-4111-8111-111111111111"];
    expect(diffRules(rules({ partnerOrganisationIds: ids }), rules({ partnerOrganisationIds: [...ids].reverse() }))).toEqual([]);
  });
});

describe("compareRules", () => {
  it("puts schemes side by side and marks the rows that differ", () => {
    const rows = compareRules(schemeTemplates.map((t) => t.rules));
    const max = rows.find((r) => r.path === "meetings.max");
    expect(max).toEqual({
      path: "meetings.max",
      label: "Maximum meetings",
      values: ["Unlimited", "Unlimited", "Unlimited", "6", "Unlimited", "9", "6"],
      differs: true,
    });
    const review = rows.find((r) => r.path === "feedback.minResponsesForText");
    expect(review?.differs).toBe(false);
  });

  it("leaves out fields that apply to none of the schemes", () => {
    const paths = compareRules([rules({}), rules({ meetings: { max: 3 } })]).map((r) => r.path);
    expect(paths).not.toContain("format.maxSize");
    expect(paths).not.toContain("remuneration.feePence");
    expect(paths).toContain("meetings.max");
  });

  it("has one row per applicable field, in field order", () => {
    const rows = compareRules([rules({}), rules({})]);
    const order = ruleFields.map((f) => f.path);
    expect(rows.map((r) => order.indexOf(r.path))).toEqual([...rows.map((r) => order.indexOf(r.path))].sort((x, y) => x - y));
    expect(rows.every((r) => !r.differs && r.values.length === 2)).toBe(true);
  });
});
