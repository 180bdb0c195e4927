// Mentor preparation end to end: a mentor without the scheme's required module is not ready and
// sees what is due; the coordinator imports course attendance from CSV (a bad row shown, fixed,
// imported) and approves; the mentor is ready and counts in the pool; the CPD export lists it.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, signInThroughForm, test } from "./support/fixtures";
import { signInToPwa } from "./support/pwa";

const coordinator = "tom.whitaker@airevalley.example.org";
const mentorEmail = "eleanor.brooke@airevalley.example.org";
const mentorName = "Dr Eleanor Brooke";
const today = new Date().toISOString().slice(0, 10);

async function openPool(page: Page) {
  await page.getByRole("link", { name: "Mentor preparation" }).first().click();
  await page.getByRole("link", { name: /New consultant mentoring/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Mentor pool: New consultant mentoring" })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("a mentor without the required module is not ready and sees what is due", async ({ page, checkA11y }) => {
  await signInToPwa(page, mentorEmail);
  await page.goto("/app/preparation");
  await expect(page.getByRole("heading", { level: 1, name: "My preparation and support" })).toBeVisible();
  await expect(page.getByText("Not ready yet").first()).toBeVisible();
  await expect(page.locator("main")).toContainText(/masterclass/i);
  await expect(page.locator("main")).toContainText(/approval/i);
  await checkA11y();
});

test("the coordinator sees the mentor as not ready, imports the course register and approves", async ({ page, checkA11y }) => {
  await signInThroughForm(page, coordinator);
  await openPool(page);
  const row = page.getByRole("row").filter({ hasText: mentorName });
  await expect(row).toContainText("Not ready");
  await checkA11y();

  await page.getByRole("link", { name: "Mentor preparation" }).first().click();
  await page.getByRole("link", { name: "Import course attendance" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Import course attendance" })).toBeVisible();
  const withBadRow = `email,module,completed_on,evidence\n${mentorEmail},masterclass,${today},Masterclass register\nnobody@airevalley.example.org,masterclass,${today},\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "masterclass.csv", mimeType: "text/csv", buffer: Buffer.from(withBadRow) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.locator("main")).toContainText("No member of this organisation has the email nobody@airevalley.example.org");
  await expect(page.getByRole("button", { name: /^Import \d+ records?$/ })).toHaveCount(0);
  await checkA11y();

  const fixed = `email,module,completed_on,evidence\n${mentorEmail},masterclass,${today},Masterclass register\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "masterclass.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 1 record" }).click();
  await expect(page.getByText("1 training record imported")).toBeVisible();

  await openPool(page);
  await page.getByRole("button", { name: `Approve ${mentorName}` }).click();
  await expect(page.getByRole("row").filter({ hasText: mentorName })).toContainText("Ready");
  await expect(page.getByRole("row").filter({ hasText: mentorName })).not.toContainText("Not ready");
  await checkA11y();
});

test("the mentor is ready, counts as a free place, and downloads CPD evidence listing the training", async ({ page }) => {
  await signInToPwa(page, mentorEmail);
  await page.goto("/app/preparation");
  await expect(page.getByText("Ready to mentor").first()).toBeVisible();
  await page.getByRole("link", { name: "See your CPD evidence and download it" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CPD evidence for appraisal" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("Masterclass in Mentoring");
  expect(csv).toContain(today);

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as PDF" }).click()]);
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe("%PDF-");

  // Two ready mentors now: the directory shows both places.
  await page.goto("/app/schemes/find");
  await page.getByLabel("Search schemes").fill("New consultant mentoring");
  await expect(page.locator("main")).toContainText("2 mentors with free places");
});
