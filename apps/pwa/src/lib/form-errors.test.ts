import { describe, expect, it } from "vitest";
import { actionProblem, mapTrpcError, messages, validateSignIn } from "./form-errors";

const FIELDS = ["email", "password"] as const;

function trpcError(code: string, message: string, data: Record<string, unknown> = {}) {
  return { message, data: { code, httpStatus: 400, ...data } };
}

describe("mapTrpcError", () => {
  it("shows one generic message for wrong credentials, linked to the first field", () => {
    const errors = mapTrpcError(trpcError("UNAUTHORIZED", "anything the server said"), FIELDS);
    expect(errors.fields).toEqual({});
    expect(errors.summary).toEqual([{ href: "#email", text: "Enter a correct email address and password" }]);
  });

  it("turns zod field errors into inline errors and summary links in field order", () => {
    const errors = mapTrpcError(
      trpcError("BAD_REQUEST", "email: bad", {
        zodError: {
          fieldErrors: {
            password: ["Enter your password"],
            email: ["Enter an email address in the correct format, like name@example.com", "second"],
          },
        },
      }),
      FIELDS,
    );
    expect(errors.fields).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
      password: "Enter your password",
    });
    expect(errors.summary.map((e) => e.href)).toEqual(["#email", "#password"]);
  });

  it("keeps a readable rate-limit message but never a technical one", () => {
    const readable = mapTrpcError(trpcError("TOO_MANY_REQUESTS", "Too many attempts. Try again in 10 minutes."), FIELDS);
    expect(readable.summary[0]?.text).toBe("Too many attempts. Try again in 10 minutes.");
    const technical = mapTrpcError(trpcError("TOO_MANY_REQUESTS", 'Error: {"limit":5}'), FIELDS);
    expect(technical.summary[0]?.text).toBe(messages.tooManyAttempts);
  });

  it("hides internal errors and explains network failures", () => {
    expect(mapTrpcError(trpcError("INTERNAL_SERVER_ERROR", "relation does not exist"), FIELDS).summary[0]?.text).toBe(
      messages.serviceProblem,
    );
    expect(mapTrpcError(new TypeError("Failed to fetch"), FIELDS, { online: false }).summary[0]?.text).toBe(
      messages.offline,
    );
    expect(mapTrpcError(new TypeError("Failed to fetch"), FIELDS).summary[0]?.text).toBe(messages.unreachable);
  });
});

describe("validateSignIn", () => {
  it("asks for both fields", () => {
    expect(validateSignIn({ email: " ", password: "" }).summary).toEqual([
      { href: "#email", text: "Enter your email address" },
      { href: "#password", text: "Enter your password" },
    ]);
  });

  it("checks the email format and accepts good input", () => {
    expect(validateSignIn({ email: "asha", password: "x" }).fields.email).toBe(
      "Enter an email address in the correct format, like name@example.com",
    );
    expect(validateSignIn({ email: "asha@example.nhs.uk", password: "x" }).summary).toEqual([]);
  });
});

describe("mapTrpcError for people already signed in", () => {
  it("shows a readable server message for the codes asked for, and a fixed sentence otherwise", () => {
    const reason = "This scheme is for new consultants. Ask the coordinator if you think it should include you.";
    const shown = mapTrpcError(trpcError("FORBIDDEN", reason), FIELDS, { showMessageFor: ["FORBIDDEN", "CONFLICT"] });
    expect(shown.summary).toEqual([{ href: "#email", text: reason }]);
    const hidden = mapTrpcError(trpcError("FORBIDDEN", reason), FIELDS);
    expect(hidden.summary[0]?.text).toBe(messages.serviceProblem);
    const technical = mapTrpcError(trpcError("CONFLICT", "Error: duplicate key"), FIELDS, { showMessageFor: ["CONFLICT"] });
    expect(technical.summary[0]?.text).toBe(messages.serviceProblem);
  });

  it("says the session ended rather than blaming the password", () => {
    const errors = mapTrpcError(trpcError("UNAUTHORIZED", "Sign in first"), FIELDS, { unauthorised: messages.signedOut });
    expect(errors.summary[0]?.text).toBe(messages.signedOut);
  });
});

describe("actionProblem", () => {
  it("says signed out, a problem on our side, or no connection, and shows readable messages only when asked", () => {
    expect(actionProblem(trpcError("UNAUTHORIZED", "Sign in first"), { online: true })).toBe(messages.signedOut);
    expect(actionProblem(trpcError("CONFLICT", "That event is full"), { online: true })).toBe(messages.serviceProblem);
    expect(actionProblem(trpcError("CONFLICT", "That event is full"), { online: true, showMessageFor: ["CONFLICT"] })).toBe("That event is full");
    expect(actionProblem(trpcError("CONFLICT", "Error: duplicate key"), { online: true, showMessageFor: ["CONFLICT"] })).toBe(messages.serviceProblem);
    expect(actionProblem(new TypeError("Failed to fetch"), { online: true })).toBe(messages.unreachable);
    expect(actionProblem(new TypeError("Failed to fetch"), { online: false })).toBe(messages.offline);
  });
});
