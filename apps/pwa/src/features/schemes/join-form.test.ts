import { describe, expect, it } from "vitest";
import { messages } from "../../lib/form-errors";
import {
  fieldElementId,
  mapJoinError,
  toApplicationAnswers,
  validateJoin,
  type Application,
} from "./join-form";

const application: Application = {
  kind: "form",
  questions: [
    { id: "why", label: "Why do you want to join?", kind: "long_text", required: true },
    { id: "fee", label: "Can your practice pay the fee?", kind: "yes_no", required: true },
    { id: "extra", label: "Anything else?", kind: "short_text", required: false },
  ],
};

describe("validateJoin", () => {
  it("asks for a role, each required answer and consent, in page order", () => {
    const errors = validateJoin(
      { role: "", answers: { why: "  " }, consent: false },
      { roles: ["mentee", "mentor"], application },
    );
    expect(errors.summary).toEqual([
      { href: "#role", text: "Choose how you want to take part" },
      { href: "#answer-why", text: 'Answer "Why do you want to join?"' },
      { href: "#answer-fee", text: 'Choose yes or no for "Can your practice pay the fee?"' },
      { href: "#consent", text: "Confirm that you agree to join" },
    ]);
    expect(errors.fields["applicationAnswers.why"]).toBe('Answer "Why do you want to join?"');
  });

  it("accepts a complete form, with false as an answer to a yes or no question", () => {
    const errors = validateJoin(
      { role: "peer", answers: { why: "To learn", fee: false }, consent: true },
      { roles: ["peer"], application },
    );
    expect(errors.summary).toEqual([]);
  });
});

describe("toApplicationAnswers", () => {
  it("trims text, keeps booleans and leaves out blank optional answers", () => {
    expect(toApplicationAnswers(application, { why: " To learn ", fee: true, extra: " " })).toEqual(
      { why: "To learn", fee: true },
    );
    expect(toApplicationAnswers({ kind: "none" }, { why: "x" })).toEqual({});
  });
});

describe("mapJoinError", () => {
  const options = { roles: ["mentee", "mentor"], application, online: true };

  it("puts the API's field errors next to the questions", () => {
    const errors = mapJoinError(
      {
        message: "x",
        data: {
          code: "BAD_REQUEST",
          fieldErrors: { "applicationAnswers.why": ['Answer "Why do you want to join?"'] },
        },
      },
      options,
    );
    expect(errors.fields).toEqual({
      "applicationAnswers.why": 'Answer "Why do you want to join?"',
    });
    expect(errors.summary).toEqual([
      { href: "#answer-why", text: 'Answer "Why do you want to join?"' },
    ]);
  });

  it("shows why someone cannot join, and that they were signed out", () => {
    const reason = "This scheme is only for people at Aire Valley Hospitals NHS Foundation Trust.";
    expect(mapJoinError({ message: reason, data: { code: "FORBIDDEN" } }, options).summary).toEqual(
      [{ href: "#role", text: reason }],
    );
    expect(
      mapJoinError({ message: "no", data: { code: "UNAUTHORIZED" } }, options).summary[0]?.text,
    ).toBe(messages.signedOut);
  });

  it("keeps element ids to safe characters", () => {
    expect(fieldElementId('applicationAnswers.a b"c')).toBe("answer-a-b-c");
    expect(fieldElementId("consent")).toBe("consent");
  });
});
