// Fair allocation (SPEC section 5, `auto` with fairness): raise the worst-off mentee first. Exact and
// lexicographic: as many matched as the objective gives, then the highest floor, then the best total.
import { type AssignmentInstance, type AssignmentResult, solveAssignment } from "./assignment";
import { augmentToMatched } from "./allocation";
import { pairKey } from "./score";

export interface FairResult extends AssignmentResult {
  /** The lowest score among matched mentees who are not locked (locks are the coordinator's), or null. */
  floor: number | null;
}

/**
 * Let M be the number the objective's optimum matches. The floor is the greatest candidate score t such
 * that M mentees can still be matched using only pairs scoring t or more (a bottleneck: binary search
 * over the distinct scores, re-solving each time); the result is the greatest total score among
 * allocations on those pairs matching at least M. Locked pairs are kept whatever their score and do
 * not count towards the floor.
 */
export function solveFair(instance: AssignmentInstance): FairResult {
  const base = solveAssignment(instance);
  const locked = new Set((instance.locked ?? []).map(([a]) => a));
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => pairKey(a, b)));
  const target = base.matched;
  const free = instance.pairs.filter(([a, b]) => !locked.has(a) && !excluded.has(pairKey(a, b)));
  if (target - locked.size <= 0 || free.length === 0) return { ...base, floor: floorOf(base, instance, locked) };

  const thresholds = [...new Set(free.map(([, , score]) => score))].sort((x, y) => x - y);
  const restricted = (t: number): AssignmentInstance => ({
    ...instance,
    pairs: instance.pairs.filter(([a, , score]) => locked.has(a) || score >= t),
  });
  const widest = new Map<number, AssignmentResult>();
  const feasible = (k: number) => {
    const result = solveAssignment({ ...restricted(thresholds[k]!), objective: "max_matched_then_score" });
    widest.set(k, result);
    return result.matched >= target;
  };
  // thresholds[0] keeps every pair, so it is feasible; find the last feasible one.
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (feasible(mid)) lo = mid;
    else hi = mid - 1;
  }
  const floorInstance = restricted(thresholds[lo]!);
  let result: AssignmentResult;
  if (instance.objective === "max_matched_then_score") {
    result = widest.get(lo) ?? solveAssignment(floorInstance);
  } else {
    // The best total for each size is concave in the size, so the unconstrained best is the answer
    // unless it matches fewer than M; then the best with exactly M is reached by augmenting.
    result = solveAssignment(floorInstance);
    if (result.matched < target) result = augmentToMatched(floorInstance, result, target);
  }
  return { ...result, floor: floorOf(result, instance, locked) };
}

function floorOf(result: AssignmentResult, instance: AssignmentInstance, locked: ReadonlySet<string>): number | null {
  const scoreOf = new Map(instance.pairs.map(([a, b, s]) => [pairKey(a, b), s]));
  let floor: number | null = null;
  for (const [a, b] of result.assignment) {
    if (locked.has(a)) continue;
    const score = scoreOf.get(pairKey(a, b)) ?? 0;
    if (floor === null || score < floor) floor = score;
  }
  return floor;
}
