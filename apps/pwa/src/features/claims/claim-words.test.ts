import { describe, expect, it } from "vitest";
import { matchRoute } from "../../lib/router";
import { claimsPath, describeAmount, describeClaimStatus, readPounds } from "./claim-words";

describe("claims", () => {
  it("live at /app/claims", () => {
    expect(matchRoute(claimsPath)).toEqual({ name: "claims" });
  });

  it("reads expenses typed in pounds into pence", () => {
    expect(readPounds("")).toEqual({ pence: 0 });
    expect(readPounds("12.50")).toEqual({ pence: 1250 });
    expect(readPounds("£8")).toEqual({ pence: 800 });
    expect(readPounds("1,200.5")).toEqual({ pence: 120050 });
    expect(readPounds(" 0.07 ")).toEqual({ pence: 7 });
    for (const bad of ["12.505", "-3", "ten", "1.2.3", "£"]) {
      expect(readPounds(bad), bad).toEqual({
        error: "Enter expenses in pounds and pence, like 12.50",
      });
    }
  });

  it("says amounts and states in words", () => {
    expect(describeAmount(15000, 0)).toBe("£150.00");
    expect(describeAmount(15000, 1250)).toBe("£150.00 plus £12.50 expenses");
    expect(describeClaimStatus("queried").text).toBe("The coordinator has a question");
    expect(describeClaimStatus("approved").text).toBe("Approved");
    expect(describeClaimStatus("approved", true).text).toBe("Approved and sent for payment");
    expect(describeClaimStatus("rejected").colour).toBe("red");
  });
});
