import { describe, expect, it } from "vitest";
import type { RouterOutputs } from "../../lib/api-types";
import { findMyScheme } from "./use-my-scheme";

type Enrolment = RouterOutputs["enrolment"]["mine"][number];

const base = {
  organisationId: "o1",
  organisationName: "Aire Valley",
  organisationSlug: "aire-valley",
  schemeId: "s1",
  schemeName: "Choose your mentor",
  schemeSlug: "choose",
  reviewMessage: null,
  joinedAt: new Date("2026-01-01"),
  withdrawnAt: null,
} as const;

const enrolment = (over: Partial<Enrolment>): Enrolment =>
  ({ ...base, enrolmentId: "e1", role: "mentee", status: "active", ...over }) as Enrolment;

describe("findMyScheme", () => {
  it("finds the scheme by its slugs with the roles the person takes part in", () => {
    const found = findMyScheme(
      [
        enrolment({ enrolmentId: "e1", role: "mentee" }),
        enrolment({ enrolmentId: "e2", role: "mentor", status: "requested" }),
        enrolment({ enrolmentId: "e3", schemeSlug: "other", schemeId: "s2" }),
      ],
      "aire-valley",
      "choose",
    );
    expect(found).toMatchObject({ organisationId: "o1", schemeId: "s1", roles: ["mentee"] });
  });

  it("is null for a scheme the person is not in, and has no roles once they have left", () => {
    expect(findMyScheme([enrolment({})], "aire-valley", "nope")).toBeNull();
    expect(
      findMyScheme([enrolment({ status: "withdrawn" })], "aire-valley", "choose")?.roles,
    ).toEqual([]);
  });
});
