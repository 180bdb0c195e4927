// The service pages an NHS service needs (SPEC section 12): an accessibility statement, a privacy
// notice and a contact page, linked from the footer of both apps, axe clean and without sideways
// scrolling at 320px. And the home pages of people whose roles are installation-wide.
import type { Page } from "@playwright/test";
import { expectNoSidewaysScroll } from "./support/reflow";
import { DEMO_EMAILS, expect, signInThroughForm, test } from "./support/fixtures";

// Several pages, each checked by axe, on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

const pages = [
  { link: "Accessibility statement", path: "accessibility", says: "partially compliant" },
  { link: "Privacy notice", path: "privacy", says: "Coordinators see dates, not content" },
  { link: "Contact us", path: "contact", says: "Nidd and Wharfe" },
] as const;

async function followFooterLinks(page: Page, start: string, base: string, checkA11y: () => Promise<void>) {
  for (const servicePage of pages) {
    await page.goto(start);
    const footer = page.getByRole("contentinfo");
    await footer.getByRole("link", { name: servicePage.link }).click();
    await expect(page).toHaveURL(new RegExp(`${base}/${servicePage.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(servicePage.link);
    await expect(page.locator("main")).toContainText(servicePage.says);
    await checkA11y();
    await expectNoSidewaysScroll(page, 320);
  }
}

test("the portal's footer links the service pages, signed out", async ({ page, checkA11y }) => {
  await followFooterLinks(page, "/sign-in", "", checkA11y);
  // The contact page lists every organisation's published contact point.
  await expect(page.locator("main")).toContainText("Aire Valley Hospitals");
  await expect(page.getByRole("link", { name: /@/ }).first()).toHaveAttribute("href", /^mailto:/);
});

test("the app's footer links its own service pages, signed out", async ({ page, checkA11y }) => {
  await followFooterLinks(page, "/app/schemes/find", "/app", checkA11y);
  // The confidentiality promise in plain words, and links that stay in the app.
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
  await expect(page.locator("main")).toContainText("Your private reflections are end-to-end encrypted");
  await expect(page.locator("main")).toContainText("Feedback is shown only in aggregate");
  await expect(page.locator("main").getByRole("link", { name: "contact page" })).toHaveAttribute("href", "/app/contact");
});

test("a central analyst's home is about comparing schemes", async ({ page }) => {
  await signInThroughForm(page, DEMO_EMAILS.centralAnalyst);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Central comparison");
  await expect(page.locator("main")).not.toContainText("not a member of any organisation");
  await expect(page.locator("main")).toContainText("You never see anyone’s personal data");
  await expect(page.getByRole("table")).toContainText("Organisations sharing with central");
  await page.getByRole("link", { name: "Compare schemes" }).first().click();
  await expect(page).toHaveURL(/\/central\/compare$/);
  await page.goto("/");
  await expectNoSidewaysScroll(page, 320);
});

test("a platform admin's home is about the installation and its organisations", async ({ page }) => {
  await signInThroughForm(page, DEMO_EMAILS.platformAdmin);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This installation of Tandem");
  await expect(page.locator("main")).not.toContainText("not a member of any organisation");
  await expect(page.locator("main")).toContainText("no access to what happens in mentoring");
  await expect(page.getByRole("table")).toContainText("Aire Valley Hospitals");
  await expect(page.getByRole("link", { name: "Dev mailbox" })).toHaveAttribute("href", "/dev/mailbox");
  await expectNoSidewaysScroll(page, 320);
});
