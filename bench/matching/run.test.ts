import {
  type AssignmentInstance,
  blockingPairs,
  parseAssignmentText,
  solveAssignment,
  stableAllocation,
} from "@tandem/core";
import { describe, expect, it } from "vitest";
import { generateInstance, mulberry32 } from "./generate";
import {
  countBlockingPairs,
  priceOfStability,
  solveFairly,
  solveStable,
  solveWithHighs,
} from "./run";

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

// The bench counts blocking pairs in one pass (core's `blockingPairs` takes seconds at national
// scale); the count must be core's, ties, locks, exclusions and odd assignments included.
describe("countBlockingPairs", () => {
  it("equals the length of core's blockingPairs on random instances, in either form", () => {
    const random = mulberry32(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
    let compared = 0;
    let nonZero = 0;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(random() * 12);
      const m = 1 + Math.floor(random() * 6);
      const mentees = Array.from({ length: n }, (_, i) => ({ id: `a${i}` }));
      const mentors = Array.from({ length: m }, (_, j) => ({
        id: `b${j}`,
        capacity: Math.floor(random() * 3),
      }));
      // Few distinct scores, so ties are common.
      const scores = round % 2 === 0 ? [0, 0.5, 1] : [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
      const pairs: [string, string, number][] = [];
      for (const a of mentees)
        for (const b of mentors) if (random() < 0.6) pairs.push([a.id, b.id, pick(scores)]);
      const room = new Map(mentors.map((b) => [b.id, b.capacity]));
      const locked: [string, string][] = [];
      const excluded: [string, string][] = [];
      const lockedMentees = new Set<string>();
      for (const [a, b] of pairs) {
        const r = random();
        if (r < 0.08 && !lockedMentees.has(a) && room.get(b)! > 0) {
          locked.push([a, b]);
          lockedMentees.add(a);
          room.set(b, room.get(b)! - 1);
        } else if (r < 0.16 && !lockedMentees.has(a)) excluded.push([a, b]);
      }
      const instance: AssignmentInstance = {
        mentees,
        mentors,
        pairs,
        objective: round % 3 === 0 ? "max_score" : "max_matched_then_score",
        ...(round % 4 === 0 ? {} : { locked, excluded }),
      };
      const compact = parseAssignmentText(JSON.stringify(instance));
      const optimum = solveAssignment(instance).assignment;
      const stable = stableAllocation({ instance }).assignment;
      // Any assignment at all: unmatched, over capacity, pairs not allowed or excluded.
      const arbitrary = mentees.flatMap(({ id }): [string, string][] =>
        random() < 0.3 ? [] : [[id, pick(mentors).id]],
      );
      for (const assignment of [optimum, stable, arbitrary]) {
        const expected = blockingPairs({ instance, assignment }).length;
        expect(countBlockingPairs(instance, assignment)).toBe(expected);
        expect(countBlockingPairs(compact, assignment)).toBe(expected);
        compared++;
        if (expected > 0) nonZero++;
      }
      expect(countBlockingPairs(instance, stable)).toBe(0);
    }
    expect(compared).toBe(900);
    expect(nonZero).toBeGreaterThan(200);
  });

  it("agrees with core on a generated scheme", () => {
    const instance = generateInstance({
      seed: 3,
      mentees: 300,
      mentors: 90,
      cities: 2,
      popularity: 0.3,
    });
    const { assignment } = solveAssignment(instance);
    const expected = blockingPairs({ instance, assignment }).length;
    expect(expected).toBeGreaterThan(0);
    expect(countBlockingPairs(parseAssignmentText(JSON.stringify(instance)), assignment)).toBe(
      expected,
    );
  });
});

describe("solveStable and solveFairly", () => {
  const instance: AssignmentInstance = {
    mentees: [{ id: "a" }, { id: "b" }],
    mentors: [
      { id: "x", capacity: 1 },
      { id: "y", capacity: 1 },
    ],
    // Both prefer x; x prefers a. Stable: a-x, b-y (1.1); optimum and fair: a-y, b-x (1.15).
    pairs: [
      ["a", "x", 0.9],
      ["a", "y", 0.3],
      ["b", "x", 0.85],
      ["b", "y", 0.2],
    ],
    objective: "max_matched_then_score",
  };

  it("reports the stable allocation, with no blocking pair, and the price of stability", async () => {
    const stable = await solveStable(instance);
    expect(stable).toMatchObject({ matched: 2, blockingPairs: 0 });
    expect(stable.score).toBeCloseTo(1.1, 9);
    expect(priceOfStability({ matched: 2, score: 1.15 }, stable)).toBe("0.050");
    expect(priceOfStability({ matched: 3, score: 1.6 }, stable)).toBe("0.500 (1 fewer matched)");
  });

  it("reports the fair allocation's floor", async () => {
    const fair = await solveFairly(instance);
    expect(fair.matched).toBe(2);
    expect(fair.worstOff).toBeCloseTo(0.3, 9);
    expect(fair.score).toBeCloseTo(1.15, 9);
  });
});
