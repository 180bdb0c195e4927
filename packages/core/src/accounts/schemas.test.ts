import { describe, expect, it } from "vitest";
import { AcceptInvitationInput, InvitePersonFields, Password, RequestPasswordResetInput, ResetPasswordInput, SignInInput } from "./schemas";

function messages(result: { success: boolean; error?: { flatten(): { fieldErrors: Record<string, string[] | undefined> } } }) {
  return result.success ? {} : result.error!.flatten().fieldErrors;
}

describe("account schemas", () => {
  it("explains each password rule", () => {
    expect(Password.safeParse("short").error?.issues[0]?.message).toBe("Password must be 8 characters or more");
    expect(Password.safeParse("x".repeat(129)).error?.issues[0]?.message).toBe(
      "Password must be 128 characters or fewer",
    );
    expect(Password.safeParse("x".repeat(8)).success).toBe(true);
    expect(Password.safeParse("x".repeat(128)).success).toBe(true);
  });

  it("normalises and checks email addresses", () => {
    expect(SignInInput.parse({ email: "  Ada@Example.ORG ", password: "p" }).email).toBe("ada@example.org");
    expect(messages(SignInInput.safeParse({ email: "nope", password: "" }))).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      password: ["Enter your password"],
    });
  });

  it("requires matching passwords when accepting an invitation", () => {
    const base = { organisationId: "9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a", token: "a".repeat(32) };
    expect(messages(AcceptInvitationInput.safeParse({ ...base, password: "longenough", confirmPassword: "different" }))).toEqual({
      confirmPassword: ["Passwords do not match"],
    });
    expect(AcceptInvitationInput.safeParse(base).success).toBe(true);
  });

  it("asks for a reset link by address, for the portal unless the app is named", () => {
    expect(RequestPasswordResetInput.parse({ email: " Ada@Example.org" })).toEqual({ email: "ada@example.org", app: "portal" });
    expect(messages(RequestPasswordResetInput.safeParse({ email: "nope", app: "mail" }))).toEqual({
      email: ["Enter an email address in the correct format, like name@example.com"],
      app: ["Say whether the link should open the admin portal or the Tandem app"],
    });
  });

  it("requires a new password that meets the rules and matches its confirmation", () => {
    const token = "a".repeat(32);
    expect(messages(ResetPasswordInput.safeParse({ token, password: "short", confirmPassword: "short" }))).toEqual({
      password: ["Password must be 8 characters or more"],
    });
    expect(messages(ResetPasswordInput.safeParse({ token, password: "longenough", confirmPassword: "different" }))).toEqual({
      confirmPassword: ["Passwords do not match"],
    });
    expect(messages(ResetPasswordInput.safeParse({ token: "x", password: "longenough", confirmPassword: "longenough" }))).toEqual({
      token: ["This link to reset your password is not valid"],
    });
  });

  it("needs at least one known role for an invitation", () => {
    expect(messages(InvitePersonFields.safeParse({ email: "a@b.org", name: "A", roles: [] }))).toEqual({
      roles: ["Choose at least one role"],
    });
    expect(messages(InvitePersonFields.safeParse({ email: "a@b.org", name: "A", roles: ["boss"] })).roles?.[0]).toMatch(
      /Choose a role/,
    );
  });
});
