import { buildCandidates, buildCandidatesIndexed } from "@tandem/core";
import { describe, expect, it } from "vitest";
import { measureCandidates } from "./candidates";
import { generateScheme } from "./generate";

describe("generateScheme", () => {
  it("gives the same people for the same seed", () => {
    const options = { seed: 3, mentees: 50, mentors: 20, cities: 3 };
    expect(generateScheme(options)).toEqual(generateScheme(options));
  });

  it("gives buildCandidatesIndexed and the full scan the same candidates", () => {
    const { mentees, mentors, rules } = generateScheme({
      seed: 5,
      mentees: 200,
      mentors: 120,
      cities: 30,
    });
    const options = { mentees, mentors, rules, topK: 8 };
    expect(buildCandidatesIndexed(options).instance).toEqual(buildCandidates(options).instance);
  });
});

describe("measureCandidates", () => {
  it("reports the trust case as agreeing with the full scan", () => {
    expect(measureCandidates("trust", 1)).toMatchObject({
      mentees: 500,
      mentors: 150,
      same: true,
    });
  });
});
