// Relationships that go quiet and meetings nobody recorded (SPEC section 6), settled by the daily job
// with a fixed clock: each nudge, warning, close and "did it happen?" goes once, and none goes for a
// relationship that is arranging a meeting or a meeting that was cancelled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireAllDueRequests } from "../src/services/matching/jobs";
import { settleQuietRelationships } from "../src/services/relationships/quiet";
import { relationshipWorld } from "./relationship-support";
import type { TestEnv } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
let env: TestEnv;
const week = 7 * 86_400_000;

beforeAll(async () => {
  world = await relationshipWorld({ people: ["ava", "ben", "cara", "dev", "eve", "finn", "gus", "hal"] });
  env = world.env;
});
afterAll(() => env.close());

const settle = () => settleQuietRelationships(env.db, { now: env.deps.now!(), mailer: env.deps.mailer, publicUrl: env.deps.publicUrl });
const subjects = async (email: string) => (await world.mailTo(email)).map((m) => m.subject);
const count = async (email: string, pattern: RegExp) => (await subjects(email)).filter((s) => pattern.test(s)).length;

describe("a relationship gone quiet", () => {
  let schemeId: string;
  let quiet: string;
  let arranging: string;

  it("nudges both members once, the day the cadence plus two weeks has passed, and not one that is arranging", async () => {
    schemeId = await world.makeScheme("Coach-mentoring, closes stalled", "coach-mentoring-leaders", (rules) => ({
      ...rules,
      relationship: { ...rules.relationship, maxMonths: 24, stalledAfterWeeks: 4, closeWhenStalled: "withdrawn" },
    }));
    quiet = await world.matchPair(schemeId, "ava", "ben");
    arranging = await world.matchPair(schemeId, "cara", "dev");
    // Each meeting is two days ahead at 10:00, and the clock moves three days to hold it.
    await world.holdMeeting(arranging, "cara", "dev");
    await world.holdMeeting(quiet, "ava", "ben");
    // A proposal waiting for a pick means the pair is arranging.
    await world.caller("cara").relationships.proposeMeeting({ ...world.on(arranging), times: [world.video(60)] });

    // Cadence 4 weeks + 2 weeks' grace from Ava and Ben's meeting (yesterday, an hour later in the day): not yet.
    env.advance(6 * week - 86_400_000);
    expect(await settle()).toMatchObject({ nudged: 0 });
    env.advance(2 * 86_400_000);
    expect(await settle()).toMatchObject({ nudged: 1 });
    expect(await count("ava@trust.org", /time to arrange your next meeting/)).toBe(1);
    expect(await count("ben@trust.org", /time to arrange your next meeting/)).toBe(1);
    expect(await settle()).toMatchObject({ nudged: 0 });
    expect(await count("ava@trust.org", /time to arrange your next meeting/)).toBe(1);
    expect(await count("cara@trust.org", /time to arrange/)).toBe(0);
    const list = await world.coordinator.relationships.forScheme({ organisationId: world.orgId, schemeId });
    expect(list.counts.stalled).toBe(0);
  });

  it("shows as stalled to the coordinator after the scheme's weeks, warns the members once, then closes as the scheme says", async () => {
    env.advance(4 * week);
    const list = await world.coordinator.relationships.forScheme({ organisationId: world.orgId, schemeId, stalled: true });
    expect(list.counts.stalled).toBe(1);
    expect(list.relationships.map((r) => [r.id, r.stalled])).toEqual([[quiet, true]]);
    expect(list.relationships[0]!.lastMeetingAt).not.toBeNull();

    expect(await settle()).toMatchObject({ warned: 1, closed: 0 });
    expect(await settle()).toMatchObject({ warned: 0, closed: 0 });
    expect(await count("ben@trust.org", /will close/)).toBe(1);

    env.advance(2 * week);
    expect(await settle()).toMatchObject({ closed: 1 });
    const after = await world.caller("ava").relationships.get(world.on(quiet));
    expect(after).toMatchObject({ status: "closed", closedReason: "withdrawn" });
    expect(await count("ava@trust.org", /has closed/)).toBe(1);
    expect(await settle()).toMatchObject({ closed: 0, warned: 0, nudged: 0 });
    expect((await world.caller("cara").relationships.get(world.on(arranging))).status).toBe("active");
  });
});

describe("a meeting nobody recorded", () => {
  it("asks both members whether it happened, two days after it, once; a cancelled meeting asks nothing", async () => {
    const schemeId = await world.makeScheme("Coach-mentoring, missed checks", "coach-mentoring-leaders");
    const pair = await world.matchPair(schemeId, "eve", "finn");
    const { meetingId } = await world.caller("eve").relationships.proposeMeeting({ ...world.on(pair), times: [world.video(2)] });
    await world.caller("finn").relationships.pickTime({ ...world.on(pair), meetingId, choice: 0 });
    // It starts an hour past this time in two days and lasts an hour: asked two days after its end.
    env.advance(4 * 86_400_000);
    expect(await settle()).toMatchObject({ missedChecks: 0 });
    env.advance(86_400_000);
    expect(await settle()).toMatchObject({ missedChecks: 1 });
    expect(await settle()).toMatchObject({ missedChecks: 0 });
    expect(await count("eve@trust.org", /did your meeting happen/)).toBe(1);
    expect(await count("finn@trust.org", /did your meeting happen/)).toBe(1);

    await world.caller("eve").relationships.recordMeeting({ ...world.on(pair), meetingId, outcome: "held" });
    const next = await world.caller("eve").relationships.proposeMeeting({ ...world.on(pair), times: [world.video(2)] });
    await world.caller("finn").relationships.pickTime({ ...world.on(pair), meetingId: next.meetingId, choice: 0 });
    await world.caller("eve").relationships.cancelMeeting({ ...world.on(pair), meetingId: next.meetingId });
    env.advance(5 * 86_400_000);
    await settle();
    expect(await count("eve@trust.org", /did your meeting happen/)).toBe(1);
  });
});

describe("a request nobody answered", () => {
  it("reminds the mentor once, two days before it passes to the mentee's next choice", async () => {
    const schemeId = await world.makeScheme("Coach-mentoring, request reminders", "coach-mentoring-leaders");
    const mentor = await world.enrol(schemeId, "hal", "mentor");
    await world.enrol(schemeId, "gus", "mentee");
    await world.caller("gus").matching.request({ organisationId: world.orgId, schemeId, mentorEnrolmentIds: [mentor] });
    const request = (await world.caller("hal").matching.mine()).flatMap((o) => o.relationships).find((r) => r.status === "requested")!;
    const expiresAt = request.expiresAt!;
    const expire = () => expireAllDueRequests(env.db, { now: env.deps.now!(), mailer: env.deps.mailer, publicUrl: env.deps.publicUrl });
    env.setNow(new Date(expiresAt.getTime() - 2 * 86_400_000 - 3_600_000));
    expect(await expire()).toMatchObject({ reminded: 0 });
    env.setNow(new Date(expiresAt.getTime() - 2 * 86_400_000 + 3_600_000));
    expect(await expire()).toMatchObject({ reminded: 1, expired: 0 });
    expect(await expire()).toMatchObject({ reminded: 0 });
    expect(await count("hal@trust.org", /waiting for your answer/)).toBe(1);
    expect(await count("gus@trust.org", /waiting for your answer/)).toBe(0);
  });
});
