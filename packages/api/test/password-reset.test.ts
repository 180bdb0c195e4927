// Password reset at the API: the emailed link, single use, 30 minutes on the injected clock, every
// session ended, the same answer for unknown addresses, and the rate limit.
import { eq } from "drizzle-orm";
import { emailOutbox, passwordResets, signInAttempts } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOutbox } from "../src/services/mail";
import { passwordResetLifetimeMs } from "../src/services/password-reset";
import { passwordResetLimits } from "../src/services/rate-limit";
import { browser, failure, makePerson, password, setup, type TestEnv } from "./support";

let env: TestEnv;
const minute = 60 * 1000;

beforeAll(async () => {
  env = await setup();
  for (const name of ["ada", "grace", "edith", "alan", "mary", "limit"]) {
    await makePerson(env.db, { email: `${name}@example.org`, name: `Dr ${name[0]!.toUpperCase()}${name.slice(1)} Test` });
  }
});
afterAll(() => env.close());

/** The newest reset link sent to `email`, and how many reset emails went to it. */
async function resetLinkFor(email: string) {
  const mails = (await listOutbox(env.db, { limit: 200 })).filter((m) => m.toAddress === email && m.subject === "Reset your Tandem password");
  const match = mails[0]?.textBody.match(/http:\/\/localhost:3000(\/app)?\/reset-password\/([a-z2-7]+)/);
  if (!match) throw new Error(`no reset email to ${email}`);
  return { token: match[2]!, app: match[1] ? "pwa" : "portal", count: mails.length, mail: mails[0]! };
}

async function request(email: string, options: { address?: string; app?: "portal" | "pwa" } = {}) {
  const caller = await browser(env.deps, { address: options.address ?? "203.0.113.20" }).caller();
  return caller.auth.requestPasswordReset({ email, app: options.app ?? "portal" });
}

const newPassword = "a brand new passphrase";
const reset = async (token: string, pw = newPassword) =>
  (await browser(env.deps).caller()).auth.resetPassword({ token, password: pw, confirmPassword: pw });
const status = async (token: string) => (await (await browser(env.deps).caller()).auth.passwordReset({ token })).status;

describe("asking for a link", () => {
  it("emails a link that opens the app it was asked from, storing only the token's hash", async () => {
    expect(await request("ADA@example.org ")).toEqual({ ok: true });
    const portal = await resetLinkFor("ada@example.org");
    expect(portal.app).toBe("portal");
    expect(portal.mail.textBody).toContain("works once, for 30 minutes");
    const rows = await env.ownerSql<{ token_hash: string }[]>`select token_hash from password_resets`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(portal.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    await request("grace@example.org", { app: "pwa" });
    expect((await resetLinkFor("grace@example.org")).app).toBe("pwa");
  });

  it("answers an unknown address exactly as a known one, and sends nothing", async () => {
    const before = (await env.ownerSql<{ n: number }[]>`select count(*)::int as n from email_outbox`)[0]!.n;
    expect(await request("nobody@example.org")).toEqual(await request("edith@example.org"));
    const after = (await env.ownerSql<{ n: number }[]>`select count(*)::int as n from email_outbox`)[0]!.n;
    expect(after).toBe(before + 1);
    expect(await env.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "nobody@example.org"))).toEqual([]);
  });

  it("writes the mail in the request's transaction: a request that fails sends nothing", async () => {
    const before = (await env.ownerSql<{ n: number }[]>`select count(*)::int as n from email_outbox`)[0]!.n;
    // The same database, with a mailer whose queue refuses: the link written before it rolls back.
    const broken = { ...env.deps, mailer: { ...env.deps.mailer, send: async () => Promise.reject(new Error("queue refused")) } };
    const caller = await browser(broken, { address: "203.0.113.21" }).caller();
    expect((await failure(caller.auth.requestPasswordReset({ email: "alan@example.org", app: "portal" }))).code).toBe("INTERNAL_SERVER_ERROR");
    expect((await env.ownerSql<{ n: number }[]>`select count(*)::int as n from email_outbox`)[0]!.n).toBe(before);
    const alan = await env.ownerSql`select 1 from password_resets r join people p on p.id = r.person_id where p.email = 'alan@example.org'`;
    expect(alan).toHaveLength(0);
  });
});

describe("using the link", () => {
  it("sets the new password once, ends every session of the person and tells them", async () => {
    const laptop = browser(env.deps, { address: "203.0.113.30" });
    const phone = browser(env.deps, { address: "203.0.113.31" });
    await laptop.signIn("mary@example.org");
    await phone.signIn("mary@example.org");
    await request("mary@example.org");
    const { token } = await resetLinkFor("mary@example.org");
    expect(await status(token)).toBe("ready");

    const mismatch = await failure((await browser(env.deps).caller()).auth.resetPassword({ token, password: newPassword, confirmPassword: "something else" }));
    expect(mismatch.code).toBe("BAD_REQUEST");
    expect(await status(token)).toBe("ready");

    // Reset in the laptop's browser: its cookie is cleared too.
    expect(await (await laptop.caller()).auth.resetPassword({ token, password: newPassword, confirmPassword: newPassword })).toEqual({ ok: true });
    expect(laptop.setCookies.at(-1)).toMatch(/Max-Age=0/);
    expect(await (await laptop.caller()).me.get()).toBeNull();
    expect(await (await phone.caller()).me.get()).toBeNull();
    const sessions = await env.ownerSql`select 1 from sessions s join people p on p.id = s.person_id where p.email = 'mary@example.org'`;
    expect(sessions).toHaveLength(0);

    expect((await failure(browser(env.deps).signIn("mary@example.org", password))).code).toBe("UNAUTHORIZED");
    await browser(env.deps, { address: "203.0.113.32" }).signIn("mary@example.org", newPassword);
    const [changed] = (await listOutbox(env.db, { limit: 200 })).filter((m) => m.toAddress === "mary@example.org");
    expect(changed?.subject).toBe("Your Tandem password has been changed");

    // A second use is refused, and changes nothing.
    expect(await status(token)).toBe("used");
    expect(await failure(reset(token, "yet another passphrase"))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already been used") });
    await browser(env.deps, { address: "203.0.113.33" }).signIn("mary@example.org", newPassword);
  });

  it("works until 30 minutes after the request and not from then on", async () => {
    env.setNow(new Date("2027-02-01T09:00:00Z"));
    await request("edith@example.org");
    const { token } = await resetLinkFor("edith@example.org");
    env.advance(passwordResetLifetimeMs - 1000);
    expect(await status(token)).toBe("ready");
    env.advance(1000);
    expect(await status(token)).toBe("expired");
    expect(await failure(reset(token))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("expired") });
    await browser(env.deps, { address: "203.0.113.40" }).signIn("edith@example.org", password);

    // Just inside the 30 minutes it works.
    await request("edith@example.org");
    const fresh = await resetLinkFor("edith@example.org");
    env.advance(passwordResetLifetimeMs - minute);
    await reset(fresh.token);
    await browser(env.deps, { address: "203.0.113.41" }).signIn("edith@example.org", newPassword);
  });

  it("a newer link replaces the earlier one", async () => {
    await request("grace@example.org", { address: "203.0.113.50" });
    const first = await resetLinkFor("grace@example.org");
    await request("grace@example.org", { address: "203.0.113.50" });
    const second = await resetLinkFor("grace@example.org");
    expect(second.token).not.toBe(first.token);
    expect(await status(first.token)).toBe("replaced");
    expect((await failure(reset(first.token))).code).toBe("CONFLICT");
    await reset(second.token);
    // The app role with no setting sees no link at all.
    expect(await env.db.select().from(passwordResets)).toEqual([]);
  });

  it("refuses a token that was never sent, without an internal error", async () => {
    expect(await status("a".repeat(32))).toBe("invalid");
    expect((await failure(reset("a".repeat(32)))).code).toBe("NOT_FOUND");
    expect((await failure((await browser(env.deps).caller()).auth.passwordReset({ token: "short" }))).code).toBe("BAD_REQUEST");
  });
});

describe("rate limits", () => {
  it("limits requests per address typed, whether or not it has an account, with the same refusal", async () => {
    for (const email of ["limit@example.org", "no-account@example.org"]) {
      for (let i = 0; i < passwordResetLimits.perAccount; i += 1) {
        expect(await request(email, { address: `198.51.100.${10 + i}` })).toEqual({ ok: true });
      }
    }
    const known = await failure(request("limit@example.org", { address: "198.51.100.60" }));
    const unknown = await failure(request("no-account@example.org", { address: "198.51.100.60" }));
    expect(known).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringContaining("Wait 15 minutes") });
    expect(unknown).toMatchObject({ code: known.code, message: known.message });
    expect((await resetLinkFor("limit@example.org")).count).toBe(passwordResetLimits.perAccount);

    // Password reset requests do not count against signing in.
    await browser(env.deps, { address: "198.51.100.61" }).signIn("limit@example.org");
    env.advance(passwordResetLimits.windowMs + 1000);
    expect(await request("limit@example.org", { address: "198.51.100.62" })).toEqual({ ok: true });
  });

  it("limits one network address asking for many accounts", async () => {
    const address = "198.51.100.99";
    for (let i = 0; i < passwordResetLimits.perAddress; i += 1) await request(`someone${i}@example.org`, { address });
    expect((await failure(request("ada@example.org", { address }))).code).toBe("TOO_MANY_REQUESTS");
    expect(await request("ada@example.org", { address: "198.51.100.100" })).toEqual({ ok: true });
    const kinds = await env.db.select({ kind: signInAttempts.kind }).from(signInAttempts).where(eq(signInAttempts.address, address));
    expect(new Set(kinds.map((k) => k.kind))).toEqual(new Set(["password_reset"]));
  });
});
