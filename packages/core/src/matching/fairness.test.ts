import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AssignmentInstance, solveAssignment } from "./assignment";
import { solveFair } from "./fairness";
import { arbitraryInstance as arbitraryInstanceWith } from "./arbitrary-instance";

const arbitraryInstance = arbitraryInstanceWith({ mentees: { min: 1, max: 6 }, capacity: { max: 2 }, mentors: { min: 1, max: 4 }, minDensity: 0.2, draws: 24, maxKind: 14, steps: 8 });

/** Every allocation, by depth-first search: the best (floor, then total) among those matching at least `target`. */
function bruteForce(instance: AssignmentInstance, target: number) {
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
  const lockedTo = new Map(instance.locked ?? []);
  const options = instance.mentees.map(({ id }) => {
    const mine = instance.pairs.filter(([a, b]) => a === id && !excluded.has(`${a}|${b}`));
    const lock = lockedTo.get(id);
    return lock === undefined ? mine : mine.filter(([, b]) => b === lock);
  });
  const load = new Map<string, number>();
  const capacity = new Map(instance.mentors.map(({ id, capacity }) => [id, capacity]));
  let best: { floor: number; total: number } | null = null;
  const visit = (i: number, matched: number, floor: number, total: number) => {
    if (i === instance.mentees.length) {
      if (matched < target) return;
      const units = Math.round(total * 1e9);
      if (!best || floor > best.floor || (floor === best.floor && units > Math.round(best.total * 1e9))) best = { floor, total };
      return;
    }
    const id = instance.mentees[i]!.id;
    const isLocked = lockedTo.has(id);
    if (!isLocked) visit(i + 1, matched, floor, total);
    for (const [, b, score] of options[i]!) {
      if ((load.get(b) ?? 0) >= capacity.get(b)!) continue;
      load.set(b, (load.get(b) ?? 0) + 1);
      visit(i + 1, matched + 1, isLocked ? floor : Math.min(floor, score), total + score);
      load.set(b, load.get(b)! - 1);
    }
  };
  visit(0, 0, Infinity, 0);
  return best as { floor: number; total: number } | null;
}

describe("solveFair", () => {
  it("raises the worst-off mentee even at a cost in total score", () => {
    const instance: AssignmentInstance = {
      mentees: [{ id: "e0" }, { id: "e1" }],
      mentors: [
        { id: "m0", capacity: 1 },
        { id: "m1", capacity: 1 },
      ],
      pairs: [
        ["e0", "m0", 1],
        ["e0", "m1", 0.3],
        ["e1", "m0", 0.4],
        ["e1", "m1", 0.1],
      ],
      objective: "max_matched_then_score",
    };
    expect(solveAssignment(instance).score).toBeCloseTo(1.1);
    const fair = solveFair(instance);
    expect(fair.assignment).toEqual([
      ["e0", "m1"],
      ["e1", "m0"],
    ]);
    expect(fair.floor).toBe(0.3);
    expect(fair.score).toBeCloseTo(0.7);
  });

  it("never drops a mentee to raise the floor", () => {
    const instance: AssignmentInstance = {
      mentees: [{ id: "e0" }, { id: "e1" }],
      mentors: [{ id: "m0", capacity: 2 }],
      pairs: [
        ["e0", "m0", 0.9],
        ["e1", "m0", 0.1],
      ],
      objective: "max_matched_then_score",
    };
    expect(solveFair(instance)).toMatchObject({ matched: 2, floor: 0.1 });
  });

  it("with max_score, still matches as many as the optimum when the floor's pairs favour fewer", () => {
    // The optimum is A-X + B-Z (1.05, two matched). Above the floor (0.45) A-X alone would score
    // most, but two must be matched: A-Y + B-X.
    const instance: AssignmentInstance = {
      mentees: [{ id: "A" }, { id: "B" }],
      mentors: [
        { id: "X", capacity: 1 },
        { id: "Y", capacity: 1 },
        { id: "Z", capacity: 1 },
      ],
      pairs: [
        ["A", "X", 1],
        ["A", "Y", 0.45],
        ["B", "X", 0.45],
        ["B", "Z", 0.05],
      ],
      objective: "max_score",
    };
    expect(solveAssignment(instance)).toMatchObject({ matched: 2 });
    const fair = solveFair(instance);
    expect(fair.assignment).toEqual([
      ["A", "Y"],
      ["B", "X"],
    ]);
    expect(fair.floor).toBe(0.45);
    expect(fair.score).toBeCloseTo(0.9);
  });

  it("keeps locks and leaves them out of the floor", () => {
    const instance: AssignmentInstance = {
      mentees: [{ id: "e0" }, { id: "e1" }],
      mentors: [{ id: "m0", capacity: 2 }],
      pairs: [
        ["e0", "m0", 0.1],
        ["e1", "m0", 0.8],
      ],
      objective: "max_matched_then_score",
      locked: [["e0", "m0"]],
    };
    expect(solveFair(instance)).toMatchObject({ matched: 2, floor: 0.8 });
  });

  it("agrees with brute force on 500 random instances (both objectives, locks, exclusions)", () => {
    let withFloor = 0;
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const target = solveAssignment(instance).matched;
        const fair = solveFair(instance);
        const lockedCount = new Set((instance.locked ?? []).map(([a]) => a)).size;
        expect(fair.matched).toBeGreaterThanOrEqual(target);
        if (instance.objective === "max_matched_then_score") expect(fair.matched).toBe(target);

        // A valid allocation: allowed, not excluded, capacities kept, locks kept.
        const allowed = new Map(instance.pairs.map(([a, b, s]) => [`${a}|${b}`, s]));
        const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
        const load = new Map<string, number>();
        let total = 0;
        for (const [a, b] of fair.assignment) {
          expect(allowed.has(`${a}|${b}`) && !excluded.has(`${a}|${b}`)).toBe(true);
          load.set(b, (load.get(b) ?? 0) + 1);
          total += allowed.get(`${a}|${b}`)!;
        }
        for (const { id, capacity } of instance.mentors) expect(load.get(id) ?? 0).toBeLessThanOrEqual(capacity);
        for (const [a, b] of instance.locked ?? []) expect(fair.assignment).toContainEqual([a, b]);
        expect(fair.score).toBeCloseTo(total, 9);

        if (target <= lockedCount) return;
        withFloor++;
        const best = bruteForce(instance, target)!;
        expect(fair.floor).toBe(best.floor);
        expect(fair.score).toBeCloseTo(best.total, 7);
      }),
      { numRuns: 500, seed: 20261125 },
    );
    expect(withFloor).toBeGreaterThan(300);
  });
});
