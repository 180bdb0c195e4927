import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { schemeTemplates } from "../rules/templates";
import { checkClaim, ClaimDecisionFields, formatMoney, recognisedTime } from "./claims";

const gp = schemeTemplates.find((t) => t.id === "gp-non-principal")!.rules;
const base = { meeting: { status: "held" }, alreadyClaimed: false, claimedInRelationship: 0, expensesPence: 0, hasReceipt: false };

describe("claims", () => {
  it("pays each held meeting once, within the cap, in a per-meeting scheme", () => {
    expect(checkClaim({ ...base, remuneration: gp.remuneration })).toEqual([]);
    expect(checkClaim({ ...base, remuneration: gp.remuneration, meeting: { status: "scheduled" } })[0]!.message).toMatch(/recorded as held/);
    expect(checkClaim({ ...base, remuneration: gp.remuneration, alreadyClaimed: true })[0]!.message).toMatch(/already been claimed/);
    expect(checkClaim({ ...base, remuneration: gp.remuneration, claimedInRelationship: 6 })[0]!.message).toBe("This scheme pays for up to 6 meetings in a relationship, and 6 have been claimed");
    expect(checkClaim({ ...base, remuneration: gp.remuneration, claimedInRelationship: 5 })).toEqual([]);
  });

  it("pays expenses only where allowed, with a receipt, up to the scheme's cap", () => {
    expect(checkClaim({ ...base, remuneration: gp.remuneration, expensesPence: 1250 })).toEqual([{ path: "receiptFileId", message: "Upload a receipt for the expenses" }]);
    expect(checkClaim({ ...base, remuneration: gp.remuneration, expensesPence: 1250, hasReceipt: true })).toEqual([]);
    const capped = SchemeRules.parse({ remuneration: { kind: "per_meeting", feePence: 15000, expensesAllowed: true, expensesCapPence: 2000 } }).remuneration;
    expect(checkClaim({ ...base, remuneration: capped, expensesPence: 2500, hasReceipt: true })).toEqual([{ path: "expensesPence", message: "Expenses on a claim are paid up to £20.00" }]);
    const noExpenses = SchemeRules.parse({ remuneration: { kind: "per_meeting", feePence: 15000 } }).remuneration;
    expect(checkClaim({ ...base, remuneration: noExpenses, expensesPence: 100, hasReceipt: true })[0]!.message).toBe("This scheme does not pay expenses");
  });

  it.each(schemeTemplates.filter((t) => t.rules.remuneration.kind !== "per_meeting").map((t) => [t.id, t.rules] as const))("%s: no per-meeting claims", (_id, r) => {
    expect(checkClaim({ ...base, remuneration: r.remuneration })).toHaveLength(1);
  });

  it("asks for a reason to reject or query, none to approve", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(ClaimDecisionFields.safeParse({ claimId: id, decision: "approve" }).success).toBe(true);
    const reject = ClaimDecisionFields.safeParse({ claimId: id, decision: "reject" });
    expect(reject.success ? null : reject.error.issues[0]).toMatchObject({ path: ["message"], message: "Say why the claim is rejected" });
  });

  it("states a job plan's recognised time, from the monthly hours or the meetings", () => {
    expect(recognisedTime({ hoursPerMonth: 2, months: 6, meetingMinutes: [60, 90] })).toEqual({ meetings: 2, meetingHours: 2.5, recognisedHours: 12 });
    expect(recognisedTime({ months: 6, meetingMinutes: [60, 90] })).toEqual({ meetings: 2, meetingHours: 2.5, recognisedHours: 2.5 });
    expect(formatMoney(150000)).toBe("£1,500.00");
  });
});
