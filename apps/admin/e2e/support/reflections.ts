// Private reflections in the browser tests: set up the way a person does it.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Sets up private reflections on the relationship page open, the way a person does. */
export async function setUpReflections(page: Page, secret: string) {
  const section = page.getByRole("region", { name: "Private reflections" });
  await section.getByLabel("Choose a passphrase").fill(secret);
  await section.getByLabel("Enter the passphrase again").fill(secret);
  await section.getByRole("button", { name: "Set up private reflections" }).click();
  await section.getByLabel("I have kept my recovery code somewhere safe").check();
  await section.getByRole("button", { name: "Continue" }).click();
  await expect(section.getByLabel("What do you want to remember?")).toBeVisible();
  return section;
}
