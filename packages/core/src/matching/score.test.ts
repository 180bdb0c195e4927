import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchemeRules, type SchemeRulesInput } from "../rules/schema";
import { solveAssignment } from "./assignment";
import {
  buildCandidates,
  buildCandidatesIndexed,
  distanceKm,
  type MenteeCandidate,
  type MentorCandidate,
  pairKey,
  scorePair,
} from "./score";

const LEEDS = { lat: 53.8008, lng: -1.5491 };
const BRADFORD = { lat: 53.796, lng: -1.7594 };
const LONDON = { lat: 51.5074, lng: -0.1278 };

const mentee = (overrides: Partial<MenteeCandidate> = {}): MenteeCandidate => ({
  id: "mentee-1",
  topicsWanted: [],
  ...overrides,
});
const mentor = (overrides: Partial<MentorCandidate> = {}): MentorCandidate => ({
  id: "mentor-1",
  topicsOffered: [],
  ready: true,
  capacityLeft: 2,
  ...overrides,
});

/** Rules where only the named criterion counts. */
const only = (criteria: NonNullable<NonNullable<SchemeRulesInput["matching"]>["criteria"]>, matching: SchemeRulesInput["matching"] = {}) =>
  SchemeRules.parse({
    matching: {
      ...matching,
      criteria: { topics: { weight: 0 }, availability: { weight: 0 }, honourPreferences: [], ...criteria },
    },
  });

describe("distanceKm", () => {
  it("measures great-circle distance", () => {
    expect(distanceKm(LEEDS, BRADFORD)).toBeCloseTo(13.9, 0);
    expect(distanceKm(LEEDS, LONDON)).toBeCloseTo(272, -1);
    expect(distanceKm(LEEDS, LEEDS)).toBe(0);
  });
});

describe("scorePair criteria", () => {
  const cases: {
    name: string;
    rules: SchemeRules;
    mentee?: Partial<MenteeCandidate>;
    mentor?: Partial<MentorCandidate>;
    score: number;
    explanation: string;
  }[] = [
    {
      name: "different specialty wanted and found",
      rules: only({ specialty: { direction: "different", weight: 0.5 } }),
      mentee: { specialty: "cardiology" },
      mentor: { specialty: "oncology" },
      score: 1,
      explanation: "different specialty +1.00",
    },
    {
      name: "different specialty wanted, same found",
      rules: only({ specialty: { direction: "different", weight: 0.5 } }),
      mentee: { specialty: "cardiology" },
      mentor: { specialty: "cardiology" },
      score: 0,
      explanation: "same specialty +0.00",
    },
    {
      name: "same specialty wanted, unknown",
      rules: only({ specialty: { direction: "same", weight: 0.5 } }),
      mentee: { specialty: "cardiology" },
      score: 0,
      explanation: "specialty unknown +0.00",
    },
    {
      name: "same organisation",
      rules: only({ organisation: { direction: "same", weight: 1 } }),
      mentee: { organisationId: "trust-a" },
      mentor: { organisationId: "trust-a" },
      score: 1,
      explanation: "same organisation +1.00",
    },
    {
      name: "different organisation wanted, same found",
      rules: only({ organisation: { direction: "different", weight: 1 } }),
      mentee: { organisationId: "trust-a" },
      mentor: { organisationId: "trust-a" },
      score: 0,
      explanation: "same organisation +0.00",
    },
    {
      name: "distance within the limit scores by closeness",
      rules: only({ distance: { maxKm: 28, weight: 1 } }),
      mentee: { location: LEEDS },
      mentor: { location: BRADFORD },
      score: 1 - distanceKm(LEEDS, BRADFORD) / 28,
      explanation: "14 km +0.51",
    },
    {
      name: "distance past the limit, both remote",
      rules: only({ distance: { maxKm: 50, remoteAllowed: true, weight: 1 } }),
      mentee: { location: LEEDS, remoteOk: true },
      mentor: { location: LONDON, remoteOk: true },
      score: 0,
      explanation: "272 km, meeting remotely +0.00",
    },
    {
      name: "topics: share of the wanted ones offered",
      rules: only({ topics: { weight: 0.6 } }),
      mentee: { topicsWanted: ["leadership", "teams", "time", "negotiating"] },
      mentor: { topicsOffered: ["leadership", "teams", "time", "finance"] },
      score: 0.75,
      explanation: "3 of 4 topics +0.75",
    },
    {
      name: "availability overlap",
      rules: only({ availability: { weight: 0.3 } }),
      mentee: { availability: ["mon-am", "tue-pm"] },
      mentor: { availability: ["tue-pm"] },
      score: 0.5,
      explanation: "1 of 2 times free +0.50",
    },
    {
      name: "seniority gap",
      rules: only({ seniorityGap: { weight: 0.2 } }),
      mentee: { seniority: 2 },
      mentor: { seniority: 5 },
      score: 0.6,
      explanation: "3 years more senior +0.60",
    },
    {
      name: "weights are normalised across criteria",
      rules: only({ specialty: { direction: "different", weight: 0.2 }, topics: { weight: 0.6 } }),
      mentee: { specialty: "a", topicsWanted: ["x", "y"] },
      mentor: { specialty: "b", topicsOffered: ["x"] },
      score: 0.25 + 0.75 * 0.5,
      explanation: "different specialty +0.25 · 1 of 2 topics +0.38",
    },
    {
      name: "no criteria weighted",
      rules: only({}),
      score: 0,
      explanation: "",
    },
  ];
  it.each(cases)("$name", ({ rules, mentee: a, mentor: b, score, explanation }) => {
    const result = scorePair({ mentee: mentee(a), mentor: mentor(b), rules });
    expect(result.allowed).toBe(true);
    if (!result.allowed) return;
    expect(result.score).toBeCloseTo(score, 9);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.explanation).toBe(explanation);
    expect(result.terms.reduce((sum, term) => sum + term.points, 0)).toBeCloseTo(result.score, 9);
  });
});

describe("scorePair hard constraints", () => {
  const rules = SchemeRules.parse({ matching: { avoidSameDepartment: true, criteria: { distance: { maxKm: 50, remoteAllowed: true } } } });
  const cases: { name: string; mentee?: Partial<MenteeCandidate>; mentor?: Partial<MentorCandidate>; blocked?: boolean; reason: string | null }[] = [
    { name: "a plain pair is allowed", reason: null },
    { name: "mentor not ready", mentor: { ready: false }, reason: "mentor_not_ready" },
    { name: "mentor has no places left", mentor: { capacityLeft: 0 }, reason: "mentor_full" },
    { name: "never the line manager", mentee: { lineManagerPersonId: "p-9" }, mentor: { personId: "p-9" }, reason: "line_manager" },
    { name: "not oneself", mentee: { personId: "p-1" }, mentor: { personId: "p-1" }, reason: "same_person" },
    {
      name: "same department",
      mentee: { organisationId: "o", department: "ED" },
      mentor: { organisationId: "o", department: "ED" },
      reason: "same_department",
    },
    {
      name: "same department name in another organisation is fine",
      mentee: { organisationId: "o", department: "ED" },
      mentor: { organisationId: "p", department: "ED" },
      reason: null,
    },
    { name: "too far", mentee: { location: LEEDS }, mentor: { location: LONDON }, reason: "too_far" },
    { name: "too far but one side will not meet remotely", mentee: { location: LEEDS, remoteOk: true }, mentor: { location: LONDON }, reason: "too_far" },
    { name: "far but both remote", mentee: { location: LEEDS, remoteOk: true }, mentor: { location: LONDON, remoteOk: true }, reason: null },
    { name: "declined before", blocked: true, reason: "declined_before" },
    { name: "gender preference not met", mentee: { preferences: { gender: "female" } }, mentor: { gender: "male" }, reason: "preference_not_met" },
    { name: "gender preference met", mentee: { preferences: { gender: "female" } }, mentor: { gender: "female" }, reason: null },
    { name: "language is not honoured by default", mentee: { preferences: { language: "cy" } }, mentor: { languages: ["en"] }, reason: null },
  ];
  it.each(cases)("$name", ({ mentee: a, mentor: b, blocked, reason }) => {
    const result = scorePair({
      mentee: mentee(a),
      mentor: mentor(b),
      rules,
      blocked: blocked ? new Set([pairKey("mentee-1", "mentor-1")]) : undefined,
    });
    expect(result.allowed ? null : result.reason).toBe(reason);
  });

  it("the same department is allowed when the rules do not avoid it", () => {
    const relaxed = SchemeRules.parse({ matching: { avoidSameDepartment: false } });
    const result = scorePair({ mentee: mentee({ department: "ED" }), mentor: mentor({ department: "ED" }), rules: relaxed });
    expect(result.allowed).toBe(true);
  });

  it("honours a language preference when the rules say so", () => {
    const strict = SchemeRules.parse({ matching: { criteria: { honourPreferences: ["language"] } } });
    const ask = mentee({ preferences: { language: "cy" } });
    expect(scorePair({ mentee: ask, mentor: mentor({ languages: ["en"] }), rules: strict })).toMatchObject({ allowed: false });
    expect(scorePair({ mentee: ask, mentor: mentor({ languages: ["en", "cy"] }), rules: strict })).toMatchObject({ allowed: true });
  });
});

describe("buildCandidates", () => {
  const rules = only({ topics: { weight: 1 } });
  const topics = ["a", "b", "c", "d"];
  const mentors = [
    mentor({ id: "m0", topicsOffered: ["a"] }),
    mentor({ id: "m1", topicsOffered: ["a", "b", "c"] }),
    mentor({ id: "m2", topicsOffered: ["a", "b"] }),
    mentor({ id: "m3", topicsOffered: ["a", "b", "c", "d"], ready: false }),
    mentor({ id: "m4", topicsOffered: ["a", "b"] }),
  ];

  it("keeps each mentee's top k allowed mentors, best first, ties to the mentor listed first", () => {
    const { instance, explanations } = buildCandidates({ mentees: [mentee({ id: "e", topicsWanted: topics })], mentors, rules, topK: 3 });
    expect(instance.pairs).toEqual([
      ["e", "m1", 0.75],
      ["e", "m2", 0.5],
      ["e", "m4", 0.5],
    ]);
    expect(explanations.get(pairKey("e", "m1"))?.explanation).toBe("3 of 4 topics +0.75");
    expect(explanations.size).toBe(3);
    expect(instance.mentors.find((m) => m.id === "m3")?.capacity).toBe(0);
  });

  it("agrees with scorePair and feeds solveAssignment", () => {
    const mentees = [mentee({ id: "e1", topicsWanted: topics }), mentee({ id: "e2", topicsWanted: ["a"] })];
    const { instance } = buildCandidates({ mentees, mentors, rules, topK: 10 });
    for (const [e, m, score] of instance.pairs) {
      const result = scorePair({ mentee: mentees.find((x) => x.id === e)!, mentor: mentors.find((x) => x.id === m)!, rules });
      expect(result).toMatchObject({ allowed: true, score });
    }
    const result = solveAssignment({ ...instance, objective: "max_matched_then_score" });
    expect(result.matched).toBe(2);
  });

  it("keeps nothing when k is 0 and skips blocked pairs", () => {
    expect(buildCandidates({ mentees: [mentee({ topicsWanted: topics })], mentors, rules, topK: 0 }).instance.pairs).toEqual([]);
    const blocked = new Set([pairKey("e", "m1")]);
    const { instance } = buildCandidates({ mentees: [mentee({ id: "e", topicsWanted: topics })], mentors, rules, topK: 1, blocked });
    expect(instance.pairs).toEqual([["e", "m2", 0.5]]);
  });
});

describe("buildCandidatesIndexed", () => {
  // Places around a few northern cities, some unknown; coarse values so scores tie often.
  const CITIES = [LEEDS, BRADFORD, LONDON, { lat: 55.9533, lng: -3.1883 }];
  const person = fc.record({
    city: fc.integer({ min: -1, max: CITIES.length - 1 }),
    north: fc.integer({ min: -40, max: 40 }),
    east: fc.integer({ min: -40, max: 40 }),
    specialty: fc.constantFrom(null, "surgery", "medicine", "psychiatry"),
    organisation: fc.constantFrom(null, "o1", "o2"),
    department: fc.constantFrom(null, "d1", "d2"),
    remoteOk: fc.boolean(),
    topics: fc.subarray(["a", "b", "c", "d", "e", "f", "g", "h"]),
    times: fc.subarray(["mon", "tue", "wed"]),
    seniority: fc.constantFrom(null, 0, 2, 4, 9),
    gender: fc.constantFrom(null, "f", "m"),
    // The person behind the enrolment (or none: the enrolment id) and their line manager.
    personId: fc.constantFrom(undefined, "p1", "p2", "p3"),
    lineManager: fc.constantFrom(null, "p1", "p2", "m0"),
  });
  const located = (p: { city: number; north: number; east: number }) => {
    const city = CITIES[p.city];
    return city ? { lat: city.lat + p.north / 111.2, lng: city.lng + p.east / 70 } : null;
  };
  const scheme = fc.record({
    mentees: fc.array(fc.tuple(person, fc.constantFrom(null, "f", "m")), { maxLength: 12 }),
    mentors: fc.array(fc.tuple(person, fc.boolean(), fc.integer({ min: 0, max: 2 })), { maxLength: 30 }),
    weights: fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: 6, maxLength: 6 }),
    specialty: fc.constantFrom("same" as const, "different" as const, "ignore" as const),
    organisation: fc.constantFrom("same" as const, "different" as const, "any" as const),
    maxKm: fc.constantFrom(null, 5, 30, 120),
    remoteAllowed: fc.boolean(),
    avoidSameDepartment: fc.boolean(),
    honourGender: fc.boolean(),
    topK: fc.integer({ min: 0, max: 6 }),
    blockFirst: fc.boolean(),
    blockSome: fc.array(fc.tuple(fc.nat(11), fc.nat(29)), { maxLength: 6 }),
  });

  it("keeps exactly the candidates of the full scan on random schemes", () => {
    fc.assert(
      fc.property(scheme, (x) => {
        const rules = SchemeRules.parse({
          matching: {
            avoidSameDepartment: x.avoidSameDepartment,
            criteria: {
              specialty: { direction: x.specialty, weight: x.specialty === "ignore" ? 0 : x.weights[0] },
              organisation: { direction: x.organisation, weight: x.organisation === "any" ? 0 : x.weights[1] },
              distance: { maxKm: x.maxKm, remoteAllowed: x.remoteAllowed, weight: x.weights[2] },
              topics: { weight: x.weights[3] },
              availability: { weight: x.weights[4] },
              seniorityGap: { weight: x.weights[5] },
              honourPreferences: x.honourGender ? ["gender"] : [],
            },
          },
        });
        const mentees: MenteeCandidate[] = x.mentees.map(([p, wanted], i) => ({
          id: `e${i}`,
          personId: p.personId,
          lineManagerPersonId: p.lineManager,
          specialty: p.specialty,
          organisationId: p.organisation,
          department: p.department,
          location: located(p),
          remoteOk: p.remoteOk,
          availability: p.times,
          seniority: p.seniority,
          topicsWanted: p.topics,
          preferences: { gender: wanted },
        }));
        const mentors: MentorCandidate[] = x.mentors.map(([p, ready, capacityLeft], j) => ({
          id: `m${j}`,
          personId: p.personId,
          specialty: p.specialty,
          organisationId: p.organisation,
          department: p.department,
          location: located(p),
          remoteOk: p.remoteOk,
          availability: p.times,
          seniority: p.seniority,
          topicsOffered: p.topics,
          gender: p.gender,
          ready,
          capacityLeft,
        }));
        const blocked = new Set([
          ...(x.blockFirst && mentees[0] && mentors[0] ? [pairKey(mentees[0].id, mentors[0].id)] : []),
          ...x.blockSome.map(([i, j]) => pairKey(`e${i}`, `m${j}`)),
        ]);
        const options = { mentees, mentors, rules, topK: x.topK, blocked };
        const full = buildCandidates(options);
        const indexed = buildCandidatesIndexed(options);
        expect(indexed.instance).toEqual(full.instance);
        expect([...indexed.explanations]).toEqual([...full.explanations]);
        // Without explanations: the same pairs and scores, and no explanations.
        const bare = buildCandidatesIndexed({ ...options, explain: false });
        expect(bare.instance).toEqual(full.instance);
        expect(bare.explanations.size).toBe(0);
        expect(buildCandidates({ ...options, explain: false }).instance).toEqual(full.instance);
      }),
      { numRuns: 600, seed: 20261123 },
    );
  });

  it("gives the full scan's answer on a spread-out scheme where most cells are skipped", () => {
    const rules = only({ distance: { maxKm: 60, remoteAllowed: true, weight: 1 }, topics: { weight: 0.5 } });
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const spot = () => ({ lat: 50 + random() * 6, lng: -5 + random() * 6 });
    const topics = ["a", "b", "c", "d"];
    const mentees = Array.from({ length: 60 }, (_, i) =>
      mentee({ id: `e${i}`, location: spot(), remoteOk: random() < 0.3, topicsWanted: topics.filter(() => random() < 0.5) }),
    );
    const mentors = Array.from({ length: 400 }, (_, j) =>
      mentor({ id: `m${j}`, location: spot(), remoteOk: random() < 0.5, topicsOffered: topics.filter(() => random() < 0.5) }),
    );
    const options = { mentees, mentors, rules, topK: 5 };
    expect(buildCandidatesIndexed(options).instance).toEqual(buildCandidates(options).instance);
  });

  it("gives the full scan's answer on a scheme shaped like the national one", () => {
    // Clustered around cities, a skewed specialty, 24 topics, 10 slots: floors rise and most
    // mentors are screened out by topics or by distance.
    const rules = SchemeRules.parse({
      matching: {
        criteria: {
          specialty: { direction: "same", weight: 0.2 },
          distance: { maxKm: 120, remoteAllowed: true, weight: 0.25 },
          topics: { weight: 0.3 },
          availability: { weight: 0.15 },
          seniorityGap: { weight: 0.1 },
          honourPreferences: [],
        },
      },
    });
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const cities = [LEEDS, BRADFORD, LONDON, { lat: 55.9533, lng: -3.1883 }, { lat: 52.4862, lng: -1.8904 }];
    const spot = () => {
      const city = cities[Math.floor(random() ** 2 * cities.length)]!;
      return { lat: city.lat + (random() - 0.5) * 0.4, lng: city.lng + (random() - 0.5) * 0.6 };
    };
    const some = (count: number, of: number, name: string) => [...new Set(Array.from({ length: count }, () => `${name}${Math.floor(random() * of)}`))];
    const facts = () => ({
      specialty: `s${Math.floor(random() ** 3 * 12)}`,
      organisationId: `o${Math.floor(random() * 8)}`,
      department: `d${Math.floor(random() * 3)}`,
      location: spot(),
      availability: some(3 + Math.floor(random() * 4), 10, "slot"),
      seniority: Math.floor(random() * 20),
    });
    const mentors = Array.from({ length: 500 }, (_, j) =>
      mentor({ id: `m${j}`, ...facts(), remoteOk: random() < 0.5, topicsOffered: some(3 + Math.floor(random() * 4), 24, "t"), ready: random() < 0.95, capacityLeft: 1 + Math.floor(random() * 3) }),
    );
    const mentees = Array.from({ length: 300 }, (_, i) =>
      mentee({ id: `e${i}`, ...facts(), remoteOk: random() < 0.3, topicsWanted: some(2 + Math.floor(random() * 3), 24, "t") }),
    );
    const options = { mentees, mentors, rules, topK: 10 };
    const full = buildCandidates(options);
    const indexed = buildCandidatesIndexed(options);
    expect(indexed.instance).toEqual(full.instance);
    expect([...indexed.explanations]).toEqual([...full.explanations]);
    expect(buildCandidatesIndexed({ ...options, explain: false }).instance).toEqual(full.instance);
  });

  it("gives the full scan's answer when there are too many topics to number", () => {
    const rules = only({ topics: { weight: 1 }, availability: { weight: 0.5 }, seniorityGap: { weight: 0.5 } });
    const topics = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const mentees = Array.from({ length: 30 }, (_, i) =>
      mentee({ id: `e${i}`, topicsWanted: topics.filter((_, t) => (t * 7 + i) % 5 === 0), availability: ["mon"], seniority: i % 4 }),
    );
    const mentors = Array.from({ length: 80 }, (_, j) =>
      mentor({ id: `m${j}`, topicsOffered: topics.filter((_, t) => (t + j) % 3 === 0), availability: j % 2 ? ["mon"] : [], seniority: j % 9 }),
    );
    const options = { mentees, mentors, rules, topK: 4 };
    expect(buildCandidatesIndexed(options).instance).toEqual(buildCandidates(options).instance);
  });
});
