// Feedback, outcome questionnaires and mentor claims (SPEC sections 4, 6 and 8): people are asked at
// the end (and midpoint); a coordinator sees summaries, free text only past the threshold; a mentor
// sees their own only across enough mentees; claims are one per held meeting, within the cap,
// decided, and exported for finance once.
import { eq } from "drizzle-orm";
import { feedbackRequests, withTenant } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relationshipWorld } from "./relationship-support";
import { failure } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
const mentees = ["ana", "bo", "cy", "di", "ed", "flo"];
const marker = "WRITTEN-ANSWER-41c2";

beforeAll(async () => {
  world = await relationshipWorld({ people: [...mentees, "mia", "ned", "oli", "pat", "rae"] });
});
afterAll(() => world.env.close());

/** The mentee ends the relationship after one held meeting (by withdrawing): feedback is then due. */
async function endAfterOneMeeting(relationshipId: string, mentee: string, mentor: string) {
  await world.holdMeeting(relationshipId, mentee, mentor);
  await world.caller(mentee).relationships.withdraw(world.on(relationshipId));
}

describe("feedback at the end of a relationship", () => {
  let schemeId: string;
  const requestOf = async (key: string) => (await world.caller(key).feedback.mine()).find((r) => !r.given && r.open)!;

  beforeAll(async () => {
    schemeId = await world.makeScheme("Coach-mentoring", "coach-mentoring-leaders", (r) => ({
      ...r,
      feedback: { ...r.feedback, endOfRelationship: r.feedback.endOfRelationship.map((q) => (q.id === "useful" ? { ...q, required: true } : q)) },
    }));
    const mentor = await world.enrol(schemeId, "mia", "mentor", 5);
    for (const m of mentees.slice(0, 5)) {
      const rel = await world.matchPair(schemeId, m, "mia", { mentorEnrolmentId: mentor });
      await endAfterOneMeeting(rel, m, "mia");
    }
  });

  it("asks each mentee once, by email and in the list of things waiting, not the mentor (the scheme does not ask mentors)", async () => {
    const waiting = await world.caller("ana").feedback.mine();
    expect(waiting).toEqual([expect.objectContaining({ point: "end", given: false, open: true, schemeName: "Coach-mentoring" })]);
    expect((await world.mailTo("ana@trust.org")).map((m) => m.subject)).toContainEqual(expect.stringMatching(/how did mentoring go/));
    expect(await world.caller("mia").feedback.mine()).toEqual([]);
  });

  it("checks the answers against the scheme's questions, and lets the person change theirs until the round closes", async () => {
    const request = await requestOf("ana");
    const form = await world.caller("ana").feedback.form({ organisationId: world.orgId, requestId: request.requestId });
    expect(form.questions.map((q) => [q.id, q.kind, q.required])).toEqual([
      ["useful", "likert", true],
      ["recommend", "likert", false],
      ["changed", "free_text", false],
    ]);
    const missing = await failure(world.caller("ana").feedback.submit({ organisationId: world.orgId, requestId: request.requestId, answers: { changed: "x" } }));
    expect(missing).toMatchObject({ code: "BAD_REQUEST", message: 'Answer "How useful was mentoring to you?"' });
    expect(await failure(world.caller("bo").feedback.form({ organisationId: world.orgId, requestId: request.requestId }))).toMatchObject({ code: "NOT_FOUND" });
    await world.caller("ana").feedback.submit({ organisationId: world.orgId, requestId: request.requestId, answers: { useful: 2, changed: `First thoughts ${marker}` } });
    await world.caller("ana").feedback.submit({ organisationId: world.orgId, requestId: request.requestId, answers: { useful: 5, changed: `More confident in job planning ${marker}` } });
    expect((await world.caller("ana").feedback.form({ organisationId: world.orgId, requestId: request.requestId })).answers).toEqual({ useful: 5, changed: `More confident in job planning ${marker}` });
  });

  it("shows the coordinator a count only, and no free text, until the fifth response", async () => {
    for (const [i, m] of ["bo", "cy", "di"].entries()) {
      const r = await requestOf(m);
      await world.caller(m).feedback.submit({ organisationId: world.orgId, requestId: r.requestId, answers: { useful: 3 + i, recommend: 4, changed: `Answer ${i} ${marker}` } });
    }
    const four = await world.coordinator.feedback.forScheme({ organisationId: world.orgId, schemeId });
    expect(four).toMatchObject({ asked: 5, summary: { responses: 4, shown: false, freeText: [] } });
    expect(four.summary.ratings.every((r) => r.mean === null && r.distribution === null)).toBe(true);
    expect(JSON.stringify(four)).not.toContain(marker);
    const mentorBefore = await world.caller("mia").feedback.aboutMe({ organisationId: world.orgId, schemeId });
    expect(mentorBefore).toMatchObject({ mentees: 4, shown: false });
    // Nor in the mentor's CPD evidence: no aggregate, not even the count, below the threshold.
    const cpdBefore = await world.caller("mia").preparation.cpd();
    expect(cpdBefore.feedback).toEqual([]);
    expect(cpdBefore.totals).toMatchObject({ mentoringMeetings: 5 });

    const last = await requestOf("ed");
    await world.caller("ed").feedback.submit({ organisationId: world.orgId, requestId: last.requestId, answers: { useful: 4, changed: `Fifth ${marker}` } });
    const five = await world.coordinator.feedback.forScheme({ organisationId: world.orgId, schemeId });
    expect(five.summary).toMatchObject({ responses: 5, shown: true });
    expect(five.summary.ratings.find((r) => r.questionId === "useful")).toMatchObject({ answered: 5, mean: 4.2, distribution: [0, 0, 1, 2, 2] });
    expect(five.summary.freeText).toHaveLength(5);
    // No names, ids or emails travel with the answers.
    const text = JSON.stringify(five);
    for (const m of mentees.slice(0, 5)) expect(text).not.toMatch(new RegExp(`Dr ${m[0]!.toUpperCase()}${m.slice(1)}|${m}@trust.org|${world.personId(m)}`, "i"));
    const mentorAfter = await world.caller("mia").feedback.aboutMe({ organisationId: world.orgId, schemeId });
    expect(mentorAfter).toMatchObject({ mentees: 5, shown: true });
    expect(JSON.stringify(mentorAfter)).not.toContain(marker);
    // The same aggregate goes into the mentor's CPD evidence: only ratings enough mentees gave, no text.
    const cpd = await world.caller("mia").preparation.cpd();
    expect(cpd.feedback).toEqual([{ organisationName: expect.any(String), schemeName: "Coach-mentoring", mentees: 5, ratings: [{ label: "How useful was mentoring to you?", answered: 5, mean: 4.2 }] }]);
    const { cpdCsv } = await import("../src/services/preparation/cpd-export");
    expect(cpdCsv(cpd)).toContain(",Coach-mentoring,Mentor,How useful was mentoring to you?,Rating 1 to 5,");
    for (const m of mentees) expect(JSON.stringify(cpd)).not.toMatch(new RegExp(`${m}@trust.org|${world.personId(m)}`));
    expect(JSON.stringify(cpd)).not.toContain(marker);
    // A mentee's evidence holds her own meeting as mentee, no feedback and nothing of the others'.
    const mentee = await world.caller("ana").preparation.cpd();
    expect(mentee).toMatchObject({ feedback: [], totals: { mentoredMeetings: 1, mentoringMeetings: 0 }, schemes: [expect.objectContaining({ role: "mentee", meetingsHeld: 1 })] });
    expect(mentee.meetings).toHaveLength(1);
    // Someone with no part in the scheme gets none of it.
    expect(await world.caller("rae").preparation.cpd()).toMatchObject({ schemes: [], meetings: [], feedback: [] });
  });

  it("refuses changes once the coordinator closes the round", async () => {
    const { roundId } = await world.coordinator.feedback.forScheme({ organisationId: world.orgId, schemeId });
    await world.coordinator.feedback.closeRound({ organisationId: world.orgId, schemeId, roundId: roundId! });
    const given = (await world.caller("ana").feedback.mine())[0]!;
    expect(given).toMatchObject({ given: true, open: false });
    const late = await failure(world.caller("ana").feedback.submit({ organisationId: world.orgId, requestId: given.requestId, answers: { useful: 1 } }));
    expect(late).toMatchObject({ code: "CONFLICT" });
  });
});

describe("midpoint feedback and outcome questionnaires", () => {
  it("asks at the midpoint of a capped scheme, and asks the mentor too where the scheme says so", async () => {
    const schemeId = await world.makeScheme("GP non-principals", "gp-non-principal", (r) => ({ ...r, feedback: { ...r.feedback, midpoint: true, askMentors: true } }));
    const rel = await world.matchPair(schemeId, "flo", "ned");
    for (let i = 0; i < 2; i += 1) await world.holdMeeting(rel, "flo", "ned");
    expect(await world.caller("flo").feedback.mine()).toEqual([]);
    await world.holdMeeting(rel, "flo", "ned");
    const rows = await withTenant(world.env.db, { organisationId: world.orgId }, (tx) => tx.select().from(feedbackRequests).where(eq(feedbackRequests.relationshipId, rel)));
    expect(rows.map((r) => [r.role, r.point]).sort()).toEqual([["mentee", "midpoint"], ["mentor", "midpoint"]]);
  });

  it("asks the baseline on joining, the end questionnaire when the relationship closes, and scores the answers", async () => {
    const schemeId = await world.makeScheme("New consultants", "new-consultant", (r) => ({ ...r, outcomes: { ...r.outcomes, enabled: true } }));
    const rel = await world.matchPair(schemeId, "oli", "pat");
    const due = (await world.caller("oli").feedback.outcomesDue()).find((d) => d.schemeName === "New consultants")!;
    expect(due).toMatchObject({ point: "baseline" });
    expect(due.items.map((i) => i.id)).toEqual(["confidence", "supported", "leaving", "changed"]);
    const wrongPoint = await failure(world.caller("oli").feedback.submitOutcome({ organisationId: world.orgId, enrolmentId: due.enrolmentId, point: "end", answers: {} }));
    expect(wrongPoint.code).toBe("CONFLICT");
    const badRating = await failure(world.caller("oli").feedback.submitOutcome({ organisationId: world.orgId, enrolmentId: due.enrolmentId, point: "baseline", answers: { confidence: 9 } }));
    expect(badRating.code).toBe("BAD_REQUEST");
    await world.caller("oli").feedback.submitOutcome({ organisationId: world.orgId, enrolmentId: due.enrolmentId, point: "baseline", answers: { confidence: 2, leaving: 4 } });
    expect((await world.caller("oli").feedback.outcomesDue()).find((d) => d.schemeName === "New consultants")).toBeUndefined();
    await endAfterOneMeeting(rel, "oli", "pat");
    expect((await world.caller("oli").feedback.outcomesDue()).find((d) => d.schemeName === "New consultants")).toMatchObject({ point: "end" });
  });
});

describe("claims for a GP non-principal's meetings", () => {
  let schemeId: string;
  let relationshipId: string;
  let meetingIds: string[];

  beforeAll(async () => {
    schemeId = await world.makeScheme("Paid mentoring", "gp-non-principal", (r) => ({
      ...r,
      remuneration: { kind: "per_meeting", feePence: 15000, expensesAllowed: true, capMeetings: 6, expensesCapPence: 5000, costCentre: "CC-4410" },
    }));
    relationshipId = await world.matchPair(schemeId, "rae", "mia");
    meetingIds = [];
    for (let i = 0; i < 6; i += 1) meetingIds.push((await world.holdMeeting(relationshipId, "rae", "mia", { final: i === 5 })).meetingId);
  });

  it("lets the mentor claim each held meeting once, at the scheme's fee; the mentee cannot claim", async () => {
    const on = world.on(relationshipId);
    const view = await world.caller("mia").claims.forRelationship(on);
    expect(view).toMatchObject({ remuneration: "per_meeting", feePence: 15000, capMeetings: 6 });
    expect(view.meetings).toHaveLength(6);
    for (const meetingId of meetingIds) await world.caller("mia").claims.submit({ ...on, meetingId, expensesPence: 0 });
    const seventh = await failure(world.caller("mia").claims.submit({ ...on, meetingId: meetingIds[0]!, expensesPence: 0 }));
    expect(seventh).toMatchObject({ code: "CONFLICT", message: "This meeting has already been claimed" });
    expect(await failure(world.caller("rae").claims.forRelationship(on))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks for a receipt with expenses, and keeps expenses within the cap", async () => {
    const other = await world.matchPair(schemeId, "ana", "ned");
    const { meetingId } = await world.holdMeeting(other, "ana", "ned");
    const on = world.on(other);
    expect((await failure(world.caller("ned").claims.submit({ ...on, meetingId, expensesPence: 1200 }))).message).toBe("Upload a receipt for the expenses");
    const { evidenceFileId } = await world.caller("ned").preparation.uploadMyEvidence({ organisationId: world.orgId, filename: "train.pdf", contentBase64: Buffer.from("%PDF-1.4 receipt").toString("base64") });
    expect((await failure(world.caller("ned").claims.submit({ ...on, meetingId, expensesPence: 6000, receiptFileId: evidenceFileId }))).message).toBe("Expenses on a claim are paid up to £50.00");
    await world.caller("ned").claims.submit({ ...on, meetingId, expensesPence: 1200, receiptFileId: evidenceFileId });
  });

  it("queries, answers, approves and exports approved claims once, in finance's layout", async () => {
    const list = await world.coordinator.claims.forScheme({ organisationId: world.orgId, schemeId });
    const mine = list.claims.filter((c) => c.mentorName === "Dr Mia");
    expect(mine).toHaveLength(6);
    expect(JSON.stringify(list)).not.toMatch(/meet\.example|place|link/);
    const [first, ...rest] = mine;
    expect((await failure(world.coordinator.claims.decide({ organisationId: world.orgId, claimId: first!.id, decision: "query" }))).code).toBe("BAD_REQUEST");
    await world.coordinator.claims.decide({ organisationId: world.orgId, claimId: first!.id, decision: "query", message: "Was this the review meeting?" });
    expect((await world.mailTo("mia@trust.org"))[0]!.subject).toMatch(/has a question/);
    expect((await failure(world.coordinator.claims.decide({ organisationId: world.orgId, claimId: first!.id, decision: "approve" }))).code).toBe("CONFLICT");
    await world.caller("mia").claims.answerQuery({ organisationId: world.orgId, claimId: first!.id, answer: "Yes, the sixth was the review." });
    for (const c of [first!, ...rest]) await world.coordinator.claims.decide({ organisationId: world.orgId, claimId: c.id, decision: "approve" });
    const ned = list.claims.find((c) => c.mentorName === "Dr Ned")!;
    await world.coordinator.claims.decide({ organisationId: world.orgId, claimId: ned.id, decision: "reject", message: "Expenses need a ticket, not a card statement" });
    expect((await world.caller("ned").claims.mine())[0]).toMatchObject({ status: "rejected", decisionMessage: "Expenses need a ticket, not a card statement" });

    const batch = await world.coordinator.claims.export({ organisationId: world.orgId, schemeId });
    expect(batch.claimCount).toBe(6);
    expect((await failure(world.coordinator.claims.export({ organisationId: world.orgId, schemeId }))).code).toBe("CONFLICT");
    const csv = await world.coordinator.claims.exportFile({ organisationId: world.orgId, schemeId, exportId: batch.exportId, format: "csv" });
    const lines = Buffer.from(csv.contentBase64, "base64").toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("payee,registration_number,scheme,meeting_date,fee,expenses,cost_centre,approver,approval_date");
    expect(lines).toHaveLength(7);
    expect(lines[1]).toMatch(/^Dr Mia,,Paid mentoring,\d{4}-\d{2}-\d{2},150\.00,0\.00,CC-4410,Tom Whitaker,\d{4}-\d{2}-\d{2}$/);
    const pdf = await world.coordinator.claims.exportFile({ organisationId: world.orgId, schemeId, exportId: batch.exportId, format: "pdf" });
    expect(Buffer.from(pdf.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect((await world.coordinator.claims.forScheme({ organisationId: world.orgId, schemeId })).readyToExport).toBe(0);
  });

  it("gives a job-plan scheme's mentor a statement of recognised time instead", async () => {
    const jobPlan = await world.makeScheme("Job plan mentoring", "new-consultant");
    const rel = await world.matchPair(jobPlan, "bo", "oli");
    await world.holdMeeting(rel, "bo", "oli");
    const view = await world.caller("oli").claims.forRelationship(world.on(rel));
    expect(view).toMatchObject({ remuneration: "job_plan", statement: { meetings: 1, meetingHours: 1 } });
    const meetingId = view.meetings[0]!.meetingId;
    expect((await failure(world.caller("oli").claims.submit({ ...world.on(rel), meetingId, expensesPence: 0 }))).message).toMatch(/job plan/);
  });
});
