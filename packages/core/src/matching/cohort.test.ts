import { describe, expect, it } from "vitest";
import { SchemeRules, type SchemeRulesInput } from "../rules/schema";
import {
  type CohortMember,
  CohortError,
  exactPartition,
  exactTriads,
  formCohort,
  formDyads,
  formGroups,
  formTriads,
  measureTriadGap,
  peerCompatibility,
  peerScore,
  searchPartition,
} from "./cohort";
import { pairKey, scorePair } from "./score";

const member = (id: string, topics: string[], extra: Partial<CohortMember> = {}): CohortMember => ({
  id,
  topics,
  ...extra,
});

/** Co-mentoring rules where topics alone count unless told otherwise. */
const rules = (overrides: SchemeRulesInput = {}) =>
  SchemeRules.parse({
    format: { kind: "co_mentoring", groupSizes: [2] },
    ...overrides,
    matching: {
      ...overrides.matching,
      criteria: {
        topics: { weight: 1 },
        availability: { weight: 0 },
        honourPreferences: [],
        ...overrides.matching?.criteria,
      },
    },
  });

describe("peerScore", () => {
  it("is the mean of both directions, with their terms side by side", () => {
    const a = member("a", ["leadership", "teams"]);
    const b = member("b", ["leadership"]);
    const result = peerScore({ a, b, rules: rules() });
    // a wants 2 topics, b offers 1 of them; b wants 1, a offers it.
    expect(result).toEqual({
      allowed: true,
      score: 0.75,
      terms: [{ label: "1 of 2 topics / 1 of 1 topic", points: 0.75 }],
      explanation: "1 of 2 topics / 1 of 1 topic +0.75",
    });
    const mean =
      ((
        scorePair({
          mentee: { ...a, topicsWanted: a.topics },
          mentor: { ...b, topicsOffered: b.topics, ready: true, capacityLeft: 1 },
          rules: rules(),
        }) as { score: number }
      ).score +
        (
          scorePair({
            mentee: { ...b, topicsWanted: b.topics },
            mentor: { ...a, topicsOffered: a.topics, ready: true, capacityLeft: 1 },
            rules: rules(),
          }) as { score: number }
        ).score) /
      2;
    expect(result.allowed && result.score).toBe(mean);
    expect(peerScore({ a: b, b: a, rules: rules() })).toMatchObject({ allowed: true, score: 0.75 });
  });

  it("shows a term once when both directions see it alike", () => {
    const r = rules({
      matching: { criteria: { specialty: { direction: "different", weight: 1 } } },
    });
    const result = peerScore({
      a: member("a", ["x"], { specialty: "gp" }),
      b: member("b", ["x"], { specialty: "surgery" }),
      rules: r,
    });
    expect(result).toMatchObject({
      allowed: true,
      score: 1,
      explanation: "different specialty +0.50 · 1 of 1 topic +0.50",
    });
  });

  it("is not allowed when either is the other's line manager, in either order", () => {
    const boss = member("boss", ["x"], { personId: "p-boss" });
    const report = member("report", ["x"], { lineManagerPersonId: "p-boss" });
    expect(peerScore({ a: boss, b: report, rules: rules() })).toEqual({
      allowed: false,
      reason: "line_manager",
    });
    expect(peerScore({ a: report, b: boss, rules: rules() })).toEqual({
      allowed: false,
      reason: "line_manager",
    });
  });

  it("keeps the other hard constraints: same department, distance, a blocked pair either way", () => {
    const a = member("a", ["x"], {
      department: "ed",
      organisationId: "t1",
      location: { lat: 53.8, lng: -1.55 },
    });
    const b = member("b", ["x"], {
      department: "ed",
      organisationId: "t1",
      location: { lat: 51.5, lng: -0.13 },
    });
    expect(peerScore({ a, b, rules: rules() })).toEqual({
      allowed: false,
      reason: "same_department",
    });
    const far = rules({
      matching: {
        avoidSameDepartment: false,
        criteria: { distance: { maxKm: 50, remoteAllowed: false, weight: 0.2 } },
      },
    });
    expect(peerScore({ a, b, rules: far })).toEqual({ allowed: false, reason: "too_far" });
    const open = rules({ matching: { avoidSameDepartment: false } });
    expect(peerScore({ a, b, rules: open }).allowed).toBe(true);
    for (const blocked of [new Set([pairKey("a", "b")]), new Set([pairKey("b", "a")])]) {
      expect(peerScore({ a, b, rules: open, blocked })).toEqual({
        allowed: false,
        reason: "declined_before",
      });
    }
  });

  it("honours a preference asked for by either peer", () => {
    const r = rules({ matching: { criteria: { honourPreferences: ["gender"] } } });
    const a = member("a", ["x"], { gender: "female", preferences: { gender: "female" } });
    expect(peerScore({ a, b: member("b", ["x"], { gender: "male" }), rules: r })).toEqual({
      allowed: false,
      reason: "preference_not_met",
    });
    expect(peerScore({ a, b: member("b", ["x"], { gender: "female" }), rules: r }).allowed).toBe(
      true,
    );
  });
});

describe("peerCompatibility", () => {
  it("agrees with peerScore for every pair", () => {
    const members = [
      member("a", ["x", "y"], { personId: "pa" }),
      member("b", ["x"], { lineManagerPersonId: "pa" }),
      member("c", ["y", "z"]),
      member("d", []),
    ];
    const table = peerCompatibility({ members, rules: rules() });
    for (let i = 0; i < 4; i++) {
      expect(table.points[i * 4 + i]).toBe(-1);
      for (let j = 0; j < 4; j++) {
        if (i === j) continue;
        const peer = peerScore({ a: members[i]!, b: members[j]!, rules: rules() });
        expect(table.peer(i, j)).toEqual(peer);
        expect(table.points[i * 4 + j]).toBe(peer.allowed ? Math.round(peer.score * 1e6) : -1);
      }
    }
  });

  it("refuses a member listed twice", () => {
    expect(() =>
      peerCompatibility({ members: [member("a", []), member("a", [])], rules: rules() }),
    ).toThrow(CohortError);
  });
});

describe("formDyads", () => {
  it("pairs everyone it can before chasing the best pair", () => {
    // a and b fit best, but then c and d (line manager and report) would both be left out.
    const members = [
      member("a", ["x"]),
      member("b", ["x"]),
      member("c", ["x", "y"], { personId: "pc" }),
      member("d", ["y"], { lineManagerPersonId: "pc" }),
    ];
    const result = formDyads({ members, rules: rules() });
    expect(result.unmatched).toEqual([]);
    expect(result.groups).toHaveLength(2);
    expect(result.groups.some((g) => g.memberIds.includes("c") && g.memberIds.includes("d"))).toBe(
      false,
    );
    expect(result.total).toBeCloseTo(
      result.groups.reduce((sum, g) => sum + g.score, 0),
      12,
    );
  });

  it("maximises total compatibility and explains each pair", () => {
    const members = [
      member("a", ["x"]),
      member("b", ["y"]),
      member("c", ["x"]),
      member("d", ["y"]),
      member("e", ["z"]),
    ];
    const result = formDyads({ members, rules: rules() });
    expect(result).toEqual({
      groups: [
        { memberIds: ["a", "c"], score: 1, explanation: "1 of 1 topic +1.00" },
        { memberIds: ["b", "d"], score: 1, explanation: "1 of 1 topic +1.00" },
      ],
      unmatched: ["e"],
      total: 2,
    });
  });

  it("handles empty and lone cohorts", () => {
    expect(formDyads({ members: [], rules: rules() })).toEqual({
      groups: [],
      unmatched: [],
      total: 0,
    });
    expect(formDyads({ members: [member("a", [])], rules: rules() })).toEqual({
      groups: [],
      unmatched: ["a"],
      total: 0,
    });
  });
});

describe("formTriads", () => {
  const six = [
    member("x1", ["x"]),
    member("y1", ["y"]),
    member("x2", ["x"]),
    member("y2", ["y"]),
    member("x3", ["x"]),
    member("y3", ["y"]),
  ];

  it("forms the threes that fit, explaining each pair", () => {
    const result = formTriads({ members: six, rules: rules(), seed: 1, sizes: [3] });
    expect(result.groups.map((g) => g.memberIds)).toEqual([
      ["x1", "x2", "x3"],
      ["y1", "y2", "y3"],
    ]);
    expect(result.total).toBe(2);
    expect(result.groups[0]!.explanation).toBe(
      "mean of 3 pairs 1.00: x1 & x2 1.00 (1 of 1 topic +1.00); x1 & x3 1.00 (1 of 1 topic +1.00); x2 & x3 1.00 (1 of 1 topic +1.00)",
    );
    expect(exactTriads({ members: six, rules: rules(), sizes: [3] })).toEqual(result);
  });

  it("never puts a disallowed pair together, even at a cost", () => {
    const members = six.map((m) =>
      m.id === "x1"
        ? { ...m, personId: "p-x1" }
        : m.id === "x2"
          ? { ...m, lineManagerPersonId: "p-x1" }
          : m,
    );
    const result = formTriads({ members, rules: rules(), seed: 5, sizes: [3] });
    expect(result.groups).toHaveLength(2);
    for (const g of result.groups)
      expect(g.memberIds.includes("x1") && g.memberIds.includes("x2")).toBe(false);
    // Two ways tie for the best: x1 and x2 each with one of the others from their topic.
    expect(result.total).toBeCloseTo(
      exactTriads({ members, rules: rules(), sizes: [3] }).total,
      12,
    );
    expect(result.total).toBeCloseTo(2 / 3, 12);
  });

  it("leaves out whoever cannot make a three, and uses pairs and threes when both are allowed", () => {
    const seven = [...six, member("z", ["z"])];
    const threes = formTriads({ members: seven, rules: rules(), seed: 2, sizes: [3] });
    expect(threes.groups.flatMap((g) => g.memberIds)).toHaveLength(6);
    expect(threes.unmatched).toHaveLength(1);
    const mixed = formTriads({ members: six.slice(1), rules: rules(), seed: 2, sizes: [2, 3] });
    expect(mixed.unmatched).toEqual([]);
    expect(mixed.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 3]);
  });

  it("gives pairs alone exactly, by matching", () => {
    expect(formTriads({ members: six, rules: rules(), seed: 3, sizes: [2] })).toEqual(
      formDyads({ members: six, rules: rules() }),
    );
  });

  it("is deterministic for a seed", () => {
    const members = Array.from({ length: 30 }, (_, i) =>
      member(`m${i}`, [`t${i % 4}`, `t${(i * 7) % 5}`], {
        availability: [`s${i % 3}`],
        specialty: `sp${i % 6}`,
      }),
    );
    const r = rules({
      matching: {
        criteria: {
          availability: { weight: 0.3 },
          specialty: { direction: "different", weight: 0.2 },
        },
      },
    });
    const first = formTriads({ members, rules: r, seed: 42, sizes: [2, 3] });
    expect(formTriads({ members, rules: r, seed: 42, sizes: [2, 3] })).toEqual(first);
    expect(first.unmatched).toEqual([]);
  });

  it("reports its gap from the exact optimum", () => {
    const gap = measureTriadGap({ members: six, rules: rules(), seed: 1, sizes: [3] });
    expect(gap).toEqual({
      heuristic: { placed: 6, value: 6 },
      exact: { placed: 6, value: 6 },
      ratio: 1,
    });
  });
});

describe("searchPartition and exactPartition", () => {
  const table = (n: number, entries: [number, number, number][]) => {
    const points = new Int32Array(n * n).fill(-1);
    for (const [i, j, p] of entries) points[i * n + j] = points[j * n + i] = p;
    return { n, points };
  };

  it("values a pair at twice its score and a three at the sum of its pairs", () => {
    const t = table(3, [
      [0, 1, 500_000],
      [0, 2, 400_000],
      [1, 2, 300_000],
    ]);
    expect(exactPartition(t, { sizes: [3] })).toEqual({
      groups: [[0, 1, 2]],
      placed: 3,
      value: 1_200_000,
    });
    expect(exactPartition(t, { sizes: [2] })).toEqual({
      groups: [[0, 1]],
      placed: 2,
      value: 1_000_000,
    });
    expect(searchPartition(t, { sizes: [2, 3], seed: 0 })).toEqual({
      groups: [[0, 1, 2]],
      placed: 3,
      value: 1_200_000,
    });
  });

  it("refuses sizes other than 2 and 3, and exact search on big cohorts", () => {
    expect(() => exactPartition(table(2, []), { sizes: [4 as 3] })).toThrow(CohortError);
    expect(() => exactPartition(table(19, []), { sizes: [3] })).toThrow(CohortError);
  });
});

describe("formGroups", () => {
  const people = Array.from({ length: 26 }, (_, i) => ({
    id: `p${i}`,
    specialty: ["gp", "surgery", "nursing", "pharmacy"][i % 4]!,
    org: `t${i % 3}`,
  }));

  it("makes the fewest groups, sizes within one, each specialty spread evenly", () => {
    const result = formGroups({ members: people, maxSize: 8, mixBy: (p) => p.specialty, seed: 1 });
    expect(result.groups).toHaveLength(4);
    expect(result.groups.map((g) => g.memberIds.length).sort()).toEqual([6, 6, 7, 7]);
    expect(new Set(result.groups.flatMap((g) => g.memberIds)).size).toBe(26);
    for (const g of result.groups) {
      const count = (s: string) =>
        g.memberIds.filter((id) => people.find((p) => p.id === id)!.specialty === s).length;
      for (const s of ["gp", "surgery", "nursing", "pharmacy"])
        expect(count(s)).toBeGreaterThanOrEqual(1);
      for (const s of ["gp", "surgery", "nursing", "pharmacy"])
        expect(count(s)).toBeLessThanOrEqual(2);
      expect(g.score).toBe(1);
    }
    expect(result.unmatched).toEqual([]);
  });

  it("balances a second key too, and explains the mix", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      specialty: `s${i % 4}`,
      org: `t${Math.floor(i / 4)}`,
    }));
    const result = formGroups({
      members: twelve,
      maxSize: 4,
      mixBy: [(p) => p.specialty, (p) => p.org],
      mixLabels: ["specialty", "organisation"],
      seed: 9,
    });
    expect(result.groups).toHaveLength(3);
    for (const g of result.groups) {
      const members = g.memberIds.map((id) => twelve.find((p) => p.id === id)!);
      expect(new Set(members.map((p) => p.specialty)).size).toBe(4);
      // 4 specialties x 3 organisations in groups of 4: at most 2 from one organisation.
      const orgs = members.map((p) => p.org);
      expect(
        Math.max(...["t0", "t1", "t2"].map((o) => orgs.filter((x) => x === o).length)),
      ).toBeLessThanOrEqual(2);
      expect(g.explanation).toMatch(
        /^4 members · specialty: s\d 1, s\d 1, s\d 1, s\d 1 · organisation: t\d \d/,
      );
    }
  });

  it("is deterministic for a seed and copes with the small cases", () => {
    const first = formGroups({
      members: people,
      maxSize: 5,
      mixBy: [(p) => p.specialty, (p) => p.org],
      seed: 3,
    });
    expect(
      formGroups({
        members: people,
        maxSize: 5,
        mixBy: [(p) => p.specialty, (p) => p.org],
        seed: 3,
      }),
    ).toEqual(first);
    expect(
      formGroups({ members: [], maxSize: 5, mixBy: (p: { id: string }) => p.id, seed: 3 }),
    ).toEqual({ groups: [], unmatched: [], total: 0 });
    expect(
      formGroups({ members: people.slice(0, 3), maxSize: 12, mixBy: (p) => p.specialty, seed: 3 })
        .groups,
    ).toHaveLength(1);
    expect(() =>
      formGroups({ members: people, maxSize: 0, mixBy: (p) => p.specialty, seed: 3 }),
    ).toThrow(CohortError);
  });

  it("never puts someone with their line manager, though round-robin dealing would", () => {
    // Two groups of two, one gp and one surgeon each: the boss goes with either surgeon.
    const team = [
      { id: "boss", personId: "person-boss", specialty: "gp" },
      { id: "x", specialty: "gp" },
      { id: "report", lineManagerPersonId: "person-boss", specialty: "surgery" },
      { id: "y", specialty: "surgery" },
    ];
    const together = (r: ReturnType<typeof formGroups>) =>
      r.groups.some((g) => g.memberIds.includes("boss") && g.memberIds.includes("report"));
    const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
    const naive = seeds.filter((seed) =>
      together(
        formGroups({
          members: team.map(({ id, specialty }) => ({ id, specialty })),
          maxSize: 2,
          mixBy: (p) => p.specialty,
          seed,
        }),
      ),
    );
    expect(naive.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      const result = formGroups({ members: team, maxSize: 2, mixBy: (p) => p.specialty, seed });
      expect(together(result)).toBe(false);
      expect(result.conflicts).toBeUndefined();
      // The mix is still perfect: a gp and a surgeon in each group.
      for (const g of result.groups) expect(g.score).toBe(1);
    }
  });

  it("keeps blocked pairs apart (either order) even at the cost of the mix", () => {
    const four = [
      { id: "a", specialty: "gp" },
      { id: "b", specialty: "gp" },
      { id: "c", specialty: "surgery" },
      { id: "d", specialty: "surgery" },
    ];
    const blocked = new Set([pairKey("c", "a"), pairKey("a", "d")]);
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = formGroups({
        members: four,
        maxSize: 2,
        mixBy: (p) => p.specialty,
        seed,
        blocked,
      });
      expect(result.groups.map((g) => g.memberIds)).toEqual([
        ["a", "b"],
        ["c", "d"],
      ]);
      expect(result.conflicts).toBeUndefined();
    }
    // Without the blocks, the mix puts a gp with a surgeon.
    expect(
      formGroups({ members: four, maxSize: 2, mixBy: (p) => p.specialty, seed: 1 }).groups[0]!
        .memberIds,
    ).not.toEqual(["a", "b"]);
  });

  it("reports the conflicts it cannot avoid, keeping everyone in a group", () => {
    const three = [
      { id: "boss", specialty: "gp" },
      { id: "report", lineManagerPersonId: "boss", specialty: "gp" },
      { id: "other", specialty: "surgery" },
    ];
    const result = formGroups({
      members: three,
      maxSize: 5,
      mixBy: (p) => p.specialty,
      seed: 1,
      blocked: new Set([pairKey("other", "boss")]),
    });
    expect(result.groups).toHaveLength(1);
    expect(result.unmatched).toEqual([]);
    expect(result.conflicts).toEqual([
      { memberIds: ["boss", "report"], reason: "line_manager" },
      { memberIds: ["boss", "other"], reason: "declined_before" },
    ]);
  });
});

describe("formCohort", () => {
  const members = [
    member("a", ["x"], { specialty: "gp", organisationId: "t1" }),
    member("b", ["x"], { specialty: "gp", organisationId: "t2" }),
    member("c", ["y"], { specialty: "surgery", organisationId: "t1" }),
    member("d", ["y"], { specialty: "surgery", organisationId: "t2" }),
    member("e", ["y"], { specialty: "nursing", organisationId: "t1" }),
  ];

  it("forms pairs for co-mentoring in pairs", () => {
    expect(formCohort({ members, rules: rules(), seed: 1 })).toEqual({
      format: "dyads",
      ...formDyads({ members, rules: rules() }),
    });
  });

  it("forms threes when the scheme allows them", () => {
    const r = rules({ format: { kind: "co_mentoring", groupSizes: [2, 3] } });
    const result = formCohort({ members, rules: r, seed: 1 });
    expect(result.format).toBe("triads");
    expect(result.groups.map((g) => g.memberIds)).toEqual([
      ["a", "b"],
      ["c", "d", "e"],
    ]);
  });

  it("forms mixed groups for a group scheme", () => {
    const r = rules({ format: { kind: "group", maxSize: 3 } });
    const result = formCohort({ members, rules: r, seed: 1 });
    expect(result.format).toBe("groups");
    expect(result.groups.map((g) => g.memberIds.length).sort()).toEqual([2, 3]);
    for (const g of result.groups) expect(g.explanation).toContain("specialty: ");
  });

  it("keeps blocked pairs and line managers apart in groups", () => {
    const r = rules({ format: { kind: "group", maxSize: 3 } });
    const people = [
      member("a", ["x"], { specialty: "gp", personId: "pa" }),
      member("b", ["x"], { specialty: "surgery", lineManagerPersonId: "pa" }),
      member("c", ["x"], { specialty: "gp" }),
      member("d", ["x"], { specialty: "surgery" }),
    ];
    const blocked = new Set([pairKey("a", "d")]);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const result = formCohort({ members: people, rules: r, blocked, seed });
      expect(result.groups.map((g) => g.memberIds).sort()).toEqual([
        ["a", "c"],
        ["b", "d"],
      ]);
      expect(result.conflicts).toBeUndefined();
    }
  });

  it("refuses a one-to-one scheme", () => {
    expect(() =>
      formCohort({ members, rules: rules({ format: { kind: "one_to_one" } }), seed: 1 }),
    ).toThrow(expect.objectContaining({ code: "not_a_cohort_format" }));
  });
});
