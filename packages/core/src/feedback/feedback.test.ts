import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { schemeTemplates } from "../rules/templates";
import { checkAnswers, keptAnswers } from "./answers";
import { mentorOwnFeedback, summariseFeedback } from "./aggregate";
import { askedRoles, feedbackDue } from "./due";
import { outcomeDue, scoreOutcome } from "./outcomes";

const rules = SchemeRules.parse({ feedback: { endOfRelationship: [
  { id: "useful", label: "How useful was mentoring?", kind: "likert", required: true },
  { id: "changed", label: "What changed?", kind: "free_text" },
  { id: "better", label: "What could be better?", kind: "free_text" },
] } });
const questions = rules.feedback.endOfRelationship;
const response = (n: number, useful: number, changed = "", better = "") => ({ id: `r${n}`, answers: { useful, ...(changed ? { changed } : {}), ...(better ? { better } : {}) } });

describe("answers", () => {
  it("needs required answers, the right kind of answer, and only the scheme's questions", () => {
    expect(checkAnswers(questions, {})).toEqual([{ path: "answers.useful", message: 'Answer "How useful was mentoring?"' }]);
    expect(checkAnswers(questions, { useful: "very", changed: 3, stranger: "x" })).toEqual([
      { path: "answers.stranger", message: "Answer the scheme's own questions" },
      { path: "answers.useful", message: 'Choose a rating from 1 to 5 for "How useful was mentoring?"' },
      { path: "answers.changed", message: 'Write your answer to "What changed?" as text' },
    ]);
    expect(checkAnswers(questions, { useful: 4, better: "" })).toEqual([]);
    expect(keptAnswers(questions, { useful: 4, better: "", stranger: "x" })).toEqual({ useful: 4 });
  });
});

describe("what a coordinator sees", () => {
  it("shows only the count below the threshold, then ratings and whole free-text sets", () => {
    const four = [response(1, 5, "More confident"), response(2, 4), response(3, 3, "", "More time"), response(4, 5, "Better rota", "Earlier start")];
    const below = summariseFeedback({ questions, responses: four, threshold: 5, salt: "round-1" });
    expect(below).toMatchObject({ responses: 4, shown: false, freeText: [], ratings: [{ questionId: "useful", answered: 4, mean: null, distribution: null }] });
    const five = summariseFeedback({ questions, responses: [...four, response(5, 2, "Nothing much")], threshold: 5, salt: "round-1" });
    expect(five.shown).toBe(true);
    expect(five.ratings[0]).toMatchObject({ answered: 5, mean: 3.8, distribution: [0, 1, 1, 1, 2] });
    // Whole sets: one person's two answers stay together, so they cannot be lined up with others'.
    expect(five.freeText).toContainEqual([{ question: "What changed?", answer: "Better rota" }, { question: "What could be better?", answer: "Earlier start" }]);
    expect(five.freeText.flat()).toHaveLength(5);
  });

  it("orders free text by neither time nor id, the same way each time", () => {
    const many = Array.from({ length: 12 }, (_, i) => response(i, 4, `answer ${i}`));
    const a = summariseFeedback({ questions, responses: many, threshold: 5, salt: "s" }).freeText.map((s) => s[0]!.answer);
    const b = summariseFeedback({ questions, responses: [...many].reverse(), threshold: 5, salt: "s" }).freeText.map((s) => s[0]!.answer);
    expect(a).toEqual(b);
    expect(a).not.toEqual(many.map((r) => r.answers.changed));
  });

  it("hides a rating question answered by fewer than the threshold even when there are enough responses", () => {
    const responses = [response(1, 5), ...Array.from({ length: 5 }, (_, i) => ({ id: `x${i}`, answers: { changed: "y" } }))];
    expect(summariseFeedback({ questions, responses, threshold: 5, salt: "" }).ratings[0]).toMatchObject({ answered: 1, mean: null });
  });
});

describe("what a mentor sees of their own feedback", () => {
  it("nothing until it covers the threshold of different mentees, and never free text", () => {
    const byMentee = (mentee: string, n: number) => ({ ...response(n, 4, "kind words"), menteePersonId: mentee });
    const four = ["a", "b", "c", "d"].map((m, i) => byMentee(m, i));
    expect(mentorOwnFeedback({ questions, responses: [...four, byMentee("d", 9)], threshold: 5 })).toMatchObject({ mentees: 4, shown: false, ratings: [{ mean: null }] });
    const five = mentorOwnFeedback({ questions, responses: [...four, byMentee("e", 5)], threshold: 5 });
    expect(five).toMatchObject({ mentees: 5, shown: true, ratings: [{ mean: 4 }] });
    expect(JSON.stringify(five)).not.toContain("kind words");
  });
});

describe("when feedback is due", () => {
  const plan = { held: 3, max: 6, endsBy: null };
  it.each(schemeTemplates.map((t) => [t.id, t.rules] as const))("%s: at the end after a meeting, and at the midpoint only where set", (_id, r) => {
    expect(feedbackDue({ rules: r, plan, status: "closed", startedAt: new Date(0), now: new Date() })).toContain("end");
    expect(feedbackDue({ rules: r, plan: { ...plan, held: 0 }, status: "closed", startedAt: new Date(0), now: new Date() })).not.toContain("end");
    expect(feedbackDue({ rules: r, plan, status: "active", startedAt: new Date(0), now: new Date() }).includes("midpoint")).toBe(r.feedback.midpoint);
    expect(askedRoles(r).includes("mentor")).toBe(r.feedback.askMentors);
  });

  it("finds the midpoint by half the meetings, or half the longest time", () => {
    const mid = SchemeRules.parse({ feedback: { midpoint: true }, meetings: { max: 6 } });
    expect(feedbackDue({ rules: mid, plan: { held: 2, max: 6, endsBy: null }, status: "active", startedAt: new Date(0), now: new Date() })).toEqual([]);
    expect(feedbackDue({ rules: mid, plan: { held: 3, max: 6, endsBy: null }, status: "active", startedAt: new Date(0), now: new Date() })).toEqual(["midpoint"]);
    const timed = SchemeRules.parse({ feedback: { midpoint: true }, relationship: { maxMonths: 12 } });
    const start = new Date("2026-01-01T00:00:00Z");
    const endsBy = new Date("2027-01-01T00:00:00Z");
    expect(feedbackDue({ rules: timed, plan: { held: 1, max: null, endsBy }, status: "active", startedAt: start, now: new Date("2026-06-01T00:00:00Z") })).toEqual([]);
    expect(feedbackDue({ rules: timed, plan: { held: 1, max: null, endsBy }, status: "active", startedAt: start, now: new Date("2026-07-10T00:00:00Z") })).toEqual(["midpoint"]);
  });
});

describe("outcome questionnaires", () => {
  const outcomes = SchemeRules.parse({
    outcomes: {
      enabled: true,
      followUpMonths: 6,
      items: [
        { id: "confidence", label: "Confidence", kind: "likert", instrument: true },
        { id: "leaving", label: "Leaving", kind: "likert", reverse: true, instrument: true },
        { id: "changed", label: "What changed", kind: "free_text" },
      ],
      instrument: { name: "Example scale", scoring: "sum" },
    },
  });

  it("scores higher as better, reversing reversed items, and the instrument only when complete", () => {
    expect(scoreOutcome(outcomes.outcomes, { confidence: 2, leaving: 5, changed: "x" })).toEqual({ items: { confidence: 2, leaving: 1 }, instrument: 3 });
    expect(scoreOutcome(outcomes.outcomes, { confidence: 2 }).instrument).toBeNull();
  });

  it("asks the baseline on joining, the end when it closes, the follow-up months later", () => {
    const closedAt = new Date("2026-01-10T00:00:00Z");
    expect(outcomeDue({ rules: outcomes, answered: [], closedAt: null, now: closedAt })).toBe("baseline");
    expect(outcomeDue({ rules: outcomes, answered: ["baseline"], closedAt: null, now: closedAt })).toBeNull();
    expect(outcomeDue({ rules: outcomes, answered: ["baseline"], closedAt, now: closedAt })).toBe("end");
    expect(outcomeDue({ rules: outcomes, answered: ["baseline", "end"], closedAt, now: new Date("2026-07-01T00:00:00Z") })).toBeNull();
    expect(outcomeDue({ rules: outcomes, answered: ["baseline", "end"], closedAt, now: new Date("2026-07-11T00:00:00Z") })).toBe("follow_up");
    expect(outcomeDue({ rules: SchemeRules.parse({}), answered: [], closedAt: null, now: closedAt })).toBeNull();
  });
});
