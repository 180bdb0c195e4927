import { describe, expect, it } from "vitest";
import { type CpdEvidence, cpdDocument, cpdHours } from "./cpd";

const evidence: CpdEvidence = {
  person: { name: "Dr Chloe Dunn", email: "chloe@example.org", registrationNumber: "7654321" },
  generatedOn: "2026-12-08",
  schemes: [{ organisationName: "Aire Valley", schemeName: "Coach-mentoring", role: "mentee", since: "2026-09-01", meetingsHeld: 2, hours: 2 }],
  meetings: [
    { organisationName: "Aire Valley", schemeName: "Coach-mentoring", role: "mentee", date: "2026-09-10", hours: 1 },
    { organisationName: "Aire Valley", schemeName: "Coach-mentoring", role: "mentee", date: "2026-10-08", hours: 1 },
  ],
  feedback: [],
  training: [],
  support: [],
  totals: { trainingHours: 0, supportEvents: 0, mentoringMeetings: 0, mentoringHours: 0, mentoredMeetings: 2, mentoredHours: 2 },
};

const headings = (doc: ReturnType<typeof cpdDocument>) => doc.sections.map((s) => s.heading);

describe("the CPD document", () => {
  it("lists a mentee's scheme and meetings by date and length, with no feedback section", () => {
    const doc = cpdDocument(evidence);
    expect(doc.intro).toEqual(["Dr Chloe Dunn, GMC 7654321", "Produced by Tandem on 8 December 2026", "Supporting information for appraisal: continuing professional development."]);
    expect(headings(doc)).toEqual(["Summary", "Schemes and roles", "Meetings held (dates and length only)", "Training", "Support and supervision attended"]);
    expect(doc.sections[1]!.lines).toEqual(["Coach-mentoring, Aire Valley: Mentee since 1 September 2026; 2 meetings held (2 hours)"]);
    expect(doc.sections[2]!.lines).toEqual(["10 September 2026: Coach-mentoring, as mentee (1 hour)", "8 October 2026: Coach-mentoring, as mentee (1 hour)"]);
  });

  it("adds feedback for a mentor (or says when it will come) and chosen reflections under reflective practice", () => {
    const mentor: CpdEvidence = { ...evidence, schemes: [{ ...evidence.schemes[0]!, role: "mentor" }] };
    expect(cpdDocument(mentor).sections.at(-1)).toMatchObject({ heading: "Feedback", lines: [expect.stringMatching(/once enough of them have answered/)] });
    const shown = { ...mentor, feedback: [{ organisationName: "Aire Valley", schemeName: "Coach-mentoring", mentees: 5, ratings: [{ label: "How useful was mentoring?", answered: 5, mean: 4.2 }] }] };
    const doc = cpdDocument(shown, { reflections: [{ writtenOn: "2026-10-09", schemeName: "Coach-mentoring", organisationName: "Aire Valley", meetingOn: "2026-10-08", text: "I listened more than I spoke." }] });
    expect(headings(doc).slice(-2)).toEqual(["Feedback", "Reflective practice"]);
    expect(doc.sections.at(-2)!.lines).toEqual(["Coach-mentoring, Aire Valley: from 5 mentees, shown together", "How useful was mentoring?: 4.2 out of 5 on average (5 answers)"]);
    expect(doc.sections.at(-1)!.entries).toEqual([{ title: "9 October 2026, Coach-mentoring (Aire Valley), about the meeting on 8 October 2026", body: "I listened more than I spoke." }]);
    expect(doc.intro[2]).toBe("Supporting information for appraisal: continuing professional development, feedback and reflective practice.");
    expect(doc.footer).toMatch(/Apart from the reflections chosen above/);
  });

  it("rounds minutes to tenths of an hour", () => {
    expect([cpdHours(90), cpdHours(50), cpdHours(0)]).toEqual([1.5, 0.8, 0]);
  });
});
