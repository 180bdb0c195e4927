import { describe, expect, it } from "vitest";
import { schemeTemplates } from "../rules/templates";
import { consentWording, rolesOffered } from "./consent";

describe("consent wording", () => {
  it("names the scheme, the organisation and the role, and says what coordinators see", () => {
    const words = consentWording({ schemeName: "New consultant mentoring", organisationName: "Aire Valley", role: "mentee" });
    expect(words).toContain("join New consultant mentoring, run by Aire Valley, as a mentee");
    expect(words).toContain("withdraw at any time without giving a reason");
    expect(words).toContain("never what is discussed");
  });

  it("offers the roles that fit each format", () => {
    const byId = Object.fromEntries(schemeTemplates.map((t) => [t.id, rolesOffered(t.rules)]));
    expect(byId["new-consultant"]).toEqual(["mentee", "mentor"]);
    expect(byId["co-tutoring"]).toEqual(["peer"]);
    expect(byId["pcn-mastermind"]).toEqual(["peer", "mentor"]);
  });
});
