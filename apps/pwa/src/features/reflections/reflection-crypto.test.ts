import { describe, expect, it } from "vitest";
import {
  createPersonKey,
  newRecoveryCode,
  normaliseRecoveryCode,
  openReflection,
  rewrapWithPassphrase,
  unwrapForRewrap,
  sealReflection,
  unwrapKey,
  UnreadableReflectionError,
  WrongSecretError,
} from "./reflection-crypto";

const relationship = "7d1b1c1e-4c55-4b8e-9d7a-1f2e3d4c5b6a";

describe("reflection keys and sealing", () => {
  it("wraps the key by the passphrase and by the recovery code; either unwraps it to a key that is not extractable", async () => {
    const made = await createPersonKey("a long enough passphrase");
    expect(made.passphrase.iterations).toBe(600_000);
    expect(made.passphrase.salt).not.toBe(made.recovery.salt);
    expect(made.key.extractable).toBe(false);
    const sealed = await sealReflection(made.key, 1, relationship, "What went well today");
    const byPassphrase = await unwrapKey(made.passphrase, "a long enough passphrase", "passphrase");
    const byCode = await unwrapKey(made.recovery, normaliseRecoveryCode(made.recoveryCode.toLowerCase().replace(/-/g, " ")), "recovery code");
    expect(byPassphrase.extractable).toBe(false);
    expect(await openReflection(byPassphrase, relationship, sealed)).toBe("What went well today");
    expect(await openReflection(byCode, relationship, sealed)).toBe("What went well today");
  });

  it("refuses a wrong passphrase or recovery code with a clear error", async () => {
    const made = await createPersonKey("the right passphrase");
    await expect(unwrapKey(made.passphrase, "the wrong passphrase", "passphrase")).rejects.toThrow(new WrongSecretError("passphrase"));
    await expect(unwrapKey(made.passphrase, "the wrong passphrase", "passphrase")).rejects.toThrow("That passphrase does not unlock your reflections");
    await expect(unwrapKey(made.recovery, newRecoveryCode(), "recovery code")).rejects.toThrow("That recovery code does not unlock your reflections");
  });

  it("changes the passphrase by re-wrapping: what was sealed before stays readable, the old passphrase no longer unlocks", async () => {
    const made = await createPersonKey("first passphrase here");
    const before = await sealReflection(made.key, 1, relationship, "Written before the change");
    const rewrapped = await rewrapWithPassphrase(await unwrapForRewrap(made, "first passphrase here"), "second passphrase here");
    const key = await unwrapKey(rewrapped, "second passphrase here", "passphrase");
    expect(await openReflection(key, relationship, before)).toBe("Written before the change");
    await expect(unwrapKey(rewrapped, "first passphrase here", "passphrase")).rejects.toBeInstanceOf(WrongSecretError);
    // A forgotten passphrase: the recovery code sets a new one.
    // (Typed in lower case without dashes: the passphrase does not open it, so the code is tried.)
    const fromCode = await rewrapWithPassphrase(await unwrapForRewrap(made, made.recoveryCode.toLowerCase().replace(/-/g, "")), "third passphrase here");
    await expect(unwrapForRewrap(made, "neither of them")).rejects.toThrow("That passphrase does not unlock your reflections");
    expect(await openReflection(await unwrapKey(fromCode, "third passphrase here", "passphrase"), relationship, before)).toBe("Written before the change");
  });

  it("uses a fresh IV each time, and binds the ciphertext to its relationship", async () => {
    const { key } = await createPersonKey("passphrase for ivs");
    const a = await sealReflection(key, 1, relationship, "same text");
    const b = await sealReflection(key, 1, relationship, "same text");
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(atob(a.iv)).toHaveLength(12);
    await expect(openReflection(key, "00000000-0000-4000-8000-000000000000", a)).rejects.toBeInstanceOf(UnreadableReflectionError);
  });

  it("makes recovery codes of 25 Crockford base32 characters in groups of five", () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect(new Set(Array.from({ length: 20 }, newRecoveryCode)).size).toBe(20);
    expect(normaliseRecoveryCode("abcde fghjk-mnpqr stvwx yzo1l")).toBe("ABCDE-FGHJK-MNPQR-STVWX-YZ011");
  });
});

describe("the downloaded file", () => {
  it("holds each reflection's text under its date, and what it was about", async () => {
    const { reflectionsMarkdown, exportFileName } = await import("./reflections-export");
    const text = reflectionsMarkdown({
      title: "Private reflections: Coach-mentoring",
      exportedAt: new Date("2026-12-07T10:00:00Z"),
      reflections: [{ createdAt: new Date("2026-12-01T09:00:00Z"), updatedAt: new Date("2026-12-01T09:00:00Z"), about: "About the meeting on 1 December 2026", text: "Felt more confident" }],
    });
    expect(text).toMatch(/^# Private reflections: Coach-mentoring/);
    expect(text).toContain("Felt more confident");
    expect(text).toContain("_About the meeting on 1 December 2026_");
    expect(exportFileName(new Date("2026-12-07T10:00:00Z"))).toBe("private-reflections-2026-12-07.md");
  });
});
