import { describe, expect, it } from "vitest";
import { matchRoute, menteeCoursePath, safeReturnTo, schemePath, signInPath } from "./router";

describe("matchRoute", () => {
  it("matches the screens under /app and nothing else", () => {
    expect(matchRoute("/app/")).toEqual({ name: "home" });
    expect(matchRoute("/app")).toEqual({ name: "home" });
    expect(matchRoute("/app/sign-in")).toEqual({ name: "sign-in" });
    expect(matchRoute("/app/sign-in/")).toEqual({ name: "sign-in" });
    expect(matchRoute("/app/organisations")).toEqual({ name: "organisations" });
    expect(matchRoute("/app/schemes")).toEqual({ name: "my-schemes" });
    expect(matchRoute("/app/schemes/find/")).toEqual({ name: "find-schemes" });
    expect(matchRoute("/app/preparation")).toEqual({ name: "preparation" });
    expect(matchRoute("/app/preparation/recognition/")).toEqual({ name: "recognition" });
    expect(matchRoute("/app/preparation/events")).toEqual({ name: "support-events" });
    expect(matchRoute("/app/preparation/other")).toEqual({ name: "not-found" });
    expect(matchRoute("/app/cpd/")).toEqual({ name: "cpd" });
    expect(matchRoute("/app/nope")).toEqual({ name: "not-found" });
    expect(matchRoute("/application")).toEqual({ name: "not-found" });
    expect(matchRoute("/app/schemes/a/b/c")).toEqual({ name: "not-found" });
  });

  it("reads a scheme's organisation and scheme slugs", () => {
    expect(matchRoute("/app/schemes/aire-valley/new-consultants")).toEqual({
      name: "scheme",
      organisationSlug: "aire-valley",
      schemeSlug: "new-consultants",
    });
    expect(matchRoute(schemePath("a b", "c/d"))).toEqual({
      name: "scheme",
      organisationSlug: "a b",
      schemeSlug: "c/d",
    });
    expect(matchRoute("/app/schemes/%E0%A4%A/x")).toEqual({ name: "not-found" });
  });

  it("reads a scheme's mentee preparation course, with a page kept in the query", () => {
    const path = menteeCoursePath("aire-valley", "new consultants", "confidentiality");
    expect(path).toBe("/app/schemes/aire-valley/new%20consultants/preparation?page=confidentiality");
    expect(matchRoute(path.split("?")[0]!)).toEqual({ name: "mentee-course", organisationSlug: "aire-valley", schemeSlug: "new consultants" });
    expect(menteeCoursePath("a", "b")).toBe("/app/schemes/a/b/preparation");
  });
});

describe("the public account and service screens", () => {
  it("reads a reset link's token, and refuses anything that is not one", () => {
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    expect(matchRoute(`/app/reset-password/${token}`)).toEqual({ name: "reset-password", token });
    expect(matchRoute(`/app/reset-password/${token}/`)).toEqual({ name: "reset-password", token });
    expect(matchRoute("/app/reset-password/short")).toEqual({ name: "not-found" });
    expect(matchRoute(`/app/reset-password/${token.toUpperCase()}`)).toEqual({ name: "not-found" });
    expect(matchRoute("/app/forgot-password")).toEqual({ name: "forgot-password" });
    expect(matchRoute("/app/accessibility")).toEqual({ name: "accessibility" });
    expect(matchRoute("/app/privacy/")).toEqual({ name: "privacy" });
    expect(matchRoute("/app/contact")).toEqual({ name: "contact" });
  });
});

describe("safeReturnTo", () => {
  it("follows paths inside the app only", () => {
    expect(safeReturnTo("/app/schemes/aire/new?x=1")).toBe("/app/schemes/aire/new?x=1");
    expect(safeReturnTo(null)).toBe("/app/");
    for (const bad of [
      "https://evil.example/app/",
      "//evil.example",
      "/app//evil.example",
      "/app/../admin",
      "/admin",
      "/app\\x",
    ]) {
      expect(safeReturnTo(bad), bad).toBe("/app/");
    }
  });

  it("is what the sign-in link carries", () => {
    const returnTo = new URLSearchParams(signInPath("/app/schemes/a/b").split("?")[1]).get(
      "returnTo",
    );
    expect(safeReturnTo(returnTo)).toBe("/app/schemes/a/b");
  });
});
