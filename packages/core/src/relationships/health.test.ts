import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { schemeTemplates } from "../rules/templates";
import { needsMissedCheck, relationshipHealth } from "./health";

const week = 7 * 86_400_000;
const start = new Date("2026-01-05T09:00:00Z");
const after = (weeks: number) => new Date(start.getTime() + weeks * week);
const quiet = { lastHeldAt: null, nextMeetingAt: null, proposed: 0, finished: false };

describe("a quiet relationship", () => {
  it.each(schemeTemplates.map((t) => [t.id, t.rules] as const))("%s: nudged after its cadence and two weeks, stalled after the scheme's weeks more", (_id, rules) => {
    const nudgeWeeks = rules.meetings.cadenceWeeks + 2;
    const health = (weeks: number) => relationshipHealth({ rules, plan: quiet, status: "active", startedAt: start, now: after(weeks) });
    expect(health(nudgeWeeks - 0.1)).toMatchObject({ nudge: false, stalled: false });
    expect(health(nudgeWeeks)).toMatchObject({ nudge: true, stalled: false });
    expect(health(nudgeWeeks + rules.relationship.stalledAfterWeeks)).toMatchObject({ nudge: true, stalled: true });
  });

  it("counts from the last meeting held, and is not quiet while a meeting is arranged", () => {
    const rules = SchemeRules.parse({ meetings: { cadenceWeeks: 4 } });
    const plan = { ...quiet, lastHeldAt: after(10) };
    expect(relationshipHealth({ rules, plan, status: "active", startedAt: start, now: after(15.5) }).nudge).toBe(false);
    expect(relationshipHealth({ rules, plan, status: "active", startedAt: start, now: after(16) }).nudge).toBe(true);
    expect(relationshipHealth({ rules, plan: { ...plan, nextMeetingAt: after(17) }, status: "active", startedAt: start, now: after(16) }).nudge).toBe(false);
    expect(relationshipHealth({ rules, plan: { ...plan, proposed: 1 }, status: "active", startedAt: start, now: after(30) }).stalled).toBe(false);
  });

  it("never nudges a paused, closed or finished relationship", () => {
    const rules = SchemeRules.parse({});
    for (const status of ["paused", "closed"]) expect(relationshipHealth({ rules, plan: quiet, status, startedAt: start, now: after(100) }).nudge).toBe(false);
    expect(relationshipHealth({ rules, plan: { ...quiet, finished: true }, status: "active", startedAt: start, now: after(100) }).stalled).toBe(false);
  });

  it("warns, then closes, only where the scheme says so", () => {
    const off = relationshipHealth({ rules: SchemeRules.parse({}), plan: quiet, status: "active", startedAt: start, now: after(1) });
    expect(off).toMatchObject({ warnAt: null, closeAt: null });
    const closing = relationshipHealth({ rules: SchemeRules.parse({ meetings: { cadenceWeeks: 4 }, relationship: { stalledAfterWeeks: 8, closeWhenStalled: "withdrawn" } }), plan: quiet, status: "active", startedAt: start, now: after(1) });
    expect(closing.warnAt).toEqual(after(14));
    expect(closing.closeAt).toEqual(after(16));
  });
});

describe("a meeting nobody recorded", () => {
  it("is checked two days after it ended, if still only scheduled", () => {
    const startsAt = new Date("2026-03-02T10:00:00Z");
    const meeting = { status: "scheduled", startsAt, minutes: 60 };
    expect(needsMissedCheck(meeting, new Date("2026-03-04T10:59:00Z"))).toBe(false);
    expect(needsMissedCheck(meeting, new Date("2026-03-04T11:00:00Z"))).toBe(true);
    expect(needsMissedCheck({ ...meeting, status: "held" }, new Date("2026-03-10T00:00:00Z"))).toBe(false);
  });
});
