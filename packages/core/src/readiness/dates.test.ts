import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  calendarDateOf,
  daysBetween,
  formatCalendarDate,
  leavesWindowOn,
  parseCalendarDate,
  withinMonthsBefore,
} from "./dates";

/** Any real calendar date from 1900 to 2200, leap days included. */
const arbitraryDate = fc
  .integer({ min: -25_567, max: 84_000 })
  .map((n) => addDays("1970-01-01", n));

describe("parseCalendarDate", () => {
  it.each([
    ["2026-03-03", "2026-03-03"],
    ["2026-03-03T23:30:00+01:00", "2026-03-03"],
    ["2026-03-03T00:30:00Z", "2026-03-03"],
    ["2026-03-03 10:00", "2026-03-03"],
    ["2024-02-29", "2024-02-29"],
    ["0050-06-01", "0050-06-01"],
    ["2025-02-29", null],
    ["2026-13-01", null],
    ["2026-00-10", null],
    ["2026-04-31", null],
    ["2026-3-3", null],
    ["20260303", null],
    ["2026-03-031", null],
    ["3 March 2026", null],
    ["", null],
    [null, null],
    [20_260_303, null],
  ])("%s -> %s", (input, expected) => {
    expect(parseCalendarDate(input)).toBe(expected);
  });

  it("round-trips every real date", () => {
    fc.assert(fc.property(arbitraryDate, (date) => parseCalendarDate(date) === date));
  });
});

describe("calendarDateOf", () => {
  it.each([
    [new Date("2026-03-03T00:00:00Z"), "2026-03-03"],
    [new Date("2026-03-03T23:59:59.999Z"), "2026-03-03"],
    [new Date("2026-03-03T23:30:00-01:00"), "2026-03-04"],
    [new Date(Number.NaN), null],
    [new Date(8.64e15), null],
  ])("%s -> %s", (instant, expected) => {
    expect(calendarDateOf(instant)).toBe(expected);
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-03-15", 12, "2027-03-15"],
    ["2026-03-15", -12, "2025-03-15"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2023-03-15", 36, "2026-03-15"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe("addDays and daysBetween", () => {
  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2000-02-28", 1, "2000-02-29"],
    ["1900-02-28", 1, "1900-03-01"],
    ["1970-01-01", 0, "1970-01-01"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it("agrees with the platform's UTC calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        return addDays("1970-01-01", n) === new Date(n * 86_400_000).toISOString().slice(0, 10);
      }),
    );
  });

  it("moves one day at a time in order", () => {
    fc.assert(
      fc.property(
        arbitraryDate,
        (date) => addDays(date, 1) > date && addDays(addDays(date, 1), -1) === date,
      ),
    );
  });
});

describe("the 12-month window", () => {
  it.each([
    ["2026-03-15", "2026-03-15", true],
    ["2026-03-16", "2026-03-15", false],
    ["2025-03-16", "2026-03-15", true],
    ["2025-03-15", "2026-03-15", false],
    ["2024-02-29", "2025-02-28", true],
    ["2024-02-28", "2025-02-28", false],
    ["2024-02-29", "2025-03-01", false],
  ])("%s within 12 months before %s: %s", (date, today, expected) => {
    expect(withinMonthsBefore(date, today, 12)).toBe(expected);
  });

  it.each([
    ["2025-03-15", "2026-03-15"],
    ["2024-02-29", "2025-03-01"],
    ["2025-01-31", "2026-01-31"],
  ])("%s leaves the window on %s", (date, expected) => {
    expect(leavesWindowOn(date, 12)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2025-03-01"],
    ["2025-03-31", 1, "2025-05-01"],
    ["2025-01-30", 1, "2025-03-01"],
    ["2024-01-31", 1, "2024-03-01"],
    ["2025-01-28", 1, "2025-02-28"],
    ["2023-03-15", 36, "2026-03-15"],
  ])(
    "%s + %i months ends on %s (the 1st of the next month when the date does not exist)",
    (date, months, expected) => {
      expect(leavesWindowOn(date, months)).toBe(expected);
    },
  );

  it("is the same date N months later whenever that date exists", () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: 1, max: 120 }), (date, months) => {
        const later = addMonths(date, months);
        return later.slice(8) !== date.slice(8) || leavesWindowOn(date, months) === later;
      }),
    );
  });

  it("leavesWindowOn is the first day outside the window", () => {
    fc.assert(
      fc.property(arbitraryDate, fc.integer({ min: 1, max: 120 }), (date, months) => {
        const out = leavesWindowOn(date, months);
        return (
          withinMonthsBefore(date, addDays(out, -1), months) &&
          !withinMonthsBefore(date, out, months)
        );
      }),
    );
  });
});

describe("formatCalendarDate", () => {
  it.each([
    ["2026-03-03", "3 March 2026"],
    ["2025-12-31", "31 December 2025"],
  ])("%s -> %s", (date, expected) => {
    expect(formatCalendarDate(date)).toBe(expected);
  });
});
