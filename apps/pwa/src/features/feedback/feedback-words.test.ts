import { describe, expect, it } from "vitest";
import { matchRoute } from "../../lib/router";
import {
  describeMean,
  feedbackPath,
  feedbackTitle,
  fromAnswers,
  questionnairePath,
  questionnaireTitle,
  ratingHint,
  ratingOptions,
  readAnswers,
  toAnswers,
  type Question,
} from "./feedback-words";

const id = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
const questions: Question[] = [
  { id: "useful", label: "How useful was mentoring to you?", kind: "likert", required: true },
  { id: "again", label: "Would you recommend it?", kind: "yes_no", required: false },
  { id: "changed", label: "What changed?", kind: "free_text", required: false },
];

describe("paths", () => {
  it("round-trip through the router (the email's link is /app/feedback/<request>)", () => {
    expect(matchRoute(feedbackPath(id))).toEqual({ name: "feedback-form", requestId: id });
    expect(matchRoute(questionnairePath(id))).toEqual({ name: "questionnaire", enrolmentId: id });
  });
});

describe("titles", () => {
  it("names each point, and something sensible for one it does not know", () => {
    expect(feedbackTitle("end")).toBe("How did mentoring go?");
    expect(feedbackTitle("midpoint")).toBe("Halfway: how is mentoring going?");
    expect(feedbackTitle("other")).toBe("Feedback on your mentoring");
    expect(questionnaireTitle("baseline")).toMatch(/Before you start/);
    expect(questionnaireTitle("follow_up")).toMatch(/follow-up/);
  });

  it("offers ratings from 1 (lowest) to 5 (highest)", () => {
    expect(ratingOptions.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(ratingHint).toBe("1 is the lowest, 5 the highest");
  });
});

describe("answers", () => {
  it("turns form values into the API's answers, leaving blanks out", () => {
    expect(
      toAnswers(questions, { useful: "4", again: "no", changed: "  More confident  " }),
    ).toEqual({ useful: 4, again: false, changed: "More confident" });
    expect(toAnswers(questions, { useful: "5", again: "yes", changed: " " })).toEqual({
      useful: 5,
      again: true,
    });
    expect(toAnswers(questions, { stranger: "x" })).toEqual({});
  });

  it("starts the form from answers given before", () => {
    expect(fromAnswers(questions, { useful: 3, again: true, changed: "A lot", gone: "x" })).toEqual(
      { useful: "3", again: "yes", changed: "A lot" },
    );
  });

  it("asks for required answers with core's words, on the question's field", () => {
    const read = readAnswers("feedback", questions, { again: "yes" });
    expect(read.answers).toBeUndefined();
    expect(read.errors.summary).toEqual([
      { href: "#feedback-answers-useful", text: 'Answer "How useful was mentoring to you?"' },
    ]);
    expect(readAnswers("feedback", questions, { useful: "2" })).toEqual({
      errors: { fields: {}, summary: [] },
      answers: { useful: 2 },
    });
  });

  it("says a mean rating out of 5", () => {
    expect(describeMean(4.25)).toBe("4.3 out of 5");
    expect(describeMean(null)).toBe("No ratings yet");
  });
});
