import { describe, expect, it } from "vitest";
import { matchRoute } from "../../lib/router";
import {
  describeLength,
  describeNext,
  describeProgress,
  describeState,
  describeWhere,
  formatClock,
  formatMeetingTime,
  hasStarted,
  listNames,
  relationshipPath,
  relationshipsPath,
  splitMeetings,
} from "./relationship-words";

const id = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";

describe("paths", () => {
  it("round-trip through the router, and only a UUID names a relationship", () => {
    expect(matchRoute(relationshipsPath)).toEqual({ name: "relationships" });
    expect(matchRoute(`${relationshipsPath}/`)).toEqual({ name: "relationships" });
    expect(matchRoute(relationshipPath(id))).toEqual({ name: "relationship", relationshipId: id });
    expect(matchRoute(relationshipPath(id.toUpperCase()))).toEqual({
      name: "relationship",
      relationshipId: id,
    });
    expect(matchRoute(`${relationshipsPath}/not-an-id`)).toEqual({ name: "not-found" });
    expect(matchRoute(`${relationshipPath(id)}/more`)).toEqual({ name: "not-found" });
    expect(matchRoute("/app/feedback")).toEqual({ name: "feedback" });
    expect(matchRoute(`/app/feedback/${id}`)).toEqual({ name: "feedback-form", requestId: id });
    expect(matchRoute(`/app/questionnaires/${id}`)).toEqual({
      name: "questionnaire",
      enrolmentId: id,
    });
    expect(matchRoute("/app/questionnaires")).toEqual({ name: "not-found" });
    expect(matchRoute("/app/claims/")).toEqual({ name: "claims" });
  });
});

describe("times", () => {
  it("writes clock times the NHS.UK way", () => {
    expect(formatClock("09:30")).toBe("9:30am");
    expect(formatClock("14:00")).toBe("2pm");
    expect(formatClock("12:00")).toBe("midday");
    expect(formatClock("00:00")).toBe("midnight");
    expect(formatClock("00:15")).toBe("12:15am");
    expect(formatClock("12:05")).toBe("12:05pm");
    expect(formatClock("23:59")).toBe("11:59pm");
  });

  it("says a meeting's day and time in UK time, in summer and winter", () => {
    expect(formatMeetingTime(new Date("2026-07-14T08:30:00Z"))).toBe(
      "Tuesday 14 July 2026 at 9:30am",
    );
    expect(formatMeetingTime(new Date("2026-01-13T14:00:00Z"))).toBe(
      "Tuesday 13 January 2026 at 2pm",
    );
    // Late on Saturday in UTC is already Sunday in a British summer.
    expect(formatMeetingTime(new Date("2026-06-13T23:30:00Z"))).toBe(
      "Sunday 14 June 2026 at 12:30am",
    );
  });

  it("says lengths in hours and minutes", () => {
    expect(describeLength(45)).toBe("45 minutes");
    expect(describeLength(60)).toBe("1 hour");
    expect(describeLength(90)).toBe("1 hour 30 minutes");
    expect(describeLength(120)).toBe("2 hours");
    expect(describeLength(61)).toBe("1 hour 1 minute");
  });

  it("names the place only when meeting in person", () => {
    expect(describeWhere({ mode: "in_person", place: "Harrogate library" })).toBe(
      "In person at Harrogate library",
    );
    expect(describeWhere({ mode: "in_person", place: null })).toBe("In person");
    expect(describeWhere({ mode: "video", place: "ignored" })).toBe("By video");
    expect(describeWhere({ mode: "phone", place: null })).toBe("By phone");
    expect(describeWhere({ mode: "in_person", place: "Harrogate library" }, true)).toBe(
      "in person at Harrogate library",
    );
    expect(describeWhere({ mode: "video", place: null }, true)).toBe("by video");
  });
});

describe("words", () => {
  it("lists names", () => {
    expect(listNames([])).toBe("");
    expect(listNames(["A"])).toBe("A");
    expect(listNames(["A", "B"])).toBe("A and B");
    expect(listNames(["A", "B", "C"])).toBe("A, B and C");
  });

  it("counts meetings against the scheme's cap, or without one", () => {
    expect(describeProgress(0, null)).toBe("No meetings held yet");
    expect(describeProgress(1, null)).toBe("1 meeting held");
    expect(describeProgress(3, undefined)).toBe("3 meetings held");
    expect(describeProgress(2, 6)).toBe("2 of 6 meetings held");
    expect(describeProgress(0, 1)).toBe("0 of 1 meeting held");
  });

  it("says a relationship's state; a missing reason reads as a plain ending", () => {
    const rel = (
      status: string,
      closedReason: string | null = null,
      resumeOn: string | null = null,
    ) => describeState({ status, closedReason, resumeOn }).text;
    expect(rel("active")).toBe("Active");
    expect(rel("paused")).toBe("Paused");
    expect(rel("paused", null, "2026-03-03")).toBe("Paused until 3 March 2026");
    expect(rel("closed", "completed")).toBe("Completed");
    expect(rel("closed", "ended_after_trial")).toBe("Ended after the trial meeting");
    expect(rel("closed", "no_fault_change")).toBe("You asked for a no-fault change");
    expect(rel("closed", "withdrawn")).toBe("Ended: someone withdrew");
    expect(rel("closed", null)).toBe("Ended");
  });
});

const meeting = (id: string, status: string, startsAt: string | null, proposed: string[] = []) => ({
  id,
  status,
  startsAt: startsAt ? new Date(startsAt) : null,
  proposedTimes: proposed.map((t) => ({ startsAt: new Date(t) })),
});

describe("splitMeetings", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  const all = [
    meeting("held-early", "held", "2026-03-01T10:00:00Z"),
    meeting("held-late", "held", "2026-04-01T10:00:00Z"),
    meeting("missed", "missed", "2026-04-15T10:00:00Z"),
    meeting("later", "scheduled", "2026-06-01T10:00:00Z"),
    meeting("soon", "scheduled", "2026-05-02T10:00:00Z"),
    meeting("started", "scheduled", "2026-05-01T11:30:00Z"),
    meeting("proposal", "proposed", null, ["2026-05-20T10:00:00Z", "2026-05-10T10:00:00Z"]),
    meeting("cancelled", "cancelled", "2026-04-20T10:00:00Z"),
  ];

  it("puts the soonest meeting to come first, and the latest past meeting first", () => {
    const split = splitMeetings(all, now);
    expect(split.next?.id).toBe("soon");
    expect(split.upcoming.map((m) => m.id)).toEqual(["soon", "later"]);
    expect(split.toRecord.map((m) => m.id)).toEqual(["started"]);
    expect(split.proposals.map((m) => m.id)).toEqual(["proposal"]);
    expect(split.past.map((m) => m.id)).toEqual(["cancelled", "missed", "held-late", "held-early"]);
  });

  it("has no next meeting when none is to come", () => {
    expect(splitMeetings([meeting("a", "held", "2026-01-01T10:00:00Z")], now).next).toBeNull();
  });

  it("counts a meeting as started from its start time, and only a scheduled one", () => {
    expect(
      hasStarted({ status: "scheduled", startsAt: new Date("2026-05-01T12:00:00Z") }, now),
    ).toBe(true);
    expect(
      hasStarted({ status: "scheduled", startsAt: new Date("2026-05-01T12:00:01Z") }, now),
    ).toBe(false);
    expect(hasStarted({ status: "held", startsAt: new Date("2026-04-01T12:00:00Z") }, now)).toBe(
      false,
    );
    expect(hasStarted({ status: "scheduled", startsAt: null }, now)).toBe(false);
  });
});

describe("describeNext", () => {
  const base = {
    status: "active",
    nextMeetingAt: null,
    nextDueAt: null,
    awaitingMyPick: false,
    promptFirstMeeting: false,
  };

  it("puts a time to pick before anything else, then the next meeting", () => {
    const at = new Date("2026-07-14T08:30:00Z");
    expect(describeNext({ ...base, awaitingMyPick: true, nextMeetingAt: at })).toBe(
      "Times have been proposed: pick the one that suits you",
    );
    expect(describeNext({ ...base, nextMeetingAt: at, promptFirstMeeting: true })).toBe(
      "Next meeting: Tuesday 14 July 2026 at 9:30am",
    );
    expect(describeNext({ ...base, promptFirstMeeting: true })).toBe(
      "You arrange the first meeting: propose up to three times",
    );
    expect(describeNext({ ...base, nextDueAt: new Date("2026-08-01T09:00:00Z") })).toBe(
      "No meeting arranged. The next is due by 1 August 2026",
    );
    expect(describeNext(base)).toBeNull();
  });

  it("says nothing is next in a paused or ended relationship", () => {
    expect(describeNext({ ...base, status: "paused", awaitingMyPick: true })).toBeNull();
    expect(describeNext({ ...base, status: "closed", promptFirstMeeting: true })).toBeNull();
  });
});
