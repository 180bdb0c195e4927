// Private reflections (decision 017) with the demo pair: Alice sets up her key and writes a
// reflection; its text, her passphrase and her recovery code are in no request the browser makes
// (URL or body). A second device unlocks with the passphrase, a third with the recovery code; the
// download holds the text; her coordinator and a platform admin get no reflection rows from the API;
// signing out locks them again on the first device. Her mentor unlocks her own with a passkey instead
// (the WebAuthn PRF extension, on Chromium's virtual authenticator), then removes it.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { DEMO_EMAILS, DEMO_PASSWORD, expect, test } from "./support/fixtures";
import { openRelationship, signedInPage, signInToPwa, trpcQuery } from "./support/pwa";
import { setUpReflections } from "./support/reflections";

const alice = "alice.moss@airevalley.example.org";
const mentor = "Dr Nadia Rahman";
const reflection = `After the rota meeting I felt I had not said what I meant ${Date.now().toString(36)}`;
const passphrase = "kettle harbour violet lantern";

function recordRequests(page: Page) {
  const seen: string[] = [];
  page.on("request", (request) => seen.push(`${request.method()} ${decodeURIComponent(request.url())}\n${request.postData() ?? ""}`));
  return seen;
}

async function reflectionsSection(page: Page) {
  const section = page.getByRole("region", { name: "Private reflections" });
  await expect(section).toBeVisible();
  return section;
}

test("a reflection is sealed in the browser, read on two more devices by passphrase and by recovery code, downloaded, and reachable by no staff", async ({
  page,
  browser,
  baseURL,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  const requests = recordRequests(page);
  await signInToPwa(page, alice);
  await openRelationship(page, mentor);
  const section = await reflectionsSection(page);
  await expect(section).toContainText("If you lose both your passphrase and your recovery code, your reflections are lost");
  await checkA11y();

  await section.getByLabel("Choose a passphrase").fill(passphrase);
  await section.getByLabel("Enter the passphrase again").fill("a different passphrase");
  await section.getByRole("button", { name: "Set up private reflections" }).click();
  await expect(section.getByText("The passphrases do not match").first()).toBeVisible();
  await section.getByLabel("Enter the passphrase again").fill(passphrase);
  await section.getByRole("button", { name: "Set up private reflections" }).click();

  const recoveryCode = (await section.getByTestId("recovery-code").textContent())!.trim();
  expect(recoveryCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
  await expect(section).toContainText("This is shown once");
  await section.getByRole("button", { name: "Continue" }).click();
  await expect(section.getByText("Confirm that you have kept your recovery code somewhere safe").first()).toBeVisible();
  await section.getByLabel("I have kept my recovery code somewhere safe").check();
  await checkA11y();
  await section.getByRole("button", { name: "Continue" }).click();

  await section.getByLabel("What do you want to remember?").fill(reflection);
  await section.getByRole("button", { name: "Save my reflection" }).click();
  await expect(section.getByRole("status")).toHaveText("Your reflection is saved. Only you can read it.");
  await expect(section.getByText(reflection)).toBeVisible();
  await checkA11y();

  const downloading = page.waitForEvent("download");
  await section.getByRole("button", { name: "Download my reflections" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^private-reflections-\d{4}-\d{2}-\d{2}\.md$/);
  expect(await readFile((await download.path())!, "utf8")).toContain(reflection);

  // The sealed reflection went to the server, but none of the secrets did.
  expect(requests.some((r) => r.includes("reflections.add"))).toBe(true);
  expect(requests.some((r) => r.includes("reflections.setUpKey"))).toBe(true);
  for (const secret of [reflection, passphrase, recoveryCode, recoveryCode.replace(/-/g, "")]) {
    expect(requests.filter((r) => r.includes(secret)), secret).toEqual([]);
  }

  // A second device: the passphrase unlocks it.
  const second = await signedInPage(browser, baseURL!, alice);
  const secondRequests = recordRequests(second.page);
  await openRelationship(second.page, mentor);
  const secondSection = await reflectionsSection(second.page);
  await expect(secondSection).toContainText("Your reflections are locked on this device.");
  await secondSection.getByLabel("Your reflections passphrase").fill("not my passphrase at all");
  await secondSection.getByRole("button", { name: "Unlock my reflections" }).click();
  await expect(secondSection.getByText("That passphrase does not unlock your reflections").first()).toBeVisible();
  await secondSection.getByLabel("Your reflections passphrase").fill(passphrase);
  await secondSection.getByRole("button", { name: "Unlock my reflections" }).click();
  await expect(secondSection.getByText(reflection)).toBeVisible();
  expect(secondRequests.filter((r) => r.includes(passphrase) || r.includes(reflection))).toEqual([]);
  await second.close();

  // A third device: the recovery code unlocks it, typed in lower case with spaces.
  const third = await signedInPage(browser, baseURL!, alice);
  const thirdRequests = recordRequests(third.page);
  await openRelationship(third.page, mentor);
  const thirdSection = await reflectionsSection(third.page);
  await thirdSection.getByRole("button", { name: "I have forgotten my passphrase: use my recovery code" }).click();
  await thirdSection.getByLabel("Your recovery code").fill(recoveryCode.toLowerCase().replace(/-/g, " "));
  await thirdSection.getByRole("button", { name: "Unlock my reflections" }).click();
  await expect(thirdSection.getByText(reflection)).toBeVisible();
  expect(thirdRequests.filter((r) => r.includes(recoveryCode) || r.includes(reflection))).toEqual([]);
  await third.close();

  // Staff: Alice's coordinator and a platform admin get no rows for her relationship.
  const relationshipId = new URL(page.url()).pathname.split("/").pop()!;
  const mine = await trpcQuery<{ organisationId: string; relationships: { id: string }[] }[]>(page, "matching.mine");
  const organisationId = mine.find((o) => o.relationships.some((r) => r.id === relationshipId))?.organisationId;
  expect(organisationId).toBeTruthy();
  expect(await trpcQuery(page, "reflections.list", { organisationId, relationshipId })).toHaveLength(1);
  for (const email of [DEMO_EMAILS.trustCoordinator, DEMO_EMAILS.platformAdmin]) {
    const staff = await signedInPage(browser, baseURL!, email);
    expect(await trpcQuery(staff.page, "reflections.list", { organisationId, relationshipId }), email).toEqual([]);
    await staff.close();
  }

  // Signing out locks them on this device: signed in again without the page reloading (the marker
  // survives), the reflections ask for the passphrase.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My organisations" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByLabel("Email address").fill(alice);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await openRelationship(page, mentor);
  await expect(await reflectionsSection(page)).toContainText("Your reflections are locked on this device.");
  await expect(page.getByText(reflection)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test("a passkey (WebAuthn PRF) unlocks the reflections instead of the passphrase, and can be removed", async ({ page, context, checkA11y }) => {
  test.setTimeout(120_000);
  // A platform authenticator with the PRF extension, as a phone or laptop has, simulated by Chromium.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", ctap2Version: "ctap2_1", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true, automaticPresenceSimulation: true },
  });
  const requests = recordRequests(page);
  const secret = "meadow copper thistle harbour";
  const text = `Alice asked a question I could not answer ${Date.now().toString(36)}`;
  await signInToPwa(page, "nadia.rahman@airevalley.example.org");
  await openRelationship(page, "Dr Alice Moss");
  const section = await setUpReflections(page, secret);
  await section.getByLabel("What do you want to remember?").fill(text);
  await section.getByRole("button", { name: "Save my reflection" }).click();
  await expect(section.getByRole("status")).toHaveText("Your reflection is saved. Only you can read it.");
  await expect(section.getByText(text)).toBeVisible();

  const passkeys = section.getByRole("region", { name: "Passkeys" });
  await expect(passkeys).toContainText("No passkey unlocks your reflections yet.");
  await passkeys.getByRole("button", { name: "Add a passkey" }).click();
  await passkeys.getByRole("button", { name: "Add the passkey" }).click();
  await expect(passkeys.getByText("Give the passkey a name, for example My phone").first()).toBeVisible();
  await passkeys.getByLabel("A name for the passkey").fill("My laptop");
  await passkeys.getByLabel("Your reflections passphrase, or your recovery code").fill("not the passphrase");
  await passkeys.getByRole("button", { name: "Add the passkey" }).click();
  await expect(passkeys.getByText("That passphrase or recovery code is not right").first()).toBeVisible();
  await passkeys.getByLabel("Your reflections passphrase, or your recovery code").fill(secret);
  await passkeys.getByRole("button", { name: "Add the passkey" }).click();
  await expect(section.getByRole("status")).toHaveText("Your passkey “My laptop” now unlocks your reflections on this device.");
  await expect(passkeys.getByRole("listitem")).toContainText(["My laptop, added"]);
  await checkA11y();

  // Reloaded, the reflections are locked again; the passkey opens them, no passphrase typed.
  await page.reload();
  const locked = await reflectionsSection(page);
  await expect(locked).toContainText("Your reflections are locked on this device.");
  await expect(locked.getByText(text)).toHaveCount(0);
  await checkA11y();
  await locked.getByRole("button", { name: "Unlock with a passkey" }).click();
  await expect(locked.getByText(text)).toBeVisible();
  // What the server was given is the wrapped copy: never the text, never the passphrase.
  expect(requests.some((r) => r.includes("reflections.addPasskey"))).toBe(true);
  expect(requests.filter((r) => r.includes(text) || r.includes(secret))).toEqual([]);

  // Removed, it no longer offers itself; the passphrase still unlocks.
  await locked.getByRole("region", { name: "Passkeys" }).getByRole("button", { name: "Remove the passkey My laptop" }).click();
  await expect(locked.getByRole("status")).toHaveText("The passkey “My laptop” no longer unlocks your reflections.");
  await page.reload();
  const again = await reflectionsSection(page);
  await expect(again).toContainText("Your reflections are locked on this device.");
  await expect(again.getByRole("button", { name: "Unlock with a passkey" })).toHaveCount(0);
  await again.getByLabel("Your reflections passphrase").fill(secret);
  await again.getByRole("button", { name: "Unlock my reflections" }).click();
  await expect(again.getByText(text)).toBeVisible();
});
