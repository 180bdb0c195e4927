// A meeting as an .ics file: parsed back with an independent iCalendar parser (ical.js), it keeps one
// UID, its SEQUENCE goes up when it moves, a cancelled meeting is a CANCEL, and nothing names who is
// being mentored.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relationshipWorld } from "./relationship-support";
import { failure } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
beforeAll(async () => {
  world = await relationshipWorld({ people: ["ava", "ben"] });
});
afterAll(() => world.env.close());

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    status: vevent.getFirstPropertyValue("status"),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate(),
    minutes: event.duration.toSeconds() / 60,
    summary: event.summary,
    location: event.location,
    description: event.description,
  };
}

describe("a meeting in a calendar", () => {
  it("downloads once it has a time, keeps its UID when moved (SEQUENCE up) and cancels as the same event", async () => {
    const schemeId = await world.makeScheme("Coach-mentoring calendar", "coach-mentoring-leaders");
    const rel = await world.matchPair(schemeId, "ava", "ben");
    const on = world.on(rel);
    const { meetingId } = await world.caller("ava").relationships.proposeMeeting({ ...on, times: [{ ...world.at(3), minutes: 90, mode: "in_person", place: "Library, Airedale" }] });
    expect(await failure(world.caller("ava").relationships.meetingCalendar({ ...on, meetingId }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/once a time is picked/) });
    await world.caller("ben").relationships.pickTime({ ...on, meetingId, choice: 0 });

    const first = await world.caller("ava").relationships.meetingCalendar({ ...on, meetingId });
    expect(first.filename).toMatch(/^mentoring-meeting-\d{4}-\d{2}-\d{2}\.ics$/);
    const parsed = parse(first.content);
    const startsAt = (await world.caller("ava").relationships.get(on)).meetings[0]!.startsAt!;
    expect(parsed).toMatchObject({ method: "PUBLISH", status: "CONFIRMED", sequence: 0, minutes: 90, summary: "Mentoring meeting (in person)", location: "Library, Airedale" });
    expect(parsed.start.getTime()).toBe(startsAt.getTime());
    // Nobody glancing at a shared calendar learns who is being mentored.
    expect(first.content).not.toMatch(/Ava|Ben|ava@|ben@/);

    await world.caller("ben").relationships.reschedule({ ...on, meetingId, time: { ...world.at(5, "14:30"), minutes: 60, mode: "video", link: "https://meet.example.org/xyz" } });
    const moved = parse((await world.caller("ben").relationships.meetingCalendar({ ...on, meetingId })).content);
    expect(moved).toMatchObject({ uid: parsed.uid, sequence: 1, minutes: 60, summary: "Mentoring meeting (by video)", location: "https://meet.example.org/xyz" });
    expect(moved.start.getTime()).toBeGreaterThan(parsed.start.getTime());

    await world.caller("ava").relationships.cancelMeeting({ ...on, meetingId });
    const cancelled = parse((await world.caller("ava").relationships.meetingCalendar({ ...on, meetingId })).content);
    expect(cancelled).toMatchObject({ uid: parsed.uid, sequence: 2, method: "CANCEL", status: "CANCELLED" });
  });
});
