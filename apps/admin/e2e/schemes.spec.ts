// Schemes end to end: a trust coordinator creates a scheme from a template, changes the meeting cap
// (a new version with a visible diff) and publishes; a new consultant joins from the PWA; a GP
// outside the audience asks to join, is approved and sees it; a member of another organisation
// joins an open deanery scheme; a central analyst compares two schemes.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInThroughForm, test } from "./support/fixtures";
import { signInToPwa } from "./support/pwa";

const schemeName = `New consultant mentoring ${Date.now().toString(36)}`;
const coordinator = "tom.whitaker@airevalley.example.org";
const newConsultant = "nadia.karim@airevalley.example.org";
const gp = "ben.adeyemi@nidd-wharfe.example.org";
const otherOrganisationMember = "fiona.mcallister@airevalley.example.org";
const analyst = "ruth.abernethy@central.example.org";

async function openSchemeInPwa(page: Page, name: string) {
  await page.goto("/app/schemes/find");
  await expect(page.getByRole("heading", { level: 1, name: "Find a mentoring scheme" })).toBeVisible();
  await page.getByLabel("Search schemes").fill(name);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("a coordinator creates a scheme from a template, versions a change and publishes it", async ({ page, checkA11y }) => {
  await signInThroughForm(page, coordinator);
  await page.getByRole("link", { name: "Schemes", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Schemes" })).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "Create a scheme" }).click();
  await page.getByLabel("New consultant mentoring (trust)").check();
  await page.getByLabel("Scheme name").fill(schemeName);
  await checkA11y();
  await page.getByRole("button", { name: "Create scheme" }).click();

  // The rules editor: bad input first, then the change.
  await expect(page.getByLabel("Maximum number of meetings")).toBeVisible();
  await checkA11y();
  await page.getByLabel("Maximum number of meetings").fill("0");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toBeVisible();
  await expect(page.locator(".nhsuk-error-summary")).toContainText(/maximum/i);
  await checkA11y();
  await page.getByLabel("Maximum number of meetings").fill("8");
  await page.getByLabel("Listed in the public directory").check();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Rules saved as version 2")).toBeVisible();

  await page.getByRole("link", { name: "Version history" }).click();
  const history = page.locator("main");
  await expect(history).toContainText("Maximum meetings");
  await expect(history).toContainText("Unlimited");
  await expect(history).toContainText("8");
  await checkA11y();

  await page.getByRole("link", { name: schemeName }).first().click();
  await page.getByRole("button", { name: "Publish scheme" }).click();
  await expect(page.locator("main")).toContainText(/open/i);
});

test("a new consultant of the trust joins from the PWA", async ({ page, checkA11y }) => {
  await signInToPwa(page, newConsultant);
  await openSchemeInPwa(page, schemeName);
  await expect(page.locator("main")).toContainText("Up to 8 meetings");
  await checkA11y();
  await page.getByLabel("Mentee").check();
  await page.getByLabel("I agree to join on these terms").check();
  await page.getByRole("button", { name: "Join scheme" }).click();
  await expect(page.getByText("You have joined").first()).toBeVisible();
  await checkA11y();
  // The next step says where to go, and goes there.
  const next = page.getByRole("link", { name: "Complete your profile" });
  await expect(next).toHaveAttribute("href", /\/app\/schemes\/[^/]+\/[^/]+\/profile$/);
  await next.click();
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByRole("link", { name: "My schemes" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "My schemes" })).toBeVisible();
  await expect(page.locator("main")).toContainText(schemeName);
  await expect(page.locator("main")).toContainText("Taking part");
});

test("a GP outside the audience asks to join, the coordinator approves, and the GP sees it", async ({ page, browser, checkA11y }) => {
  await signInToPwa(page, gp);
  await openSchemeInPwa(page, schemeName);
  await expect(page.locator("main")).toContainText(/coordinator/i);
  await page.getByLabel("Mentee").check();
  await page.getByLabel("I agree to join on these terms").check();
  await page.getByRole("button", { name: "Request to join" }).click();
  await expect(page.getByText("Request sent").first()).toBeVisible();

  const admin = await (await browser.newContext()).newPage();
  await signInThroughForm(admin, coordinator);
  await admin.goto("/schemes");
  await admin.getByRole("link", { name: schemeName }).click();
  await admin.getByRole("link", { name: "Enrolments" }).click();
  await expect(admin.getByRole("button", { name: "Approve Dr Ben Adeyemi" })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole("button", { name: "Approve Dr Ben Adeyemi" }).click();
  await expect(admin.getByText("Dr Ben Adeyemi can now take part")).toBeVisible();
  await admin.context().close();

  await page.goto("/app/schemes");
  await expect(page.locator("main")).toContainText(schemeName);
  await expect(page.locator("main")).toContainText("Taking part");
  await checkA11y();

  // Withdrawing is one step and asks for no reason.
  await page.getByRole("button", { name: `Withdraw from ${schemeName}` }).first().click();
  await expect(page.getByText("You can leave without giving a reason")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: `Withdraw from ${schemeName}` }).click();
  await expect(page.getByText(`You have withdrawn from ${schemeName}.`)).toBeVisible();
  await expect(page.locator("main")).toContainText("Withdrawn");
});

test("a member of another organisation joins an open deanery scheme", async ({ page }) => {
  await signInToPwa(page, otherOrganisationMember);
  await openSchemeInPwa(page, "Multi-professional mentoring programme");
  await expect(page.locator("main")).toContainText("Pennine and Wolds Deanery");
  await page.getByLabel("I agree to join on these terms").check();
  await page.getByRole("button", { name: "Join scheme" }).click();
  await expect(page.getByText("You have joined").first()).toBeVisible();
});

test("a central analyst compares two schemes side by side", async ({ page, checkA11y }) => {
  await signInThroughForm(page, analyst);
  await page.getByRole("link", { name: "Compare schemes" }).first().click();
  await page.getByLabel("New consultant mentoring", { exact: true }).check();
  await page.getByLabel("Multi-professional mentoring programme").check();
  await page.getByRole("button", { name: "Compare" }).click();
  const table = page.getByRole("table");
  await expect(table).toContainText("New consultant mentoring");
  await expect(table).toContainText("Multi-professional mentoring programme");
  await expect(table).toContainText("Differs");
  await checkA11y();
});
