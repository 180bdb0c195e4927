// Meeting reminders by web push, against a push service on loopback that decrypts what it gets, as a
// browser would, with a key pair and auth secret made here: the payload says when and nothing else
// (no names, no scheme, no place), carries VAPID, goes once, never for a moved or cancelled
// meeting, never to whoever chose email or nothing; a 410 forgets the browser.
import { execFileSync } from "node:child_process";
import { createECDH, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pushSubscriptions, withPerson } from "@tandem/db";
import { eq } from "drizzle-orm";
// http_ece has no types; decrypt is all this test uses.
// @ts-expect-error untyped module
import ece from "http_ece";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDueJobs } from "../src/services/jobs";
import { createPusher, ensureVapidKeys, vapidPublicKey, vapidSubject } from "../src/services/push";
import { relationshipHandlers } from "../src/services/relationships/jobs";
import { relationshipWorld } from "./relationship-support";
import { browser, failure } from "./support";

const hour = 3_600_000;
const decrypt = (ece as { decrypt: (body: Buffer, params: Record<string, unknown>) => Buffer }).decrypt;

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A browser: its own P-256 key pair and auth secret, and the subscription JSON it would hand over. */
function makeDevice(name: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    name,
    ecdh,
    auth,
    subscription: () => ({
      endpoint: `https://127.0.0.1:${port}/push/${name}`,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
    }),
  };
}
type Device = ReturnType<typeof makeDevice>;

let world: Awaited<ReturnType<typeof relationshipWorld>>;
let server: Server;
let port = 0;
let agent: Agent;
let certDir: string;
const devices = new Map<string, Device>();
const received: Received[] = [];
/** Endpoints the push service says are gone (410). */
const gone = new Set<string>();

beforeAll(async () => {
  certDir = mkdtempSync(path.join(tmpdir(), "tandem-push-"));
  const key = path.join(certDir, "key.pem");
  const cert = path.join(certDir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  const tls = { key: readFileSync(key), cert: readFileSync(cert) };
  // The push service: decrypts each message with the device's keys, as the browser would.
  server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const name = (req.url ?? "").split("/").pop()!;
      if (gone.has(name)) {
        res.writeHead(410).end();
        return;
      }
      const device = devices.get(name);
      if (!device) {
        res.writeHead(404).end();
        return;
      }
      const text = decrypt(Buffer.concat(chunks), { version: "aes128gcm", privateKey: device.ecdh, authSecret: device.auth.toString("base64url") }).toString("utf8");
      received.push({ path: req.url ?? "", headers: req.headers, text });
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  agent = new Agent({ ca: tls.cert });
  world = await relationshipWorld({ people: ["ava", "ben", "cara", "dev", "eve", "fin"], deps: { allowLoopbackPush: true } });
});

afterAll(async () => {
  await world?.env.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  agent?.destroy();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

beforeEach(() => {
  received.length = 0;
});

const subject = vapidSubject({ publicUrl: "http://localhost:3000" });
const runJobs = () =>
  runDueJobs(world.env.db, {
    handlers: relationshipHandlers(world.env.db, {
      mailer: world.env.deps.mailer,
      publicUrl: world.env.deps.publicUrl,
      pusher: createPusher(world.env.db, { subject, agent }),
      now: world.env.deps.now,
    }),
    now: world.env.deps.now!(),
  });
const emailReminders = async (email: string) => (await world.mailTo(email)).filter((m) => /^Reminder: mentoring meeting/.test(m.subject));
const pushesTo = (name: string) => received.filter((r) => r.path === `/push/${name}`);

async function subscribe(person: string, deviceName: string) {
  const device = makeDevice(deviceName);
  devices.set(deviceName, device);
  await world.caller(person).push.subscribe(device.subscription());
  return device;
}

/** A meeting between `mentee` and `mentor` in person at a named place, `days` ahead at 14:00. */
async function arrange(schemeName: string, mentee: string, mentor: string, days = 4) {
  const schemeId = await world.makeScheme(schemeName, "coach-mentoring-leaders");
  const rel = await world.matchPair(schemeId, mentee, mentor);
  const on = world.on(rel);
  const { meetingId } = await world.caller(mentee).relationships.proposeMeeting({ ...on, times: [{ ...world.at(days, "14:00"), minutes: 60, mode: "in_person", place: "Room 4, Elm House" }] });
  await world.caller(mentor).relationships.pickTime({ ...on, meetingId, choice: 0 });
  const startsAt = (await world.caller(mentee).relationships.get(on)).meetings.find((m) => m.id === meetingId)!.startsAt!;
  return { rel, on, meetingId, startsAt };
}

describe("the VAPID key pair", () => {
  it("is made once, whoever asks first and however many ask at once, and only the public key is readable as such", async () => {
    const pairs = await Promise.all([ensureVapidKeys(world.env.db), ensureVapidKeys(world.env.db), ensureVapidKeys(world.env.db)]);
    expect(new Set(pairs.map((p) => `${p.publicKey}:${p.privateKey}`)).size).toBe(1);
    expect(await ensureVapidKeys(world.env.db)).toEqual(pairs[0]);
    expect(Buffer.from(pairs[0]!.publicKey, "base64url")).toHaveLength(65);
    expect(await vapidPublicKey(world.env.db)).toBe(pairs[0]!.publicKey);
    expect(await world.caller("ava").push.publicKey()).toEqual({ publicKey: pairs[0]!.publicKey });
    // The app role reads the pair only through the functions, and cannot replace it.
    await expect(world.env.appSql`select * from tandem_private.vapid_keys`).rejects.toMatchObject({ code: "42501" });
  });

  it("needs a session to read", async () => {
    const signedOut = await browser(world.env.deps).caller();
    expect((await failure(signedOut.push.publicKey())).code).toBe("UNAUTHORIZED");
    expect((await failure(signedOut.push.subscribe(makeDevice("x").subscription()))).code).toBe("UNAUTHORIZED");
  });
});

describe("subscribing a browser", () => {
  it("refuses what is not a push subscription with a clear message", async () => {
    const good = makeDevice("good").subscription();
    const ava = world.caller("ava");
    const cases: [unknown, RegExp][] = [
      [{ ...good, endpoint: "http://push.example.org/x" }, /https/],
      [{ ...good, endpoint: "https://10.0.0.8/x" }, /push service's address/],
      [{ ...good, endpoint: "not a url" }, /https address/],
      [{ ...good, keys: { ...good.keys, p256dh: randomBytes(33).toString("base64url") } }, /uncompressed P-256/],
      [{ ...good, keys: { ...good.keys, auth: "not base64!" } }, /base64url/],
      [{ endpoint: good.endpoint }, /keys/],
    ];
    for (const [input, message] of cases) {
      const error = await failure(ava.push.subscribe(input as typeof good));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(message);
    }
  });

  it("refuses an endpoint on loopback unless the installation allows it", async () => {
    const strict = browser({ ...world.env.deps, allowLoopbackPush: false }, { address: "10.8.0.1" });
    await strict.signIn("ava@trust.org");
    const error = await failure((await strict.caller()).push.subscribe(makeDevice("loop").subscription()));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/push service's address/) });
  });

  it("keeps one row per browser: a browser someone else used before becomes the new person's; unsubscribe forgets it", async () => {
    const shared = await subscribe("eve", "shared");
    await world.caller("fin").push.subscribe(shared.subscription());
    const eveId = world.personId("eve");
    const finId = world.personId("fin");
    expect(await withPerson(world.env.db, eveId, (tx) => tx.select().from(pushSubscriptions))).toEqual([]);
    expect((await withPerson(world.env.db, finId, (tx) => tx.select().from(pushSubscriptions))).map((s) => s.endpoint)).toEqual([shared.subscription().endpoint]);
    // Eve cannot forget Fin's browser by naming it; Fin can.
    await world.caller("eve").push.unsubscribe({ endpoint: shared.subscription().endpoint });
    expect(await withPerson(world.env.db, finId, (tx) => tx.select().from(pushSubscriptions))).toHaveLength(1);
    await world.caller("fin").push.unsubscribe({ endpoint: shared.subscription().endpoint });
    expect(await withPerson(world.env.db, finId, (tx) => tx.select().from(pushSubscriptions))).toEqual([]);
  });
});

describe("meeting reminders by push", () => {
  it("push once, the day before, a message with the time and nothing that names anyone or anywhere", async () => {
    await world.caller("ava").reminders.setPreferences({ channel: "push", morning: false });
    await world.caller("ben").reminders.setPreferences({ channel: "both", morning: false });
    const avaPhone = "ava-phone";
    await subscribe("ava", avaPhone);
    await subscribe("ben", "ben-laptop");
    const { rel, startsAt } = await arrange("Coach-mentoring push", "ava", "ben");

    world.env.setNow(new Date(startsAt.getTime() - 24 * hour + 60_000));
    await runJobs();
    // The push jobs were committed with the reminder's record; they run on the next pass.
    await runJobs();
    await runJobs();
    expect(pushesTo(avaPhone)).toHaveLength(1);
    expect(pushesTo("ben-laptop")).toHaveLength(1);

    const push = pushesTo(avaPhone)[0]!;
    const message = JSON.parse(push.text) as Record<string, string>;
    expect(message).toEqual({ title: "Mentoring meeting tomorrow at 14:00", body: "Open Tandem for the details.", path: `/app/relationships/${rel}`, tag: expect.stringMatching(/^meeting-/) });
    for (const word of [/Ava/i, /Ben/i, /Dr /, /Coach-mentoring/i, /Room 4/, /Elm House/, /trust\.org/]) expect(push.text).not.toMatch(word);
    // Signed with the installation's VAPID key, encrypted for the browser, kept no longer than the meeting is ahead.
    const { publicKey } = await ensureVapidKeys(world.env.db);
    expect(push.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`));
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(Number(push.headers.ttl)).toBeLessThanOrEqual(24 * 3600);
    expect(Number(push.headers.ttl)).toBeGreaterThan(23 * 3600);

    // Push only for Ava; both for Ben.
    expect(await emailReminders("ava@trust.org")).toHaveLength(0);
    expect(await emailReminders("ben@trust.org")).toHaveLength(1);
  });

  it("push nothing for a moved meeting's old time nor for a cancelled meeting; the new time's reminder goes once", async () => {
    await world.caller("cara").reminders.setPreferences({ channel: "push", morning: true });
    await subscribe("cara", "cara-phone");
    const moved = await arrange("Coach-mentoring moved push", "cara", "dev", 3);
    await world.caller("cara").relationships.reschedule({ ...moved.on, meetingId: moved.meetingId, time: { ...world.at(6, "16:30"), minutes: 60, mode: "video", link: "https://meet.example.org/q" } });
    world.env.setNow(new Date(moved.startsAt.getTime() - 23 * hour));
    await runJobs();
    await runJobs();
    expect(pushesTo("cara-phone")).toHaveLength(0);

    const cancelled = await arrange("Coach-mentoring cancelled push", "cara", "eve", 2);
    await world.caller("cara").relationships.cancelMeeting({ ...cancelled.on, meetingId: cancelled.meetingId });
    world.env.setNow(new Date(cancelled.startsAt.getTime() - 1 * hour));
    await runJobs();
    await runJobs();
    expect(pushesTo("cara-phone")).toHaveLength(0);

    const newTime = (await world.caller("cara").relationships.get(moved.on)).meetings.find((m) => m.id === moved.meetingId)!.startsAt!;
    world.env.setNow(new Date(newTime.getTime() - 23 * hour));
    await runJobs();
    await runJobs();
    expect(pushesTo("cara-phone").map((p) => (JSON.parse(p.text) as { title: string }).title)).toEqual(["Mentoring meeting tomorrow at 16:30"]);
  });

  it("push nothing once the meeting is cancelled after the reminder was recorded but before it was pushed", async () => {
    await world.caller("fin").reminders.setPreferences({ channel: "push", morning: false });
    await subscribe("fin", "fin-tablet");
    const meeting = await arrange("Coach-mentoring late cancel", "fin", "ava", 3);
    world.env.setNow(new Date(meeting.startsAt.getTime() - 24 * hour + 60_000));
    // One pass records the reminder and commits its push job, which is not yet run.
    await runDueJobs(world.env.db, {
      handlers: relationshipHandlers(world.env.db, { mailer: world.env.deps.mailer, publicUrl: world.env.deps.publicUrl, now: world.env.deps.now }),
      now: world.env.deps.now!(),
    });
    await world.caller("fin").relationships.cancelMeeting({ ...meeting.on, meetingId: meeting.meetingId });
    await runJobs();
    expect(pushesTo("fin-tablet")).toHaveLength(0);
  });

  it("send no push to who chose email or nothing, and forget a browser the push service says is gone", async () => {
    await world.caller("dev").reminders.setPreferences({ channel: "email", morning: false });
    await world.caller("eve").reminders.setPreferences({ channel: "none", morning: false });
    await subscribe("dev", "dev-phone");
    await subscribe("eve", "eve-phone");
    const quiet = await arrange("Coach-mentoring quiet", "dev", "eve", 3);
    world.env.setNow(new Date(quiet.startsAt.getTime() - 23 * hour));
    await runJobs();
    await runJobs();
    expect(pushesTo("dev-phone")).toHaveLength(0);
    expect(pushesTo("eve-phone")).toHaveLength(0);
    expect((await emailReminders("dev@trust.org")).length).toBeGreaterThan(0);
    expect(await emailReminders("eve@trust.org")).toHaveLength(0);

    // Dev's phone turned notifications off: its push service answers 410, and the row goes.
    await world.caller("dev").reminders.setPreferences({ channel: "push", morning: false });
    gone.add("dev-phone");
    const emailsBefore = (await emailReminders("dev@trust.org")).length;
    const next = await arrange("Coach-mentoring gone", "dev", "fin", 3);
    world.env.setNow(new Date(next.startsAt.getTime() - 23 * hour));
    await runJobs();
    await runJobs();
    expect(pushesTo("dev-phone")).toHaveLength(0);
    const devId = world.personId("dev");
    expect(await withPerson(world.env.db, devId, (tx) => tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.personId, devId)))).toEqual([]);
    // With no device left, the next reminder comes by email rather than not at all.
    expect((await emailReminders("dev@trust.org")).length).toBe(emailsBefore);
    const after = await arrange("Coach-mentoring after gone", "dev", "cara", 3);
    world.env.setNow(new Date(after.startsAt.getTime() - 23 * hour));
    await runJobs();
    expect((await emailReminders("dev@trust.org")).length).toBe(emailsBefore + 1);
  });
});

describe("feedback invitations by push", () => {
  const feedbackPushes = (device: string) => pushesTo(device).filter((p) => JSON.parse(p.text).tag.startsWith("feedback-"));

  it("push the invitation once it is committed, to who takes notifications, saying nothing of who or where", async () => {
    await world.caller("ava").reminders.setPreferences({ channel: "both", morning: false });
    await subscribe("ava", "ava-tablet");
    const schemeId = await world.makeScheme("Coach-mentoring feedback push", "coach-mentoring-leaders");
    const rel = await world.matchPair(schemeId, "ava", "fin");
    await world.holdMeeting(rel, "ava", "fin");
    await world.caller("ava").relationships.withdraw(world.on(rel));
    await runJobs();
    await runJobs();
    const request = (await world.caller("ava").feedback.mine()).find((r) => r.relationshipId === rel)!;
    const pushed = feedbackPushes("ava-tablet");
    expect(pushed).toHaveLength(1);
    expect(JSON.parse(pushed[0]!.text)).toEqual({
      title: "How did mentoring go?",
      body: "Your scheme asks for a few minutes of feedback. Your answers are never shown with your name.",
      path: `/app/feedback/${request.requestId}`,
      tag: `feedback-${request.requestId}`,
    });
    for (const secret of ["Ava", "Fin", "Coach-mentoring", "@"]) expect(pushed[0]!.text).not.toContain(secret);
  });

  it("push nothing once the invitation is answered, nor to someone who chose email", async () => {
    await world.caller("ben").reminders.setPreferences({ channel: "push", morning: false });
    await subscribe("ben", "ben-tablet");
    await world.caller("cara").reminders.setPreferences({ channel: "email", morning: false });
    await subscribe("cara", "cara-tablet");
    const schemeId = await world.makeScheme("Coach-mentoring feedback quiet", "coach-mentoring-leaders");
    const answered = await world.matchPair(schemeId, "ben", "eve");
    const emailOnly = await world.matchPair(schemeId, "cara", "dev");
    for (const [rel, mentee, mentor] of [[answered, "ben", "eve"], [emailOnly, "cara", "dev"]] as const) {
      await world.holdMeeting(rel, mentee, mentor);
      await world.caller(mentee).relationships.withdraw(world.on(rel));
    }
    const request = (await world.caller("ben").feedback.mine()).find((r) => r.relationshipId === answered)!;
    await world.caller("ben").feedback.submit({ organisationId: world.orgId, requestId: request.requestId, answers: { useful: 4 } });
    await runJobs();
    expect(feedbackPushes("ben-tablet")).toEqual([]);
    expect(feedbackPushes("cara-tablet")).toEqual([]);
    expect((await world.mailTo("cara@trust.org")).map((m) => m.subject)).toContainEqual(expect.stringMatching(/how did mentoring go/));
  });
});
