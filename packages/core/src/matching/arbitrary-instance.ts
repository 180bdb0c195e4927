// Test support, not exported from the package: small random assignment instances for property tests,
// with scores on a coarse grid (ties are common; now and then exactly 0 or 1), locks and exclusions.
import fc from "fast-check";
import type { AssignmentInstance } from "./assignment";

export interface InstanceBounds {
  mentees: { min: number; max: number };
  capacity: { max: number };
  mentors: { min: number; max: number };
  /** Lowest chance of a pair being allowed. */
  minDensity: number;
  /** Draws reused round-robin across the pairs. */
  draws: number;
  /** Draw kinds: 0 scores 0, 1 scores 1, 2 excludes, 3 locks (when it may), the rest score on the grid. */
  maxKind: number;
  /** Grid scores are multiples of 1 / steps. */
  steps: number;
}

export function arbitraryInstance(b: InstanceBounds): fc.Arbitrary<AssignmentInstance> {
  return fc
    .record({
      menteeCount: fc.integer(b.mentees),
      capacities: fc.array(fc.integer({ min: 0, max: b.capacity.max }), { minLength: b.mentors.min, maxLength: b.mentors.max }),
      objective: fc.constantFrom("max_matched_then_score" as const, "max_score" as const),
      density: fc.double({ min: b.minDensity, max: 1, noNaN: true }),
      seed: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: b.maxKind })), {
        minLength: b.draws,
        maxLength: b.draws,
      }),
    })
    .map(({ menteeCount, capacities, objective, density, seed }) => {
      const mentees = Array.from({ length: menteeCount }, (_, i) => ({ id: `e${i}` }));
      const mentors = capacities.map((capacity, j) => ({ id: `m${j}`, capacity }));
      const pairs: AssignmentInstance["pairs"] = [];
      const excluded: [string, string][] = [];
      const locked: [string, string][] = [];
      const locks = new Map<number, number>();
      let draw = 0;
      for (let i = 0; i < menteeCount; i++) {
        for (let j = 0; j < mentors.length; j++) {
          const [coin, points, extra] = seed[draw++ % seed.length]!;
          if (coin > density) continue;
          const score = extra === 0 ? 0 : extra === 1 ? 1 : (points % (b.steps + 1)) / b.steps;
          pairs.push([`e${i}`, `m${j}`, score]);
          if (extra === 2) excluded.push([`e${i}`, `m${j}`]);
          else if (extra === 3 && !locked.some(([e]) => e === `e${i}`) && (locks.get(j) ?? 0) < mentors[j]!.capacity) {
            locked.push([`e${i}`, `m${j}`]);
            locks.set(j, (locks.get(j) ?? 0) + 1);
          }
        }
      }
      return { mentees, mentors, pairs, objective, excluded, locked };
    });
}
