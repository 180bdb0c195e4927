// Sessions and sign-in: token handling, expiry, sign-out everywhere, password change, rate limits.
import { eq } from "drizzle-orm";
import { sessions } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInLimits } from "../src/services/rate-limit";
import { sessionAbsoluteMs, sessionIdleMs } from "../src/services/sessions";
import { browser, failure, makeOrganisation, makePerson, password, setup, type TestEnv } from "./support";

const day = 24 * 60 * 60 * 1000;
let env: TestEnv;
let orgId: string;

beforeAll(async () => {
  env = await setup();
  const org = await makeOrganisation(env.db, "Aire Valley Hospitals");
  orgId = org.id;
  await makePerson(env.db, { email: "ada@example.org", memberOf: [{ organisationId: orgId, roles: ["coordinator"] }] });
  await makePerson(env.db, { email: "grace@example.org" });
  await makePerson(env.db, { email: "limit@example.org" });
  await makePerson(env.db, { email: "expiry@example.org" });
});
afterAll(() => env.close());

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and stores only a hash of the secret", async () => {
    const ada = browser(env.deps);
    await ada.signIn("ADA@example.org ");
    const cookie = ada.setCookies.at(-1)!;
    expect(cookie).toMatch(/^tandem_session=[a-z2-7]+\.[a-z2-7]+; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    expect(cookie).not.toMatch(/Secure/);
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const [id, secret] = token.split(".");
    // 20 random bytes each: 160 bits of entropy in the secret alone.
    expect(secret!.length).toBe(32);
    const [row] = await env.db.select().from(sessions).where(eq(sessions.id, id!));
    expect(row).toBeDefined();
    expect(Buffer.from(row!.secretHash).toString("utf8")).not.toContain(secret);
    expect(row!.secretHash.byteLength).toBe(32);

    const me = await (await ada.caller()).me.get();
    expect(me?.person.email).toBe("ada@example.org");
    expect(me?.memberships).toEqual([
      expect.objectContaining({ organisationId: orgId, organisationName: "Aire Valley Hospitals", roles: ["coordinator"] }),
    ]);
  });

  it("uses the __Host- prefixed Secure cookie over https", async () => {
    const client = browser(env.deps, { secure: true });
    await client.signIn("grace@example.org");
    expect(client.setCookies.at(-1)).toMatch(/^__Host-tandem_session=.+; Path=\/; HttpOnly; SameSite=Lax; .*Secure/);
  });

  it("rejects a forged token with the right id but the wrong secret", async () => {
    const ada = browser(env.deps);
    await ada.signIn("ada@example.org");
    const [id] = ada.cookieHeader().split("=")[1]!.split(".");
    const forged = browser(env.deps);
    const headersCaller = async () => {
      const { createContext } = await import("../src/context");
      return createContext(env.deps, {
        headers: new Headers({ cookie: `tandem_session=${id}.${"a".repeat(32)}` }),
        address: "x",
        setCookie: () => {},
      });
    };
    expect((await headersCaller()).person).toBeNull();
    expect(await (await forged.caller()).me.get()).toBeNull();
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const anon = browser(env.deps, { address: "198.51.100.1" });
    const unknown = await failure(anon.signIn("nobody@example.org", "whatever-password"));
    const wrong = await failure(anon.signIn("grace@example.org", "wrong-password"));
    expect(unknown).toMatchObject({ code: "UNAUTHORIZED", message: "Enter a correct email address and password" });
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", message: unknown.message });
  });

  it("gives field messages for bad input, never an internal error", async () => {
    const anon = browser(env.deps);
    const error = await failure((await anon.caller()).auth.signIn({ email: "not-an-email", password: "" }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("rate limits", () => {
  it("locks an account after repeated failures, before checking the password", async () => {
    const client = browser(env.deps, { address: "192.0.2.50" });
    for (let i = 0; i < signInLimits.perAccount; i += 1) {
      expect((await failure(client.signIn("limit@example.org", "wrong-password"))).code).toBe("UNAUTHORIZED");
    }
    // Even the right password is refused now: the limit bites before hashing.
    const other = browser(env.deps, { address: "192.0.2.51" });
    expect(await failure(other.signIn("limit@example.org", password))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringContaining("Too many attempts"),
    });
    env.advance(signInLimits.windowMs + 1000);
    await other.signIn("limit@example.org");
  });

  it("limits one address trying many accounts", async () => {
    const client = browser(env.deps, { address: "192.0.2.99" });
    for (let i = 0; i < signInLimits.perAddress; i += 1) {
      await failure(client.signIn(`someone${i}@example.org`, "wrong-password"));
    }
    expect((await failure(client.signIn("grace@example.org"))).code).toBe("TOO_MANY_REQUESTS");
    // Another address is unaffected.
    await browser(env.deps, { address: "192.0.2.100" }).signIn("grace@example.org");
  });
});

describe("expiry", () => {
  it("slides while used, ends when idle, and ends at the absolute lifetime regardless", async () => {
    const start = new Date("2027-01-01T09:00:00Z");
    env.setNow(start);
    const client = browser(env.deps, { address: "192.0.2.200" });
    await client.signIn("expiry@example.org");

    // Used every 6 days: it keeps sliding, until the absolute lifetime ends it.
    let elapsed = 0;
    while (elapsed + 6 * day < sessionAbsoluteMs) {
      elapsed += 6 * day;
      env.setNow(new Date(start.getTime() + elapsed));
      expect(await (await client.caller()).me.get(), `still signed in after ${elapsed / day} days`).not.toBeNull();
    }
    env.setNow(new Date(start.getTime() + sessionAbsoluteMs + 1));
    expect(await (await client.caller()).me.get()).toBeNull();

    // Idle for longer than the idle timeout: gone.
    env.setNow(start);
    const idle = browser(env.deps, { address: "192.0.2.201" });
    await idle.signIn("expiry@example.org");
    env.setNow(new Date(start.getTime() + sessionIdleMs - 1000));
    expect(await (await idle.caller()).me.get()).not.toBeNull();
    env.setNow(new Date(start.getTime() + 2 * sessionIdleMs));
    expect(await (await idle.caller()).me.get()).toBeNull();
  });

  it("re-sends the cookie when the expiry moves", async () => {
    env.setNow(new Date("2027-03-01T09:00:00Z"));
    const client = browser(env.deps, { address: "192.0.2.202" });
    await client.signIn("expiry@example.org");
    const before = client.setCookies.length;
    env.advance(8 * day);
    await (await client.caller()).me.get();
    expect(client.setCookies.length).toBe(before + 1);
  });
});

describe("signing out", () => {
  it("signs out one session, or every session", async () => {
    env.setNow(new Date("2027-05-01T09:00:00Z"));
    const laptop = browser(env.deps, { address: "192.0.2.210" });
    const phone = browser(env.deps, { address: "192.0.2.211" });
    const tablet = browser(env.deps, { address: "192.0.2.212" });
    await laptop.signIn("grace@example.org");
    await phone.signIn("grace@example.org");
    await tablet.signIn("grace@example.org");

    await (await laptop.caller()).auth.signOut();
    expect(laptop.setCookies.at(-1)).toMatch(/Max-Age=0/);
    expect(await (await laptop.caller()).me.get()).toBeNull();
    expect(await (await phone.caller()).me.get()).not.toBeNull();

    await (await phone.caller()).auth.signOutEverywhere();
    expect(await (await phone.caller()).me.get()).toBeNull();
    expect(await (await tablet.caller()).me.get()).toBeNull();
  });

  it("ends every session when the password changes, keeping the changer signed in", async () => {
    const one = browser(env.deps, { address: "192.0.2.220" });
    const two = browser(env.deps, { address: "192.0.2.221" });
    await one.signIn("grace@example.org");
    await two.signIn("grace@example.org");
    const weak = await failure(
      (await one.caller()).auth.changePassword({ currentPassword: password, newPassword: "short", confirmPassword: "short" }),
    );
    expect(weak.code).toBe("BAD_REQUEST");
    const wrong = await failure(
      (await one.caller()).auth.changePassword({ currentPassword: "nope-nope", newPassword: "a much longer one", confirmPassword: "a much longer one" }),
    );
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: "Your current password is not correct" });

    await (await one.caller()).auth.changePassword({
      currentPassword: password,
      newPassword: "a much longer one",
      confirmPassword: "a much longer one",
    });
    expect(await (await one.caller()).me.get()).not.toBeNull();
    expect(await (await two.caller()).me.get()).toBeNull();
    await browser(env.deps, { address: "192.0.2.222" }).signIn("grace@example.org", "a much longer one");
  });
});
