import fc from "fast-check";
import loadHighs from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidGraphError, maxWeightMatching, type WeightedEdge } from "./blossom";

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

/** Checks the matching is one: symmetric mates, every pair an edge, and the weight adds up. */
function expectValid(
  n: number,
  edges: readonly WeightedEdge[],
  result: ReturnType<typeof maxWeightMatching>,
) {
  const best = new Map<string, number>();
  for (const [u, v, w] of edges) {
    if (u === v) continue;
    const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
    best.set(key, Math.max(best.get(key) ?? -Infinity, w));
  }
  expect(result.mate).toHaveLength(n);
  let weight = 0;
  for (let v = 0; v < n; v++) {
    const u = result.mate[v]!;
    if (u === -1) continue;
    expect(result.mate[u]).toBe(v);
    if (v < u) {
      expect(best.has(`${v}-${u}`)).toBe(true);
      weight += best.get(`${v}-${u}`)!;
    }
  }
  expect(result.pairs).toEqual(
    result.mate.flatMap((u, v) => (u > v ? [[v, u] as [number, number]] : [])),
  );
  expect(result.weight).toBeCloseTo(weight, 9);
}

/** Brute force by dynamic programming over vertex subsets: the best (pairs, weight), lexicographic when asked. */
function bruteForce(
  n: number,
  edges: readonly WeightedEdge[],
  maxCardinality: boolean,
): { pairs: number; weight: number } {
  const w = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  for (const [u, v, x] of edges) {
    if (u === v) continue;
    const best = Number.isNaN(w[u]![v]!) ? x : Math.max(w[u]![v]!, x);
    w[u]![v] = w[v]![u] = best;
  }
  const better = (a: { pairs: number; weight: number }, b: { pairs: number; weight: number }) =>
    maxCardinality
      ? a.pairs > b.pairs || (a.pairs === b.pairs && a.weight > b.weight)
      : a.weight > b.weight;
  const dp: { pairs: number; weight: number }[] = [{ pairs: 0, weight: 0 }];
  for (let mask = 1; mask < 1 << n; mask++) {
    const i = 31 - Math.clz32(mask & -mask);
    const rest = mask & ~(1 << i);
    let best = dp[rest]!;
    for (let j = i + 1; j < n; j++) {
      if (!(rest & (1 << j)) || Number.isNaN(w[i]![j]!)) continue;
      const sub = dp[rest & ~(1 << j)]!;
      const option = { pairs: sub.pairs + 1, weight: sub.weight + w[i]![j]! };
      if (better(option, best)) best = option;
    }
    dp[mask] = best;
  }
  return dp[(1 << n) - 1]!;
}

/** The same problem as a 0-1 program for HiGHS; with max cardinality a bonus per pair outweighs any weight. */
function solveWithHighs(
  n: number,
  edges: readonly WeightedEdge[],
  maxCardinality: boolean,
  bonus: number,
): number {
  const kept = edges.filter(([u, v]) => u !== v);
  if (kept.length === 0) return 0;
  const x = (k: number) => `x${k}`;
  const rows: string[] = [];
  for (let v = 0; v < n; v++) {
    const mine = kept.flatMap(([a, b], k) => (a === v || b === v ? [`+ ${x(k)}`] : []));
    if (mine.length > 0) rows.push(` v${v}: ${mine.join(" ")} <= 1`);
  }
  const model = [
    "Maximize",
    ` obj: ${kept.map(([, , w], k) => `+ ${(maxCardinality ? bonus : 0) + w} ${x(k)}`).join(" ")}`,
    "Subject To",
    ...rows,
    "Binary",
    ` ${kept.map((_, k) => x(k)).join(" ")}`,
    "End",
  ].join("\n");
  const solution = highs.solve(model, { output_flag: false, mip_rel_gap: 0 });
  if (solution.Status !== "Optimal") throw new Error(`HiGHS: ${solution.Status}`);
  return solution.ObjectiveValue;
}

const arbitraryGraph = (maxN: number, weight: fc.Arbitrary<number>) =>
  fc.integer({ min: 0, max: maxN }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges:
        n < 2
          ? fc.constant<WeightedEdge[]>([])
          : fc.array(
              fc
                .tuple(
                  fc.integer({ min: 0, max: n - 1 }),
                  fc.integer({ min: 0, max: n - 1 }),
                  weight,
                )
                .map((e): WeightedEdge => e),
              { maxLength: (n * (n - 1)) / 2 + 2 },
            ),
    }),
  );

describe("maxWeightMatching", () => {
  it("handles the simplest graphs", () => {
    expect(maxWeightMatching(0, [])).toEqual({ mate: [], pairs: [], weight: 0 });
    expect(maxWeightMatching(3, [])).toEqual({ mate: [-1, -1, -1], pairs: [], weight: 0 });
    expect(maxWeightMatching(2, [[0, 1, 1]])).toEqual({ mate: [1, 0], pairs: [[0, 1]], weight: 1 });
    // A lone heavy edge beats two light ones, unless the most pairs come first.
    const path: WeightedEdge[] = [
      [0, 1, 5],
      [1, 2, 11],
      [2, 3, 5],
    ];
    expect(maxWeightMatching(4, path).pairs).toEqual([[1, 2]]);
    expect(maxWeightMatching(4, path, { maxCardinality: true }).pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it("leaves out edges that only cost, unless needed for the most pairs", () => {
    const edges: WeightedEdge[] = [
      [0, 1, 3],
      [1, 2, -1],
      [2, 3, -2],
    ];
    expect(maxWeightMatching(4, edges)).toMatchObject({ pairs: [[0, 1]], weight: 3 });
    expect(maxWeightMatching(4, edges, { maxCardinality: true })).toMatchObject({
      pairs: [
        [0, 1],
        [2, 3],
      ],
      weight: 1,
    });
  });

  it("finds matchings that need a blossom (an odd cycle) to be seen", () => {
    // A triangle with a pendant: the best uses the triangle's lightest edge.
    const triangle: WeightedEdge[] = [
      [0, 1, 8],
      [0, 2, 9],
      [1, 2, 10],
      [2, 3, 7],
    ];
    expect(maxWeightMatching(4, triangle).pairs).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // A five-cycle with a pendant at every vertex but one.
    const pentagon: WeightedEdge[] = [
      [0, 1, 10],
      [1, 2, 10],
      [2, 3, 10],
      [3, 4, 10],
      [4, 0, 10],
      [1, 5, 6],
      [2, 6, 6],
      [3, 7, 6],
      [4, 8, 6],
    ];
    const result = maxWeightMatching(9, pentagon);
    expect(result.weight).toBe(bruteForce(9, pentagon, false).weight);
    expectValid(9, pentagon, result);
  });

  it("ignores self-loops and keeps the heaviest of parallel edges", () => {
    const edges: WeightedEdge[] = [
      [0, 0, 100],
      [0, 1, 2],
      [1, 0, 7],
      [0, 1, 3],
    ];
    expect(maxWeightMatching(2, edges)).toEqual({ mate: [1, 0], pairs: [[0, 1]], weight: 7 });
  });

  it("scales fractional weights to integers so near-ties do not go astray", () => {
    const edges: WeightedEdge[] = [
      [0, 1, 0.1 + 0.2],
      [1, 2, 0.3],
      [2, 3, 0.1 + 0.2],
      [0, 3, 0.3],
    ];
    const result = maxWeightMatching(4, edges);
    expect(result.pairs).toHaveLength(2);
    expect(result.weight).toBeCloseTo(0.6, 12);
    expect(
      maxWeightMatching(3, [
        [0, 1, Math.PI],
        [1, 2, Math.E],
      ]).pairs,
    ).toEqual([[0, 1]]);
    // Too coarse a scale rounds both to 3: a tie, either edge will do.
    expect(
      maxWeightMatching(
        3,
        [
          [0, 1, Math.PI],
          [1, 2, Math.E],
        ],
        { scale: 1 },
      ).pairs,
    ).toHaveLength(1);
  });

  it("rejects vertices outside the graph and weights that are not numbers", () => {
    expect(() => maxWeightMatching(2, [[0, 2, 1]])).toThrow(InvalidGraphError);
    expect(() => maxWeightMatching(2, [[0, 1, NaN]])).toThrow(InvalidGraphError);
    expect(() => maxWeightMatching(-1, [])).toThrow(InvalidGraphError);
    expect(() => maxWeightMatching(2, [[0, 1, 2 ** 50]])).toThrow(InvalidGraphError);
  });

  it("is deterministic and fast on a dense graph of 300 vertices", () => {
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const edges: WeightedEdge[] = [];
    for (let u = 0; u < 300; u++)
      for (let v = u + 1; v < 300; v++)
        if (random() < 0.3) edges.push([u, v, Math.round(random() * 1e6) / 1e6]);
    const started = performance.now();
    const first = maxWeightMatching(300, edges, { maxCardinality: true });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(first.pairs).toHaveLength(150);
    expect(maxWeightMatching(300, edges, { maxCardinality: true })).toEqual(first);
    expectValid(300, edges, first);
  });
});

describe("maxWeightMatching against brute force", () => {
  for (const maxCardinality of [false, true]) {
    it(`matches the optimum of 1,200 random small graphs (maxCardinality ${maxCardinality})`, () => {
      fc.assert(
        fc.property(arbitraryGraph(11, fc.integer({ min: -4, max: 12 })), ({ n, edges }) => {
          const result = maxWeightMatching(n, edges, { maxCardinality });
          expectValid(n, edges, result);
          const best = bruteForce(n, edges, maxCardinality);
          expect(result.weight).toBe(best.weight);
          if (maxCardinality) expect(result.pairs).toHaveLength(best.pairs);
        }),
        { numRuns: 1200, seed: maxCardinality ? 4242 : 2424 },
      );
    });
  }

  it("matches the optimum with fractional scores in [0, 1] (300 graphs each way)", () => {
    const score = fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000);
    fc.assert(
      fc.property(arbitraryGraph(10, score), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const result = maxWeightMatching(n, edges, { maxCardinality });
        expectValid(n, edges, result);
        const best = bruteForce(n, edges, maxCardinality);
        expect(result.weight).toBeCloseTo(best.weight, 9);
        if (maxCardinality) expect(result.pairs).toHaveLength(best.pairs);
      }),
      { numRuns: 600, seed: 99 },
    );
  });
});

describe("maxWeightMatching against HiGHS", () => {
  it("finds the same optimum on 400 random graphs of up to 24 vertices", () => {
    const score = fc.integer({ min: 0, max: 1_000_000 }).map((k) => k / 1_000_000);
    fc.assert(
      fc.property(arbitraryGraph(24, score), fc.boolean(), ({ n, edges }, maxCardinality) => {
        const result = maxWeightMatching(n, edges, { maxCardinality });
        expectValid(n, edges, result);
        const bonus = n + 1;
        const expected = solveWithHighs(n, edges, maxCardinality, bonus);
        expect((maxCardinality ? bonus * result.pairs.length : 0) + result.weight).toBeCloseTo(
          expected,
          5,
        );
      }),
      { numRuns: 400, seed: 31337 },
    );
  }, 30_000);
});
