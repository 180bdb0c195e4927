import { describe, expect, it } from "vitest";
import {
  joinList,
  readProfile,
  splitList,
  validateReason,
  validateRequest,
} from "./matching-forms";

describe("validateRequest", () => {
  it("needs one to three mentors and a short message", () => {
    expect(validateRequest({ choices: [], message: "" }).fields.mentorEnrolmentIds).toBe(
      "Choose at least one mentor",
    );
    expect(
      validateRequest({ choices: ["a", "b", "c", "d"], message: "" }).fields.mentorEnrolmentIds,
    ).toMatch(/up to 3/);
    expect(validateRequest({ choices: ["a"], message: "x".repeat(501) }).summary).toEqual([
      { href: "#message", text: "Keep your message to 500 characters or fewer" },
    ]);
    expect(validateRequest({ choices: ["a", "b"], message: "Hello" }).summary).toEqual([]);
  });
});

describe("validateReason", () => {
  it("asks for a reason for the coordinator", () => {
    expect(validateReason("   ").fields.reason).toBe("Tell your coordinator briefly why");
    expect(validateReason("x".repeat(1001)).fields.reason).toMatch(/1000/);
    expect(validateReason("We did not get on").summary).toEqual([]);
  });
});

describe("profile lists", () => {
  it("splits on lines and commas, dropping blanks and repeats", () => {
    expect(splitList("Job planning\n leading a team ,\n\nJob Planning")).toEqual([
      "Job planning",
      "leading a team",
    ]);
    expect(splitList("")).toEqual([]);
    expect(splitList(joinList(["A", "B"]))).toEqual(["A", "B"]);
  });
});

describe("readProfile", () => {
  const base = {
    topics: "Job planning",
    availability: "Monday mornings",
    remoteOk: true,
    bio: "  Hello  ",
    capacity: "",
  };

  it("returns the API input for a mentee (no capacity)", () => {
    expect(readProfile(base, { mentor: false })).toEqual({
      errors: { fields: {}, summary: [] },
      input: {
        topics: ["Job planning"],
        availability: ["Monday mornings"],
        remoteOk: true,
        bio: "Hello",
      },
    });
    expect(readProfile({ ...base, bio: " " }, { mentor: false }).input?.bio).toBeNull();
  });

  it("asks a mentor for a whole number of mentees within the scheme's limit", () => {
    expect(readProfile(base, { mentor: true }).errors.fields.capacity).toMatch(/how many/);
    expect(
      readProfile({ ...base, capacity: "1.5" }, { mentor: true }).errors.fields.capacity,
    ).toMatch(/whole number/);
    expect(
      readProfile({ ...base, capacity: "4" }, { mentor: true, maxMentees: 3 }).errors.fields
        .capacity,
    ).toBe("Enter 3 or fewer");
    expect(
      readProfile({ ...base, capacity: "2" }, { mentor: true, maxMentees: 3 }).input?.capacity,
    ).toBe(2);
    expect(readProfile({ ...base, capacity: "0" }, { mentor: true }).input?.capacity).toBe(0);
  });

  it("reports long items in the API's words, in field order", () => {
    const result = readProfile(
      { ...base, topics: "x".repeat(81), availability: "y".repeat(41), bio: "z".repeat(1001) },
      { mentor: false },
    );
    expect(result.input).toBeUndefined();
    expect(result.errors.summary.map((s) => s.href)).toEqual(["#topics", "#availability", "#bio"]);
  });
});
