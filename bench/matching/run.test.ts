import { describe, expect, it } from "vitest";
import { solveWithHighs } from "./run";

// The HiGHS comparison is only worth printing if its LP says the same thing as the objective.
describe("solveWithHighs", () => {
  const instance = {
    mentees: [{ id: "a" }, { id: "b" }],
    mentors: [
      { id: "x", capacity: 1 },
      { id: "y", capacity: 1 },
    ],
    pairs: [
      ["a", "x", 1],
      ["b", "x", 0.5],
      ["a", "y", 0.1],
    ] as [string, string, number][],
  };

  it("matches as many as it can first, then maximises the score", async () => {
    const result = await solveWithHighs({ ...instance, objective: "max_matched_then_score" });
    expect(result).toMatchObject({ status: "Optimal", matched: 2 });
    expect(result.score).toBeCloseTo(0.6, 9);
  });

  it("maximises the score alone under max_score, honouring locked and excluded pairs", async () => {
    expect(await solveWithHighs({ ...instance, objective: "max_score" })).toMatchObject({
      matched: 1,
      score: 1,
    });
    const locked = await solveWithHighs({
      ...instance,
      objective: "max_score",
      locked: [["b", "x"]],
    });
    expect(locked.matched).toBe(2);
    expect(locked.score).toBeCloseTo(0.6, 9);
    const excluded = await solveWithHighs({
      ...instance,
      objective: "max_score",
      excluded: [["a", "x"]],
    });
    expect(excluded.score).toBeCloseTo(0.6, 9);
  });
});
