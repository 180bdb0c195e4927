// The modes on random schemes scored by the real rules: each keeps its promise.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { allocationSuggestions } from "./allocation";
import { rankMentorsForMentee, runAuto, runNextAvailable } from "./modes";
import { type MenteeCandidate, type MentorCandidate, pairKey, scorePair } from "./score";
import { blockingPairs } from "./stable";

const rules = SchemeRules.parse({
  matching: {
    avoidSameDepartment: true,
    criteria: {
      topics: { weight: 0.6 },
      availability: { weight: 0.2 },
      specialty: { direction: "different", weight: 0.2 },
      honourPreferences: [],
    },
  },
});

const topic = fc.constantFrom("a", "b", "c", "d");
const slot = fc.constantFrom("mon", "tue", "wed");
const arbitraryScheme = fc.record({
  mentees: fc.array(
    fc.record({
      topicsWanted: fc.uniqueArray(topic, { maxLength: 3 }),
      availability: fc.uniqueArray(slot, { maxLength: 2 }),
      specialty: fc.constantFrom("x", "y"),
      department: fc.constantFrom("d1", "d2", "d3"),
    }),
    { minLength: 1, maxLength: 7 },
  ),
  mentors: fc.array(
    fc.record({
      topicsOffered: fc.uniqueArray(topic, { maxLength: 4 }),
      availability: fc.uniqueArray(slot, { maxLength: 3 }),
      specialty: fc.constantFrom("x", "y"),
      department: fc.constantFrom("d1", "d2", "d3"),
      ready: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      capacityLeft: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  excludedSeed: fc.array(fc.tuple(fc.nat(6), fc.nat(3)), { maxLength: 3 }),
});

type Drawn = typeof arbitraryScheme extends fc.Arbitrary<infer T> ? T : never;

function schemeOf(drawn: Drawn) {
  const mentees: MenteeCandidate[] = drawn.mentees.map((m, i) => ({ id: `e${i}`, ...m }));
  const mentors: MentorCandidate[] = drawn.mentors.map((m, j) => ({ id: `m${j}`, ...m }));
  const excluded = drawn.excludedSeed
    .filter(([i, j]) => i < mentees.length && j < mentors.length)
    .map(([i, j]): [string, string] => [`e${i}`, `m${j}`]);
  return { mentees, mentors, excluded };
}

describe("matching modes on random schemes", () => {
  it("free choice lists exactly the allowed mentors, best first, ties in input order", () => {
    fc.assert(
      fc.property(arbitraryScheme, (drawn) => {
        const { mentees, mentors } = schemeOf(drawn);
        const mentee = mentees[0]!;
        const expected = mentors
          .map((mentor, j) => ({ j, id: mentor.id, result: scorePair({ mentee, mentor, rules }) }))
          .filter((x) => x.result.allowed)
          .sort((x, y) => (y.result.allowed ? y.result.score : 0) - (x.result.allowed ? x.result.score : 0) || x.j - y.j)
          .map((x) => x.id);
        expect(rankMentorsForMentee({ mentee, mentors, rules }).map((r) => r.mentorId)).toEqual(expected);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("auto: fairness never lowers the worst-off or the number matched; stable has no blocking pair", () => {
    fc.assert(
      fc.property(arbitraryScheme, (drawn) => {
        const { mentees, mentors, excluded } = schemeOf(drawn);
        const plain = runAuto({ mentees, mentors, rules, options: { excluded } });
        const fair = runAuto({ mentees, mentors, rules, options: { excluded, fairness: true } });
        expect(fair.matched).toBe(plain.matched);
        if (plain.worstOff !== null) expect(fair.worstOff!).toBeGreaterThanOrEqual(plain.worstOff);
        expect(fair.score).toBeLessThanOrEqual(plain.score + 1e-9);

        const stable = runAuto({ mentees, mentors, rules, options: { excluded, stable: true, objective: "max_score" } });
        expect(stable.stability!.optimalScore).toBeCloseTo(runAuto({ mentees, mentors, rules, options: { excluded, objective: "max_score" } }).score, 9);
        expect(stable.stability!.priceOfStability).toBeGreaterThanOrEqual(-1e-9);
        const candidates = mentees.flatMap((mentee) =>
          mentors.flatMap((mentor): [string, string, number][] => {
            const result = scorePair({ mentee, mentor, rules });
            return result.allowed ? [[mentee.id, mentor.id, result.score]] : [];
          }),
        );
        const instance = {
          mentees,
          mentors: mentors.map((m) => ({ id: m.id, capacity: m.ready ? m.capacityLeft : 0 })),
          pairs: candidates,
          excluded,
        };
        const assignment = stable.proposals.map((p): [string, string] => [p.menteeId, p.mentorId]);
        expect(blockingPairs({ instance, assignment })).toEqual([]);
        // Every proposal carries the explanation of its pair.
        for (const p of [...plain.proposals, ...fair.proposals, ...stable.proposals]) {
          const scored = scorePair({ mentee: mentees.find((m) => m.id === p.menteeId)!, mentor: mentors.find((m) => m.id === p.mentorId)!, rules });
          expect(scored).toMatchObject({ allowed: true, score: p.score, explanation: p.explanation });
        }
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it("next available: at each turn the mentee takes the best allowed mentor who still has a place", () => {
    fc.assert(
      fc.property(arbitraryScheme, (drawn) => {
        const { mentees, mentors, excluded } = schemeOf(drawn);
        const result = runNextAvailable({ mentees, mentors, rules, excluded });
        const excludedKeys = new Set(excluded.map(([a, b]) => pairKey(a, b)));
        const room = new Map(mentors.map((m) => [m.id, m.ready ? m.capacityLeft : 0]));
        const got = new Map(result.proposals.map((p) => [p.menteeId, p.mentorId]));
        for (const mentee of mentees) {
          let best: string | undefined;
          let bestScore = -1;
          for (const mentor of mentors) {
            if (!(room.get(mentor.id)! > 0) || excludedKeys.has(pairKey(mentee.id, mentor.id))) continue;
            const scored = scorePair({ mentee, mentor, rules });
            if (scored.allowed && scored.score > bestScore) {
              bestScore = scored.score;
              best = mentor.id;
            }
          }
          expect(got.get(mentee.id)).toBe(best);
          if (best !== undefined) room.set(best, room.get(best)! - 1);
        }
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it("allocation: the optimum's pairs cost nothing to force and the rest never gain", () => {
    fc.assert(
      fc.property(arbitraryScheme, (drawn) => {
        const { mentees, mentors, excluded } = schemeOf(drawn);
        const result = allocationSuggestions({ mentees, mentors, rules, excluded, perMentee: 3 });
        const auto = runAuto({ mentees, mentors, rules, options: { excluded } });
        expect(result.optimal.matched).toBe(auto.matched);
        expect(result.optimal.score).toBeCloseTo(auto.score, 9);
        for (const { suggestions } of result.mentees) {
          expect(suggestions.length).toBeLessThanOrEqual(3);
          for (let k = 1; k < suggestions.length; k++) expect(suggestions[k]!.score).toBeLessThanOrEqual(suggestions[k - 1]!.score);
          for (const s of suggestions) {
            const { matchedLost, scoreLost } = s.forcingCost;
            expect(matchedLost > 0 || (matchedLost === 0 && scoreLost > -1e-9)).toBe(true);
            if (s.inOptimal) expect(s.forcingCost).toEqual({ matchedLost: 0, scoreLost: 0 });
          }
        }
      }),
      { numRuns: 200, seed: 14 },
    );
  });
});
