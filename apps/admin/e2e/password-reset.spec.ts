// Password reset by emailed link, in the admin portal and in the PWA: ask for a link (the answer
// never says whether the address has an account), read it in the mailbox, set a new password, find
// the session on the other device ended, and see the link refused a second time. Each test puts the
// demo password back through the account page, so the demo people stay as the seed made them.
import type { Page } from "@playwright/test";
import { signedInPage, trpcQuery } from "./support/pwa";
import { DEMO_PASSWORD, expect, linkIn, signInThroughForm, test } from "./support/fixtures";

// Several pages, each checked by axe, on a shared two-core machine.
test.describe.configure({ timeout: 120_000 });

const newPassword = "lantern orchard quietly";
const resetSubject = /^Reset your Tandem password$/;

async function putDemoPasswordBack(page: Page, current: string) {
  await page.goto("/account");
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel("Confirm new password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Your password has been changed");
}

test("a portal user resets a forgotten password from the sign-in page", async ({ page, browser, baseURL, mailbox, checkA11y }) => {
  const email = "claire.dobson@nidd-wharfe.example.org";
  const phone = await signedInPage(browser, baseURL!, email);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Enter an email address");
  await checkA11y();

  // An address with no account gets the same page, word for word but the address.
  await page.getByLabel("Email address").fill("nobody.here@nidd-wharfe.example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  const unknownText = (await page.locator("main").innerText()).replace("nobody.here@nidd-wharfe.example.org", "ADDRESS");

  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  expect((await page.locator("main").innerText()).replace(email, "ADDRESS")).toBe(unknownText);
  await checkA11y();

  const mail = await mailbox.latestTo(email, { subject: resetSubject });
  const link = linkIn(mail, /\/reset-password\/[a-z2-7]+$/);
  expect(new URL(link).pathname).toMatch(/^\/reset-password\//);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a new password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill("something else entirely");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Passwords do not match");
  await checkA11y();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.locator(".nhsuk-notification-banner--success")).toContainText("Your password has been changed");
  await checkA11y();

  // The session on the other device has gone with the old password.
  expect(await trpcQuery(phone.page, "me.get")).toBeNull();
  await phone.page.goto("/app/schemes");
  await expect(phone.page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await phone.close();

  await signInThroughForm(page, email, newPassword);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await checkA11y();

  await putDemoPasswordBack(page, newPassword);
});

test("a participant resets a forgotten password in the app", async ({ page, browser, baseURL, mailbox, checkA11y }) => {
  const email = "sam.ridley@nidd-wharfe.example.org";
  const laptopContext = await browser.newContext({ baseURL });
  const laptop = await laptopContext.newPage();
  await signInThroughForm(laptop, email);

  await page.goto("/app/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page).toHaveURL(/\/app\/forgot-password$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await checkA11y();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await checkA11y();

  const mail = await mailbox.latestTo(email, { subject: resetSubject });
  const link = linkIn(mail, /\/app\/reset-password\/[a-z2-7]+$/);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a new password");
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Password must be 8 characters or more");
  await checkA11y();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your password has been changed");
  await checkA11y();

  // The portal session on the laptop has ended.
  await laptop.goto("/account");
  await expect(laptop).toHaveURL(/\/sign-in/);
  await laptopContext.close();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in");

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await checkA11y();

  await putDemoPasswordBack(page, newPassword);
});
