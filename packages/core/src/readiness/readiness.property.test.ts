import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { addDays, calendarDateOf, parseCalendarDate, withinMonthsBefore } from "./dates";
import { computeReadiness, type Readiness } from "./readiness";
import { supportEventKindValues } from "../preparation/inputs";
import type { MentorRecords } from "./records";

const base = SchemeRules.parse({});
const moduleIds = ["a", "b", "c", "d"] as const;

const arbitraryRules: fc.Arbitrary<SchemeRules> = fc
  .record({
    requiredModules: fc.uniqueArray(
      fc.record(
        {
          id: fc.constantFrom(...moduleIds),
          name: fc.constant("a module"),
          validityMonths: fc.integer({ min: 1, max: 60 }),
        },
        { requiredKeys: ["id", "name"] },
      ),
      { maxLength: 4, selector: (m) => m.id },
    ),
    approval: fc.boolean(),
    support: fc.record(
      {
        minEventsPer12Months: fc.integer({ min: 0, max: 6 }),
        peerAppraisalEveryMonths: fc.integer({ min: 1, max: 36 }),
        supervision: fc.boolean(),
      },
      { requiredKeys: ["minEventsPer12Months", "supervision"] },
    ),
    maxMentees: fc.integer({ min: 1, max: 5 }),
  })
  .map((mentors) => ({ ...base, mentors }));

const now = new Date("2026-03-15T09:30:00Z");
const today = calendarDateOf(now) ?? "";
// Mostly real dates within five years either side of today (leap days included), sometimes junk.
const arbitraryDate = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: -1830, max: 200 }).map((n) => addDays(today, n)) },
  { weight: 1, arbitrary: fc.constantFrom("", "2025-02-29", "15/03/2025", "2025-13-01", "soon") },
);

const arbitraryCompletion = fc.record({
  moduleId: fc.constantFrom(...moduleIds, "other"),
  completedOn: arbitraryDate,
  verified: fc.boolean(),
});
const arbitraryEvent = fc.record({
  kind: fc.constantFrom(...supportEventKindValues),
  date: arbitraryDate,
  attended: fc.boolean(),
});

const arbitraryRecords: fc.Arbitrary<MentorRecords> = fc.record(
  {
    modules: fc.array(arbitraryCompletion, { maxLength: 6 }),
    supportEvents: fc.array(arbitraryEvent, { maxLength: 10 }),
    appraisals: fc.array(fc.record({ date: arbitraryDate }), { maxLength: 3 }),
    approval: fc.option(
      fc.record({
        decision: fc.constantFrom("approved" as const, "declined" as const),
        decidedOn: arbitraryDate,
      }),
      {
        nil: null,
      },
    ),
    activeMentees: fc.integer({ min: 0, max: 6 }),
    capacity: fc.integer({ min: 0, max: 6 }),
  },
  { requiredKeys: ["modules", "supportEvents", "appraisals", "approval", "activeMentees"] },
);

type Addition =
  | { kind: "completion"; date: string; moduleId: string }
  | { kind: "event"; event: MentorRecords["supportEvents"][number] }
  | { kind: "appraisal"; date: string };
const arbitraryAddition: fc.Arbitrary<Addition> = fc.oneof(
  fc.record({
    kind: fc.constant("completion" as const),
    date: arbitraryDate,
    moduleId: fc.constantFrom(...moduleIds),
  }),
  fc.record({
    kind: fc.constant("event" as const),
    event: arbitraryEvent.map((e) => ({ ...e, attended: true })),
  }),
  fc.record({ kind: fc.constant("appraisal" as const), date: arbitraryDate }),
);

function add(records: MentorRecords, addition: Addition): MentorRecords {
  switch (addition.kind) {
    case "completion":
      return {
        ...records,
        modules: [
          ...records.modules,
          { moduleId: addition.moduleId, completedOn: addition.date, verified: true },
        ],
      };
    case "event":
      return { ...records, supportEvents: [addition.event, ...records.supportEvents] };
    case "appraisal":
      return { ...records, appraisals: [...records.appraisals, { date: addition.date }] };
  }
}

const check = (rules: SchemeRules, records: MentorRecords) =>
  computeReadiness({ rules, records, now });

describe("readiness properties", () => {
  it("adding a verified completion, an attended event or an appraisal never makes readiness worse", () => {
    fc.assert(
      fc.property(
        arbitraryRules,
        arbitraryRecords,
        arbitraryAddition,
        (rules, records, addition) => {
          const before = check(rules, records);
          const after = check(rules, add(records, addition));
          expect(after.reasons.length).toBeLessThanOrEqual(before.reasons.length);
          if (before.ready) expect(after.ready).toBe(true);
          else
            for (const label of after.labels)
              expect(label === "ready" || before.labels.includes(label)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is consistent: ready iff no reasons, reasons dated up to today, upcoming after today and sorted", () => {
    fc.assert(
      fc.property(arbitraryRules, arbitraryRecords, (rules, records) => {
        const readiness: Readiness = check(rules, records);
        expect(readiness.ready).toBe(readiness.reasons.length === 0);
        expect(readiness.labels.includes("ready")).toBe(readiness.ready);
        for (const reason of readiness.reasons)
          if (reason.since !== null) expect(reason.since <= today).toBe(true);
        const dates = readiness.upcoming.map((u) => u.on);
        for (const on of dates) expect(on > today).toBe(true);
        expect(dates).toEqual([...dates].sort());
      }),
    );
  });

  it("does not depend on the order of the records", () => {
    fc.assert(
      fc.property(arbitraryRules, arbitraryRecords, fc.integer(), (rules, records, seed) => {
        const shuffle = <T>(items: T[]) =>
          items
            .map((item, i) => ({ item, key: Math.imul(i + 1, seed | 1) ^ (seed >>> 3) }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.item);
        const shuffled = {
          ...records,
          modules: shuffle(records.modules),
          supportEvents: shuffle(records.supportEvents),
          appraisals: shuffle(records.appraisals),
        };
        expect(check(rules, shuffled)).toEqual(check(rules, records));
      }),
    );
  });

  it("support_lapsed.since is the first day of the current run below the minimum, found day by day", () => {
    fc.assert(
      fc.property(arbitraryRules, arbitraryRecords, (rules, records) => {
        const reason = check(rules, records).reasons.find((r) => r.code === "support_lapsed");
        if (reason?.code !== "support_lapsed") return;
        const dates = records.supportEvents
          .filter((e) => e.attended && e.kind !== "supervision")
          .map((e) => parseCalendarDate(e.date))
          .filter((d): d is string => d !== null && d <= today);
        const count = (day: string) => dates.filter((d) => withinMonthsBefore(d, day, 12)).length;
        const earliest = [...dates].sort()[0] ?? today;
        let start = today;
        while (start > earliest && count(addDays(start, -1)) < reason.needed)
          start = addDays(start, -1);
        // Walking back stopped on a day that met the minimum, or ran out of events (never met: since today).
        expect(reason.since).toBe(start > earliest ? start : today);
      }),
      { numRuns: 300 },
    );
  });
});
