// The matching console end to end: the coordinator sees the pool is ready, runs automatic matching,
// watches it finish, reads the proposals with their explanations, swaps two mentees' mentors and
// runs again (the swap is respected), confirms, and both people of a confirmed pair are emailed; the
// relationships are active on the console. Someone without the coordinator role can neither see the
// console nor start a run through the API.
import type { Locator, Page } from "@playwright/test";
import { DEMO_EMAILS, expect, signInThroughForm, test } from "./support/fixtures";

const schemeName = "Trust-wide consultant mentoring";
const mentors = ["Dr Helen Marsh", "Dr Raj Patel", "Dr Owen Price"];
const mentees = ["Dr Zoe Clarke", "Dr Liam Byrne", "Dr Isla Fraser", "Dr Noah Bennett"];
/** Mentees who work in a mentor's department (the scheme never pairs them). */
const sameDepartment: Record<string, string> = {
  "Dr Zoe Clarke": "Dr Helen Marsh",
  "Dr Liam Byrne": "Dr Raj Patel",
};
const emailOf = (name: string) =>
  `${name.replace(/^Dr /, "").toLowerCase().replace(" ", ".")}@airevalley.example.org`;

test.describe.configure({ mode: "serial" });

/** The console's address, found by the first test and used by the others. */
let consolePath = "";

async function openConsole(page: Page) {
  await page.goto("/schemes");
  await page.getByRole("link", { name: schemeName }).first().click();
  await page.getByRole("link", { name: "Matching", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Matching: ${schemeName}` }),
  ).toBeVisible();
}

/** The run page once its job has finished: the polite status region says so. */
async function waitForRunToFinish(page: Page, notUrl?: string) {
  await expect(page).toHaveURL(
    (url) => /\/matching\/runs\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== notUrl,
  );
  await expect(page.getByRole("status")).toHaveText(
    /^(Step \d of 4: .+|Finished: \d+ of \d+ matched\.)$/,
  );
  await expect(page.getByRole("status")).toHaveText("Finished: 4 of 4 matched.", {
    timeout: 20_000,
  });
  await expect(page.locator("progress")).toHaveCount(0);
}

function proposalRow(page: Page, mentee: string): Locator {
  return page
    .getByRole("table", { name: "Proposed matches" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: mentee }) });
}

/** Who the run proposes for each mentee, read from the proposals table. */
async function proposedMentors(page: Page): Promise<Map<string, string>> {
  const proposed = new Map<string, string>();
  for (const mentee of mentees) {
    const cell = proposalRow(page, mentee).getByRole("cell").first();
    const text = (await cell.innerText()).trim();
    const mentor = mentors.find((name) => text.includes(name));
    expect(mentor, `${mentee} should be proposed a mentor (cell said "${text}")`).toBeDefined();
    proposed.set(mentee, mentor!);
  }
  return proposed;
}

test("the coordinator sees the pool is ready: three mentors, four free places, four mentees waiting", async ({
  page,
}) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await openConsole(page);
  consolePath = new URL(page.url()).pathname;

  const main = page.locator("main");
  await expect(main.locator(".nhsuk-summary-list")).toContainText("Mentors ready");
  await expect(
    main.locator(".nhsuk-summary-list__row").filter({ hasText: "Mentors ready" }),
  ).toContainText("3 of 3");
  await expect(
    main.locator(".nhsuk-summary-list__row").filter({ hasText: "Free places" }),
  ).toContainText("4");
  await expect(
    main.locator(".nhsuk-summary-list__row").filter({ hasText: "Mentees waiting" }),
  ).toContainText("4");
  for (const mentor of mentors) {
    await expect(
      page.getByRole("table", { name: "Mentors" }).getByRole("row").filter({ hasText: mentor }),
    ).toContainText("Ready");
  }
  for (const mentee of mentees)
    await expect(main.getByRole("listitem").filter({ hasText: mentee })).toBeVisible();
  await expect(main).toContainText("No runs yet.");
  await expect(main).toContainText("No one in this scheme has been matched yet.");
  // The page ends here: the fixture runs axe on the console.
});

test.describe("someone without the coordinator role", () => {
  // The test ends on the 403 page; the pages worth checking are the coordinator's.
  test.use({ axeOnFinish: false });

  test("can neither open the console nor start a run", async ({ page, baseURL }) => {
    expect(consolePath, "the first test found the console").not.toBe("");
    await signInThroughForm(page, DEMO_EMAILS.trustParticipant);
    const response = await page.goto(consolePath);
    expect(response?.status()).toBe(403);

    const me = await page.request.get("/api/trpc/me.get");
    const { memberships } = (
      (await me.json()) as {
        result: { data: { json: { memberships: { organisationId: string }[] } } };
      }
    ).result.data.json;
    const organisationId = memberships[0]!.organisationId;
    const schemeId = consolePath.split("/")[2]!;
    const started = await page.request.post("/api/trpc/matching.startRun", {
      headers: { origin: baseURL!, "content-type": "application/json" },
      data: { json: { organisationId, schemeId, mode: "auto", fairness: false, stable: false } },
    });
    expect(started.status()).toBe(403);
    // The next test finds no run on the console: nothing was started.
  });
});

test("allocation: ranked suggestions for each mentee with what forcing a pair costs; an exclusion is listed and removed", async ({
  page,
  checkA11y,
}) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await openConsole(page);
  // The participant in the test before started nothing.
  await expect(page.locator("main")).toContainText("No runs yet.");

  await page.getByRole("radio", { name: "Allocation" }).check();
  await page.getByRole("button", { name: "Start run" }).click();
  await waitForRunToFinish(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allocation run");
  for (const mentee of mentees) {
    const suggestions = page.getByRole("table", { name: mentee });
    await expect(suggestions.getByRole("row").filter({ hasText: "Proposed" })).toHaveCount(1);
    await expect(suggestions.getByRole("row").filter({ hasText: "Proposed" })).toContainText(
      "Nothing: it is in the best allocation",
    );
  }
  const costs = await page
    .getByRole("cell")
    .filter({ hasText: /Forcing this pair costs|Nothing/ })
    .allInnerTexts();
  for (const cost of costs)
    expect(cost).toMatch(
      /(Nothing(: it is in the best allocation)?|Forcing this pair costs \d+ matched \/ \d+\.\d\d score)$/,
    );
  expect(
    costs.some((cost) => cost.includes("Forcing this pair costs")),
    "some pair costs something to force",
  ).toBe(true);
  await checkA11y();

  // Exclude Isla's proposed pair for the next run; the console lists it and can remove it.
  const isla = "Dr Isla Fraser";
  const proposedRow = page
    .getByRole("table", { name: isla })
    .getByRole("row")
    .filter({ hasText: "Proposed" });
  await proposedRow.getByRole("button", { name: /^Exclude / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    /will not be matched in the next run/,
  );
  await expect(page.getByRole("table", { name: isla })).toContainText("Excluded from the next run");
  await checkA11y();

  await page.getByRole("link", { name: "Back to matching" }).click();
  const excluded = page.getByRole("table", { name: "Excluded pairs" });
  await expect(excluded.getByRole("row").filter({ hasText: isla })).toBeVisible();
  await excluded
    .getByRole("button", { name: new RegExp(`^Remove exclusion of ${isla} and `) })
    .click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    `The exclusion of ${isla} and`,
  );
  await expect(page.locator("main")).toContainText("You have not locked or excluded any pairs.");
});

test("auto allocation: run, read the explanations, swap two mentees, run again, confirm, both people emailed", async ({
  page,
  checkA11y,
  mailbox,
}) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await openConsole(page);
  await checkA11y();

  // Keyboard and labels: the run options are real radios and checkboxes.
  await page.getByRole("radio", { name: "Automatic" }).check();
  await expect(
    page.getByRole("checkbox", { name: "Put the worst-off mentee first" }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Start run" }).click();
  await waitForRunToFinish(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Automatic run");

  // Every mentee has a proposed mentor, a score and the terms that make it up.
  const first = await proposedMentors(page);
  for (const mentee of mentees) {
    const why = proposalRow(page, mentee).getByRole("cell").nth(2);
    await expect(why.getByRole("listitem").first()).toHaveText(/.+ [+−]\d\.\d\d$/);
  }
  await expect(
    page.locator(".nhsuk-summary-list__row").filter({ hasText: "Mentees matched" }),
  ).toContainText("4 of 4");
  // How long each phase took is for the server log, not for the coordinator.
  await expect(page.getByText(/\d+ ms\b/)).toHaveCount(0);
  await checkA11y();

  // Two mentees with different mentors swap them for the next run.
  // Two mentees with different mentors whose swap the rules allow (nobody gets a mentor from their
  // own department). B's mentor has one place, so the email that mentor gets can only be about A.
  const swapAllowed = (a: string, b: string) =>
    a !== b &&
    first.get(a) !== first.get(b) &&
    sameDepartment[a] !== first.get(b) &&
    sameDepartment[b] !== first.get(a);
  const [menteeA, menteeB] = (() => {
    for (const b of mentees) {
      if (first.get(b) === "Dr Raj Patel") continue;
      for (const a of mentees) if (swapAllowed(a, b)) return [a, b] as const;
    }
    throw new Error("no two mentees to swap");
  })();
  const mentorA = first.get(menteeA)!;
  const mentorB = first.get(menteeB)!;
  await page.getByLabel("First mentee").selectOption({ label: `${menteeA} (now with ${mentorA})` });
  await page
    .getByLabel("Second mentee")
    .selectOption({ label: `${menteeB} (now with ${mentorB})` });
  await page.getByRole("button", { name: "Swap their mentors" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    `${menteeA} and ${menteeB} swap mentors in the next run`,
  );
  await checkA11y();

  const firstRun = page.url();
  await page.getByRole("button", { name: "Run again with these changes" }).click();
  await waitForRunToFinish(page, firstRun);
  const second = await proposedMentors(page);
  expect(second.get(menteeA), `${menteeA} now has ${menteeB}'s mentor`).toBe(mentorB);
  expect(second.get(menteeB), `${menteeB} now has ${menteeA}'s mentor`).toBe(mentorA);
  await expect(proposalRow(page, menteeA)).toContainText("Locked");
  await expect(
    page.getByRole("button", { name: `Remove lock ${menteeA} with ${mentorB}` }),
  ).toBeVisible();
  await checkA11y();

  // The locks are listed on the console too, with buttons to remove them.
  await page.getByRole("link", { name: "Back to matching" }).click();
  await expect(page.getByRole("table", { name: "Locked pairs" }).getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("table", { name: "Recent runs" })).toContainText(
    "Replaced by a newer run",
  );
  await page.getByRole("table", { name: "Recent runs" }).getByRole("link").first().click();
  await waitForRunToFinish(page);

  await page.getByRole("button", { name: "Confirm these matches" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Success" })).toContainText(
    "4 matches confirmed; both people have been emailed",
  );
  await expect(page.getByRole("button", { name: "Confirm these matches" })).toHaveCount(0);
  await checkA11y();

  // Both people of a confirmed pair are told.
  const toMentee = await mailbox.latestTo(emailOf(menteeA), {
    subject: /you have been matched with a mentor/,
  });
  expect(toMentee.text).toContain(`Your mentor is ${mentorB}.`);
  const toMentor = await mailbox.latestTo(emailOf(mentorB), { subject: /you have a new mentee/ });
  expect(toMentor.text).toContain(menteeA);

  // The relationships exist and are active; nobody is left waiting, and the locks have gone.
  await page.getByRole("link", { name: "Back to matching" }).click();
  const relationships = page.getByRole("table", { name: "Relationships in this scheme" });
  await expect(relationships.getByRole("row")).toHaveCount(5);
  const pair = relationships
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: menteeA }) });
  await expect(pair).toContainText(mentorB);
  await expect(pair).toContainText("Active");
  await expect(page.locator("main")).toContainText("No mentees are waiting for a mentor.");
  await expect(page.locator("main")).toContainText("You have not locked or excluded any pairs.");
  // The page ends here: the fixture runs axe on the console with its relationships.
});
