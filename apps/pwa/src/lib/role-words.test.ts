import { describe, expect, it } from "vitest";
import { describeKind, describeRole, roleColour, sortRoles } from "./role-words";

describe("role words", () => {
  it("names every role and organisation kind in plain English", () => {
    expect(["org_admin", "coordinator", "convenor", "participant"].map(describeRole)).toEqual([
      "Org admin",
      "Coordinator",
      "Convenor",
      "Participant",
    ]);
    expect(describeRole("platform_admin")).toBe("Platform admin");
    expect(describeRole("central_analyst")).toBe("Central analyst");
    expect(describeKind("pcn")).toBe("Primary care network (PCN)");
    expect(describeKind("royal_college")).toBe("Royal college");
  });

  it("copes with codes added later on the server", () => {
    expect(describeRole("scheme_lead")).toBe("Scheme lead");
    expect(roleColour("scheme_lead")).toBe("grey");
  });

  it("orders roles by responsibility", () => {
    expect(sortRoles(["participant", "org_admin", "coordinator"])).toEqual(["org_admin", "coordinator", "participant"]);
  });
});
