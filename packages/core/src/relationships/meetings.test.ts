import { describe, expect, it } from "vitest";
import { SchemeRules, type SchemeRulesInput } from "../rules/schema";
import { schemeTemplates } from "../rules/templates";
import { meetingGuide, defaultMeetingGuides } from "./guides";
import {
  assignKinds,
  checkMeetingTime,
  kindOfNewMeeting,
  type MeetingFacts,
  meetingPlan,
  modesInWords,
  whyNoMoreMeetings,
} from "./meetings";

const day = 86_400_000;
const start = new Date("2026-01-05T09:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * day);
let counter = 0;
const meeting = (over: Partial<MeetingFacts> = {}): MeetingFacts => {
  counter += 1;
  return { id: `m${String(counter).padStart(3, "0")}`, kind: "regular", status: "scheduled", startsAt: at(counter), minutes: 60, final: false, createdAt: at(0), ...over };
};
const rules = (input: SchemeRulesInput) => SchemeRules.parse(input);

/** Arranges meetings one after another, as a pair would, until the rules refuse one. */
function arrangeAll(r: SchemeRules, options: { limit: number; finalAt?: number }) {
  const meetings: MeetingFacts[] = [];
  for (let i = 0; i < options.limit; i += 1) {
    const final = options.finalAt === i;
    const kind = kindOfNewMeeting(r, meetings, final);
    if (kind === null) break;
    meetings.push(meeting({ kind, status: "held", startsAt: at(30 * (i + 1)), final }));
    if (meetingPlan({ rules: r, meetings, startedAt: start, now: at(1000) }).finished) break;
  }
  return meetings;
}

describe("the meeting rules of every template", () => {
  const templates = schemeTemplates.map((t) => [t.id, t.rules] as const);

  it.each(templates)("%s: the first meeting is the contract where the rules say so", (_id, r) => {
    expect(kindOfNewMeeting(r, [], false)).toBe(r.meetings.firstIsContract ? "contract" : "regular");
  });

  it.each(templates)("%s: the cap is kept, and the last meeting is the review where the rules say so", (_id, r) => {
    const held = arrangeAll(r, { limit: 12 });
    if (r.meetings.max === null) {
      expect(held).toHaveLength(12);
      expect(held.every((m, i) => m.kind === (i === 0 && r.meetings.firstIsContract ? "contract" : "regular"))).toBe(true);
      return;
    }
    expect(held).toHaveLength(r.meetings.max);
    expect(kindOfNewMeeting(r, held, false)).toBeNull();
    expect(held.at(-1)!.kind).toBe(r.meetings.lastIsReview ? "review" : r.meetings.max === 1 && r.meetings.firstIsContract ? "contract" : "regular");
    const plan = meetingPlan({ rules: r, meetings: held, startedAt: start, now: at(1000) });
    expect(plan).toMatchObject({ capReached: true, finished: true, nextKind: null, nextDueAt: null });
    expect(whyNoMoreMeetings(r, plan)).toMatch(/final meeting has been held/);
  });

  it.each(templates)("%s: lengths and ways of meeting follow the rules", (_id, r) => {
    const { min, max } = r.meetings.minutes;
    const check = (minutes: number, mode = r.meetings.modes[0]!) =>
      checkMeetingTime(r, { startsAt: at(10), minutes, mode, place: "Seminar room 2" }, { now: at(0), path: "times.0" });
    expect(check(min)).toEqual([]);
    expect(check(max)).toEqual([]);
    expect(check(min - 1)).toEqual([{ path: "times.0.minutes", message: `Meetings in this scheme last between ${min} and ${max} minutes` }]);
    expect(check(max + 1)[0]?.path).toBe("times.0.minutes");
    for (const mode of ["in_person", "phone", "video"] as const) {
      const problems = check(min, mode);
      if (r.meetings.modes.includes(mode)) expect(problems).toEqual([]);
      else expect(problems).toEqual([{ path: "times.0.mode", message: `This scheme meets ${modesInWords(r.meetings.modes)}` }]);
    }
  });

  it.each(templates)("%s: the guide for each kind of meeting is there", (_id, r) => {
    for (const kind of ["contract", "regular", "review"] as const) expect(meetingGuide(r, kind).length).toBeGreaterThan(100);
  });
});

describe("a six-meeting scheme with a contract and a review (coach-mentoring)", () => {
  const six = rules({ meetings: { max: 6, firstIsContract: true, lastIsReview: true, cadenceWeeks: 4, minutes: { min: 60, max: 120 } } });

  it("goes contract, four regular meetings, review; a seventh cannot be arranged", () => {
    const held = arrangeAll(six, { limit: 7 });
    expect(held.map((m) => m.kind)).toEqual(["contract", "regular", "regular", "regular", "regular", "review"]);
    expect(kindOfNewMeeting(six, held, false)).toBeNull();
  });

  it("makes the meeting marked final the review, and finishes when it is held", () => {
    const held = arrangeAll(six, { limit: 6, finalAt: 2 });
    expect(held.map((m) => m.kind)).toEqual(["contract", "regular", "review"]);
    expect(meetingPlan({ rules: six, meetings: held, startedAt: start, now: at(1000) }).finished).toBe(true);
  });

  it("counts proposed and scheduled meetings towards the cap, but not cancelled or missed ones", () => {
    const five = [meeting({ status: "held", kind: "contract" }), meeting({ status: "held" }), meeting({ status: "held" }), meeting({ status: "scheduled" }), meeting({ status: "proposed" })];
    expect(kindOfNewMeeting(six, five, false)).toBe("review");
    expect(kindOfNewMeeting(six, [...five, meeting({ status: "scheduled" })], false)).toBeNull();
    expect(kindOfNewMeeting(six, [...five, meeting({ status: "cancelled" }), meeting({ status: "missed" })], false)).toBe("review");
  });

  it("re-assigns the kinds of meetings not yet held when an earlier one is cancelled", () => {
    const first = meeting({ status: "scheduled", startsAt: at(10) });
    const second = meeting({ status: "scheduled", startsAt: at(40) });
    expect([...assignKinds(six, [first, second]).values()]).toEqual(["contract", "regular"]);
    const kinds = assignKinds(six, [{ ...first, status: "cancelled" }, second]);
    expect(kinds.get(second.id)).toBe("contract");
    expect(kinds.has(first.id)).toBe(false);
  });

  it("keeps a held meeting's kind", () => {
    const held = meeting({ status: "held", kind: "regular", startsAt: at(1) });
    expect(assignKinds(six, [held]).get(held.id)).toBe("regular");
  });
});

describe("the plan a pair sees", () => {
  const r = rules({ meetings: { max: null, cadenceWeeks: 6 }, matching: { trialMeeting: true }, relationship: { maxMonths: 12 } });

  it("says when the next meeting is due: the cadence after the last held, or after the start", () => {
    expect(meetingPlan({ rules: r, meetings: [], startedAt: start, now: at(1) }).nextDueAt).toEqual(at(42));
    const held = [meeting({ status: "held", kind: "contract", startsAt: at(20) })];
    const plan = meetingPlan({ rules: r, meetings: held, startedAt: start, now: at(21) });
    expect(plan.nextDueAt).toEqual(at(62));
    expect(plan.lastHeldAt).toEqual(at(20));
  });

  it("shows the next scheduled meeting still to come, not one in the past", () => {
    const past = meeting({ status: "scheduled", startsAt: at(5) });
    const soon = meeting({ status: "scheduled", startsAt: at(30) });
    const later = meeting({ status: "scheduled", startsAt: at(60) });
    expect(meetingPlan({ rules: r, meetings: [later, past, soon], startedAt: start, now: at(10) }).nextMeetingAt).toEqual(at(30));
  });

  it("lets either member end after the trial (contract) meeting, and only until another is held", () => {
    const contract = meeting({ status: "held", kind: "contract", startsAt: at(10) });
    expect(meetingPlan({ rules: r, meetings: [], startedAt: start, now: at(1) }).canEndAfterTrial).toBe(false);
    expect(meetingPlan({ rules: r, meetings: [contract], startedAt: start, now: at(11) }).canEndAfterTrial).toBe(true);
    const second = meeting({ status: "held", startsAt: at(50) });
    expect(meetingPlan({ rules: r, meetings: [contract, second], startedAt: start, now: at(51) }).canEndAfterTrial).toBe(false);
    const noTrial = rules({ matching: { trialMeeting: false } });
    expect(meetingPlan({ rules: noTrial, meetings: [contract], startedAt: start, now: at(11) }).canEndAfterTrial).toBe(false);
  });

  it("ends by the scheme's longest relationship, keeping the day of the month where it can", () => {
    expect(meetingPlan({ rules: r, meetings: [], startedAt: new Date("2026-01-31T10:00:00Z"), now: at(1) }).endsBy).toEqual(new Date("2027-01-31T10:00:00Z"));
    const one = rules({ relationship: { maxMonths: 1 } });
    expect(meetingPlan({ rules: one, meetings: [], startedAt: new Date("2026-01-31T10:00:00Z"), now: at(1) }).endsBy).toEqual(new Date("2026-02-28T10:00:00Z"));
    expect(meetingPlan({ rules: rules({}), meetings: [], startedAt: start, now: at(1) }).endsBy).toBeNull();
  });
});

describe("checking a proposed time", () => {
  const r = rules({ meetings: { modes: ["in_person", "video"], minutes: { min: 60, max: 90 } } });

  it("needs a place to meet in person and a time in the future", () => {
    expect(checkMeetingTime(r, { startsAt: at(-1), minutes: 60, mode: "in_person", place: " " }, { now: at(0), path: "time" })).toEqual([
      { path: "time.place", message: "Enter where you will meet" },
      { path: "time.date", message: "Choose a time in the future" },
    ]);
  });

  it("names the ways the scheme meets", () => {
    expect(modesInWords(["in_person", "phone", "video"])).toBe("in person, by phone or by video");
    expect(modesInWords(["video"])).toBe("by video");
  });

  it("uses the scheme's own guide when it has one", () => {
    const own = rules({ meetings: { guides: { contract: "Agree the ground rules over coffee." } } });
    expect(meetingGuide(own, "contract")).toBe("Agree the ground rules over coffee.");
    expect(meetingGuide(own, "review")).toBe(defaultMeetingGuides.review);
  });
});
