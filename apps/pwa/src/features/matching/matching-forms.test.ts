import { describe, expect, it } from "vitest";
import {
  hasTopic,
  joinList,
  readProfile,
  savedValues,
  splitList,
  toggleTopic,
  validateReason,
  validateRequest,
} from "./matching-forms";

const mentor = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe("validateRequest", () => {
  it("needs one to three mentors and a short message", () => {
    expect(validateRequest({ choices: [], message: "" }).fields.mentorEnrolmentIds).toBe(
      "Choose at least one mentor",
    );
    expect(
      validateRequest({ choices: [mentor(1), mentor(2), mentor(3), mentor(4)], message: "" }).fields.mentorEnrolmentIds,
    ).toMatch(/up to 3/);
    expect(validateRequest({ choices: [mentor(1)], message: "x".repeat(501) }).summary).toEqual([
      { href: "#message", text: "Keep your message to 500 characters or fewer" },
    ]);
    expect(validateRequest({ choices: [mentor(1), mentor(2)], message: "Hello" }).summary).toEqual([]);
  });
});

describe("validateReason", () => {
  it("needs no reason: a blank one is left out of the request", () => {
    expect(validateReason("")).toEqual({ errors: { fields: {}, summary: [] } });
    expect(validateReason("   \n ").reason).toBeUndefined();
    expect(validateReason("   ").errors.summary).toEqual([]);
  });

  it("sends a reason trimmed, and keeps it to 1000 characters", () => {
    expect(validateReason("  We did not get on ")).toEqual({
      errors: { fields: {}, summary: [] },
      reason: "We did not get on",
    });
    expect(validateReason(` ${"x".repeat(1000)} `).reason).toHaveLength(1000);
    const long = validateReason("x".repeat(1001));
    expect(long.reason).toBeUndefined();
    expect(long.errors.summary).toEqual([
      { href: "#reason", text: "Keep the reason to 1000 characters or fewer" },
    ]);
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

describe("savedValues", () => {
  const profile = {
    roles: [
      {
        role: "mentee" as const,
        topics: ["Job planning", "Leading a team"],
        availability: ["Monday mornings"],
        unavailable: [],
        remoteOk: true,
        bio: null,
        capacity: null,
      },
      {
        role: "mentor" as const,
        topics: ["Teaching and training"],
        availability: [],
        unavailable: [],
        remoteOk: false,
        bio: "Obstetrician",
        capacity: 2,
      },
    ],
  };

  it("fills the form for each role from what was saved", () => {
    expect(savedValues(profile, "mentee")).toEqual({
      topics: "Job planning\nLeading a team",
      availability: "Monday mornings",
      remoteOk: true,
      bio: "",
      capacity: "",
    });
    expect(savedValues(profile, "mentor")).toMatchObject({
      topics: "Teaching and training",
      bio: "Obstetrician",
      capacity: "2",
    });
  });

  it("starts empty for a role with nothing saved, and leaves a mentor's unset capacity blank", () => {
    expect(savedValues(profile, "peer")).toEqual({
      topics: "",
      availability: "",
      remoteOk: false,
      bio: "",
      capacity: "",
    });
    const unset = { roles: [{ ...profile.roles[1]!, capacity: null }] };
    expect(savedValues(unset, "mentor").capacity).toBe("");
  });
});

describe("suggested topics", () => {
  it("adds a topic at the end and takes it out again, ignoring case", () => {
    expect(hasTopic("Job planning\nleading a team", "Leading a team")).toBe(true);
    expect(hasTopic("Job planning", "Leading a team")).toBe(false);
    expect(toggleTopic("Job planning", "Leading a team")).toBe("Job planning\nLeading a team");
    expect(toggleTopic("", "Leading a team")).toBe("Leading a team");
    expect(toggleTopic("Job planning\nleading a team\nRotas", "Leading a team")).toBe(
      "Job planning\nRotas",
    );
  });
});
