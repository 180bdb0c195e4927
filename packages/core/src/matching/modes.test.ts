import { describe, expect, it } from "vitest";
import { SchemeRules, type SchemeRulesInput } from "../rules/schema";
import { InvalidInstanceError } from "./assignment";
import { rankMentorsForMentee, runAuto, runNextAvailable, shortlistForMentee } from "./modes";
import { type MenteeCandidate, type MentorCandidate, pairKey } from "./score";

const LEEDS = { lat: 53.8008, lng: -1.5491 };
const BRADFORD = { lat: 53.796, lng: -1.7594 };
const LONDON = { lat: 51.5074, lng: -0.1278 };

const mentee = (id: string, overrides: Partial<MenteeCandidate> = {}): MenteeCandidate => ({ id, topicsWanted: [], ...overrides });
const mentor = (id: string, overrides: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id,
  topicsOffered: [],
  ready: true,
  capacityLeft: 1,
  ...overrides,
});

/** Only topics count unless more is said. */
const rulesWith = (matching: SchemeRulesInput["matching"] = {}) =>
  SchemeRules.parse({
    matching: {
      avoidSameDepartment: false,
      ...matching,
      criteria: { topics: { weight: 1 }, availability: { weight: 0 }, honourPreferences: [], ...matching?.criteria },
    },
  });
const rules = rulesWith();

describe("rankMentorsForMentee (free choice)", () => {
  const ann = mentee("ann", { topicsWanted: ["leadership", "research"], location: LEEDS });
  const mentors = [
    mentor("mo", { topicsOffered: ["leadership"], specialty: "Cardiology", location: LONDON, availability: ["mon-am"] }),
    mentor("pat", { topicsOffered: ["leadership", "research"], specialty: "Oncology", location: BRADFORD, languages: ["cy"] }),
    mentor("sal", { topicsOffered: ["research"], specialty: "cardiology" }),
    mentor("tom", { topicsOffered: ["leadership", "research"], ready: false }),
    mentor("uma", { topicsOffered: ["leadership", "research"], capacityLeft: 0 }),
    mentor("viv", { topicsOffered: [], department: "Research office" }),
  ];

  it("lists every allowed mentor, best first, ties in input order, with explanation and distance", () => {
    const ranked = rankMentorsForMentee({ mentee: ann, mentors, rules });
    expect(ranked.map((r) => [r.mentorId, r.score])).toEqual([
      ["pat", 1],
      ["mo", 0.5],
      ["sal", 0.5],
      ["viv", 0],
    ]);
    expect(ranked[0]!.explanation).toBe("2 of 2 topics +1.00");
    expect(ranked[0]!.terms).toEqual([{ label: "2 of 2 topics", points: 1 }]);
    expect(ranked[0]!.distanceKm).toBeCloseTo(13.9, 0);
    expect(ranked[2]!.distanceKm).toBeNull();
  });

  it("leaves out blocked pairs", () => {
    const ranked = rankMentorsForMentee({ mentee: ann, mentors, rules, blocked: new Set([pairKey("ann", "pat")]) });
    expect(ranked.map((r) => r.mentorId)).toEqual(["mo", "sal", "viv"]);
  });

  it.each([
    [{ specialty: "cardiology" }, ["mo", "sal"]],
    [{ topic: "Research" }, ["pat", "sal"]],
    [{ maxKm: 50 }, ["pat"]],
    [{ availability: "mon-am" }, ["mo"]],
    [{ text: "research" }, ["pat", "sal", "viv"]],
    [{ text: "CY" }, ["pat"]],
    [{ text: "  " }, ["pat", "mo", "sal", "viv"]],
    [{ specialty: "cardiology", topic: "leadership" }, ["mo"]],
  ])("filters by %o", (filters, expected) => {
    expect(rankMentorsForMentee({ mentee: ann, mentors, rules, filters }).map((r) => r.mentorId)).toEqual(expected);
  });

  it("finds text in a search field the caller adds", () => {
    const withBio = [{ ...mentor("zed"), search: "Zed Smith, consultant in Harrogate" }];
    expect(rankMentorsForMentee({ mentee: ann, mentors: withBio, rules, filters: { text: "harrogate" } })).toHaveLength(1);
    expect(rankMentorsForMentee({ mentee: ann, mentors: withBio, rules, filters: { text: "york" } })).toHaveLength(0);
  });
});

describe("shortlistForMentee", () => {
  const many = Array.from({ length: 8 }, (_, j) => mentor(`m${j}`, { topicsOffered: j % 2 ? ["a"] : [] }));
  const a = mentee("a", { topicsWanted: ["a"] });

  it("shows the scheme's shortlist size, else 5, else the size asked for", () => {
    expect(shortlistForMentee({ mentee: a, mentors: many, rules }).map((r) => r.mentorId)).toEqual(["m1", "m3", "m5", "m7", "m0"]);
    expect(shortlistForMentee({ mentee: a, mentors: many, rules: rulesWith({ shortlistSize: 3 }) })).toHaveLength(3);
    expect(shortlistForMentee({ mentee: a, mentors: many, rules, size: 2 }).map((r) => r.mentorId)).toEqual(["m1", "m3"]);
  });
});

describe("runAuto", () => {
  const mentees = [
    mentee("ann", { topicsWanted: ["a", "b"] }),
    mentee("bob", { topicsWanted: ["a"] }),
    mentee("cat", { topicsWanted: ["a"] }),
    mentee("dan", { topicsWanted: ["z"], lineManagerPersonId: "only" }),
  ];
  const mentors = [
    mentor("mo", { topicsOffered: ["a", "b"], capacityLeft: 2 }),
    mentor("pat", { topicsOffered: ["b"] }),
    mentor("only", { topicsOffered: ["z"], capacityLeft: 0 }),
  ];

  it("proposes the optimal allocation with explanations, says why others are unmatched, and times its phases", () => {
    const seen: string[] = [];
    const blocked = new Set([pairKey("dan", "mo"), pairKey("dan", "pat")]);
    const result = runAuto({ mentees, mentors, rules, blocked, onProgress: (phase) => seen.push(phase) });
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId, p.score, p.locked])).toEqual([
      ["ann", "pat", 0.5, false],
      ["bob", "mo", 1, false],
      ["cat", "mo", 1, false],
    ]);
    expect(result.proposals[0]!.explanation).toBe("1 of 2 topics +0.50");
    expect(result.unmatched).toEqual([{ menteeId: "dan", reason: "no_allowed_mentor" }]);
    expect(result).toMatchObject({ matched: 3, score: 2.5, worstOff: 0.5 });
    expect(result.stability).toBeUndefined();
    expect(seen).toEqual(["candidates", "assignment", "proposals"]);
    expect(result.phases.map((p) => p.name)).toEqual(seen);
    for (const phase of result.phases) expect(phase.ms).toBeGreaterThanOrEqual(0);
  });

  it("keeps locks and exclusions and says when the places went to others", () => {
    const result = runAuto({
      mentees,
      mentors,
      rules,
      options: { locked: [["ann", "mo"]], excluded: [["cat", "pat"], ["bob", "pat"]] },
    });
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId, p.locked])).toEqual([
      ["ann", "mo", true],
      ["bob", "mo", false],
      ["dan", "pat", false],
    ]);
    expect(result.unmatched).toEqual([{ menteeId: "cat", reason: "no_place_left" }]);
  });

  it("accepts a lock on an allowed pair outside the top K and rejects one on a pair not allowed", () => {
    const result = runAuto({ mentees, mentors, rules, options: { topK: 1, locked: [["bob", "pat"]] } });
    expect(result.proposals.find((p) => p.menteeId === "bob")).toMatchObject({ mentorId: "pat", locked: true, score: 0 });
    expect(() => runAuto({ mentees, mentors, rules, options: { locked: [["dan", "only"]] } })).toThrow(InvalidInstanceError);
  });

  it("with fairness, raises the worst-off mentee at some cost in total score", () => {
    const two = [mentee("e0", { topicsWanted: ["a", "b"] }), mentee("e1", { topicsWanted: ["a", "c", "d", "e"] })];
    // e0-x 1 and e1-y 0.25 (total 1.25) is best; e0-y 0.5 and e1-x 0.5 (total 1) is fairer.
    const places = [mentor("x", { topicsOffered: ["a", "b", "c"] }), mentor("y", { topicsOffered: ["b", "e"] })];
    const plain = runAuto({ mentees: two, mentors: places, rules });
    expect(plain).toMatchObject({ score: 1.25, worstOff: 0.25 });
    const fair = runAuto({ mentees: two, mentors: places, rules, options: { fairness: true } });
    expect(fair.proposals.map((p) => p.mentorId)).toEqual(["y", "x"]);
    expect(fair).toMatchObject({ matched: 2, score: 1, worstOff: 0.5 });
    expect(fair.phases.map((p) => p.name)).toEqual(["candidates", "fairness", "proposals"]);
  });

  it("with stable, proposes the stable allocation and reports the optimum's blocking pairs and the price", () => {
    const pair = [mentee("ann", { topicsWanted: ["a", "b"] }), mentee("bob", { topicsWanted: ["a", "b"] })];
    const both = [mentor("mo", { topicsOffered: ["a", "b"] }), mentor("pat", { topicsOffered: ["a"] })];
    // Bob ranks mo first and mo ranks bob first, yet the optimum (either way 1.5) may give mo to ann.
    const result = runAuto({
      mentees: pair,
      mentors: both,
      rules,
      options: { stable: true, menteeRanks: { bob: ["mo", "pat"] }, mentorRanks: { mo: ["bob", "ann"] } },
    });
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId])).toEqual([
      ["ann", "pat"],
      ["bob", "mo"],
    ]);
    expect(result.stability).toEqual({ blockingPairs: [["bob", "mo"]], optimalScore: 1.5, optimalMatched: 2, priceOfStability: 0 });
    expect(result.phases.map((p) => p.name)).toEqual(["candidates", "assignment", "stability", "proposals"]);
  });

  it("is deterministic", () => {
    const a = runAuto({ mentees, mentors, rules, options: { fairness: true, stable: true } });
    const b = runAuto({ mentees, mentors, rules, options: { fairness: true, stable: true } });
    const strip = (r: typeof a) => ({ ...r, phases: r.phases.map((p) => p.name) });
    expect(strip(a)).toEqual(strip(b));
  });
});

describe("runNextAvailable", () => {
  it("serves the queue in order, each taking their best mentor with a place left", () => {
    const queue = [mentee("bob", { topicsWanted: ["a"] }), mentee("ann", { topicsWanted: ["a", "b"] }), mentee("cat", { topicsWanted: ["q"] })];
    const mentors = [mentor("pat", { topicsOffered: ["b"] }), mentor("mo", { topicsOffered: ["a", "b"] })];
    const result = runNextAvailable({ mentees: queue, mentors, rules });
    // Bob came first and took mo, though ann would have scored more with him.
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId, p.score])).toEqual([
      ["bob", "mo", 1],
      ["ann", "pat", 0.5],
    ]);
    expect(result.unmatched).toEqual([{ menteeId: "cat", reason: "no_place_left" }]);
    expect(result.worstOff).toBe(0.5);
    expect(result.phases.map((p) => p.name)).toEqual(["candidates", "queue"]);
  });

  it("fixes locks first and skips excluded pairs", () => {
    const queue = [mentee("bob", { topicsWanted: ["a"] }), mentee("ann", { topicsWanted: ["a"] })];
    const mentors = [mentor("mo", { topicsOffered: ["a"] }), mentor("pat", { topicsOffered: [] })];
    const result = runNextAvailable({ mentees: queue, mentors, rules, locked: [["ann", "mo"]], excluded: [["bob", "pat"]] });
    expect(result.proposals.map((p) => [p.menteeId, p.mentorId, p.locked])).toEqual([["ann", "mo", true]]);
    expect(result.unmatched).toEqual([{ menteeId: "bob", reason: "no_place_left" }]);
    expect(() => runNextAvailable({ mentees: queue, mentors, rules, locked: [["ann", "mo"], ["bob", "mo"]] })).toThrow(InvalidInstanceError);
  });

  it("looks beyond the kept candidates when they are all full", () => {
    const mentors = Array.from({ length: 60 }, (_, j) => mentor(`m${j}`, { topicsOffered: j < 55 ? ["a"] : [] }));
    const queue = Array.from({ length: 58 }, (_, i) => mentee(`e${i}`, { topicsWanted: ["a"] }));
    const result = runNextAvailable({ mentees: queue, mentors, rules });
    expect(result.matched).toBe(58);
    expect(result.proposals.slice(53).map((p) => [p.mentorId, p.score])).toEqual([
      ["m53", 1],
      ["m54", 1],
      ["m55", 0],
      ["m56", 0],
      ["m57", 0],
    ]);
    expect(result.proposals[57]!.explanation).toBe("0 of 1 topic +0.00");
  });
});
