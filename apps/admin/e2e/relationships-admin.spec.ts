// Life after a match, from the coordinator's side, in the PCN's unlisted per-meeting pilot scheme. Before anyone is
// matched the relationships list says to run matching; the coordinator matches the pair. The pair
// then meet (a video meeting held, an in-person one arranged) and agree an action, and the mentor
// claims for the held meeting, all through the API as the pair would in the app. The coordinator
// filters the relationships list, opens the pair and sees dates and counts but none of what the
// pair keep (the action, the video link, the place) anywhere in the page, not even in its data;
// feedback has its empty state; a claim is refused without a reason, then approved (the mentor is
// emailed), exported, and downloaded as finance's CSV and the PDF remittance. The mentor cannot
// decide their own claim through the API. When the mentee ends the relationship and gives feedback,
// the coordinator sees it ended and how many answered, but no ratings or written answers below the
// threshold, and closes the round. Axe checks each page; the pages fit a 320px screen.
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resetServerTime, serverNow, setServerTime } from "./support/clock";
import { DEMO_PASSWORD, expect, signInThroughForm, test } from "./support/fixtures";
import { expectNoSidewaysScroll } from "./support/layout";
import { londonWallClock } from "./support/pwa";

const schemeName = "GP non-principal mentoring: locum pilot";
const coordinator = "mark.ellison@nidd-wharfe.example.org";
const mentee = { email: "priya.nair@nidd-wharfe.example.org", name: "Dr Priya Nair" };
const mentor = { email: "jo.sutcliffe@nidd-wharfe.example.org", name: "Dr Jo Sutcliffe" };
const pairName = `${mentee.name} (mentee) and ${mentor.name} (mentor)`;

/** What the pair keep to themselves: none of it may reach the coordinator's pages. */
const actionText = "Draft a portfolio learning plan before the appraisal";
const videoLink = "https://meet.example.org/private-room-4711";
const place = "Room 4 at Wharfedale Medical Practice";
/** A written feedback answer: below the scheme's threshold the coordinator never sees it. */
const feedbackText = "My mentor helped me plan my next portfolio steps";

test.describe.configure({ mode: "serial" });
test.afterAll(resetServerTime);

/** Filled in as the tests go: the first finds the scheme, the second arranges the meetings. */
const found = { schemePath: "", relationshipId: "", heldAt: new Date(0), nextAt: new Date(0) };

const londonDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** A date as the portal writes it: "7 December 2026". */
const longDate = (at: Date) => londonDate.format(at);

type Api = {
  query: <T>(path: string, input?: unknown) => Promise<T>;
  mutate: <T>(path: string, input?: unknown) => Promise<T>;
  /** The raw response of a mutation, for calls that should be refused. */
  post: (path: string, input: unknown) => ReturnType<APIRequestContext["post"]>;
  close: () => Promise<void>;
};

/** Someone signed in through the API in a browser context of their own (tRPC over superjson). */
async function apiAs(browser: Browser, baseURL: string, email: string): Promise<Api> {
  const context = await browser.newContext({ baseURL });
  const request = context.request;
  const post = (path: string, input: unknown) =>
    request.post(`/api/trpc/${path}`, {
      headers: { origin: baseURL, "content-type": "application/json" },
      data: { json: input ?? null },
    });
  const mutate = async <T>(path: string, input?: unknown): Promise<T> => {
    const response = await post(path, input);
    expect(response.ok(), `${path} should succeed: ${await response.text()}`).toBe(true);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
  const query = async <T>(path: string, input?: unknown): Promise<T> => {
    const search = encodeURIComponent(JSON.stringify({ json: input ?? null }));
    const response = await request.get(`/api/trpc/${path}?input=${search}`);
    expect(response.ok(), `${path} should answer: ${await response.text()}`).toBe(true);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
  await mutate("auth.signIn", { email, password: DEMO_PASSWORD });
  return { query, mutate, post, close: () => context.close() };
}

async function organisationOf(api: Api): Promise<string> {
  const me = await api.query<{ memberships: { organisationId: string }[] }>("me.get");
  return me.memberships[0]!.organisationId;
}

async function openScheme(page: Page) {
  await page.goto("/schemes");
  await page.getByRole("link", { name: schemeName, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: schemeName })).toBeVisible();
}

test("before anyone is matched the relationships list says to run matching; the coordinator matches the pair", async ({
  page,
  checkA11y,
}) => {
  await signInThroughForm(page, coordinator);
  await openScheme(page);
  found.schemePath = new URL(page.url()).pathname;
  const links = page.locator("main");
  await expect(links.getByRole("link", { name: "Relationships", exact: true })).toBeVisible();
  await expect(links.getByRole("link", { name: "Feedback", exact: true })).toBeVisible();
  // This scheme pays per meeting, so it has claims.
  await expect(links.getByRole("link", { name: "Claims", exact: true })).toBeVisible();

  await links.getByRole("link", { name: "Relationships", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Relationships: ${schemeName}` }),
  ).toBeVisible();
  await expect(page.locator("main")).toContainText("No one in this scheme has been matched yet.");
  await checkA11y();

  await page.getByRole("link", { name: "go to matching and run it" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Matching: ${schemeName}` }),
  ).toBeVisible();
  await page.getByRole("radio", { name: "Automatic" }).check();
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByRole("status")).toHaveText("Finished: 1 of 1 matched.", {
    timeout: 20_000,
  });
  await page.getByRole("button", { name: "Confirm these matches" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    "1 match confirmed",
  );
});

test("a scheme that does not pay per meeting has no claims link", async ({ page }) => {
  await signInThroughForm(page, coordinator);
  await page.goto("/schemes");
  await page.getByRole("link", { name: "Clinical director mastermind group" }).first().click();
  const main = page.locator("main");
  await expect(main.getByRole("link", { name: "Relationships", exact: true })).toBeVisible();
  await expect(main.getByRole("link", { name: "Claims", exact: true })).toHaveCount(0);
});

test.describe("the pair meet, agree an action and the mentor claims", () => {
  // Nothing is shown in a browser: the pair use the API as the app does.
  test.use({ axeOnFinish: false });

  test("through the API", async ({ browser, baseURL }) => {
    // A meeting can be recorded as held only once it has started: the first is tomorrow, and the
    // server's clock is then moved past it.
    const menteeApi = await apiAs(browser, baseURL!, mentee.email);
    const jo = await apiAs(browser, baseURL!, mentor.email);
    try {
      const organisationId = await organisationOf(menteeApi);
      const mine =
        await menteeApi.query<{ id: string; schemeName: string; status: string }[]>(
          "relationships.mine",
        );
      const relationship = mine.find((r) => r.schemeName === schemeName);
      expect(relationship?.status, "the confirmed match is an active relationship").toBe("active");
      found.relationshipId = relationship!.id;
      const ref = { organisationId, relationshipId: found.relationshipId };

      found.heldAt = new Date(Math.ceil((serverNow().getTime() + 86_400_000) / 60_000) * 60_000);
      const first = await menteeApi.mutate<{ meetingId: string }>("relationships.proposeMeeting", {
        ...ref,
        times: [{ ...londonWallClock(found.heldAt), minutes: 60, mode: "video", link: videoLink }],
      });
      await jo.mutate("relationships.pickTime", { ...ref, meetingId: first.meetingId, choice: 0 });
      await setServerTime(new Date(found.heldAt.getTime() + 65 * 60_000));
      await jo.mutate("relationships.recordMeeting", {
        ...ref,
        meetingId: first.meetingId,
        outcome: "held",
      });
      await jo.mutate("relationships.addAction", {
        ...ref,
        text: actionText,
        meetingId: first.meetingId,
      });

      found.nextAt = new Date(found.heldAt.getTime() + 7 * 86_400_000);
      const second = await menteeApi.mutate<{ meetingId: string }>("relationships.proposeMeeting", {
        ...ref,
        times: [{ ...londonWallClock(found.nextAt), minutes: 60, mode: "in_person", place }],
      });
      await jo.mutate("relationships.pickTime", { ...ref, meetingId: second.meetingId, choice: 0 });

      await jo.mutate("claims.submit", { ...ref, meetingId: first.meetingId, expensesPence: 0 });

      // The pair do keep all of it: what the coordinator must not see is really there.
      const kept = JSON.stringify(await jo.query("relationships.get", ref));
      for (const text of [actionText, videoLink, place]) expect(kept).toContain(text);
    } finally {
      await menteeApi.close();
      await jo.close();
    }
  });
});

test("the coordinator filters the relationships and sees the pair's dates, never what they keep", async ({
  page,
  checkA11y,
  browser,
  baseURL,
}) => {
  expect(found.relationshipId, "the pair met in the test before").not.toBe("");
  await signInThroughForm(page, coordinator);
  await page.goto(`${found.schemePath}/relationships`);

  // Nothing has ended: the filter says so and offers the way back.
  await page.getByLabel("Show relationships that are").selectOption({ label: "Ended (0)" });
  await page.getByRole("button", { name: "Show relationships" }).click();
  await expect(page).toHaveURL(/\?state=closed$/);
  await expect(page.locator("main")).toContainText("No relationships are ended right now.");
  await checkA11y();

  await page.getByLabel("Show relationships that are").selectOption({ label: "Active (1)" });
  await page.getByRole("button", { name: "Show relationships" }).click();
  await expect(page).toHaveURL(/\?state=active$/);
  const table = page.getByRole("table", { name: "Active relationships" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: pairName }) });
  await expect(row).toContainText("Active");
  await expect(row.getByRole("cell").nth(1)).toContainText(longDate(new Date()));
  await expect(row.getByRole("cell").nth(2)).toContainText("1");
  await expect(row.getByRole("cell").nth(3)).toContainText("1");
  await expect(row.getByRole("cell").nth(4)).toContainText(longDate(found.heldAt));
  await expect(row.getByRole("cell").nth(5)).toContainText(longDate(found.nextAt));
  await expect(row.getByRole("cell").nth(6)).toContainText("None");
  for (const text of [actionText, videoLink, place])
    expect(await page.content()).not.toContain(text);
  await checkA11y();
  await expectNoSidewaysScroll(page);

  await row.getByRole("link", { name: pairName }).click();
  await expect(page.getByRole("heading", { level: 1, name: pairName })).toBeVisible();
  const main = page.locator("main");
  await expect(main).toContainText(
    "Notes, agreed actions and reflections are private to the people in this relationship",
  );
  const summary = (key: string) =>
    main.locator(".nhsuk-summary-list__row").filter({ hasText: key });
  await expect(summary("Meetings held")).toContainText("1");
  await expect(summary("Meetings scheduled")).toContainText("1");
  await expect(summary("Last meeting")).toContainText(longDate(found.heldAt));
  await expect(summary("Next meeting")).toContainText(longDate(found.nextAt));
  const meetings = page.getByRole("table", { name: "Meetings" });
  await expect(meetings.getByRole("row").filter({ hasText: "Held" })).toContainText("Video");
  await expect(meetings.getByRole("row").filter({ hasText: "Scheduled" })).toContainText(
    "In person",
  );
  // Neither on the page nor anywhere in what the page was sent.
  const html = await page.content();
  for (const text of [actionText, videoLink, place]) expect(html).not.toContain(text);
  await checkA11y();
  await expectNoSidewaysScroll(page);

  // The API the page reads tells the coordinator no more than the page does.
  const mark = await apiAs(browser, baseURL!, coordinator);
  try {
    const organisationId = await organisationOf(mark);
    const detail = JSON.stringify(
      await mark.query("relationships.forCoordinator", {
        organisationId,
        relationshipId: found.relationshipId,
      }),
    );
    for (const text of [actionText, videoLink, place]) expect(detail).not.toContain(text);
  } finally {
    await mark.close();
  }

  // Another scheme's address does not show this relationship.
  const response = await page.goto(
    `/schemes/00000000-0000-4000-8000-000000000000/relationships/${found.relationshipId}`,
  );
  expect(response?.status()).toBe(404);

  await page.goto(`${found.schemePath}/feedback`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Feedback: ${schemeName}` }),
  ).toBeVisible();
  await expect(page.locator("main")).toContainText("No feedback has been asked for yet.");
  // The test ends on the feedback page: the fixture runs axe on it.
});

test("claims: a rejection needs a reason, the mentor cannot approve their own, the coordinator approves, exports and downloads", async ({
  page,
  checkA11y,
  browser,
  baseURL,
  mailbox,
}) => {
  expect(found.relationshipId, "the mentor claimed in the test before").not.toBe("");
  await signInThroughForm(page, coordinator);
  await openScheme(page);
  await page.locator("main").getByRole("link", { name: "Claims", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Claims: ${schemeName}` }),
  ).toBeVisible();
  const claim = page.getByRole("region", { name: new RegExp(`^${mentor.name}: First meeting`) });
  await expect(claim).toContainText("£150.00");
  await expect(claim).toContainText("Waiting for a decision");
  await checkA11y();
  await expectNoSidewaysScroll(page);

  // Rejecting without a reason is refused, with the NHS error summary linking to the message.
  await claim.getByRole("radio", { name: "Reject" }).check();
  await claim.getByRole("button", { name: /^Save decision/ }).click();
  const errors = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(errors).toContainText("Say why the claim is rejected");
  await errors.getByRole("link", { name: "Say why the claim is rejected" }).click();
  await expect(claim.getByLabel("Message to the mentor")).toBeFocused();
  await checkA11y();

  // The mentor cannot decide their own claim through the API, and the claim is unchanged.
  const jo = await apiAs(browser, baseURL!, mentor.email);
  try {
    const organisationId = await organisationOf(jo);
    const mine = await jo.query<{ claimId: string; status: string }[]>("claims.mine");
    expect(mine).toHaveLength(1);
    const refused = await jo.post("claims.decide", {
      organisationId,
      claimId: mine[0]!.claimId,
      decision: "approve",
    });
    expect(refused.status()).toBe(403);
    expect((await jo.query<{ status: string }[]>("claims.mine"))[0]!.status).toBe("submitted");

    await claim.getByRole("radio", { name: "Approve" }).check();
    await claim.getByRole("button", { name: /^Save decision/ }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
      `Claim from ${mentor.name} approved`,
    );
    expect((await jo.query<{ status: string }[]>("claims.mine"))[0]!.status).toBe("approved");
  } finally {
    await jo.close();
  }
  const told = await mailbox.latestTo(mentor.email, { subject: /your claim is approved/ });
  expect(told.text).toContain("Your claim has been approved and will be paid.");

  await expect(page.locator("main")).toContainText("No claims are waiting for a decision.");
  await page.getByLabel("Show claims that are").selectOption({ label: "Approved" });
  await page.getByRole("button", { name: "Show claims" }).click();
  await expect(page).toHaveURL(/\?status=approved$/);
  const decided = page.getByRole("table", { name: "Decided claims" });
  await expect(decided.getByRole("row").filter({ hasText: mentor.name })).toContainText("Approved");
  await expect(page.locator("main")).toContainText("1 approved claim is ready to export.");
  await checkA11y();

  await page.getByRole("button", { name: "Export approved claims" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    "1 approved claim exported",
  );
  await expect(page.locator("main")).toContainText(
    "No approved claims are waiting to be exported.",
  );
  const exports = page.getByRole("table", { name: "Exports" });
  await expect(exports.getByRole("row")).toHaveCount(2);

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    exports.getByRole("link", { name: /^Download CSV/ }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^claims-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
  const csv = readFileSync((await csvDownload.path())!, "utf8").split("\r\n");
  expect(csv[0]).toBe(
    "payee,registration_number,scheme,meeting_date,fee,expenses,cost_centre,approver,approval_date",
  );
  expect(csv[1]).toMatch(
    new RegExp(
      `^${mentor.name},4590321,${schemeName},\\d{4}-\\d{2}-\\d{2},150\\.00,0\\.00,,Dr Mark Ellison,\\d{4}-\\d{2}-\\d{2}$`,
    ),
  );
  expect(csv.filter(Boolean)).toHaveLength(2);

  const pdfHref = await exports
    .getByRole("link", { name: /^Download remittance PDF/ })
    .getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(
    /^attachment; filename="remittance-[0-9a-f]{8}\.pdf"/,
  );
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoSidewaysScroll(page);
  // The test ends on the claims page after the export: the fixture runs axe on it.
});

test("the mentee ends the relationship and gives feedback: the coordinator sees it ended and how many answered, nothing more below the threshold, and closes the round", async ({
  page,
  checkA11y,
  browser,
  baseURL,
}) => {
  expect(found.relationshipId, "the pair met in an earlier test").not.toBe("");
  const menteeApi = await apiAs(browser, baseURL!, mentee.email);
  try {
    const organisationId = await organisationOf(menteeApi);
    await menteeApi.mutate("relationships.withdraw", {
      organisationId,
      relationshipId: found.relationshipId,
    });
    const asked =
      await menteeApi.query<{ requestId: string; relationshipId: string }[]>("feedback.mine");
    const request = asked.find((r) => r.relationshipId === found.relationshipId);
    expect(
      request,
      "ending a relationship that held a meeting asks the mentee for feedback",
    ).toBeDefined();
    const form = await menteeApi.query<{ questions: { id: string; kind: string }[] }>("feedback.form", {
      organisationId,
      requestId: request!.requestId,
    });
    const answers = Object.fromEntries(
      form.questions.map((q) => [
        q.id,
        q.kind === "likert" ? 4 : q.kind === "yes_no" ? true : feedbackText,
      ]),
    );
    await menteeApi.mutate("feedback.submit", {
      organisationId,
      requestId: request!.requestId,
      answers,
    });
  } finally {
    await menteeApi.close();
  }

  await signInThroughForm(page, coordinator);
  await page.goto(`${found.schemePath}/relationships`);
  await page.getByLabel("Show relationships that are").selectOption({ label: "Ended (1)" });
  await page.getByRole("button", { name: "Show relationships" }).click();
  const row = page
    .getByRole("table", { name: "Ended relationships" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: pairName }) });
  await expect(row).toContainText("Ended");
  await expect(row.getByRole("cell").nth(6)).toHaveText(/Withdrawn$/);

  await page.goto(found.schemePath);
  await page.locator("main").getByRole("link", { name: "Feedback", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Feedback: ${schemeName}` }),
  ).toBeVisible();
  const main = page.locator("main");
  const summary = (key: string) =>
    main.locator(".nhsuk-summary-list__row").filter({ hasText: key });
  await expect(summary("Mentees asked")).toContainText("1");
  await expect(summary("Answered")).toContainText("1");
  await expect(main).toContainText(
    "Ratings and written answers are shown once at least 5 mentees have answered",
  );
  const ratings = page.getByRole("table", { name: "Ratings" });
  await expect(
    ratings.getByRole("row").filter({ hasText: "How useful was mentoring to you?" }),
  ).toContainText("Shown from 5 answers");
  expect(await page.content()).not.toContain(feedbackText);
  await checkA11y();
  await expectNoSidewaysScroll(page);

  await page.getByRole("button", { name: "Close round" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    "Feedback round closed",
  );
  await expect(summary("Round")).toContainText("(closed ");
  await expect(page.getByRole("button", { name: "Close round" })).toHaveCount(0);
  // The test ends on the closed round: the fixture runs axe on it.
});

test.describe("someone who is not a coordinator", () => {
  // The test ends on the 403 page.
  test.use({ axeOnFinish: false });

  test("cannot open the relationships or claims pages, nor a claims export", async ({ page }) => {
    expect(found.schemePath, "the first test found the scheme").not.toBe("");
    await signInThroughForm(page, mentor.email);
    for (const path of [
      "/relationships",
      `/relationships/${found.relationshipId}`,
      "/claims",
      "/feedback",
    ]) {
      const response = await page.goto(`${found.schemePath}${path}`);
      expect(response?.status(), path).toBe(403);
    }
  });
});
