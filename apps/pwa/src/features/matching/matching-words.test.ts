import { describe, expect, it } from "vitest";
import { matchRoute } from "../../lib/router";
import {
  choosePath,
  countMentors,
  describeChoiceState,
  describeClosed,
  describeDistance,
  describeFreePlaces,
  formatPoints,
  formatScore,
  initials,
  menteeChooses,
  moveChoice,
  ordinal,
  profilePath,
  toggleChoice,
} from "./matching-words";

describe("paths", () => {
  it("round-trips through the router", () => {
    expect(matchRoute(choosePath("aire-valley", "choose-your-mentor"))).toEqual({
      name: "choose-mentor",
      organisationSlug: "aire-valley",
      schemeSlug: "choose-your-mentor",
    });
    expect(matchRoute(profilePath("a b", "c/d"))).toEqual({
      name: "matching-profile",
      organisationSlug: "a b",
      schemeSlug: "c/d",
    });
    expect(matchRoute("/app/matches/")).toEqual({ name: "matches" });
    expect(matchRoute("/app/schemes/a/b/other")).toEqual({ name: "not-found" });
  });
});

describe("menteeChooses", () => {
  it("is true where mentees pick mentors, false where the coordinator matches them", () => {
    expect(menteeChooses("free_choice")).toBe(true);
    expect(menteeChooses("shortlist")).toBe(true);
    expect(menteeChooses("allocation")).toBe(false);
    expect(menteeChooses("auto")).toBe(false);
    expect(menteeChooses("next_available")).toBe(false);
    // The API's default when a scheme's rules say nothing.
    expect(menteeChooses(undefined)).toBe(true);
  });
});

describe("initials", () => {
  it("leaves titles out and takes the first and last names", () => {
    expect(initials("Dr James Whitfield")).toBe("JW");
    expect(initials("Prof. Meera Anand Shah")).toBe("MS");
    expect(initials("grace")).toBe("G");
    expect(initials("Dr")).toBe("?");
    expect(initials("  ")).toBe("?");
  });
});

describe("card words", () => {
  it("says distance in whole km, or tenths below 10 km", () => {
    expect(describeDistance(12.4)).toBe("12 km away");
    expect(describeDistance(2.44)).toBe("2.4 km away");
    expect(describeDistance(0.3)).toBe("Less than 1 km away");
    expect(describeDistance(null)).toBe("Distance not known");
    expect(describeDistance(Number.NaN)).toBe("Distance not known");
  });

  it("counts free places and mentors", () => {
    expect(describeFreePlaces(0)).toBe("No free places");
    expect(describeFreePlaces(1)).toBe("1 free place");
    expect(describeFreePlaces(2)).toBe("2 free places");
    expect(countMentors(0)).toBe("No mentors");
    expect(countMentors(1)).toBe("1 mentor");
    expect(countMentors(3)).toBe("3 mentors");
  });

  it("writes scores and points as the explanation does", () => {
    expect(formatScore(0.7234)).toBe("0.72");
    expect(formatScore(1.2)).toBe("1.00");
    expect(formatPoints(0.2)).toBe("+0.20");
    expect(formatPoints(0)).toBe("+0.00");
    expect(formatPoints(-0.001)).toBe("+0.00");
    expect(formatPoints(-0.1)).toBe("−0.10");
  });

  it("describes each choice's state", () => {
    expect(describeChoiceState("asked")).toMatch(/waiting/);
    expect(describeChoiceState("passed")).toMatch(/could not/i);
    expect(describeChoiceState("waiting")).toMatch(/next/i);
    expect(ordinal(0)).toBe("first");
    expect(ordinal(2)).toBe("third");
    expect(ordinal(9)).toBe("number 10");
  });
});

describe("describeClosed", () => {
  it("never tells a mentor that the mentee asked for a no-fault change", () => {
    expect(describeClosed("no_fault_change", "mentee")).toBe("You asked for a no-fault change");
    expect(describeClosed("no_fault_change", "mentor")).not.toMatch(/no-fault|asked/i);
    expect(describeClosed(null, "mentor")).toBe("The match has ended");
    expect(describeClosed("ended_after_trial", "mentor")).toBe("Ended after the trial meeting");
    expect(describeClosed("completed", "mentee")).toBe("Completed");
  });
});

describe("ordered choices", () => {
  it("adds to the end, removes, and stops at the limit", () => {
    expect(toggleChoice([], "a", 3)).toEqual(["a"]);
    expect(toggleChoice(["a", "b"], "c", 3)).toEqual(["a", "b", "c"]);
    expect(toggleChoice(["a", "b", "c"], "d", 3)).toEqual(["a", "b", "c"]);
    expect(toggleChoice(["a", "b", "c"], "b", 3)).toEqual(["a", "c"]);
  });

  it("moves a choice up or down within the list", () => {
    expect(moveChoice(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveChoice(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveChoice(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveChoice(["a", "b"], 1, 1)).toEqual(["a", "b"]);
    expect(moveChoice(["a"], 5, -1)).toEqual(["a"]);
  });
});
