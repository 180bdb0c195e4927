// CPD evidence for appraisal (issue 14 point 8) with a demo pair who have held meetings: the mentee
// (Dr Chloe Dunn) and the mentor (Dr Gareth Lloyd) each set up private reflections, write one, open
// "CPD evidence for appraisal" from their home page, choose the reflection and download the PDF made
// in the browser. The PDF holds the reflection under "Reflective practice"; the reflection's text is
// in no request the browser made (URL or body). Axe checks the page, which fits a 320px screen.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoSidewaysScroll } from "./support/layout";
import { pdfText } from "./support/pdf";
import { openRelationship, signInToPwa } from "./support/pwa";

const scheme = "Coach-mentoring for clinical leaders";
const chloe = { email: "chloe.dunn@airevalley.example.org", name: "Dr Chloe Dunn" };
const gareth = { email: "gareth.lloyd@airevalley.example.org", name: "Dr Gareth Lloyd" };

function recordRequests(page: Page) {
  const seen: string[] = [];
  page.on("request", (request) => seen.push(`${request.method()} ${decodeURIComponent(request.url())}\n${request.postData() ?? ""}`));
  return seen;
}

/** On the relationship's page: set up the reflections key with `passphrase` and write `text`. */
async function writeFirstReflection(page: Page, passphrase: string, text: string) {
  const section = page.getByRole("region", { name: "Private reflections" });
  await section.getByLabel("Choose a passphrase").fill(passphrase);
  await section.getByLabel("Enter the passphrase again").fill(passphrase);
  await section.getByRole("button", { name: "Set up private reflections" }).click();
  await expect(section.getByTestId("recovery-code")).toBeVisible();
  await section.getByLabel("I have kept my recovery code somewhere safe").check();
  await section.getByRole("button", { name: "Continue" }).click();
  await section.getByLabel("What do you want to remember?").fill(text);
  await section.getByRole("button", { name: "Save my reflection" }).click();
  await expect(section.getByRole("status")).toHaveText("Your reflection is saved. Only you can read it.");
}

async function openCpdPage(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My organisations" }).click();
  await page.getByRole("link", { name: "CPD evidence for appraisal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CPD evidence for appraisal" })).toBeVisible();
  await expect(page.getByText("Loading your CPD evidence…")).toHaveCount(0);
}

/** Chooses the reflection and downloads the record made in the browser: the PDF's text. */
async function downloadWithReflection(page: Page, text: string) {
  const section = page.getByRole("region", { name: "Add reflections to your CPD record" });
  const download = section.getByRole("button", { name: "Download CPD record with chosen reflections" });
  await download.click();
  await expect(section.getByText("Choose at least one reflection to add to your CPD record").first()).toBeVisible();
  await expect(section.getByText(text)).toBeVisible();
  await section.getByRole("checkbox", { name: new RegExp(scheme) }).check();
  const downloading = page.waitForEvent("download");
  await download.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^mentoring-cpd-with-reflections-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(section.getByRole("status")).toContainText("Your CPD record with 1 reflection is downloaded");
  const bytes = await readFile((await file.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return pdfText(bytes).replace(/\s+/g, " ");
}

for (const [person, other, role] of [
  [chloe, gareth, "mentee"],
  [gareth, chloe, "mentor"],
] as const) {
  test(`the ${role} adds a reflection, decrypted in the browser, to a CPD record of their held meetings`, async ({ page, checkA11y }) => {
    test.setTimeout(90_000);
    const requests = recordRequests(page);
    const reflection = `What I took from our meetings as ${role} ${Date.now().toString(36)}`;
    const passphrase = `${role} harbour violet lantern`;
    await signInToPwa(page, person.email);
    await openRelationship(page, other.name);
    await writeFirstReflection(page, passphrase, reflection);

    await openCpdPage(page);
    const schemes = page.getByRole("region", { name: "Schemes and roles" });
    await expect(schemes).toContainText(`${scheme}, Aire Valley Hospitals NHS Foundation Trust: ${role === "mentee" ? "Mentee" : "Mentor"} since`);
    const meetings = page.getByRole("region", { name: "Meetings held (dates and length only)" });
    await expect(meetings.getByText(`${scheme}, as ${role}`).first()).toBeVisible();
    if (role === "mentee") await expect(schemes).toContainText("2 meetings held");
    // Feedback is a mentor's: none shown until enough mentees answered, and the page says so.
    await expect(page.getByRole("region", { name: "Feedback" })).toHaveCount(role === "mentor" ? 1 : 0);
    await checkA11y();
    await expectNoSidewaysScroll(page);

    const text = await downloadWithReflection(page, reflection);
    expect(text).toContain(`Mentoring CPD evidence ${person.name}`);
    expect(text).toContain(`Reflective practice Reflections chosen by me, decrypted and added on my own device.`);
    expect(text).toContain(reflection);
    expect(text).toContain(`${scheme}, as ${role}`);
    if (role === "mentee") expect(text).toContain("Meetings held as mentee or group member: 2 meetings");
    else expect(text).toContain("Feedback Feedback from mentees about your mentoring is added once enough of them have answered");
    await checkA11y();
    await expectNoSidewaysScroll(page);

    // The sealed reflection went to the server and came back sealed; its text never left the browser.
    expect(requests.some((r) => r.includes("reflections.add"))).toBe(true);
    expect(requests.some((r) => r.includes("reflections.mine"))).toBe(true);
    for (const secret of [reflection, passphrase]) expect(requests.filter((r) => r.includes(secret)), secret).toEqual([]);
  });
}
