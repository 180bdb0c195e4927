// A paid GP non-principal cohort from matching to the finance export and the feedback report, over
// a month of the server's time (support/clock.ts). The coordinator matches five locum GPs to two GP
// mentors. One pair meets six times, the mentor claiming £150 for each meeting; a seventh claim (for
// a meeting claimed already) is refused. The coordinator asks about one claim; the mentor answers in
// the app; every claim is approved and exported for finance once, and a second export finds nothing.
// All five mentees end their mentoring and answer the feedback: the coordinator sees no written
// answer after four, and all five, without names, after the fifth.
import type { Browser, Page } from "@playwright/test";
import { followServerClock, resetServerTime, serverNow, setServerTime } from "./support/clock";
import { expect, signInThroughForm, test } from "./support/fixtures";
import { londonClock, signedInPage, trpcMutation, trpcQuery } from "./support/pwa";

const schemeName = "GP non-principal mentoring: 2027 cohort";
const coordinator = "mark.ellison@nidd-wharfe.example.org";
const mentees = ["amy.walsh", "ravi.patel", "kate.holmes", "tom.booth", "lucy.grant"].map(
  (key) => `${key}@nidd-wharfe.example.org`,
);
const question = "Was the fourth meeting by video or in person? Our records need the mode.";
const answer = "By video: we both joined from our surgeries.";
const writtenAnswer = (i: number) => `Cohort mentee ${i + 1}: I now have a plan for my portfolio`;
const day = 86_400_000;

type Mine = {
  id: string;
  organisationId: string;
  schemeName: string;
  status: string;
  others: { name: string }[];
}[];
type Detail = {
  status: string;
  meetings: { id: string; status: string; startsAt: string | null }[];
};
type Claim = { claimId: string; status: string; meetingId?: string };

const state = {
  organisationId: "",
  schemeId: "",
  relationships: [] as { mentee: string; id: string; mentorEmail: string }[],
};

test.describe.configure({ mode: "serial" });
test.afterAll(resetServerTime);

/** The mentor's sign-in address, from the one other member the relationship names. */
function mentorEmailOf(relationship: Mine[number]) {
  return relationship.others[0]!.name === "Dr Helen Marsh"
    ? "helen.marsh@nidd-wharfe.example.org"
    : "owen.price@nidd-wharfe.example.org";
}

async function as(browser: Browser, baseURL: string, email: string) {
  return signedInPage(browser, baseURL, email, { followClock: true });
}

async function ok(page: Page, baseURL: string, path: string, input: unknown) {
  const result = await trpcMutation(page, baseURL, path, input);
  expect(result, path).toEqual({ status: 200, message: null });
}

/** One meeting, as the app sends it: proposed by the mentee in three days, picked and recorded by the mentor. */
async function meet(
  mentee: Page,
  mentor: Page,
  baseURL: string,
  ref: { organisationId: string; relationshipId: string },
) {
  const when = {
    date: londonClock(new Date(serverNow().getTime() + 3 * day)).date,
    start: "14:00",
  };
  await ok(mentee, baseURL, "relationships.proposeMeeting", {
    ...ref,
    times: [{ ...when, minutes: 60, mode: "video" }],
  });
  const proposed = (await trpcQuery<Detail>(mentor, "relationships.get", ref)).meetings.find(
    (m) => m.status === "proposed",
  )!;
  await ok(mentor, baseURL, "relationships.pickTime", {
    ...ref,
    meetingId: proposed.id,
    choice: 0,
  });
  const startsAt = (await trpcQuery<Detail>(mentor, "relationships.get", ref)).meetings.find(
    (m) => m.id === proposed.id,
  )!.startsAt!;
  await setServerTime(new Date(new Date(startsAt).getTime() + 90 * 60_000));
  await ok(mentor, baseURL, "relationships.recordMeeting", {
    ...ref,
    meetingId: proposed.id,
    outcome: "held",
  });
  return proposed.id;
}

test("the coordinator matches the five locum GPs to the two mentors", async ({ page }) => {
  await signInThroughForm(page, coordinator);
  await page.goto("/schemes");
  await page.getByRole("link", { name: schemeName, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: schemeName })).toBeVisible();
  state.schemeId = new URL(page.url()).pathname.split("/")[2]!;
  await page.locator("main").getByRole("link", { name: "Matching", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Matching: ${schemeName}` }),
  ).toBeVisible();
  await page.getByRole("radio", { name: "Automatic" }).check();
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByRole("status")).toHaveText("Finished: 5 of 5 matched.", {
    timeout: 20_000,
  });
  await page.getByRole("button", { name: "Confirm these matches" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    "5 matches confirmed",
  );
});

test("one pair meets six times and the mentor claims for each; a seventh claim is refused", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const mentee = await as(browser, baseURL!, mentees[0]!);
  const mine = (await trpcQuery<Mine>(mentee.page, "relationships.mine")).find(
    (r) => r.schemeName === schemeName,
  )!;
  state.organisationId = mine.organisationId;
  const mentorEmail = mentorEmailOf(mine);
  const mentor = await as(browser, baseURL!, mentorEmail);
  const ref = { organisationId: mine.organisationId, relationshipId: mine.id };
  const meetings: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const meetingId = await meet(mentee.page, mentor.page, baseURL!, ref);
    meetings.push(meetingId);
    await ok(mentor.page, baseURL!, "claims.submit", { ...ref, meetingId, expensesPence: 0 });
  }
  // The sixth meeting was the review: the relationship is complete, and no meeting is left to claim.
  expect((await trpcQuery<Detail>(mentee.page, "relationships.get", ref)).status).toBe("closed");
  const seventh = await trpcMutation(mentor.page, baseURL!, "claims.submit", {
    ...ref,
    meetingId: meetings[3],
    expensesPence: 0,
  });
  expect(seventh.status).toBe(409);
  expect(seventh.message).toMatch(/already been claimed/);
  expect(await trpcQuery<Claim[]>(mentor.page, "claims.mine")).toHaveLength(6);
  state.relationships.push({ mentee: mentees[0]!, id: mine.id, mentorEmail });
  await mentee.close();
  await mentor.close();
});

test("the coordinator queries a claim, the mentor answers in the app, and every claim is approved and exported once", async ({
  page,
  browser,
  baseURL,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  const pair = state.relationships[0]!;
  await followServerClock(page.context());
  await signInThroughForm(page, coordinator);
  await page.goto(`/schemes/${state.schemeId}/claims`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Claims: ${schemeName}` }),
  ).toBeVisible();
  const fourth = page
    .getByRole("region")
    .filter({ has: page.getByRole("heading", { name: /: Meeting on / }) })
    .nth(2);
  await fourth.getByRole("radio", { name: "Ask the mentor a question" }).check();
  await fourth.getByLabel("Message to the mentor").fill(question);
  await fourth.getByRole("button", { name: /^Save decision/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toBeVisible();
  await checkA11y();

  // The mentor is told, and answers in the app.
  const mentor = await as(browser, baseURL!, pair.mentorEmail);
  await mentor.page.goto("/app/claims");
  await expect(mentor.page.getByRole("heading", { level: 1, name: "My claims" })).toBeVisible();
  await expect(mentor.page.locator("main")).toContainText(`The coordinator asks: ${question}`);
  await mentor.page.getByRole("button", { name: /^Answer the question/ }).click();
  await mentor.page.getByLabel("Your answer").fill(answer);
  await mentor.page.getByRole("button", { name: "Send my answer" }).click();
  await expect
    .poll(
      async () =>
        (await trpcQuery<Claim[]>(mentor.page, "claims.mine")).filter((c) => c.status === "queried")
          .length,
    )
    .toBe(0);
  await mentor.close();

  // The coordinator approves all six: the answered one here, the rest as the page would.
  await page.reload();
  const claims = await trpcQuery<{ claims: { id: string; status: string }[] }>(
    page,
    "claims.forScheme",
    {
      organisationId: state.organisationId,
      schemeId: state.schemeId,
    },
  );
  expect(claims.claims).toHaveLength(6);
  for (const claim of claims.claims) {
    await ok(page, baseURL!, "claims.decide", {
      organisationId: state.organisationId,
      claimId: claim.id,
      decision: "approve",
    });
  }
  await page.reload();
  await page.getByRole("button", { name: "Export approved claims" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    "6 approved claims exported",
  );
  await expect(page.locator("main")).toContainText(
    "No approved claims are waiting to be exported.",
  );
  await expect(page.getByRole("button", { name: "Export approved claims" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Exports" }).getByRole("row")).toHaveCount(2);
});

test("five mentees give feedback: written answers appear only with the fifth, without names", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const feedbackPage = async () => {
    await page.goto(`/schemes/${state.schemeId}/feedback`);
    await expect(
      page.getByRole("heading", { level: 1, name: `Feedback: ${schemeName}` }),
    ).toBeVisible();
    return page.locator("main");
  };
  await signInThroughForm(page, coordinator);
  for (let i = 0; i < mentees.length; i += 1) {
    const mentee = await as(browser, baseURL!, mentees[i]!);
    const rel = (await trpcQuery<Mine>(mentee.page, "relationships.mine")).find(
      (r) => r.schemeName === schemeName,
    )!;
    const ref = { organisationId: rel.organisationId, relationshipId: rel.id };
    if (rel.status === "active") {
      // One meeting, then she ends it: feedback is asked for once a meeting was held.
      const mentorEmail = mentorEmailOf(rel);
      const mentor = await as(browser, baseURL!, mentorEmail);
      await meet(mentee.page, mentor.page, baseURL!, ref);
      await mentor.close();
      await ok(mentee.page, baseURL!, "relationships.withdraw", ref);
    }
    const request = (
      await trpcQuery<{ requestId: string; relationshipId: string }[]>(mentee.page, "feedback.mine")
    ).find((r) => r.relationshipId === rel.id)!;
    const form = await trpcQuery<{ questions: { id: string; kind: string }[] }>(
      mentee.page,
      "feedback.form",
      { organisationId: rel.organisationId, requestId: request.requestId },
    );
    const answers = Object.fromEntries(
      form.questions.map((q) => [
        q.id,
        q.kind === "likert" ? 4 : q.kind === "yes_no" ? true : writtenAnswer(i),
      ]),
    );
    await ok(mentee.page, baseURL!, "feedback.submit", {
      organisationId: rel.organisationId,
      requestId: request.requestId,
      answers,
    });
    await mentee.close();

    const main = await feedbackPage();
    if (i < 4) {
      await expect(main).toContainText(
        "Ratings and written answers are shown once at least 5 mentees have answered",
      );
      for (let j = 0; j <= i; j += 1) expect(await page.content()).not.toContain(writtenAnswer(j));
    }
  }
  const main = await feedbackPage();
  await expect(main.getByRole("heading", { name: "Written answers" })).toBeVisible();
  for (let j = 0; j < 5; j += 1) await expect(main).toContainText(writtenAnswer(j));
  for (const name of ["Amy Walsh", "Ravi Patel", "Kate Holmes", "Tom Booth", "Lucy Grant"])
    await expect(main).not.toContainText(name);
});
