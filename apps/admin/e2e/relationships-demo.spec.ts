// The demo's coach-mentoring relationships as their coordinator meets them: the scheme page counts
// the active and stalled ones; the list flags the pair that has gone quiet and filters to it; the
// detail of a pair on track shows its dates and counts but not the agreed action the pair wrote.
import { DEMO_EMAILS, DEMO_PASSWORD, expect, signInThroughForm, test } from "./support/fixtures";

const schemeName = "Coach-mentoring for clinical leaders";
const privateAction = "Draft a proposal for the new rota";

test("the coordinator sees which relationships have stalled, and dates but never what a pair keep", async ({
  page,
  checkA11y,
}) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await page.goto("/schemes");
  await page.getByRole("link", { name: schemeName, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: schemeName })).toBeVisible();
  await expect(page.locator("main")).toContainText("3 active");

  await page.getByRole("link", { name: "1 stalled" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Relationships: ${schemeName}` }),
  ).toBeVisible();
  await expect(page.getByLabel("Show relationships that are")).toHaveValue("stalled");
  const stalled = page.getByRole("table", { name: "Stalled relationships" });
  await expect(stalled.getByRole("row")).toHaveCount(2);
  await expect(stalled).toContainText("Dr Farah Gill");
  await checkA11y();

  await page.getByLabel("Show relationships that are").selectOption("");
  await page.getByRole("button", { name: "Show relationships" }).click();
  const all = page.getByRole("table", { name: "All relationships" });
  await expect(all.getByRole("row")).toHaveCount(7);
  await expect(all.getByRole("row").filter({ hasText: "Dr Farah Gill" })).toContainText("Stalled");
  await expect(all.getByRole("row").filter({ hasText: "Dr Alice Moss" })).not.toContainText(
    "Stalled",
  );

  await all.getByRole("link", { name: /Dr Alice Moss/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Dr Alice Moss/ })).toBeVisible();
  await expect(page.locator("main")).toContainText("Meetings held");
  expect(await page.content()).not.toContain(privateAction);
  await checkA11y();
});

test("a mentee chooses her reminders, adds her next meeting to her calendar, and subscribes to a private calendar link she can stop", async ({
  page,
  checkA11y,
  request,
}) => {
  await page.goto("/app/sign-in");
  await page.getByLabel("Email address").fill("alice.moss@airevalley.example.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in");
  await page.goto("/app/relationships");
  await expect(page.getByRole("heading", { level: 1, name: "My mentoring" })).toBeVisible();

  const reminders = page.getByRole("region", { name: "Meeting reminders" });
  await expect(reminders.getByLabel("Email", { exact: true })).toBeChecked();
  await reminders.getByLabel("Also remind me at 7am on the day").check();
  await reminders.getByRole("button", { name: "Save reminder choice" }).click();
  await expect(reminders.getByRole("status")).toHaveText("Your reminder choice is saved.");
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: "Meeting reminders" })
      .getByLabel("Also remind me at 7am on the day"),
  ).toBeChecked();

  const feed = page.getByRole("region", { name: "Your meetings in your calendar" });
  await feed.getByRole("button", { name: "Make my calendar link" }).click();
  const url = await feed.getByLabel(/Copy this link into your calendar app/).inputValue();
  expect(url).toMatch(/\/calendar\/[a-z2-7]{32}\.ics$/);
  await checkA11y();
  const calendar = await request.get(new URL(url).pathname);
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  const text = await calendar.text();
  expect(text).toContain("SUMMARY:Mentoring meeting (by video)");
  expect(text).not.toContain("Nadia");
  await feed.getByRole("button", { name: "Stop my calendar link" }).click();
  await expect(feed.getByRole("button", { name: "Make my calendar link" })).toBeVisible();
  expect((await request.get(new URL(url).pathname)).status()).toBe(404);

  await page
    .getByRole("link", { name: /Dr Nadia Rahman/ })
    .first()
    .click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Add to my calendar" }).first().click();
  expect((await download).suggestedFilename()).toMatch(
    /^mentoring-meeting-\d{4}-\d{2}-\d{2}\.ics$/,
  );
});
