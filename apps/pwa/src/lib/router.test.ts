import { describe, expect, it } from "vitest";
import { matchRoute } from "./router";

describe("matchRoute", () => {
  it("matches the screens under /app and nothing else", () => {
    expect(matchRoute("/app/")).toBe("home");
    expect(matchRoute("/app")).toBe("home");
    expect(matchRoute("/app/sign-in")).toBe("sign-in");
    expect(matchRoute("/app/sign-in/")).toBe("sign-in");
    expect(matchRoute("/app/nope")).toBe("not-found");
    expect(matchRoute("/application")).toBe("not-found");
  });
});
