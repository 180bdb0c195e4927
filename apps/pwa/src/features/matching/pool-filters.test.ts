import { describe, expect, it } from "vitest";
import {
  distanceError,
  hasPoolFilters,
  NO_POOL_FILTERS,
  parsePoolFilters,
  selectOptions,
  serialisePoolFilters,
  toApiFilters,
} from "./pool-filters";

describe("pool filters in the URL", () => {
  it("round-trips and leaves out empty values", () => {
    const filters = { specialty: "Geriatric medicine", topic: "Leading a team", km: "25" };
    expect(parsePoolFilters(serialisePoolFilters(filters))).toEqual(filters);
    expect(serialisePoolFilters(NO_POOL_FILTERS)).toBe("");
    expect(serialisePoolFilters({ ...NO_POOL_FILTERS, topic: "  " })).toBe("");
    expect(parsePoolFilters("?other=1")).toEqual(NO_POOL_FILTERS);
  });

  it("knows when any filter is set", () => {
    expect(hasPoolFilters(NO_POOL_FILTERS)).toBe(false);
    expect(hasPoolFilters({ ...NO_POOL_FILTERS, km: "5" })).toBe(true);
  });
});

describe("distance", () => {
  it("accepts positive numbers up to 2000 km", () => {
    expect(distanceError("")).toBeUndefined();
    expect(distanceError("20")).toBeUndefined();
    expect(distanceError("7.5")).toBeUndefined();
    expect(distanceError("twenty")).toMatch(/as a number/);
    expect(distanceError("-3")).toMatch(/as a number/);
    expect(distanceError("0")).toBe("Enter a distance above 0");
    expect(distanceError("2001")).toBe("Enter 2000 km or less");
  });

  it("sends only usable filters to the API", () => {
    expect(toApiFilters({ specialty: "", topic: "Job planning", km: "20" })).toEqual({
      topic: "Job planning",
      maxKm: 20,
    });
    expect(toApiFilters({ specialty: "Cardiology", topic: "", km: "far" })).toEqual({
      specialty: "Cardiology",
    });
    expect(toApiFilters(NO_POOL_FILTERS)).toEqual({});
  });
});

describe("selectOptions", () => {
  it("starts with 'any' and keeps an unknown current value", () => {
    expect(selectOptions(["A", "B"], "", "Any topic")).toEqual([
      { value: "", text: "Any topic" },
      { value: "A", text: "A" },
      { value: "B", text: "B" },
    ]);
    expect(selectOptions(["A"], "Z", "Any").map((o) => o.value)).toEqual(["", "A", "Z"]);
  });
});
