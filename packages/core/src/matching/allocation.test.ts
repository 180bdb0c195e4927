import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { allocationSuggestions, augmentToMatched, forcingCosts } from "./allocation";
import { type AssignmentInstance, InvalidInstanceError, solveAssignment } from "./assignment";
import type { MenteeCandidate, MentorCandidate } from "./score";
import { arbitraryInstance as arbitraryInstanceWith } from "./arbitrary-instance";

/** Small random instances with coarse scores (many ties), locks and exclusions. */
const arbitraryInstance = arbitraryInstanceWith({ mentees: { min: 1, max: 7 }, capacity: { max: 3 }, mentors: { min: 1, max: 5 }, minDensity: 0.2, draws: 35, maxKind: 12, steps: 6 });

/** Forcing a pair by re-solving: the pair is locked (replacing the mentee's own lock, if any). */
function resolveForced(instance: AssignmentInstance, a: string, b: string) {
  const locked = (instance.locked ?? []).filter(([x]) => x !== a);
  try {
    return solveAssignment({ ...instance, locked: [...locked, [a, b]] });
  } catch (error) {
    if (error instanceof InvalidInstanceError) return null;
    throw error;
  }
}

describe("forcingCosts", () => {
  it("matches re-solving with the pair locked, for every pair of 400 random instances", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryInstance, (instance) => {
        const optimal = solveAssignment(instance);
        const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
        const pairs = instance.pairs.filter(([a, b]) => !excluded.has(`${a}|${b}`)).map(([a, b]): [string, string] => [a, b]);
        const costs = forcingCosts(instance, optimal, pairs);
        pairs.forEach(([a, b], k) => {
          const forced = resolveForced(instance, a, b);
          const cost = costs[k];
          if (forced === null) {
            expect(cost).toBeNull();
            return;
          }
          expect(cost).not.toBeNull();
          expect(cost!.scoreLost).toBeCloseTo(optimal.score - forced.score, 7);
          if (instance.objective === "max_matched_then_score") expect(cost!.matchedLost).toBe(optimal.matched - forced.matched);
          if (optimal.assignment.some(([x, y]) => x === a && y === b)) expect(cost).toEqual({ matchedLost: 0, scoreLost: 0 });
          checked++;
        });
      }),
      { numRuns: 400, seed: 20261124 },
    );
    expect(checked).toBeGreaterThan(2000);
  });

  it("prices a swap that pushes another mentee out", () => {
    // e0 is best with m0; forcing e1 onto m0 (one place) moves e0 to its worse choice m1.
    const instance: AssignmentInstance = {
      mentees: [{ id: "e0" }, { id: "e1" }],
      mentors: [
        { id: "m0", capacity: 1 },
        { id: "m1", capacity: 1 },
      ],
      pairs: [
        ["e0", "m0", 0.9],
        ["e0", "m1", 0.2],
        ["e1", "m0", 0.5],
        ["e1", "m1", 0.6],
      ],
      objective: "max_matched_then_score",
    };
    const optimal = solveAssignment(instance);
    expect(optimal.score).toBeCloseTo(1.5);
    const [cost] = forcingCosts(instance, optimal, [["e1", "m0"]]);
    expect(cost!.matchedLost).toBe(0);
    expect(cost!.scoreLost).toBeCloseTo(1.5 - 0.7, 9);
  });
});

/** The greatest total score among allocations matching exactly `k`, by depth-first search, or null. */
function bestWithExactly(instance: AssignmentInstance, k: number): number | null {
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
  const lockedTo = new Map(instance.locked ?? []);
  const capacity = new Map(instance.mentors.map(({ id, capacity }) => [id, capacity]));
  const load = new Map<string, number>();
  let best: number | null = null;
  const visit = (i: number, matched: number, total: number) => {
    if (i === instance.mentees.length) {
      if (matched === k && (best === null || Math.round(total * 1e9) > Math.round(best * 1e9))) best = total;
      return;
    }
    const id = instance.mentees[i]!.id;
    const lock = lockedTo.get(id);
    if (lock === undefined) visit(i + 1, matched, total);
    for (const [a, b, score] of instance.pairs) {
      if (a !== id || excluded.has(`${a}|${b}`) || (lock !== undefined && lock !== b)) continue;
      if ((load.get(b) ?? 0) >= capacity.get(b)!) continue;
      load.set(b, (load.get(b) ?? 0) + 1);
      visit(i + 1, matched + 1, total + score);
      load.set(b, load.get(b)! - 1);
    }
  };
  visit(0, 0, 0);
  return best;
}

describe("augmentToMatched", () => {
  it("gives the best total for each larger size on 300 random instances", () => {
    fc.assert(
      fc.property(arbitraryInstance, (drawn) => {
        const instance = { ...drawn, objective: "max_score" as const };
        const start = solveAssignment(instance);
        const most = solveAssignment({ ...instance, objective: "max_matched_then_score" }).matched;
        for (let k = start.matched; k <= most; k++) {
          const result = augmentToMatched(instance, start, k);
          expect(result.matched).toBe(k);
          expect(result.score).toBeCloseTo(bestWithExactly(instance, k)!, 7);
        }
        expect(augmentToMatched(instance, start, most + 1).matched).toBe(most);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it("reaches the best total for a larger size from a max_score optimum", () => {
    // max_score takes e0-m0 alone (1.0); two matched is best as e0-m1 + e1-m0 (0.2).
    const instance: AssignmentInstance = {
      mentees: [{ id: "e0" }, { id: "e1" }],
      mentors: [
        { id: "m0", capacity: 1 },
        { id: "m1", capacity: 1 },
      ],
      pairs: [
        ["e0", "m0", 1],
        ["e0", "m1", 0.1],
        ["e1", "m0", 0.1],
      ],
      objective: "max_score",
    };
    const best = solveAssignment(instance);
    expect(best.matched).toBe(1);
    const two = augmentToMatched(instance, best, 2);
    expect(two.matched).toBe(2);
    expect(two.score).toBeCloseTo(0.2);
    expect(two.assignment).toEqual([
      ["e0", "m1"],
      ["e1", "m0"],
    ]);
  });
});

const rules = SchemeRules.parse({
  matching: { criteria: { topics: { weight: 1 }, availability: { weight: 0 }, honourPreferences: [] }, avoidSameDepartment: false },
});
const topics = ["a", "b", "c", "d", "e", "f", "g", "h"];

/** A deterministic pseudo-random generator (mulberry32), so the big instance is the same every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function trustScheme(mentees: number, mentors: number, seed = 7) {
  const next = random(seed);
  const pick = (count: number) => topics.filter(() => next() < count / topics.length);
  const menteeList: MenteeCandidate[] = Array.from({ length: mentees }, (_, i) => ({ id: `e${i}`, topicsWanted: pick(3) }));
  const mentorList: MentorCandidate[] = Array.from({ length: mentors }, (_, j) => ({
    id: `m${j}`,
    topicsOffered: pick(4),
    ready: next() < 0.95,
    capacityLeft: 1 + Math.floor(next() * 3),
  }));
  return { mentees: menteeList, mentors: mentorList };
}

describe("allocationSuggestions", () => {
  it("gives each mentee their best mentors with the optimum's pair free and the others priced", () => {
    const mentees: MenteeCandidate[] = [
      { id: "ann", topicsWanted: ["a", "b"] },
      { id: "bob", topicsWanted: ["a"] },
    ];
    const mentors: MentorCandidate[] = [
      { id: "mo", topicsOffered: ["a", "b"], ready: true, capacityLeft: 1 },
      { id: "pat", topicsOffered: ["a"], ready: true, capacityLeft: 1 },
      { id: "sal", topicsOffered: [], ready: false, capacityLeft: 3 },
    ];
    const result = allocationSuggestions({ mentees, mentors, rules });
    expect(result.optimal).toEqual({ matched: 2, score: 2 });
    const ann = result.mentees[0]!;
    expect(ann.suggestions.map((s) => [s.mentorId, s.inOptimal, s.forcingCost])).toEqual([
      ["mo", true, { matchedLost: 0, scoreLost: 0 }],
      ["pat", false, { matchedLost: 0, scoreLost: 0.5 }],
    ]);
    expect(ann.suggestions[0]!.explanation).toBe("2 of 2 topics +1.00");
    // Bob on mo pushes Ann to pat: she drops from 1 to 0.5.
    expect(result.mentees[1]!.suggestions.map((s) => [s.mentorId, s.forcingCost.scoreLost])).toEqual([
      ["mo", 0.5],
      ["pat", 0],
    ]);
  });

  it("leaves out excluded pairs and mentors whose places are all locked; prices a change of lock", () => {
    const mentees: MenteeCandidate[] = [
      { id: "ann", topicsWanted: ["a"] },
      { id: "bob", topicsWanted: ["a"] },
      { id: "cat", topicsWanted: ["a"] },
    ];
    const mentors: MentorCandidate[] = [
      { id: "mo", topicsOffered: ["a"], ready: true, capacityLeft: 1 },
      { id: "pat", topicsOffered: ["a"], ready: true, capacityLeft: 2 },
    ];
    const result = allocationSuggestions({ mentees, mentors, rules, locked: [["ann", "mo"]], excluded: [["bob", "pat"]] });
    const byMentee = Object.fromEntries(result.mentees.map((m) => [m.menteeId, m.suggestions.map((s) => s.mentorId)]));
    expect(byMentee).toEqual({ ann: ["mo", "pat"], bob: [], cat: ["pat"] });
    // Ann moving to pat frees mo for Bob: one more matched.
    expect(result.mentees[0]!.suggestions[1]!.forcingCost).toEqual({ matchedLost: -1, scoreLost: -1 });
  });

  it("is deterministic and fast on a 500-mentee trust scheme with 5 suggestions each", () => {
    const { mentees, mentors } = trustScheme(500, 180);
    const t0 = performance.now();
    const result = allocationSuggestions({ mentees, mentors, rules, perMentee: 5 });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1500);
    expect(allocationSuggestions({ mentees, mentors, rules, perMentee: 5 })).toEqual(result);
    const inOptimal = result.mentees.flatMap((m) => m.suggestions.filter((s) => s.inOptimal)).length;
    expect(inOptimal).toBeLessThanOrEqual(result.optimal.matched);
    for (const { suggestions } of result.mentees) {
      expect(suggestions.length).toBeLessThanOrEqual(5);
      for (const s of suggestions) {
        if (s.inOptimal) expect(s.forcingCost).toEqual({ matchedLost: 0, scoreLost: 0 });
        expect(s.forcingCost.matchedLost).toBeGreaterThanOrEqual(0);
        expect(s.forcingCost.scoreLost > -1e-9 || s.forcingCost.matchedLost > 0).toBe(true);
      }
    }
  });
});
