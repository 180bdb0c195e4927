// Meeting reminders with a fixed clock (SPEC section 6): a job for the day before (and the morning,
// for whoever asks) is set when a meeting gets its time; each is sent once; a moved meeting's old
// reminder and a cancelled meeting's reminder are not sent; a person who wants none gets none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../src/services/jobs";
import { relationshipHandlers } from "../src/services/relationships/jobs";
import { reminderTimes } from "../src/services/relationships/reminders";
import { relationshipWorld } from "./relationship-support";
import { failure } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
const hour = 3_600_000;

beforeAll(async () => {
  world = await relationshipWorld({ people: ["ava", "ben", "cara", "dev"] });
});
afterAll(() => world.env.close());

const runJobs = () =>
  runDueJobs(world.env.db, {
    handlers: relationshipHandlers(world.env.db, { mailer: world.env.deps.mailer, publicUrl: world.env.deps.publicUrl, now: world.env.deps.now }),
    now: world.env.deps.now!(),
  });
const reminders = async (email: string) => (await world.mailTo(email)).filter((m) => /^Reminder: mentoring meeting/.test(m.subject));
const moveTo = (at: Date) => world.env.setNow(at);

describe("reminders before a meeting", () => {
  it("are due 24 hours before and at 07:00 London time on the day", () => {
    const times = reminderTimes(new Date("2027-07-01T13:30:00Z"));
    expect(times.day_before.toISOString()).toBe("2027-06-30T13:30:00.000Z");
    expect(times.morning.toISOString()).toBe("2027-07-01T06:00:00.000Z");
  });

  it("go once the day before to each member who wants them, and on the morning only to who asked", async () => {
    expect(await world.caller("ava").reminders.preferences()).toEqual({ channel: "email", morning: false });
    await world.caller("ava").reminders.setPreferences({ channel: "email", morning: true });
    expect((await failure(world.caller("ava").reminders.setPreferences({ channel: "pigeon" as "email", morning: true }))).message).toMatch(/Choose email, a notification, both or no reminders/);
    const schemeId = await world.makeScheme("Coach-mentoring reminders", "coach-mentoring-leaders");
    const rel = await world.matchPair(schemeId, "ava", "ben");
    const on = world.on(rel);
    const { meetingId } = await world.caller("ava").relationships.proposeMeeting({ ...on, times: [world.video(5)] });
    await world.caller("ben").relationships.pickTime({ ...on, meetingId, choice: 0 });
    const startsAt = (await world.caller("ava").relationships.get(on)).meetings[0]!.startsAt!;

    moveTo(new Date(startsAt.getTime() - 25 * hour));
    await runJobs();
    expect(await reminders("ava@trust.org")).toHaveLength(0);

    moveTo(new Date(startsAt.getTime() - 24 * hour + 60_000));
    await runJobs();
    await runJobs();
    expect((await reminders("ava@trust.org")).map((m) => m.subject)).toEqual([expect.stringMatching(/tomorrow at 10:00/)]);
    expect(await reminders("ben@trust.org")).toHaveLength(1);
    // No names and nothing the pair keep in the reminder.
    expect((await reminders("ben@trust.org"))[0]!.textBody).not.toMatch(/meet\.example\.org|Dr Ava/);

    moveTo(new Date(startsAt.getTime() - 2 * hour));
    await runJobs();
    expect((await reminders("ava@trust.org")).map((m) => m.subject)).toContainEqual(expect.stringMatching(/today at 10:00/));
    expect(await reminders("ava@trust.org")).toHaveLength(2);
    expect(await reminders("ben@trust.org")).toHaveLength(1);
  });

  it("are not sent for the old time of a moved meeting, nor for a cancelled one; none for who wants none", async () => {
    await world.caller("dev").reminders.setPreferences({ channel: "none", morning: false });
    const schemeId = await world.makeScheme("Coach-mentoring moved", "coach-mentoring-leaders");
    const rel = await world.matchPair(schemeId, "cara", "dev");
    const on = world.on(rel);
    const { meetingId } = await world.caller("cara").relationships.proposeMeeting({ ...on, times: [world.video(3)] });
    await world.caller("dev").relationships.pickTime({ ...on, meetingId, choice: 0 });
    const first = (await world.caller("cara").relationships.get(on)).meetings[0]!.startsAt!;
    // Moved two days later: the reminder for the first time must not go.
    await world.caller("cara").relationships.reschedule({ ...on, meetingId, time: { ...world.at(5), minutes: 60, mode: "video", link: "https://meet.example.org/q" } });
    moveTo(new Date(first.getTime() - 23 * hour));
    await runJobs();
    expect(await reminders("cara@trust.org")).toHaveLength(0);
    const moved = (await world.caller("cara").relationships.get(on)).meetings[0]!.startsAt!;
    moveTo(new Date(moved.getTime() - 23 * hour));
    await runJobs();
    expect(await reminders("cara@trust.org")).toHaveLength(1);
    expect(await reminders("dev@trust.org")).toHaveLength(0);

    // A meeting cancelled before its reminder is due sends nothing.
    world.env.advance(24 * hour);
    const next = await world.caller("cara").relationships.proposeMeeting({ ...on, times: [world.video(4)] });
    await world.caller("dev").relationships.pickTime({ ...on, meetingId: next.meetingId, choice: 0 });
    const nextAt = (await world.caller("cara").relationships.get(on)).meetings.find((m) => m.id === next.meetingId)!.startsAt!;
    await world.caller("cara").relationships.cancelMeeting({ ...on, meetingId: next.meetingId });
    moveTo(new Date(nextAt.getTime() - 23 * hour));
    await runJobs();
    expect(await reminders("cara@trust.org")).toHaveLength(1);
  });
});
