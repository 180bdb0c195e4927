import { describe, expect, it } from "vitest";
import { generateInstance, mulberry32 } from "./generate";

describe("generateInstance", () => {
  const options = { seed: 42, mentees: 300, mentors: 90, cities: 3, topK: 8 } as const;

  it("gives the same instance for the same seed and a different one for another", () => {
    expect(generateInstance(options)).toEqual(generateInstance(options));
    expect(generateInstance({ ...options, seed: 43 }).pairs).not.toEqual(
      generateInstance(options).pairs,
    );
  });

  it("has the sizes asked for, at most k candidates per mentee, and capacities 1-4", () => {
    const instance = generateInstance(options);
    expect(instance.mentees).toHaveLength(300);
    expect(instance.mentors).toHaveLength(90);
    expect(new Set(instance.mentees.map((m) => m.id)).size).toBe(300);
    const perMentee = new Map<string, number>();
    for (const [mentee] of instance.pairs) perMentee.set(mentee, (perMentee.get(mentee) ?? 0) + 1);
    expect(Math.max(...perMentee.values())).toBeLessThanOrEqual(8);
    expect(perMentee.size).toBeGreaterThan(290);
    for (const mentor of instance.mentors) expect(mentor.capacity).toBeGreaterThanOrEqual(1);
    for (const mentor of instance.mentors) expect(mentor.capacity).toBeLessThanOrEqual(4);
  });

  it("scores every pair in [0, 1] and names only known people, each pair once", () => {
    const instance = generateInstance({ ...options, popularity: 0.9 });
    const mentees = new Set(instance.mentees.map((m) => m.id));
    const mentors = new Set(instance.mentors.map((m) => m.id));
    const keys = new Set<string>();
    for (const [mentee, mentor, score] of instance.pairs) {
      expect(mentees.has(mentee) && mentors.has(mentor)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      keys.add(`${mentee}|${mentor}`);
    }
    expect(keys.size).toBe(instance.pairs.length);
  });

  it("sizes a balanced scheme to exactly the mentors' places", () => {
    const instance = generateInstance({ ...options, mentees: "places", popularity: 0.8 });
    const places = instance.mentors.reduce((sum, m) => sum + m.capacity, 0);
    expect(instance.mentees).toHaveLength(places);
  });

  it("concentrates demand on a few mentors as popularity rises", () => {
    const topShare = (popularity: number) => {
      const { pairs } = generateInstance({ ...options, popularity });
      const degree = new Map<string, number>();
      for (const [, mentor] of pairs) degree.set(mentor, (degree.get(mentor) ?? 0) + 1);
      const sorted = [...degree.values()].sort((a, b) => b - a);
      return sorted.slice(0, 9).reduce((a, b) => a + b, 0) / pairs.length;
    };
    expect(topShare(0.9)).toBeGreaterThan(topShare(0));
  });
});

describe("mulberry32", () => {
  it("is deterministic and stays in [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let n = 0; n < 1000; n++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
