// Idempotent participant writes (decision record 016): the outbox's batch, replayed over HTTP 1 to 5
// times at once, makes exactly one change per item; a key still in flight gets 409, a key reused with
// another payload 422; keys are the person's own, and the stored rows are theirs alone to read.
import { and, eq, sql } from "drizzle-orm";
import { agreedActions, idempotencyKeys, meetingNotes, meetings, withTenant } from "@tandem/db";
import superjson from "superjson";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "../src/http";
import { keyLockName } from "../src/idempotency";
import { idempotencyHandlers, sweepIdempotencyKeys } from "../src/services/idempotency-sweep";
import { schedules } from "../src/services/jobs";
import { relationshipWorld } from "./relationship-support";
import { browser, failure, type TestEnv } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
let env: TestEnv;
let orgId: string;
let schemeId: string;
const cookies = new Map<string, string>();
const marker = "CONFIDENTIAL-5d1c";

const mentees = ["amy", "bea", "cal", "dan", "eli", "fay"];
/** Each mentee's own mentor. */
const mentorOf = (mentee: string) => `${mentee}mentor`;

beforeAll(async () => {
  world = await relationshipWorld({ people: [...mentees, ...mentees.map(mentorOf)] });
  ({ env, orgId } = world);
  schemeId = await world.makeScheme("New consultants", "new-consultant", (r) => ({ ...r, notes: { policy: "shared_notes" } }));
  for (const key of mentees) {
    const client = browser(env.deps, { address: `198.51.100.${cookies.size + 1}` });
    await client.signIn(`${key}@trust.org`);
    cookies.set(key, client.cookieHeader());
  }
}, 120_000);
afterAll(() => env.close());

type Item = { path: string; input: Record<string, unknown> };
type Outcome = { ok: true; data: unknown } | { ok: false; code: string; httpStatus: number; idempotency: string | null; message: string };

/** One tRPC HTTP batch as the PWA sends it: several mutations, each with its own key. */
async function sendBatch(person: string, items: Item[]): Promise<Outcome[]> {
  const url = `http://localhost:3000/api/trpc/${items.map((i) => i.path).join(",")}?batch=1`;
  const body = Object.fromEntries(items.map((item, index) => [String(index), superjson.serialize(item.input)]));
  const response = await handleTrpcRequest(
    env.deps,
    new Request(url, { method: "POST", headers: { "content-type": "application/json", cookie: cookies.get(person)! }, body: JSON.stringify(body) }),
    { address: "198.51.100.200" },
  );
  const parsed = (await response.json()) as ({ result: { data: { json: unknown; meta?: unknown } } } | { error: { json: { message: string; data: { code: string; httpStatus: number; idempotency: string | null } } } })[];
  return parsed.map((entry) =>
    "result" in entry
      ? { ok: true as const, data: superjson.deserialize(entry.result.data as Parameters<typeof superjson.deserialize>[0]) }
      : { ok: false as const, code: entry.error.json.data.code, httpStatus: entry.error.json.data.httpStatus, idempotency: entry.error.json.data.idempotency, message: entry.error.json.message },
  );
}

/** A pair with one meeting arranged and now past, ready to record as held. */
async function pairWithPastMeeting(mentee: string) {
  const relationshipId = await world.matchPair(schemeId, mentee, mentorOf(mentee));
  const { meetingId } = await world.caller(mentee).relationships.proposeMeeting({ ...world.on(relationshipId), times: [world.video(1)] });
  await world.caller(mentorOf(mentee)).relationships.pickTime({ ...world.on(relationshipId), meetingId, choice: 0 });
  return { relationshipId, meetingId };
}


function countRows(personId: string, relationshipId: string) {
  return withTenant(env.db, { organisationId: orgId, personId }, async (tx) => ({
    actions: (await tx.select().from(agreedActions).where(eq(agreedActions.relationshipId, relationshipId))).map((a) => a.text).sort(),
    notes: (await tx.select().from(meetingNotes).where(eq(meetingNotes.relationshipId, relationshipId))).length,
    held: (await tx.select().from(meetings).where(and(eq(meetings.relationshipId, relationshipId), eq(meetings.status, "held")))).length,
    keys: (await tx.select().from(idempotencyKeys)).length,
  }));
}

describe("the same batch replayed 1 to 5 times at once", () => {
  const pairs = new Map<string, { relationshipId: string; meetingId: string }>();

  beforeAll(async () => {
    for (const mentee of mentees.slice(0, 5)) pairs.set(mentee, await pairWithPastMeeting(mentee));
    env.advance(2 * 86_400_000);
  }, 120_000);

  it.each([1, 2, 3, 4, 5])("%i at once: exactly one row per item, and every answer is the first one or 409 in flight", async (times) => {
    const mentee = mentees[times - 1]!;
    const { relationshipId, meetingId } = pairs.get(mentee)!;
    const on = world.on(relationshipId);
    const batch: Item[] = [
      { path: "relationships.recordMeeting", input: { ...on, meetingId, outcome: "held", idempotencyKey: uuidv7() } },
      { path: "relationships.addAction", input: { ...on, meetingId, text: `Shadow a rota meeting ${marker}`, idempotencyKey: uuidv7() } },
      { path: "relationships.addAction", input: { ...on, text: `Read the job plan guidance ${marker}`, idempotencyKey: uuidv7() } },
      { path: "relationships.saveNotes", input: { ...on, meetingId, text: `We talked about the first month ${marker}`, idempotencyKey: uuidv7() } },
    ];
    const rounds = await Promise.all(Array.from({ length: times }, () => sendBatch(mentee, batch)));
    for (const round of rounds) {
      for (const outcome of round) {
        if (!outcome.ok) expect(outcome).toMatchObject({ code: "CONFLICT", httpStatus: 409, idempotency: "in_flight" });
      }
    }
    // The outbox keeps what got 409 and sends it again: now every item answers with its first response.
    const settled = await sendBatch(mentee, batch);
    expect(settled.every((o) => o.ok)).toBe(true);
    batch.forEach((_item, index) => {
      for (const round of rounds) {
        const outcome = round[index]!;
        if (outcome.ok) expect(outcome.data).toEqual((settled[index] as { data: unknown }).data);
      }
    });
    expect(settled[0]).toEqual({ ok: true, data: { ok: true, completed: false } });
    expect(await countRows(world.personId(mentee), relationshipId)).toEqual({
      actions: [`Read the job plan guidance ${marker}`, `Shadow a rota meeting ${marker}`],
      notes: 1,
      held: 1,
      keys: 4,
    });
  });
});

describe("the Idempotency-Key rules", () => {
  let relationshipId: string;
  let meetingId: string;

  beforeAll(async () => {
    ({ relationshipId, meetingId } = await pairWithPastMeeting("fay"));
  }, 60_000);

  it("returns the first response to a replay, without making the change again", async () => {
    const key = uuidv7();
    const input = { ...world.on(relationshipId), text: `Book the leadership course ${marker}`, idempotencyKey: key };
    const first = await world.caller("fay").relationships.addAction(input);
    const again = await world.caller("fay").relationships.addAction(input);
    expect(again).toEqual(first);
    const actions = await withTenant(env.db, { organisationId: orgId, personId: world.personId("fay") }, (tx) => tx.select().from(agreedActions).where(eq(agreedActions.relationshipId, relationshipId)));
    expect(actions.filter((a) => a.text === input.text)).toHaveLength(1);
  });

  it("refuses a key reused with another payload, or for another procedure, with 422", async () => {
    const key = uuidv7();
    await world.caller("fay").relationships.addAction({ ...world.on(relationshipId), text: "Ask about study leave", idempotencyKey: key });
    const changed = await sendBatch("fay", [{ path: "relationships.addAction", input: { ...world.on(relationshipId), text: "Ask about annual leave", idempotencyKey: key } }]);
    expect(changed[0]).toMatchObject({ ok: false, code: "UNPROCESSABLE_CONTENT", httpStatus: 422, idempotency: "payload_mismatch" });
    const elsewhere = await sendBatch("fay", [{ path: "relationships.saveNotes", input: { ...world.on(relationshipId), meetingId, text: "Ask about study leave", idempotencyKey: key } }]);
    expect(elsewhere[0]).toMatchObject({ ok: false, httpStatus: 422, idempotency: "payload_mismatch" });
    const actions = await withTenant(env.db, { organisationId: orgId, personId: world.personId("fay") }, (tx) => tx.select().from(agreedActions).where(eq(agreedActions.relationshipId, relationshipId)));
    expect(actions.map((a) => a.text)).not.toContain("Ask about annual leave");
  });

  it("answers 409 while the key's first request is still in flight, and makes no change", async () => {
    const key = uuidv7();
    const fay = world.personId("fay");
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held!: () => void;
    const holding = new Promise<void>((resolve) => (held = resolve));
    // Another request's transaction holding the key, as a first request does until it commits.
    const inFlight = env.ownerSql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${keyLockName({ organisationId: orgId, personId: fay, key })}, 0))`;
      held();
      await released;
    });
    await holding;
    const error = await failure(world.caller("fay").relationships.addAction({ ...world.on(relationshipId), text: "In flight", idempotencyKey: key }));
    release();
    await inFlight;
    expect(error).toMatchObject({ code: "CONFLICT" });
    const outcome = await sendBatch("fay", [{ path: "relationships.addAction", input: { ...world.on(relationshipId), text: "In flight", idempotencyKey: key } }]);
    expect(outcome[0]).toMatchObject({ ok: true });
    const actions = await withTenant(env.db, { organisationId: orgId, personId: fay }, (tx) => tx.select().from(agreedActions).where(eq(agreedActions.text, "In flight")));
    expect(actions).toHaveLength(1);
  });

  it("scopes keys to the person: another member's write with the same key is their own", async () => {
    const key = uuidv7();
    await world.caller("fay").relationships.addAction({ ...world.on(relationshipId), text: "Fay's action", idempotencyKey: key });
    await world.caller(mentorOf("fay")).relationships.addAction({ ...world.on(relationshipId), text: "The mentor's action", idempotencyKey: key });
    const texts = (await world.caller("fay").relationships.get(world.on(relationshipId))).actions!.map((a) => a.text);
    expect(texts).toEqual(expect.arrayContaining(["Fay's action", "The mentor's action"]));
  });

  it("keeps nothing when the write fails, so the same key may run again", async () => {
    const key = uuidv7();
    const input = { ...world.on(relationshipId), text: "Owned by a stranger", ownerPersonId: world.personId("amy"), idempotencyKey: key };
    expect(await failure(world.caller("fay").relationships.addAction(input))).toMatchObject({ code: "BAD_REQUEST" });
    const stored = await withTenant(env.db, { organisationId: orgId, personId: world.personId("fay") }, (tx) => tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)));
    expect(stored).toEqual([]);
  });

  it("refuses a key that is not a UUIDv7 with a clear message", async () => {
    const error = await failure(world.caller("fay").relationships.addAction({ ...world.on(relationshipId), text: "x", idempotencyKey: uuidv4() }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("UUIDv7") });
  });

  it("stores a hash of the request, never its text, and shows the rows to their person alone", async () => {
    const rows = await env.ownerSql`select * from idempotency_keys where person_id = ${world.personId("fay")}`;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(marker);
    expect(JSON.stringify(rows)).not.toContain("study leave");
    // A coordinator's transaction (the organisation and another person) reads zero rows.
    const coordinatorId = (await world.coordinator.me.get())!.person.id;
    const seenByCoordinator = await withTenant(env.db, { organisationId: orgId, personId: coordinatorId }, (tx) => tx.select().from(idempotencyKeys));
    expect(seenByCoordinator).toEqual([]);
    const seenByOrganisation = await withTenant(env.db, { organisationId: orgId }, (tx) => tx.execute(sql`select 1 from idempotency_keys`));
    expect(Array.from(seenByOrganisation)).toEqual([]);
    const own = await withTenant(env.db, { organisationId: orgId, personId: world.personId("fay") }, (tx) => tx.select().from(idempotencyKeys));
    expect(own.length).toBe(rows.length);
  });
});

describe("the daily sweep of stored responses", () => {
  it("removes responses older than 30 days, reads none, and leaves a swept key free to run again", async () => {
    // Eli's pair from the replays above.
    const relationshipId = (await world.caller("eli").relationships.mine()).find((r) => r.status === "active")!.id;
    const key = uuidv7();
    const input = { ...world.on(relationshipId), text: `Swept later ${marker}`, idempotencyKey: key };
    const first = await world.caller("eli").relationships.addAction(input);
    const stored = () => env.ownerSql`select key from idempotency_keys where key = ${key}`;
    const total = async () => Number((await env.ownerSql`select count(*)::int as n from idempotency_keys`)[0]!.n);
    const before = await total();

    // 29 days on: kept, and a replay still answers with the first response.
    env.advance(29 * 86_400_000);
    expect(await sweepIdempotencyKeys(env.db, { now: env.deps.now!() })).toBe(0);
    expect(await stored()).toHaveLength(1);
    expect(await world.caller("eli").relationships.addAction(input)).toEqual(first);

    // The sweep's own path deletes and reads nothing: under its setting a select sees no row.
    const seen = await env.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.idempotency_keys_expire_before', ${new Date(env.deps.now!().getTime() + 86_400_000).toISOString()}, true)`);
      return Array.from(await tx.execute(sql`select key from idempotency_keys`));
    });
    expect(seen).toEqual([]);

    // Two more days: every response older than 30 days goes (this one and the earlier tests'), once.
    env.advance(2 * 86_400_000);
    expect(await sweepIdempotencyKeys(env.db, { now: env.deps.now!() })).toBe(before);
    expect(await stored()).toEqual([]);
    expect(await total()).toBe(0);
    expect(await sweepIdempotencyKeys(env.db, { now: env.deps.now!() })).toBe(0);
    // The key is free again: sending it now is a new change.
    const again = await world.caller("eli").relationships.addAction(input);
    expect(again).not.toEqual(first);
    expect(await stored()).toHaveLength(1);
  });

  it("runs daily as a pg-boss cron job", () => {
    expect(schedules["idempotency.sweep"]).toBe("45 4 * * *");
    expect(Object.keys(idempotencyHandlers(env.db))).toEqual(["idempotency.sweep"]);
  });
});
