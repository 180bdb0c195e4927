// Signs a person in through the admin portal's own form, as a person would.
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, SIGN_IN } from "./demo";

export async function signInThroughForm(
  page: Page,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(SIGN_IN.path);
  await page.getByLabel(SIGN_IN.emailLabel).fill(email);
  await page.getByLabel(SIGN_IN.passwordLabel).fill(password);
  await page.getByRole("button", { name: SIGN_IN.submitButton }).click();
  await expect(page, `signing in as ${email} should leave the sign-in page`).not.toHaveURL(
    (url) => url.pathname === SIGN_IN.path,
  );
}
