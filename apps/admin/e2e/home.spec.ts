// The two homes. A participant lands, after signing in, on what is next for them: their next
// meeting, what is waiting (here, the mentee preparation course), and their schemes, each linking on.
// A coordinator's portal home counts what needs them in each scheme, each count linking to its page.
// With E2E_DOCS_SCREENSHOTS=1 it also writes the PWA README's screenshots at phone width.
import { docsScreenshot } from "./support/docs";
import { DEMO_EMAILS } from "./support/demo";
import { expect, test } from "./support/fixtures";
import { signInToPwa } from "./support/pwa";
import { signInThroughForm } from "./support/sign-in";

test("a participant lands on their next meeting, what is waiting for them and their schemes", async ({ page, checkA11y }) => {
  await page.goto("/app/");
  await page.getByLabel("Email address").fill("alice.moss@airevalley.example.org");
  await page.getByLabel("Password").fill("tandem-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Dr Alice Moss" })).toBeVisible();
  await expect(page.getByText("Loading what is next for you…")).toHaveCount(0);
  const main = page.locator("main");
  await expect(main.getByRole("heading", { level: 2, name: "Your next meeting" })).toBeVisible();
  await expect(main).toContainText("With Dr Nadia Rahman, Coach-mentoring for clinical leaders.");
  await expect(main.getByRole("link", { name: /Take the mentee preparation course/ })).toBeVisible();
  await expect(main.getByRole("link", { name: "Coach-mentoring for clinical leaders", exact: true })).toBeVisible();
  // She has her mentor: nothing to choose.
  await expect(main.getByRole("link", { name: /^Choose a mentor/ })).toHaveCount(0);
  await checkA11y();
  await docsScreenshot(page, "home-390.png");
  await page.getByRole("link", { name: "See the meeting with Dr Nadia Rahman" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mentoring with Dr Nadia Rahman" })).toBeVisible();
});

test("someone who has joined nothing is told so and pointed to the directory", async ({ page }) => {
  await page.goto("/app/");
  await signInToPwa(page, DEMO_EMAILS.trustOrgAdmin);
  await expect(page.getByText("You have no meetings arranged.")).toBeVisible();
  await expect(page.getByText("Nothing is waiting for you.")).toBeVisible();
  await page.getByRole("link", { name: "Find a mentoring scheme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /scheme/i })).toBeVisible();
});

test("a coordinator's home counts what needs them per scheme, each count linking to its page", async ({ page, checkA11y }) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await page.goto("/");
  const table = page.getByRole("table", { name: "What needs you" });
  await expect(table).toBeVisible();
  await checkA11y();
  const coach = table.getByRole("row", { name: /Coach-mentoring for clinical leaders/ });
  await coach.getByRole("link", { name: "1 stalled relationships in Coach-mentoring for clinical leaders" }).click();
  await expect(page).toHaveURL(/\/relationships\?state=stalled$/);
  await expect(page.getByRole("row", { name: /Dr Farah Gill/ })).toBeVisible();
  await page.goto("/");
  await table.getByRole("row", { name: /^New consultant mentoring/ }).getByRole("link", { name: /mentors to approve in New consultant mentoring/ }).click();
  await expect(page.getByText("Dr Eleanor Brooke").first()).toBeVisible();
});
