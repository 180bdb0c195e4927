// An org admin invites a person; the invitee sets a password from the emailed link, signs in to
// the PWA and sees their organisation and role.
import { DEMO_EMAILS, expect, expectNoAxeViolations, linkIn, signInThroughForm, test } from "./support/fixtures";

const trust = "Aire Valley Hospitals NHS Foundation Trust";

test("an invitee sets a password from the emailed link and sees their role in the PWA", async ({
  page,
  browser,
  mailbox,
  checkA11y,
}) => {
  // Eight pages, each checked with axe, and two sign-ins: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const address = `e2e.invitee.${Date.now()}@example.org`;
  await signInThroughForm(page, DEMO_EMAILS.trustOrgAdmin);
  await checkA11y();

  await page.getByRole("link", { name: "People", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await checkA11y();

  await page.getByRole("link", { name: "Invite a person" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invite a person" })).toBeVisible();
  // Bad input first: the error summary and the fields say what to fix.
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toContainText("Enter the person's full name");
  await expect(summary).toContainText("Enter an email address in the correct format");
  await expect(summary).toContainText("Choose at least one role");
  await checkA11y();

  await page.getByLabel("Full name").fill("Dr Morgan Ellery");
  await page.getByLabel("Email address").fill(address);
  await page.getByLabel("Coordinator").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByText(`Invitation sent to ${address}`)).toBeVisible();
  await expect(page.getByRole("table").filter({ hasText: address })).toBeVisible();

  const email = await mailbox.latestTo(address, { subject: /invited/i });
  const link = linkIn(email, /https?:\/\/\S+\/invitations\/\S+/);

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText(trust);
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel("Create a password").fill("short");
  await invitee.getByLabel("Confirm password").fill("short");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.locator(".nhsuk-error-summary")).toContainText("Password must be 8 characters or more");
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel("Create a password").fill("a long enough password");
  await invitee.getByLabel("Confirm password").fill("a long enough password");
  await invitee.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invitee.getByRole("link", { name: "Open the Tandem app" })).toBeVisible();
  await expectNoAxeViolations(invitee);

  await invitee.getByRole("link", { name: "Open the Tandem app" }).click();
  await invitee.getByLabel("Email address").fill(address);
  await invitee.getByLabel("Password").fill("a long enough password");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  // The home says what is next: nothing yet for someone who has joined no scheme.
  await expect(invitee.getByRole("heading", { level: 1, name: /^Hello, / })).toBeVisible();
  await expect(invitee.getByText("You have not joined a mentoring scheme yet.")).toBeVisible();
  await invitee.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My organisations" }).click();
  await expect(invitee.getByRole("heading", { name: "My organisations and roles" })).toBeVisible();
  await expect(invitee.getByText(trust)).toBeVisible();
  await expect(invitee.getByText("Coordinator", { exact: true })).toBeVisible();
  await expectNoAxeViolations(invitee);

  // The link works once.
  const reuse = await context.newPage();
  await reuse.goto(link);
  await expect(reuse.getByText(/already been used|already accepted/i).first()).toBeVisible();
  await context.close();

  // The organisation's audit log says what happened (never any content).
  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Invitation accepted");
});
