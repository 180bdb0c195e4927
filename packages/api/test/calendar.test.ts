// A meeting as an .ics file: parsed back with an independent iCalendar parser (ical.js), it keeps one
// UID, its SEQUENCE goes up when it moves, a cancelled meeting is a CANCEL, and nothing names who is
// being mentored.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relationshipWorld } from "./relationship-support";
import { browser, failure } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
beforeAll(async () => {
  world = await relationshipWorld({ people: ["ava", "ben", "cara", "dev"] });
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

describe("a private calendar feed", () => {
  it("lists the person's meetings without a session, with names and places only if chosen, and stops at once when replaced or stopped", async () => {
    const schemeId = await world.makeScheme("Coach-mentoring feed", "coach-mentoring-leaders");
    const rel = await world.matchPair(schemeId, "cara", "dev");
    const on = world.on(rel);
    const { meetingId } = await world.caller("cara").relationships.proposeMeeting({ ...on, times: [{ ...world.at(4), minutes: 60, mode: "in_person", place: "Board room, Airedale" }] });
    await world.caller("dev").relationships.pickTime({ ...on, meetingId, choice: 0 });

    expect(await world.caller("cara").calendar.feedStatus()).toMatchObject({ active: false });
    const { url } = await world.caller("cara").calendar.createFeed({ showDetails: false });
    expect(url).toMatch(/^http:\/\/localhost:3000\/calendar\/[a-z2-7]{32}\.ics$/);
    const token = url.split("/").at(-1)!.replace(/\.ics$/, "");
    const anonymous = await browser(world.env.deps).caller();
    const plain = await anonymous.calendar.feed({ token });
    const events = new ICAL.Component(ICAL.parse(plain.content)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.summary, e.location])).toEqual([[`meeting-${meetingId}@tandem`, "Mentoring meeting (in person)", null]]);
    expect(plain.content).not.toMatch(/Dev|Cara|Board room/);

    // Names and places when the person chooses: a new link, and the old one stops at once.
    const detailed = await world.caller("cara").calendar.createFeed({ showDetails: true });
    expect(await failure(anonymous.calendar.feed({ token }))).toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/does not work any more/) });
    const newToken = detailed.url.split("/").at(-1)!.replace(/\.ics$/, "");
    const withNames = new ICAL.Component(ICAL.parse((await anonymous.calendar.feed({ token: newToken })).content)).getFirstSubcomponent("vevent")!;
    expect(new ICAL.Event(withNames)).toMatchObject({ summary: "Mentoring meeting with Dr Dev (in person)", location: "Board room, Airedale" });
    // The other member's feed is theirs: Dev has none.
    expect(await world.caller("dev").calendar.feedStatus()).toMatchObject({ active: false });

    await world.caller("cara").calendar.revokeFeed();
    expect((await failure(anonymous.calendar.feed({ token: newToken }))).code).toBe("NOT_FOUND");
    expect((await failure(anonymous.calendar.feed({ token: "not-a-token" }))).code).toBe("NOT_FOUND");
  });
});

