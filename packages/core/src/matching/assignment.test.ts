import { describe, expect, it } from "vitest";
import {
  type AssignmentInstance,
  InvalidInstanceError,
  parseAssignmentInstance,
  parseAssignmentText,
  solveAssignment,
  verifyOptimality,
} from "./assignment";

const instance = (overrides: Partial<AssignmentInstance>): AssignmentInstance => ({
  mentees: [{ id: "a" }, { id: "b" }],
  mentors: [{ id: "x", capacity: 1 }, { id: "y", capacity: 1 }],
  pairs: [],
  objective: "max_score",
  ...overrides,
});

const solved = (input: AssignmentInstance) => {
  const result = solveAssignment(input);
  expect(verifyOptimality(input, result)).toEqual({ optimal: true, violations: 0 });
  return result;
};

describe("solveAssignment", () => {
  it("picks the greater total, not each mentee's favourite", () => {
    const result = solved(
      instance({
        pairs: [
          ["a", "x", 0.9],
          ["a", "y", 0.8],
          ["b", "x", 0.7],
          ["b", "y", 0.1],
        ],
      }),
    );
    expect(result.assignment).toEqual([
      ["a", "y"],
      ["b", "x"],
    ]);
    expect(result.score).toBeCloseTo(1.5);
  });

  it("fills a mentor up to capacity and no further", () => {
    const result = solved(
      instance({
        mentees: [{ id: "a" }, { id: "b" }, { id: "c" }],
        mentors: [{ id: "x", capacity: 2 }],
        pairs: [
          ["a", "x", 0.5],
          ["b", "x", 0.9],
          ["c", "x", 0.7],
        ],
      }),
    );
    expect(result.assignment).toEqual([
      ["b", "x"],
      ["c", "x"],
    ]);
  });

  it("never uses a mentor with capacity 0", () => {
    const result = solved(instance({ mentors: [{ id: "x", capacity: 0 }], pairs: [["a", "x", 1]] }));
    expect(result).toEqual({ assignment: [], matched: 0, score: 0 });
  });

  it("gives the same answer for the same input when scores tie", () => {
    const input = instance({
      pairs: [
        ["a", "x", 0.5],
        ["a", "y", 0.5],
        ["b", "x", 0.5],
        ["b", "y", 0.5],
      ],
    });
    const first = solved(input);
    expect(first.matched).toBe(2);
    expect(solveAssignment(input)).toEqual(first);
  });

  it("keeps a locked pair even when it lowers the total", () => {
    const result = solved(
      instance({
        pairs: [
          ["a", "x", 0.9],
          ["a", "y", 0.1],
          ["b", "x", 0.2],
        ],
        locked: [["a", "y"]],
      }),
    );
    expect(result.assignment).toEqual([
      ["a", "y"],
      ["b", "x"],
    ]);
  });

  it("never uses an excluded pair", () => {
    const result = solved(instance({ pairs: [["a", "x", 0.9], ["b", "y", 0.4]], excluded: [["a", "x"]] }));
    expect(result.assignment).toEqual([["b", "y"]]);
  });

  it("max_score leaves a mentee unmatched when that raises the total; the other objective matches both", () => {
    // a-x 1.0 alone beats a-y 0.1 + b-x 0.1, so max_score matches one; max_matched_then_score matches two.
    const pairs: AssignmentInstance["pairs"] = [
      ["a", "x", 1],
      ["a", "y", 0.1],
      ["b", "x", 0.1],
    ];
    const byScore = solved(instance({ pairs }));
    expect(byScore).toEqual({ assignment: [["a", "x"]], matched: 1, score: 1 });
    const byCount = solved(instance({ pairs, objective: "max_matched_then_score" }));
    expect(byCount.assignment).toEqual([
      ["a", "y"],
      ["b", "x"],
    ]);
    expect(byCount.score).toBeCloseTo(0.2);
  });

  it("max_matched_then_score swaps an earlier mentee out when that keeps the count and raises the score", () => {
    const result = solved(
      instance({
        objective: "max_matched_then_score",
        mentees: [{ id: "a" }, { id: "b" }],
        mentors: [{ id: "x", capacity: 1 }],
        pairs: [
          ["a", "x", 0.1],
          ["b", "x", 0.6],
        ],
      }),
    );
    expect(result.assignment).toEqual([["b", "x"]]);
  });
});

// The auction warm start runs on these; contested places make it displace and re-bid, and coarse
// scores make ties.
const contested = (seed: number, menteeCount: number, objective: AssignmentInstance["objective"]): AssignmentInstance => {
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const mentors = Array.from({ length: Math.ceil(menteeCount / 2) }, (_, j) => ({ id: `m${j}`, capacity: 1 + (j % 3) }));
  const places = mentors.reduce((sum, mentor) => sum + mentor.capacity, 0);
  const mentees = Array.from({ length: Math.min(menteeCount, places) }, (_, i) => ({ id: `e${i}` }));
  const pairs: AssignmentInstance["pairs"] = [];
  for (const { id } of mentees) {
    const chosen = new Set<number>();
    // Most candidates among a few popular mentors, so demand is concentrated.
    for (let c = 0; c < 6; c++) chosen.add(Math.floor(random() ** 3 * mentors.length));
    for (const j of chosen) pairs.push([id, `m${j}`, Math.round(random() * 8) / 8]);
  }
  return { mentees, mentors, pairs, objective };
};

describe("solveAssignment when places are about as many as mentees", () => {
  // verifyOptimality is an independent certificate.
  it.each([1, 2, 3, 4, 5, 6])("is certified optimal on a contested instance (seed %i)", (seed) => {
    for (const objective of ["max_matched_then_score", "max_score"] as const) {
      const problem = contested(seed, 300, objective);
      const warm = solveAssignment(problem, { warmStart: "always" });
      expect(verifyOptimality(problem, warm)).toEqual({ optimal: true, violations: 0 });
      const cold = solveAssignment(problem, { warmStart: "never" });
      // Under max_score a score-0 pair may or may not be taken: only the score must agree.
      if (objective === "max_matched_then_score") expect(warm.matched).toBe(cold.matched);
      expect(warm.score).toBeCloseTo(cold.score, 6);
    }
  });
});

describe("instance errors", () => {
  const cases: [string, Partial<AssignmentInstance>, RegExp][] = [
    ["duplicate mentee", { mentees: [{ id: "a" }, { id: "a" }] }, /mentees\[1\]: duplicate mentee id "a"/],
    ["duplicate mentor", { mentors: [{ id: "x", capacity: 1 }, { id: "x", capacity: 1 }] }, /mentors\[1\]: duplicate mentor id/],
    ["bad capacity", { mentors: [{ id: "x", capacity: 1.5 }] }, /mentors\[0\]\.capacity/],
    ["unknown mentee", { pairs: [["z", "x", 0.5]] }, /pairs\[0\]\[0\]: unknown mentee id "z"/],
    ["unknown mentor", { pairs: [["a", "z", 0.5]] }, /pairs\[0\]\[1\]: unknown mentor id "z"/],
    ["score out of range", { pairs: [["a", "x", 1.5]] }, /pairs\[0\]\[2\]: score must be between 0 and 1/],
    ["duplicate pair", { pairs: [["a", "x", 0.5], ["a", "x", 0.2]] }, /pairs\[1\]: duplicate pair \("a", "x"\), already at pairs\[0\]/],
    ["lock on an absent pair", { locked: [["a", "x"]] }, /locked\[0\]: impossible lock.*not an allowed pair/],
    ["lock on an excluded pair", { pairs: [["a", "x", 0.5]], locked: [["a", "x"]], excluded: [["a", "x"]] }, /also excluded/],
    [
      "more locks than capacity",
      { pairs: [["a", "x", 0.5], ["b", "x", 0.5]], locked: [["a", "x"], ["b", "x"]] },
      /locked\[1\]: impossible lock, mentor "x" has more locked mentees than capacity/,
    ],
    [
      "one mentee locked twice",
      { pairs: [["a", "x", 0.5], ["a", "y", 0.5]], locked: [["a", "x"], ["a", "y"]] },
      /already locked to another mentor/,
    ],
  ];
  it.each(cases)("%s", (_label, overrides, message) => {
    expect(() => solveAssignment(instance(overrides))).toThrowError(InvalidInstanceError);
    expect(() => solveAssignment(instance(overrides))).toThrowError(message);
  });
});

describe("parseAssignmentInstance", () => {
  it("accepts a well-formed instance", () => {
    const json = { mentees: [{ id: "a" }], mentors: [{ id: "x", capacity: 1 }], pairs: [["a", "x", 0.5]], objective: "max_score" };
    expect(parseAssignmentInstance(json)).toEqual(json);
  });

  it("names the path of each problem", () => {
    const parse = () =>
      parseAssignmentInstance({
        mentees: [{ id: "a" }],
        mentors: [{ id: "x", capacity: -1 }],
        pairs: [["a", "x", 2]],
        objective: "best",
      });
    expect(parse).toThrowError(InvalidInstanceError);
    expect(parse).toThrowError(/mentors\[0\]\.capacity: Capacity must be 0 or more/);
    expect(parse).toThrowError(/pairs\[0\]\[2\]: Score must be between 0 and 1/);
    expect(parse).toThrowError(/objective: Choose the objective/);
  });

  it("checks ids as well as shapes", () => {
    expect(() =>
      parseAssignmentInstance({ mentees: [], mentors: [], pairs: [["a", "x", 0.5]], objective: "max_score" }),
    ).toThrowError(/pairs\[0\]\[0\]: unknown mentee id "a"/);
  });
});

describe("parseAssignmentText", () => {
  const general = (text: string) => parseAssignmentInstance(JSON.parse(text));
  const errorOf = (parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      return { name: (error as Error).name, message: (error as Error).message };
    }
    return null;
  };

  it("reads the usual shape into typed arrays and solves it as the object form does", () => {
    for (let seed = 1; seed <= 4; seed++) {
      for (const objective of ["max_matched_then_score", "max_score"] as const) {
        const problem = { ...contested(seed, 120, objective), locked: [["e0", "m0"]] as [string, string][], excluded: [["e1", "m1"]] as [string, string][] };
        if (!problem.pairs.some(([a, b]) => a === "e0" && b === "m0")) problem.locked = [];
        for (const text of [JSON.stringify(problem), JSON.stringify(problem, null, 2)]) {
          const compact = parseAssignmentText(text);
          expect("pairScore" in compact).toBe(true);
          const result = solveAssignment(compact, { warmStart: "always" });
          expect(result).toEqual(solveAssignment(general(text), { warmStart: "always" }));
          expect(verifyOptimality(compact, result)).toEqual({ optimal: true, violations: 0 });
        }
      }
    }
  });

  it.each([
    ["invalid JSON", '{"mentees": ['],
    ["a negative capacity", '{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":-1}],"pairs":[["a","x",0.5]],"objective":"max_score"}'],
    ["a fractional capacity", '{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":1.5}],"pairs":[],"objective":"max_score"}'],
    ["a score above 1", '{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":1}],"pairs":[["a","x",1.5]],"objective":"max_score"}'],
    ["an unknown mentor", '{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":1}],"pairs":[["a","y",0.5]],"objective":"max_score"}'],
    ["a duplicate mentee", '{"mentees":[{"id":"a"},{"id":"a"}],"mentors":[],"pairs":[],"objective":"max_score"}'],
    ["a duplicate pair", '{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":1}],"pairs":[["a","x",0.5],["a","x",0.7]],"objective":"max_score"}'],
    ["an impossible lock", '{"mentees":[{"id":"a"}],"mentors":[{"id":"x","capacity":0}],"pairs":[["a","x",0.5]],"objective":"max_score","locked":[["a","x"]]}'],
    ["a bad objective", '{"mentees":[],"mentors":[],"pairs":[],"objective":"best"}'],
    ["an empty id", '{"mentees":[{"id":""}],"mentors":[],"pairs":[],"objective":"max_score"}'],
    ["a missing list", '{"mentees":[],"mentors":[],"objective":"max_score"}'],
    ["trailing text", '{"mentees":[],"mentors":[],"pairs":[],"objective":"max_score"} x'],
  ])("fails on %s exactly as the general way does", (_, text) => {
    const error = errorOf(() => parseAssignmentText(text));
    expect(error).not.toBeNull();
    expect(error).toEqual(errorOf(() => general(text)));
  });

  it("takes what the fast reader does not know the general way", () => {
    // An escape in an id, an extra key and pairs before the people.
    const text =
      '{"pairs":[["a\\u0062","x",0.5]],"mentees":[{"id":"a\\u0062","note":1}],"mentors":[{"capacity":1,"id":"x"}],"objective":"max_score"}';
    expect(solveAssignment(parseAssignmentText(text))).toEqual({ assignment: [["ab", "x"]], matched: 1, score: 0.5 });
  });
});

describe("verifyOptimality", () => {
  const input = instance({
    pairs: [
      ["a", "x", 0.9],
      ["a", "y", 0.8],
      ["b", "x", 0.7],
    ],
  });

  it("rejects a feasible but worse assignment", () => {
    const check = verifyOptimality(input, { assignment: [["a", "x"]], matched: 1, score: 0.9 });
    expect(check.optimal).toBe(false);
    expect(check.violations).toBeGreaterThan(0);
  });

  it("counts broken hard constraints", () => {
    const check = verifyOptimality(input, {
      assignment: [
        ["a", "x"],
        ["b", "x"],
      ],
      matched: 2,
      score: 1.6,
    });
    expect(check).toEqual({ optimal: false, violations: 1 });
  });
});
