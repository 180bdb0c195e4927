// The demo's coach-mentoring relationships as their coordinator meets them: the scheme page counts
// the active and stalled ones; the list flags the pair that has gone quiet and filters to it; the
// detail of a pair on track shows its dates and counts but not the agreed action the pair wrote.
import { DEMO_EMAILS, expect, signInThroughForm, test } from "./support/fixtures";

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
