// Private reflections (decision 017): sealed in the author's browser (here: real WebCrypto in Node),
// kept by the server as ciphertext only, and read back by nobody but the author: not the other
// member, not a coordinator, not a platform admin. The text is in no database row and no log line.
import { withTenant, reflections, withPerson } from "@tandem/db";
import type { webcrypto } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { relationshipWorld } from "./relationship-support";
import { browser, failure, makePerson } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
let relationshipId: string;
const secret = "I felt out of my depth on the rota meeting: kept-private-7f3c";
const subtle = globalThis.crypto.subtle;
const b64 = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("base64");
const logged: string[] = [];

async function kekFrom(secretText: string, salt: Uint8Array) {
  const material = await subtle.importKey("raw", new TextEncoder().encode(secretText), "PBKDF2", false, ["deriveKey"]);
  return subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 600_000 }, material, { name: "AES-GCM", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

async function wrapWith(key: webcrypto.CryptoKey, secretText: string) {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await subtle.wrapKey("raw", key, await kekFrom(secretText, salt), { name: "AES-GCM", iv });
  return { wrappedKey: b64(wrapped), iv: b64(iv), salt: b64(salt), iterations: 600_000 };
}

async function seal(key: webcrypto.CryptoKey, text: string) {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(text));
  return { ciphertext: b64(ciphertext), iv: b64(iv), keyVersion: 1 };
}

async function open(key: webcrypto.CryptoKey, sealed: { ciphertext: string; iv: string }) {
  const text = await subtle.decrypt({ name: "AES-GCM", iv: Buffer.from(sealed.iv, "base64") }, key, Buffer.from(sealed.ciphertext, "base64"));
  return new TextDecoder().decode(text);
}

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" ")));
  }
  world = await relationshipWorld({ people: ["ava", "ben", "cal"] });
  const schemeId = await world.makeScheme("Coach-mentoring reflections", "coach-mentoring-leaders");
  relationshipId = await world.matchPair(schemeId, "ava", "ben");
});
afterAll(async () => {
  vi.restoreAllMocks();
  await world.env.close();
});

describe("private reflections", () => {
  let key: webcrypto.CryptoKey;
  let reflectionId: string;

  it("keeps the key only wrapped, refuses a second set-up, and hands the wrapped key back to its person alone", async () => {
    const ava = world.caller("ava");
    expect(await ava.reflections.keyStatus()).toEqual({ set: false });
    key = await subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
    const passphrase = await wrapWith(key, "correct horse battery staple");
    const recovery = await wrapWith(key, "ABCDE-FGHJK-MNPQR-STVWX-YZ012");
    expect(await ava.reflections.setUpKey({ passphrase, recovery })).toEqual({ keyVersion: 1 });
    expect((await failure(ava.reflections.setUpKey({ passphrase, recovery }))).code).toBe("CONFLICT");
    expect(await ava.reflections.keyStatus()).toEqual({ set: true, keyVersion: 1, passphrase, recovery, passkeys: [] });
    expect(await world.caller("ben").reflections.keyStatus()).toEqual({ set: false });
    expect((await failure(ava.reflections.setUpKey({ passphrase: { ...passphrase, iterations: 1000 }, recovery }))).message).toMatch(/at least 600,000 iterations/);
    expect((await failure(ava.reflections.setUpKey({ passphrase: { ...passphrase, wrappedKey: "not base64!" }, recovery }))).message).toMatch(/The wrapped key must be base64 text/);
  });

  it("stores ciphertext the author alone reads back and opens", async () => {
    const ava = world.caller("ava");
    const on = world.on(relationshipId);
    ({ reflectionId } = await ava.reflections.add({ ...on, sealed: await seal(key, secret) }));
    const [mine] = await ava.reflections.list(on);
    expect(mine!.id).toBe(reflectionId);
    expect(await open(key, mine!)).toBe(secret);
    await ava.reflections.update({ ...on, reflectionId, sealed: await seal(key, `${secret} (later: it went better)`) });
    expect(await open(key, (await ava.reflections.list(on))[0]!)).toBe(`${secret} (later: it went better)`);
    // The other member of the same relationship reads none of it and changes none of it.
    const ben = world.caller("ben");
    expect(await ben.reflections.list(on)).toEqual([]);
    expect((await failure(ben.reflections.update({ ...on, reflectionId, sealed: await seal(key, "overwritten") }))).code).toBe("NOT_FOUND");
    expect((await failure(ben.reflections.remove({ organisationId: world.orgId, reflectionId }))).code).toBe("NOT_FOUND");
    expect(await open(key, (await ava.reflections.list(on))[0]!)).toMatch(/it went better/);
  });

  it("gives the author all of theirs across relationships for the CPD record, with where each was written, still sealed", async () => {
    const ava = world.caller("ava");
    // A second relationship in another scheme, with a reflection on one of its held meetings.
    const otherScheme = await world.makeScheme("Coach-mentoring second scheme", "coach-mentoring-leaders");
    const second = await world.matchPair(otherScheme, "ava", "cal");
    await world.holdMeeting(second, "ava", "cal");
    const held = (await ava.relationships.get(world.on(second))).meetings.find((m) => m.status === "held")!;
    const { reflectionId: onMeeting } = await ava.reflections.add({ ...world.on(second), meetingId: held.id, sealed: await seal(key, "About the first meeting with Cal") });
    const mine = await ava.reflections.mine();
    expect(mine.map((r) => [r.id, r.relationshipId, r.schemeName, r.organisationId])).toEqual([
      [reflectionId, relationshipId, "Coach-mentoring reflections", world.orgId],
      [onMeeting, second, "Coach-mentoring second scheme", world.orgId],
    ]);
    expect(mine[0]!.meetingStartsAt).toBeNull();
    expect(mine[1]!.meetingStartsAt).toEqual(held.startsAt);
    expect(mine[1]).toMatchObject({ meetingId: held.id, organisationName: "Aire Valley Hospitals", keyVersion: 1 });
    expect(await open(key, mine[1]!)).toBe("About the first meeting with Cal");
    expect(JSON.stringify(mine)).not.toContain("About the first meeting");
    // Nobody else gets any of them: the other members, the coordinator.
    for (const other of [world.caller("ben"), world.caller("cal"), world.coordinator]) expect(await other.reflections.mine()).toEqual([]);
    expect((await failure(ava.reflections.mine({ organisationId: world.orgId } as never))).message).toMatch(/take no input/);
    await ava.reflections.remove({ organisationId: world.orgId, reflectionId: onMeeting });
  });

  it("refuses a sealed reflection under a key version that is not the author's, or from someone not in the relationship", async () => {
    const on = world.on(relationshipId);
    expect((await failure(world.caller("ava").reflections.add({ ...on, sealed: { ...(await seal(key, "x")), keyVersion: 2 } }))).code).toBe("CONFLICT");
    expect((await failure(world.caller("ben").reflections.add({ ...on, sealed: await seal(key, "x") }))).message).toMatch(/Set up your reflections key first/);
    expect((await failure(world.coordinator.reflections.add({ ...on, sealed: await seal(key, "x") }))).code).toBe("NOT_FOUND");
    expect((await failure(world.caller("ava").reflections.add({ ...on, sealed: { ciphertext: "A".repeat(120_004), iv: "AAAAAAAAAAAAAAAA", keyVersion: 1 } }))).message).toMatch(/The reflection is too long/);
  });

  it("shows a coordinator's and a platform admin's transactions no reflection rows at all", async () => {
    const on = world.on(relationshipId);
    expect(await world.coordinator.reflections.list(on)).toEqual([]);
    await makePerson(world.env.db, { email: "platform@tandem.example.org", name: "Platform Admin", platformRoles: ["platform_admin"] });
    const client = browser(world.env.deps, { address: "10.8.0.1" });
    await client.signIn("platform@tandem.example.org");
    const admin = await client.caller();
    expect(await admin.reflections.list(on)).toEqual([]);
    const coordinatorId = (await world.coordinator.me.get())!.person.id;
    const adminId = (await admin.me.get())!.person.id;
    for (const personId of [coordinatorId, adminId]) {
      expect(await withTenant(world.env.db, { organisationId: world.orgId, personId }, (tx) => tx.select().from(reflections))).toEqual([]);
    }
    expect(await withTenant(world.env.db, { organisationId: world.orgId }, (tx) => tx.select().from(reflections))).toEqual([]);
    expect(await withPerson(world.env.db, coordinatorId, (tx) => tx.select().from(reflections))).toEqual([]);
    expect(await withTenant(world.env.db, { organisationId: world.orgId, personId: world.personId("ava") }, (tx) => tx.select().from(reflections))).toHaveLength(1);
  });

  it("leaves the text in no row of any table and in no log line", async () => {
    const tables = await world.env.ownerSql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = 'public'`;
    expect(tables.map((t) => t.name)).toContain("reflections");
    const needles = [secret, "kept-private-7f3c", "out of my depth"];
    for (const { name } of tables) {
      const rows = await world.env.ownerSql<{ row: string }[]>`select row_to_json(t)::text as row from ${world.env.ownerSql(name)} t`;
      for (const { row } of rows) for (const needle of needles) expect(row.includes(needle), `${name} holds the text`).toBe(false);
    }
    expect(logged.filter((line) => needles.some((n) => line.includes(n)))).toEqual([]);
  });

  it("lets the author delete their own", async () => {
    const ava = world.caller("ava");
    expect(await ava.reflections.remove({ organisationId: world.orgId, reflectionId })).toEqual({ ok: true });
    expect(await ava.reflections.list(world.on(relationshipId))).toEqual([]);
    expect((await failure(ava.reflections.remove({ organisationId: world.orgId, reflectionId }))).code).toBe("NOT_FOUND");
  });

  it("takes a reflection sent from the outbox once, however often it is replayed (keyed like every offline write)", async () => {
    const ava = world.caller("ava");
    const on = world.on(relationshipId);
    const sealed = await seal(key, `${secret} (written on the train)`);
    const idempotencyKey = uuidv7();
    const answers = await Promise.allSettled(Array.from({ length: 3 }, () => ava.reflections.add({ ...on, sealed, idempotencyKey })));
    for (const answer of answers) if (answer.status === "rejected") expect(answer.reason).toMatchObject({ code: "CONFLICT" });
    const first = await ava.reflections.add({ ...on, sealed, idempotencyKey });
    for (const answer of answers) if (answer.status === "fulfilled") expect(answer.value).toEqual(first);
    expect((await ava.reflections.list(on)).map((r) => r.id)).toEqual([first.reflectionId]);
    // The same key with another payload is a different change: refused, not applied.
    const other = await failure(ava.reflections.add({ ...on, sealed: await seal(key, "another reflection"), idempotencyKey }));
    expect(other.code).toBe("UNPROCESSABLE_CONTENT");
    const removeKey = uuidv7();
    const removal = { organisationId: world.orgId, reflectionId: first.reflectionId, idempotencyKey: removeKey };
    expect(await ava.reflections.remove(removal)).toEqual({ ok: true });
    expect(await ava.reflections.remove(removal)).toEqual({ ok: true });
    expect(await ava.reflections.list(on)).toEqual([]);
  });

  it("keeps a passkey's wrapped copy of the key for its person alone, once per credential, under the current key version", async () => {
    const ava = world.caller("ava");
    // In the browser the wrapping key comes from the passkey's PRF output (HKDF); here, any 32 bytes.
    const prfOutput = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const kek = await subtle.importKey("raw", prfOutput, { name: "AES-GCM" }, false, ["wrapKey", "unwrapKey"]);
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const slot = {
      credentialId: "cGFzc2tleS1jcmVkZW50aWFsLTE",
      prfSalt: b64(globalThis.crypto.getRandomValues(new Uint8Array(32))),
      wrappedKey: b64(await subtle.wrapKey("raw", key, kek, { name: "AES-GCM", iv })),
      iv: b64(iv),
      keyVersion: 1,
      label: "My phone",
    };
    const { passkeyId } = await ava.reflections.addPasskey(slot);
    const status = await ava.reflections.keyStatus();
    expect(status.set && status.passkeys).toEqual([{ id: passkeyId, credentialId: slot.credentialId, prfSalt: slot.prfSalt, wrappedKey: slot.wrappedKey, iv: slot.iv, label: "My phone", createdAt: expect.any(Date) }]);
    // The copy opens with the PRF output's key, to the same key.
    const opened = await subtle.unwrapKey("raw", Buffer.from(slot.wrappedKey, "base64"), kek, { name: "AES-GCM", iv }, { name: "AES-GCM" }, true, ["encrypt", "decrypt"]);
    expect(Buffer.from(await subtle.exportKey("raw", opened))).toEqual(Buffer.from(await subtle.exportKey("raw", key)));

    expect((await failure(ava.reflections.addPasskey(slot))).message).toMatch(/That passkey already unlocks your reflections/);
    expect((await failure(ava.reflections.addPasskey({ ...slot, credentialId: "b3RoZXItY3JlZGVudGlhbA", keyVersion: 2 }))).message).toMatch(/Your reflections key has changed/);
    expect((await failure(ava.reflections.addPasskey({ ...slot, label: "  " }))).message).toMatch(/Give the passkey a name/);
    expect((await failure(ava.reflections.addPasskey({ ...slot, credentialId: "not base64url!" }))).message).toMatch(/base64url/);
    // Ben has no key of his own to add a passkey to, sees none of Ava's, and removes none.
    expect((await failure(world.caller("ben").reflections.addPasskey(slot))).message).toMatch(/Set up your reflections key first/);
    expect((await failure(world.caller("ben").reflections.removePasskey({ passkeyId }))).code).toBe("NOT_FOUND");
    expect(await ava.reflections.removePasskey({ passkeyId })).toEqual({ ok: true });
    const after = await ava.reflections.keyStatus();
    expect(after.set && after.passkeys).toEqual([]);
  });

  it("changes the passphrase by re-wrapping the same key: nothing is re-encrypted", async () => {
    const ava = world.caller("ava");
    const on = world.on(relationshipId);
    const sealed = await seal(key, secret);
    await ava.reflections.add({ ...on, sealed });
    await ava.reflections.rewrap({ keyVersion: 1, passphrase: await wrapWith(key, "a brand new passphrase") });
    const status = await ava.reflections.keyStatus();
    if (!status.set) throw new Error("the key should be set");
    const unwrapped = await subtle.unwrapKey(
      "raw",
      Buffer.from(status.passphrase.wrappedKey, "base64"),
      await kekFrom("a brand new passphrase", Buffer.from(status.passphrase.salt, "base64")),
      { name: "AES-GCM", iv: Buffer.from(status.passphrase.iv, "base64") },
      { name: "AES-GCM", length: 256 },
      false,
      ["decrypt"],
    );
    expect(await open(unwrapped, (await ava.reflections.list(on))[0]!)).toBe(secret);
    expect((await failure(ava.reflections.rewrap({ keyVersion: 2, passphrase: await wrapWith(key, "x") }))).code).toBe("CONFLICT");
  });
});
