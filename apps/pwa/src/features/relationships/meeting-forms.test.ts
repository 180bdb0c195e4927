import { describe, expect, it } from "vitest";
import { messages } from "../../lib/form-errors";
import {
  blankTime,
  fieldId,
  mapServerError,
  readAction,
  readNotes,
  readPause,
  readRecord,
  readTime,
  readTimes,
  timeFieldIds,
  timeOf,
  toTimeInput,
  type TimeValues,
} from "./meeting-forms";

const meetingId = "00000000-0000-4000-8000-000000000001";
const person = "00000000-0000-4000-8000-000000000002";
const rules = { minutes: { min: 60, max: 90 }, modes: ["in_person", "phone", "video"] as const };
const good: TimeValues = {
  date: "2030-03-14",
  start: "09:30",
  minutes: "60",
  mode: "phone",
  place: "",
  link: "",
};

describe("field ids", () => {
  it("joins the form's prefix and the API's input path", () => {
    expect(fieldId("propose", "times.0.minutes")).toBe("propose-times-0-minutes");
    expect(fieldId("propose", ["times", 2, "mode"])).toBe("propose-times-2-mode");
    expect(fieldId("move", "time.date")).toBe("move-time-date");
    expect(timeFieldIds("p", "times", 2)).toEqual([
      "p-times-0-date",
      "p-times-0-start",
      "p-times-0-minutes",
      "p-times-0-mode",
      "p-times-0-place",
      "p-times-0-link",
      "p-times-1-date",
      "p-times-1-start",
      "p-times-1-minutes",
      "p-times-1-mode",
      "p-times-1-place",
      "p-times-1-link",
    ]);
    expect(timeFieldIds("m", "time", 1)[0]).toBe("m-time-date");
  });
});

describe("meeting times", () => {
  it("starts a new time at the scheme's shortest meeting, and its only mode when it has one", () => {
    expect(blankTime(rules)).toEqual({
      date: "",
      start: "",
      minutes: "60",
      mode: "",
      place: "",
      link: "",
    });
    expect(blankTime({ minutes: { min: 120 }, modes: ["video"] }).mode).toBe("video");
  });

  it("sends a place only in person and a link only by video", () => {
    expect(
      toTimeInput({ ...good, mode: "in_person", place: " Library ", link: "https://x.example" }),
    ).toEqual({
      date: "2030-03-14",
      start: "09:30",
      minutes: 60,
      mode: "in_person",
      place: "Library",
    });
    expect(
      toTimeInput({ ...good, mode: "video", place: "Library", link: "https://meet.example/abc" }),
    ).toEqual({
      date: "2030-03-14",
      start: "09:30",
      minutes: 60,
      mode: "video",
      link: "https://meet.example/abc",
    });
    expect(toTimeInput({ ...good, minutes: " " }).minutes).toBeUndefined();
  });

  it("reads a meeting's own time in UK wall-clock time, to move it", () => {
    expect(
      timeOf({
        startsAt: new Date("2026-07-14T08:30:00Z"),
        minutes: 90,
        mode: "video",
        place: null,
        link: "https://m.example",
      }),
    ).toEqual({
      date: "2026-07-14",
      start: "09:30",
      minutes: "90",
      mode: "video",
      place: "",
      link: "https://m.example",
    });
  });

  it("checks each time with the API's messages, on the right field, in page order", () => {
    const { errors, times } = readTimes("propose", [
      good,
      { date: "14/03/2030", start: "9.30", minutes: "", mode: "", place: "", link: "" },
    ]);
    expect(times).toBeUndefined();
    expect(errors.summary.map((e) => e.href)).toEqual([
      "#propose-times-1-date",
      "#propose-times-1-start",
      "#propose-times-1-minutes",
      "#propose-times-1-mode",
    ]);
    expect(errors.fields["propose-times-1-date"]).toBe(
      "Enter the date as a real date, like 2026-03-14",
    );
    expect(errors.fields["propose-times-1-minutes"]).toBe(
      "Enter how long the meeting is, in minutes",
    );
    expect(errors.fields["propose-times-1-mode"]).toBe("Choose in person, phone or video");
  });

  it("asks for an empty date or start time, rather than calling it wrong", () => {
    const { errors } = readTimes("propose", [{ ...good, date: " ", start: "" }]);
    expect(errors.fields["propose-times-0-date"]).toBe("Enter the date");
    expect(errors.fields["propose-times-0-start"]).toBe("Enter the start time");
  });

  it("rejects a video link that is not https, and a date that does not exist", () => {
    const { errors } = readTimes("propose", [
      { ...good, mode: "video", link: "meet.example" },
      { ...good, date: "2030-02-30" },
    ]);
    expect(errors.fields["propose-times-0-link"]).toBe(
      "Enter the video link as a web address starting https://",
    );
    expect(errors.fields["propose-times-1-date"]).toMatch(/real date/);
  });

  it("returns what the API takes when the times are fine", () => {
    expect(readTimes("propose", [good])).toEqual({
      errors: { fields: {}, summary: [] },
      times: [toTimeInput(good)],
    });
    expect(readTime("move", { ...good, minutes: "1.5" }).errors.fields["move-time-minutes"]).toBe(
      "Enter the length as a whole number of minutes",
    );
    expect(readTime("move", good).time).toEqual(toTimeInput(good));
  });
});

describe("server errors", () => {
  const badRequest = (
    fieldErrors: Record<string, string[]> | null,
    message = "Meetings in this scheme last between 60 and 90 minutes",
  ) => ({
    message,
    data: { code: "BAD_REQUEST", httpStatus: 400, zodError: null, fieldErrors },
  });
  const order = timeFieldIds("propose", "times", 2);

  it("puts the scheme's rules on the fields they are about", () => {
    const mapped = mapServerError(
      badRequest({
        "times.1.minutes": ["Meetings in this scheme last between 60 and 90 minutes"],
        "times.0.mode": ["This scheme meets in person or by video"],
      }),
      "propose",
      order,
      true,
    );
    expect(mapped.summary).toEqual([
      { href: "#propose-times-0-mode", text: "This scheme meets in person or by video" },
      {
        href: "#propose-times-1-minutes",
        text: "Meetings in this scheme last between 60 and 90 minutes",
      },
    ]);
  });

  it("shows a conflict's own sentence, and says when the API could not be reached", () => {
    const conflict = {
      message:
        "A meeting is already waiting for a time to be picked: pick a time, or cancel it first",
      data: { code: "CONFLICT", httpStatus: 409 },
    };
    expect(mapServerError(conflict, "propose", order, true).summary[0]!.text).toBe(
      conflict.message,
    );
    expect(
      mapServerError(new Error("Failed to fetch"), "propose", order, false).summary[0]!.text,
    ).toBe(messages.offline);
    expect(
      mapServerError({ message: "x", data: { code: "UNAUTHORIZED" } }, "propose", order, true)
        .summary[0]!.text,
    ).toBe(messages.signedOut);
  });

  it("keeps a bad request's sentence when it names no field of the form", () => {
    const mapped = mapServerError(
      badRequest(null, "times.0.date: Enter the date"),
      "propose",
      order,
      true,
    );
    expect(mapped.summary).toEqual([{ href: "#propose-times-0-date", text: "Enter the date" }]);
  });
});

describe("what happened at a meeting", () => {
  it("needs an answer, and a whole number of minutes when held", () => {
    expect(
      readRecord("record", meetingId, { outcome: "", minutes: "60", speakerPersonIds: [] }).errors
        .summary,
    ).toEqual([{ href: "#record-outcome", text: "Choose whether the meeting happened" }]);
    expect(
      readRecord("record", meetingId, { outcome: "held", minutes: "0", speakerPersonIds: [] })
        .errors.fields["record-minutes"],
    ).toBe("Enter the length in minutes");
    expect(
      readRecord("record", meetingId, {
        outcome: "held",
        minutes: "75",
        speakerPersonIds: [person],
      }).input,
    ).toEqual({
      meetingId,
      outcome: "held",
      minutes: 75,
      speakerPersonIds: [person],
    });
  });

  it("sends no length or speakers for a missed meeting", () => {
    expect(
      readRecord("record", meetingId, {
        outcome: "missed",
        minutes: "abc",
        speakerPersonIds: [person],
      }).input,
    ).toEqual({ meetingId, outcome: "missed" });
  });
});

describe("agreed actions, notes and a pause", () => {
  it("needs the action's words; who and when are optional", () => {
    expect(
      readAction("action", { text: "  ", ownerPersonId: "", dueOn: "" }).errors.summary,
    ).toEqual([{ href: "#action-text", text: "Enter the action" }]);
    expect(
      readAction("action", { text: "Talk to the lead", ownerPersonId: "", dueOn: "" }).input,
    ).toEqual({ text: "Talk to the lead", ownerPersonId: null, dueOn: null });
    expect(
      readAction("action", { text: "x", ownerPersonId: person, dueOn: "2026-13-01" }).errors.fields[
        "action-dueOn"
      ],
    ).toMatch(/real date/);
    expect(
      readAction("edit-action", { text: "x".repeat(501), ownerPersonId: "", dueOn: "" }).errors
        .fields["edit-action-text"],
    ).toBe("Keep the action to 500 characters or fewer");
  });

  it("keeps notes within their limit, and an empty text removes them", () => {
    expect(readNotes("notes", meetingId, "  ").input).toEqual({ meetingId, text: "" });
    expect(readNotes("notes", meetingId, "x".repeat(10_001)).errors.fields["notes-text"]).toBe(
      "Keep the notes to 10,000 characters or fewer",
    );
  });

  it("pauses with or without a date to resume", () => {
    expect(readPause("pause", "").input).toEqual({ resumeOn: null });
    expect(readPause("pause", "2030-01-05").input).toEqual({ resumeOn: "2030-01-05" });
    expect(readPause("pause", "soon").errors.fields["pause-resumeOn"]).toMatch(/real date/);
  });
});
