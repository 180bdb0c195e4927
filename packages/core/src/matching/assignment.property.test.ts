// Random small instances against HiGHS, an independent solver: the same problem as a 0-1 program.
import fc from "fast-check";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { type AssignmentInstance, parseAssignmentText, solveAssignment, verifyOptimality } from "./assignment";
import { arbitraryInstance as arbitraryInstanceWith } from "./arbitrary-instance";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const arbitraryInstance = arbitraryInstanceWith({ mentees: { min: 0, max: 8 }, capacity: { max: 3 }, mentors: { min: 0, max: 5 }, minDensity: 0, draws: 40, maxKind: 9, steps: 6 });

/** The objective both solvers maximise: for the lexicographic one, a bonus per pair above any total score. */
function bonusOf(instance: AssignmentInstance) {
  return instance.objective === "max_matched_then_score" ? instance.mentees.length + 1 : 0;
}

function solveWithHighs(instance: AssignmentInstance): number {
  const bonus = bonusOf(instance);
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
  const allowed = instance.pairs.filter(([a, b]) => !excluded.has(`${a}|${b}`));
  if (allowed.length === 0) return 0;
  const name = (a: string, b: string) => `x_${a}_${b}`;
  const terms = allowed.map(([a, b, s]) => `+ ${bonus + s} ${name(a, b)}`).join(" ");
  const rows: string[] = [];
  for (const { id } of instance.mentees) {
    const mine = allowed.filter(([a]) => a === id);
    if (mine.length > 0) rows.push(`e_${id}: ${mine.map(([a, b]) => `+ ${name(a, b)}`).join(" ")} <= 1`);
  }
  for (const { id, capacity } of instance.mentors) {
    const mine = allowed.filter(([, b]) => b === id);
    if (mine.length > 0) rows.push(`m_${id}: ${mine.map(([a, b]) => `+ ${name(a, b)}`).join(" ")} <= ${capacity}`);
  }
  for (const [a, b] of instance.locked ?? []) rows.push(`l_${a}_${b}: ${name(a, b)} = 1`);
  const model = [
    "Maximize",
    ` obj: ${terms}`,
    "Subject To",
    ...rows.map((row) => ` ${row}`),
    "Binary",
    ` ${allowed.map(([a, b]) => name(a, b)).join(" ")}`,
    "End",
  ].join("\n");
  const solution = highs.solve(model, { output_flag: false });
  if (solution.Status !== "Optimal") throw new Error(`HiGHS: ${solution.Status}`);
  return solution.ObjectiveValue;
}

describe("solveAssignment against HiGHS", () => {
  it("finds the same optimum and keeps every hard constraint on 1,200 random instances", () => {
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const result = solveAssignment(instance);
        const expected = solveWithHighs(instance);
        expect(result.matched * bonusOf(instance) + result.score).toBeCloseTo(expected, 6);

        const load = new Map<string, number>();
        const seen = new Set<string>();
        const allowed = new Set(instance.pairs.map(([a, b]) => `${a}|${b}`));
        const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
        for (const [a, b] of result.assignment) {
          expect(seen.has(a)).toBe(false);
          seen.add(a);
          expect(allowed.has(`${a}|${b}`)).toBe(true);
          expect(excluded.has(`${a}|${b}`)).toBe(false);
          load.set(b, (load.get(b) ?? 0) + 1);
        }
        for (const { id, capacity } of instance.mentors) expect(load.get(id) ?? 0).toBeLessThanOrEqual(capacity);
        const chosen = new Set(result.assignment.map(([a, b]) => `${a}|${b}`));
        for (const [a, b] of instance.locked ?? []) expect(chosen.has(`${a}|${b}`)).toBe(true);
        expect(result.matched).toBe(result.assignment.length);

        expect(verifyOptimality(instance, result)).toEqual({ optimal: true, violations: 0 });
        // Read from JSON text into typed arrays, the same instance gives the same answer.
        expect(solveAssignment(parseAssignmentText(JSON.stringify(instance)))).toEqual(result);
        // With the auction warm start (which these sizes do not get by default): the same optimum.
        const warm = solveAssignment(instance, { warmStart: "always" });
        expect(warm.matched * bonusOf(instance) + warm.score).toBeCloseTo(expected, 6);
        expect(verifyOptimality(instance, warm)).toEqual({ optimal: true, violations: 0 });

        // The certificate is not a rubber stamp: dropping a free pair that earns something is caught.
        const locked = new Set((instance.locked ?? []).map(([a, b]) => `${a}|${b}`));
        const scoreOf = new Map(instance.pairs.map(([a, b, s]) => [`${a}|${b}`, s]));
        const droppable = result.assignment.findIndex(
          ([a, b]) => !locked.has(`${a}|${b}`) && (instance.objective === "max_matched_then_score" || (scoreOf.get(`${a}|${b}`) ?? 0) > 0),
        );
        if (droppable !== -1) {
          const [a, b] = result.assignment[droppable]!;
          const worse = {
            assignment: result.assignment.filter((_, i) => i !== droppable),
            matched: result.matched - 1,
            score: result.score - (scoreOf.get(`${a}|${b}`) ?? 0),
          };
          expect(verifyOptimality(instance, worse).optimal).toBe(false);
        }
      }),
      { numRuns: 1200, seed: 20261123 },
    );
  }, 60_000);
});
