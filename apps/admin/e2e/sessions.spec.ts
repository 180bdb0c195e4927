// Sessions in the browser: cookie attributes, sign-out everywhere, the cross-site guard, and the
// sign-in rate limit.
import { DEMO_EMAILS, DEMO_PASSWORD, expect, signInThroughForm, test } from "./support/fixtures";

test("the session cookie is HttpOnly, SameSite=Lax and host-wide", async ({ page, context }) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  const cookie = (await context.cookies()).find((c) => c.name === "tandem_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(cookie?.value).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
});

test("signing out of all devices ends the other sessions too", async ({ page, browser, checkA11y }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInThroughForm(otherPage, DEMO_EMAILS.trustCoordinator);
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);

  await page.goto("/account");
  await checkA11y();
  await page.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await otherPage.goto("/people");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
});

test("signing out ends the session", async ({ page }) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/people");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a POST from another site is refused before routing", async ({ request }) => {
  const portal = await request.post("/sign-in", {
    headers: { origin: "https://attacker.example" },
    form: { email: DEMO_EMAILS.trustCoordinator, password: DEMO_PASSWORD },
  });
  expect(portal.status()).toBe(403);
  const api = await request.post("/api/trpc/auth.signOut", {
    headers: { origin: "https://attacker.example", "content-type": "application/json" },
    data: {},
  });
  expect(api.status()).toBe(403);
  const crossSite = await request.post("/api/trpc/auth.signOut", {
    headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
});

test("repeated wrong passwords lock the account for a while, without saying whether it exists", async ({ page, checkA11y }) => {
  // An account of its own, so the lock does not disturb other tests.
  const email = "kwame.mensah@airevalley.example.org";
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".nhsuk-error-summary")).toContainText("Enter a correct email address and password");
  }
  await checkA11y();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("Too many attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});
