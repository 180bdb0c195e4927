import { describe, expect, it } from "vitest";
import { meetingCapReached, nextMeetingKind, type MeetingKind } from "./meetings";
import { SchemeRules, type SchemeRulesInput } from "./schema";

const rules = (meetings: SchemeRulesInput["meetings"]) => SchemeRules.parse({ meetings });

describe("meeting policy", () => {
  const sixWithContractAndReview = rules({ max: 6, firstIsContract: true, lastIsReview: true });
  const cases: [string, SchemeRules, number, MeetingKind | null, boolean][] = [
    ["first is the contract", sixWithContractAndReview, 0, "contract", false],
    ["then regular", sixWithContractAndReview, 1, "regular", false],
    ["still regular", sixWithContractAndReview, 4, "regular", false],
    ["last is the review", sixWithContractAndReview, 5, "review", false],
    ["cap reached", sixWithContractAndReview, 6, null, true],
    ["past the cap", sixWithContractAndReview, 7, null, true],
    ["two meetings: contract then review", rules({ max: 2, firstIsContract: true, lastIsReview: true }), 1, "review", false],
    ["no contract", rules({ max: 6, firstIsContract: false }), 0, "regular", false],
    ["no review", rules({ max: 6, lastIsReview: false }), 5, "regular", false],
    ["one meeting only", rules({ max: 1, firstIsContract: true }), 0, "contract", false],
    ["one meeting held", rules({ max: 1 }), 1, null, true],
    ["unlimited never caps", rules({ max: null }), 1000, "regular", false],
    ["unlimited starts with a contract", rules({ max: null }), 0, "contract", false],
    ["a nonsense count is read as none held", sixWithContractAndReview, -3, "contract", false],
    ["a fractional count is rounded down", sixWithContractAndReview, 5.5, "review", false],
  ];

  it.each(cases)("%s", (_name, r, held, kind, capped) => {
    expect(nextMeetingKind(r, held)).toBe(kind);
    expect(meetingCapReached(r, held)).toBe(capped);
  });
});
