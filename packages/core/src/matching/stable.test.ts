import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AssignmentInstance } from "./assignment";
import { blockingPairs, type StableOptions, stableAllocation } from "./stable";

const arbitraryOptions: fc.Arbitrary<StableOptions> = fc
  .record({
    menteeCount: fc.integer({ min: 1, max: 6 }),
    capacities: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
    density: fc.double({ min: 0.2, max: 1, noNaN: true }),
    seed: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 14 })), {
      minLength: 24,
      maxLength: 24,
    }),
    explicitMentees: fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }), { nil: undefined }), {
      minLength: 6,
      maxLength: 6,
    }),
    explicitMentors: fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }), { nil: undefined }), {
      minLength: 4,
      maxLength: 4,
    }),
  })
  .map(({ menteeCount, capacities, density, seed, explicitMentees, explicitMentors }) => {
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
        pairs.push([`e${i}`, `m${j}`, (points % 5) / 4]);
        if (extra === 2) excluded.push([`e${i}`, `m${j}`]);
        else if (extra === 3 && !locked.some(([e]) => e === `e${i}`) && (locks.get(j) ?? 0) < mentors[j]!.capacity) {
          locked.push([`e${i}`, `m${j}`]);
          locks.set(j, (locks.get(j) ?? 0) + 1);
        }
      }
    }
    const menteeRanks: Record<string, string[]> = {};
    mentees.forEach(({ id }, i) => {
      const list = explicitMentees[i];
      if (list) menteeRanks[id] = list.map((j) => `m${j}`);
    });
    const mentorRanks: Record<string, string[]> = {};
    mentors.forEach(({ id }, j) => {
      const list = explicitMentors[j];
      if (list) mentorRanks[id] = list.map((i) => `e${i}`);
    });
    return { instance: { mentees, mentors, pairs, excluded, locked }, menteeRanks, mentorRanks };
  });

/** Every valid allocation of a small instance over the pairs both sides accept (locks kept). */
function allAllocations(o: StableOptions): [string, string][][] {
  const { instance } = o;
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => `${a}|${b}`));
  const lockedTo = new Map(instance.locked ?? []);
  const accepts = (a: string, b: string) =>
    (o.menteeRanks?.[a]?.includes(b) ?? true) && (o.mentorRanks?.[b]?.includes(a) ?? true) && !excluded.has(`${a}|${b}`);
  const capacity = new Map(instance.mentors.map(({ id, capacity }) => [id, capacity]));
  const load = new Map<string, number>();
  const out: [string, string][][] = [];
  const chosen: [string, string][] = [];
  const visit = (i: number) => {
    if (i === instance.mentees.length) {
      out.push([...chosen]);
      return;
    }
    const id = instance.mentees[i]!.id;
    const lock = lockedTo.get(id);
    if (lock === undefined) visit(i + 1);
    for (const [a, b] of instance.pairs) {
      if (a !== id || (lock !== undefined ? lock !== b : !accepts(a, b))) continue;
      if ((load.get(b) ?? 0) >= capacity.get(b)!) continue;
      load.set(b, (load.get(b) ?? 0) + 1);
      chosen.push([a, b]);
      visit(i + 1);
      chosen.pop();
      load.set(b, load.get(b)! - 1);
    }
  };
  visit(0);
  return out;
}

describe("stableAllocation", () => {
  it("is stable, keeps every constraint and is the best stable allocation for every mentee (300 random instances)", () => {
    fc.assert(
      fc.property(arbitraryOptions, (o) => {
        const result = stableAllocation(o);
        expect(blockingPairs({ ...o, assignment: result.assignment })).toEqual([]);
        const capacity = new Map(o.instance.mentors.map(({ id, capacity }) => [id, capacity]));
        const load = new Map<string, number>();
        for (const [, b] of result.assignment) load.set(b, (load.get(b) ?? 0) + 1);
        for (const [b, used] of load) expect(used).toBeLessThanOrEqual(capacity.get(b)!);
        for (const lock of o.instance.locked ?? []) expect(result.assignment).toContainEqual(lock);

        // Mentee-optimal: no stable allocation gives any mentee a mentor they rank higher.
        const found = allAllocations(o).map((assignment) => JSON.stringify(assignment));
        expect(found).toContain(JSON.stringify(result.assignment));
        const stable = allAllocations(o).filter((assignment) => blockingPairs({ ...o, assignment }).length === 0);
        const rankOf = (a: string, b: string | undefined) => {
          if (b === undefined) return Infinity;
          const explicit = o.menteeRanks?.[a];
          if (explicit) return explicit.indexOf(b);
          const score = (x: string) => o.instance.pairs.find(([p, q]) => p === a && q === x)![2];
          const order = o.instance.mentors.map(({ id }) => id).filter((x) => o.instance.pairs.some(([p, q]) => p === a && q === x));
          order.sort((x, y) => score(y) - score(x) || Number(x.slice(1)) - Number(y.slice(1)));
          return order.indexOf(b);
        };
        const mine = new Map(result.assignment);
        for (const other of stable) {
          const theirs = new Map(other);
          for (const { id } of o.instance.mentees) expect(rankOf(id, mine.get(id))).toBeLessThanOrEqual(rankOf(id, theirs.get(id)));
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it("prefers by score when no ranks are given, and mentors keep their best", () => {
    const instance = {
      mentees: [{ id: "ann" }, { id: "bob" }],
      mentors: [
        { id: "mo", capacity: 1 },
        { id: "pat", capacity: 1 },
      ],
      pairs: [
        ["ann", "mo", 0.9],
        ["ann", "pat", 0.2],
        ["bob", "mo", 0.95],
        ["bob", "pat", 0.1],
      ] as [string, string, number][],
    };
    // Both want mo; mo prefers bob (0.95), so ann goes to pat.
    expect(stableAllocation({ instance }).assignment).toEqual([
      ["ann", "pat"],
      ["bob", "mo"],
    ]);
    // The other allocation gives ann her first choice, but bob and mo would both rather be together.
    expect(blockingPairs({ instance, assignment: [["ann", "mo"], ["bob", "pat"]] })).toEqual([["bob", "mo"]]);
  });

  it("follows explicit ranks and treats a mentor left off a list as unacceptable", () => {
    const instance = {
      mentees: [{ id: "ann" }, { id: "bob" }],
      mentors: [
        { id: "mo", capacity: 1 },
        { id: "pat", capacity: 1 },
      ],
      pairs: [
        ["ann", "mo", 0.9],
        ["ann", "pat", 0.2],
        ["bob", "mo", 0.95],
        ["bob", "pat", 0.1],
      ] as [string, string, number][],
    };
    const result = stableAllocation({ instance, menteeRanks: { ann: ["pat", "mo"], bob: ["pat"] }, mentorRanks: { pat: ["bob", "ann"] } });
    expect(result.assignment).toEqual([
      ["ann", "mo"],
      ["bob", "pat"],
    ]);
  });

  it("fixes locked pairs first and counts them against the mentor's places", () => {
    const instance = {
      mentees: [{ id: "ann" }, { id: "bob" }],
      mentors: [{ id: "mo", capacity: 1 }],
      pairs: [
        ["ann", "mo", 0.1],
        ["bob", "mo", 0.9],
      ] as [string, string, number][],
      locked: [["ann", "mo"]] as [string, string][],
    };
    expect(stableAllocation({ instance }).assignment).toEqual([["ann", "mo"]]);
    expect(blockingPairs({ instance, assignment: [["ann", "mo"]] })).toEqual([]);
  });
});

describe("blockingPairs", () => {
  const instance = {
    mentees: [{ id: "ann" }, { id: "bob" }],
    mentors: [
      { id: "mo", capacity: 1 },
      { id: "pat", capacity: 1 },
      { id: "sue", capacity: 0 },
    ],
    pairs: [
      ["ann", "pat", 0.5],
      ["ann", "mo", 0.9],
      ["ann", "sue", 1],
      ["bob", "mo", 0.2],
      ["bob", "pat", 0.3],
    ] as [string, string, number][],
  };
  const assignment: [string, string][] = [["bob", "mo"]];

  it("lists them by mentee input order, then the mentee's preference, not the pairs' order", () => {
    // sue has no place; mo prefers ann to bob; pat has a place free.
    expect(blockingPairs({ instance, assignment })).toEqual([
      ["ann", "mo"],
      ["ann", "pat"],
      ["bob", "pat"],
    ]);
    expect(blockingPairs({ instance: { ...instance, excluded: [["ann", "mo"]] }, assignment })).toEqual([
      ["ann", "pat"],
      ["bob", "pat"],
    ]);
    // Explicit ranks: ann prefers pat to mo; mo ranks bob first, so only pat's free place blocks.
    expect(blockingPairs({ instance, assignment, menteeRanks: { ann: ["pat", "mo"] }, mentorRanks: { mo: ["bob", "ann"] } })).toEqual([
      ["ann", "pat"],
      ["bob", "pat"],
    ]);
  });

  it("answers as before when a pair is listed twice (each listing is a preference)", () => {
    const twice = { ...instance, pairs: [...instance.pairs, ["bob", "pat", 0.3]] as [string, string, number][] };
    expect(blockingPairs({ instance: twice, assignment })).toEqual([
      ["ann", "mo"],
      ["ann", "pat"],
      ["bob", "pat"],
      ["bob", "pat"],
    ]);
  });
});
