import { describe, expect, it } from "vitest";
import { LEAD_MAX_WORDS, splitLead } from "./scheme-lead";

describe("splitLead", () => {
  it("takes the first sentence as the lead and keeps the rest as body text", () => {
    expect(splitLead("For GPs in their first five years. Meet six times.  Mentors are paid.")).toEqual({
      lead: "For GPs in their first five years.",
      rest: ["Meet six times. Mentors are paid."],
    });
    expect(splitLead("Just one sentence.")).toEqual({ lead: "Just one sentence.", rest: [] });
    expect(splitLead("  ")).toEqual({ lead: null, rest: [] });
  });

  it("never puts more than the limit in large type, and loses no words", () => {
    const long = `${Array.from({ length: LEAD_MAX_WORDS + 5 }, (_, i) => `word${i}`).join(" ")}. Then more.`;
    const { lead, rest } = splitLead(long);
    expect(lead).toBeNull();
    expect(rest.join(" ")).toBe(long);
    const split = splitLead("A short lead. And then a great deal more text that follows it.");
    expect(`${split.lead} ${split.rest.join(" ")}`).toBe("A short lead. And then a great deal more text that follows it.");
  });
});
