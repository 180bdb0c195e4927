// Random cohorts and compatibility tables: the search never breaks a hard constraint and comes close
// to the exact optimum; the exact DP agrees with brute force and with the blossom matching.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryRules } from "../rules/arbitrary-rules";
import { maxWeightMatching, type WeightedEdge } from "./blossom";
import {
  type CohortMember,
  exactPartition,
  exactTriads,
  formDyads,
  formGroups,
  formTriads,
  type CohortResult,
  type GroupMember,
  type GroupSizes,
  measureTriadGap,
  type PeerPartition,
  type PeerCompatibility,
  partitionGap,
  peerCompatibility,
  peerScore,
  searchPartition,
} from "./cohort";
import { pairKey } from "./score";

const arbitrarySizes: fc.Arbitrary<GroupSizes> = fc.constantFrom<GroupSizes>([3], [2, 3], [2]);

/** A symmetric table on a coarse grid (ties are common), some pairs not allowed. */
const arbitraryTable = (maxN: number): fc.Arbitrary<PeerCompatibility> =>
  fc.integer({ min: 0, max: maxN }).chain((n) =>
    fc
      .record({
        density: fc.double({ min: 0.3, max: 1, noNaN: true }),
        cells: fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 })),
          {
            minLength: (n * (n - 1)) / 2,
            maxLength: (n * (n - 1)) / 2,
          },
        ),
      })
      .map(({ density, cells }) => {
        const points = new Int32Array(n * n).fill(-1);
        let c = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const [coin, value] = cells[c++]!;
            if (coin <= density) points[i * n + j] = points[j * n + i] = value * 50_000;
          }
        }
        return { n, points };
      }),
  );

/** Each member in at most one group, every group of an allowed size with every pair allowed, totals right. */
function expectValidPartition(c: PeerCompatibility, sizes: GroupSizes, p: PeerPartition) {
  const seen = new Set<number>();
  let value = 0;
  for (const g of p.groups) {
    expect(sizes).toContain(g.length);
    expect([...g].sort((a, b) => a - b)).toEqual(g);
    for (const m of g) {
      expect(seen.has(m)).toBe(false);
      seen.add(m);
    }
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        const points = c.points[g[x]! * c.n + g[y]!]!;
        expect(points).toBeGreaterThanOrEqual(0);
        value += (2 * points) / (g.length - 1);
      }
    }
  }
  expect(p.placed).toBe(seen.size);
  expect(p.value).toBe(Math.round(value));
}

/** Every set partition of 0..n-1 into unplaced members and groups of the allowed sizes. */
function bruteForce(c: PeerCompatibility, sizes: GroupSizes): { placed: number; value: number } {
  let best = { placed: 0, value: 0 };
  const visit = (left: number[], placed: number, value: number) => {
    if (left.length === 0) {
      if (placed > best.placed || (placed === best.placed && value > best.value))
        best = { placed, value };
      return;
    }
    const [i, ...rest] = left as [number, ...number[]];
    visit(rest, placed, value);
    for (let x = 0; x < rest.length; x++) {
      const j = rest[x]!;
      const ij = c.points[i * c.n + j]!;
      if (ij < 0) continue;
      if (sizes.includes(2))
        visit(
          rest.filter((m) => m !== j),
          placed + 2,
          value + 2 * ij,
        );
      if (!sizes.includes(3)) continue;
      for (let y = x + 1; y < rest.length; y++) {
        const k = rest[y]!;
        const ik = c.points[i * c.n + k]!;
        const jk = c.points[j * c.n + k]!;
        if (ik >= 0 && jk >= 0)
          visit(
            rest.filter((m) => m !== j && m !== k),
            placed + 3,
            value + ij + ik + jk,
          );
      }
    }
  };
  visit(
    Array.from({ length: c.n }, (_, i) => i),
    0,
    0,
  );
  return best;
}

describe("exactPartition", () => {
  it("agrees with brute force over every set partition (300 tables of up to 8 members)", () => {
    fc.assert(
      fc.property(arbitraryTable(8), arbitrarySizes, (c, sizes) => {
        const exact = exactPartition(c, { sizes });
        expectValidPartition(c, sizes, exact);
        expect({ placed: exact.placed, value: exact.value }).toEqual(bruteForce(c, sizes));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("agrees with the blossom matching when only pairs are allowed (300 tables of up to 14 members)", () => {
    fc.assert(
      fc.property(arbitraryTable(14), (c) => {
        const edges: WeightedEdge[] = [];
        for (let i = 0; i < c.n; i++)
          for (let j = i + 1; j < c.n; j++)
            if (c.points[i * c.n + j]! >= 0) edges.push([i, j, c.points[i * c.n + j]!]);
        const matching = maxWeightMatching(c.n, edges, { maxCardinality: true });
        const exact = exactPartition(c, { sizes: [2] });
        expect(exact.placed).toBe(2 * matching.pairs.length);
        expect(exact.value).toBe(2 * matching.weight);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

describe("searchPartition against the exact optimum", () => {
  it("keeps every hard constraint and comes within a few per cent (400 tables of up to 15 members)", () => {
    const ratios: number[] = [];
    let fewerPlaced = 0;
    fc.assert(
      fc.property(
        arbitraryTable(15),
        fc.constantFrom<GroupSizes>([3], [2, 3]),
        fc.integer(),
        (c, sizes, seed) => {
          const found = searchPartition(c, { sizes, seed });
          expectValidPartition(c, sizes, found);
          // Deterministic: partitionGap runs the same search again.
          const gap = partitionGap(c, { sizes, seed });
          expect(gap.heuristic).toEqual({ placed: found.placed, value: found.value / 1e6 });
          // Never better than the optimum, lexicographically.
          expect(gap.heuristic.placed).toBeLessThanOrEqual(gap.exact.placed);
          if (gap.heuristic.placed === gap.exact.placed) {
            expect(gap.heuristic.value).toBeLessThanOrEqual(gap.exact.value + 1e-9);
            ratios.push(gap.ratio);
          } else {
            fewerPlaced++;
            ratios.push(0);
          }
        },
      ),
      { numRuns: 400, seed: 20261124 },
    );
    const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
    const exactShare = ratios.filter((r) => r >= 1 - 1e-12).length / ratios.length;
    console.info(
      `searchPartition: mean ratio to optimum ${mean.toFixed(4)}, worst ${Math.min(...ratios).toFixed(4)}, optimal in ${(exactShare * 100).toFixed(1)}%, fewer placed in ${fewerPlaced}`,
    );
    expect(mean).toBeGreaterThanOrEqual(0.97);
    expect(fewerPlaced).toBeLessThanOrEqual(4);
  }, 20_000);
});

// Random cohorts with random (valid) scheme rules.
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const arbitraryCohort: fc.Arbitrary<CohortMember[]> = fc
  .array(
    fc.record({
      specialty: pick(["gp", "surgery", "nursing", null]),
      organisationId: pick(["t1", "t2", null]),
      department: pick(["ed", "icu", null]),
      location: pick([
        { lat: 53.8, lng: -1.55 },
        { lat: 53.79, lng: -1.76 },
        { lat: 51.5, lng: -0.13 },
        null,
      ]),
      remoteOk: fc.boolean(),
      availability: fc.subarray(["mon-am", "tue-pm", "wed-am"]),
      seniority: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      topics: fc.subarray(["leadership", "teams", "time", "finance"]),
      gender: pick(["female", "male", null]),
      languages: fc.subarray(["en", "cy", "ur"]),
      wantsGender: pick(["female", "male", null, null, null]),
      manager: fc.option(fc.integer({ min: 0, max: 11 }), { nil: null, freq: 4 }),
    }),
    { maxLength: 12 },
  )
  .map((rows) =>
    rows.map(({ manager, wantsGender, ...row }, i) => ({
      ...row,
      id: `m${i}`,
      personId: `p${i}`,
      lineManagerPersonId: manager === null || manager >= rows.length ? null : `p${manager}`,
      preferences: { gender: wantsGender },
    })),
  );
const arbitraryBlocked = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 })), {
    maxLength: 4,
  })
  .map((pairs) => new Set(pairs.map(([a, b]) => pairKey(`m${a}`, `m${b}`))));

describe("cohorts of real members", () => {
  it("score pairs as peerScore does, and form only allowed groups (200 cohorts)", () => {
    const ratios: number[] = [];
    fc.assert(
      fc.property(
        arbitraryCohort,
        arbitraryRules(),
        arbitraryBlocked,
        arbitrarySizes,
        fc.integer(),
        (members, rules, blocked, sizes, seed) => {
          const table = peerCompatibility({ members, rules, blocked });
          for (let i = 0; i < members.length; i++) {
            for (let j = 0; j < members.length; j++) {
              if (i === j) continue;
              const peer = peerScore({ a: members[i]!, b: members[j]!, rules, blocked });
              expect(table.peer(i, j)).toEqual(peer);
              expect(table.points[i * members.length + j]).toBe(
                peer.allowed ? Math.round(peer.score * 1e6) : -1,
              );
            }
          }
          const result = formTriads({ members, rules, blocked, seed, sizes });
          expect(formTriads({ members, rules, blocked, seed, sizes })).toEqual(result);
          const byId = new Map(members.map((m) => [m.id, m]));
          const everyone = [...result.groups.flatMap((g) => g.memberIds), ...result.unmatched];
          expect(everyone.sort()).toEqual(members.map((m) => m.id).sort());
          for (const g of result.groups) {
            expect(sizes).toContain(g.memberIds.length);
            for (const a of g.memberIds)
              for (const b of g.memberIds)
                if (a !== b)
                  expect(
                    peerScore({ a: byId.get(a)!, b: byId.get(b)!, rules, blocked }).allowed,
                  ).toBe(true);
          }
          const exact = exactTriads({ members, rules, blocked, sizes });
          expect(result.groups.flatMap((g) => g.memberIds).length).toBeLessThanOrEqual(
            exact.groups.flatMap((g) => g.memberIds).length,
          );
          if (sizes.includes(3)) {
            const gap = measureTriadGap({ members, rules, blocked, seed, sizes });
            expect(gap.heuristic.placed).toBe(result.groups.flatMap((g) => g.memberIds).length);
            ratios.push(gap.heuristic.placed === gap.exact.placed ? gap.ratio : 0);
          }
          if (sizes.length === 1 && sizes[0] === 2) {
            // Dyads are exact: the same pairs placed and total as the DP.
            const dyads = formDyads({ members, rules, blocked });
            expect(dyads.groups.length).toBe(exact.groups.length);
            expect(dyads.total).toBeCloseTo(exact.total, 5);
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
    const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
    console.info(
      `formTriads on random cohorts: mean ratio to optimum ${mean.toFixed(4)}, worst ${Math.min(...ratios).toFixed(4)} (${ratios.length} cohorts)`,
    );
    expect(mean).toBeGreaterThanOrEqual(0.97);
  }, 20_000);
});

describe("formGroups", () => {
  const arbitraryPeople = fc
    .array(fc.record({ a: pick(["a1", "a2", "a3", "a4", "a5"]), b: pick(["b1", "b2", "b3"]) }), {
      maxLength: 40,
    })
    .map((rows) => rows.map((row, i) => ({ id: `p${i}`, ...row })));

  it("makes the fewest groups, sizes within one, the first key spread within one per group (300 cohorts)", () => {
    fc.assert(
      fc.property(
        arbitraryPeople,
        fc.integer({ min: 3, max: 12 }),
        fc.integer(),
        (people, maxSize, seed) => {
          const keys = [(p: { a: string }) => p.a, (p: { b: string }) => p.b];
          const result = formGroups({ members: people, maxSize, mixBy: keys, seed });
          expect(formGroups({ members: people, maxSize, mixBy: keys, seed })).toEqual(result);
          const g = Math.ceil(people.length / maxSize);
          expect(result.groups).toHaveLength(g);
          const lengths = result.groups.map((x) => x.memberIds.length);
          if (g > 0) {
            expect(Math.max(...lengths)).toBeLessThanOrEqual(maxSize);
            expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
          }
          expect(result.groups.flatMap((x) => x.memberIds).sort()).toEqual(
            people.map((p) => p.id).sort(),
          );
          const byId = new Map(people.map((p) => [p.id, p]));
          const groups = result.groups.map((x) => x.memberIds.map((id) => byId.get(id)!));
          for (const value of new Set(people.map((p) => p.a))) {
            const total = people.filter((p) => p.a === value).length;
            for (const members of groups) {
              const count = members.filter((p) => p.a === value).length;
              expect(count).toBeGreaterThanOrEqual(Math.floor(total / g));
              expect(count).toBeLessThanOrEqual(Math.ceil(total / g));
            }
          }
          // A local optimum for the second key: no swap lowers its largest count without upsetting the first.
          const worst = (
            of: (p: { a: string; b: string }) => string,
            gs: (typeof groups)[number][],
          ) =>
            Math.max(
              0,
              ...gs.flatMap((members) =>
                members.map((p) => members.filter((q) => of(q) === of(p)).length),
              ),
            );
          const squares = (
            of: (p: { a: string; b: string }) => string,
            gs: (typeof groups)[number][],
          ) =>
            gs.reduce(
              (sum, members) =>
                sum +
                members.reduce((s, p) => s + members.filter((q) => of(q) === of(p)).length, 0),
              0,
            );
          const score = (gs: (typeof groups)[number][]) => [
            worst((p) => p.a, gs),
            squares((p) => p.a, gs),
            worst((p) => p.b, gs),
            squares((p) => p.b, gs),
          ];
          const now = score(groups);
          if (people.length <= 16) {
            for (let x = 0; x < groups.length; x++) {
              for (let y = x + 1; y < groups.length; y++) {
                for (let i = 0; i < groups[x]!.length; i++) {
                  for (let j = 0; j < groups[y]!.length; j++) {
                    const swapped = groups.map((members) => [...members]);
                    [swapped[x]![i], swapped[y]![j]] = [groups[y]![j]!, groups[x]![i]!];
                    const after = score(swapped);
                    const k = after.findIndex((v, idx) => v !== now[idx]);
                    if (k >= 0) expect(after[k]).toBeGreaterThan(now[k]!);
                  }
                }
              }
            }
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  }, 20_000);

  /** People with a few line-manager links and blocked pairs among them. */
  const arbitraryRuled = (maxRules: number) =>
    arbitraryPeople.chain((rows) =>
      fc
        .record({
          managers: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: maxRules }),
          blocks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: maxRules }),
          personIds: fc.boolean(),
        })
        .map(({ managers, blocks, personIds }) => {
          const n = rows.length;
          const person = (i: number) => (personIds ? `person-${i}` : `p${i}`);
          const people: (GroupMember & { a: string; b: string })[] = rows.map((row, i) => ({
            ...row,
            ...(personIds ? { personId: person(i) } : {}),
          }));
          const forbidden = new Set<string>();
          const forbid = (i: number, j: number) =>
            forbidden.add(`${Math.min(i, j)} ${Math.max(i, j)}`);
          if (n > 1) {
            for (const [x, y] of managers) {
              const i = x % n;
              const j = y % n;
              if (i === j || people[i]!.lineManagerPersonId) continue;
              people[i]!.lineManagerPersonId = person(j);
              forbid(i, j);
            }
          }
          const blocked = new Set<string>();
          for (const [x, y] of n > 1 ? blocks : []) {
            const i = x % n;
            const j = y % n;
            if (i === j) continue;
            blocked.add(pairKey(`p${i}`, `p${j}`));
            forbid(i, j);
          }
          return { people, blocked, forbidden };
        }),
    );
  const mixKeys = [(p: { a: string }) => p.a, (p: { b: string }) => p.b];
  /** The forbidden pairs that share a group, as index pairs "i j" (i < j). */
  const clashes = (result: CohortResult, forbidden: ReadonlySet<string>) =>
    result.groups.flatMap(({ memberIds }) => {
      const idx = memberIds.map((id) => Number(id.slice(1)));
      return idx.flatMap((i) =>
        idx.filter((j) => j > i && forbidden.has(`${i} ${j}`)).map((j) => `${i} ${j}`),
      );
    });

  it("keeps managers and blocked pairs apart when there are few of them and many groups (300 cohorts)", () => {
    fc.assert(
      fc.property(
        arbitraryRuled(3),
        fc.integer({ min: 2, max: 6 }),
        fc.integer(),
        (ruled, maxSize, seed) => {
          const { people, blocked, forbidden } = ruled;
          fc.pre(Math.ceil(people.length / maxSize) >= 4);
          const result = formGroups({ members: people, maxSize, mixBy: mixKeys, seed, blocked });
          expect(clashes(result, forbidden)).toEqual([]);
          expect(result.conflicts).toBeUndefined();
          const g = Math.ceil(people.length / maxSize);
          expect(result.groups).toHaveLength(g);
          const lengths = result.groups.map((x) => x.memberIds.length);
          expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
          expect(result.groups.flatMap((x) => x.memberIds).sort()).toEqual(
            people.map((p) => p.id).sort(),
          );
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  }, 20_000);

  it("lists exactly the conflicts it leaves, and none without rules (300 cohorts)", () => {
    fc.assert(
      fc.property(
        arbitraryRuled(30),
        fc.integer({ min: 2, max: 12 }),
        fc.integer(),
        (ruled, maxSize, seed) => {
          const { people, blocked, forbidden } = ruled;
          const result = formGroups({ members: people, maxSize, mixBy: mixKeys, seed, blocked });
          const listed = (result.conflicts ?? []).map(({ memberIds: [x, y] }) => {
            const [i, j] = [Number(x.slice(1)), Number(y.slice(1))];
            return `${Math.min(i, j)} ${Math.max(i, j)}`;
          });
          expect(listed.sort()).toEqual(clashes(result, forbidden).sort());
          if (result.conflicts) expect(result.conflicts.length).toBeGreaterThan(0);
          expect(result.unmatched).toEqual([]);
          const plain = people.map(({ id, a, b }) => ({ id, a, b }));
          expect(
            formGroups({ members: plain, maxSize, mixBy: mixKeys, seed }).conflicts,
          ).toBeUndefined();
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  }, 20_000);
});
