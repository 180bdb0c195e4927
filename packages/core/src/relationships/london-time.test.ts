import { describe, expect, it } from "vitest";
import { londonInstant, londonWallClock } from "./london-time";

describe("UK wall-clock times", () => {
  it.each([
    ["winter (GMT)", "2026-01-15", "09:30", "2026-01-15T09:30:00.000Z"],
    ["summer (BST)", "2026-07-15", "09:30", "2026-07-15T08:30:00.000Z"],
    ["the day the clocks go forward, before", "2026-03-29", "00:30", "2026-03-29T00:30:00.000Z"],
    ["the hour that does not exist is read an hour later", "2026-03-29", "01:30", "2026-03-29T01:30:00.000Z"],
    ["the day the clocks go forward, after", "2026-03-29", "09:00", "2026-03-29T08:00:00.000Z"],
    ["the hour that happens twice takes the first", "2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"],
    ["the day the clocks go back, after", "2026-10-25", "09:00", "2026-10-25T09:00:00.000Z"],
  ])("%s", (_name, date, time, iso) => {
    expect(londonInstant(date, time).toISOString()).toBe(iso);
  });

  it("round-trips every quarter hour of a year", () => {
    for (let t = Date.parse("2026-01-01T00:00:00Z"); t < Date.parse("2027-01-01T00:00:00Z"); t += 15 * 60_000 * 97) {
      const { date, time } = londonWallClock(new Date(t));
      const back = londonInstant(date, time);
      expect(londonWallClock(back)).toEqual({ date, time });
    }
  });

  it("refuses text that is not a date and time", () => {
    expect(() => londonInstant("2026-02-30x", "09:00")).toThrow(RangeError);
  });
});
