// Mentee preparation (SPEC principle 7), end to end. A coordinator opens a free-choice scheme whose
// rules require the mentee course and rewrites one of its pages in the portal. A mentee who joined
// cannot choose or request a mentor (the page and the API both say why), takes the course in the PWA
// a page at a time, and then chooses and requests one. The coordinator sees done or not done only.
import type { Page } from "@playwright/test";
import { DEMO_EMAILS } from "./support/demo";
import { docsScreenshot } from "./support/docs";
import { expect, test } from "./support/fixtures";
import { signedInPage, signInToPwa, trpcMutate, trpcMutation, trpcQuery } from "./support/pwa";
import { signInThroughForm } from "./support/sign-in";

const schemeName = "Consultant mentoring: prepared mentees";
const noah = { email: "noah.bennett@airevalley.example.org", name: "Dr Noah Bennett" };
const james = { email: "james.whitfield@airevalley.example.org", name: "Dr James Whitfield" };
const ownWording = {
  title: "What stays between you at Aire Valley",
  body: "What you say to your mentor stays with them.\n\nThe limits:\n\n- a serious risk to patients\n- a serious risk to you or others",
};

type Scheme = { organisationId: string; schemeId: string };
type Rules = Record<string, Record<string, unknown>>;

/** The coordinator's scheme: free choice, mentors ready without training, the course required. */
async function openSchemeWithRequiredCourse(page: Page, baseURL: string): Promise<Scheme> {
  const me = await trpcQuery<{ activeOrganisationId: string }>(page, "me.get");
  const organisationId = me.activeOrganisationId;
  const { schemeId } = await trpcMutate<{ schemeId: string }>(page, baseURL, "scheme.create", { organisationId, templateId: "new-consultant", name: schemeName });
  const { rules } = await trpcQuery<{ rules: Rules }>(page, "scheme.get", { organisationId, schemeId });
  await trpcMutate(page, baseURL, "scheme.updateRules", {
    organisationId,
    schemeId,
    rules: {
      ...rules,
      audience: { groups: [], outsiders: "open", organisations: "own" },
      topics: ["Job planning", "Leading a team"],
      matching: { ...rules.matching, mode: "free_choice" },
      mentors: { ...rules.mentors, requiredModules: [], approval: false, support: { minEventsPer12Months: 0, supervision: false } },
      mentees: { preparation: "required" },
    },
  });
  await trpcMutate(page, baseURL, "scheme.publish", { organisationId, schemeId });
  return { organisationId, schemeId };
}

/** Joins as `role` with the scheme's own consent wording, as the PWA's join form sends it. */
async function join(page: Page, baseURL: string, scheme: Scheme, role: "mentee" | "mentor") {
  const prepared = await trpcQuery<{ roles: { role: string; consentWording: string }[] }>(page, "enrolment.prepare", scheme);
  const consentWording = prepared.roles.find((r) => r.role === role)!.consentWording;
  const joined = await trpcMutate<{ status: string }>(page, baseURL, "enrolment.join", { ...scheme, role, consent: true, consentWording, applicationAnswers: {} });
  expect(joined.status, `joining as ${role}`).toBe("active");
}

test.describe.configure({ mode: "serial" });

test("a required course holds matching until the mentee has marked every page done", async ({ page, browser, baseURL, checkA11y }) => {
  // Three people signing in and four axe checks: more than the default half minute on a busy machine.
  test.setTimeout(180_000);
  // The coordinator's side, in the portal.
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  const scheme = await openSchemeWithRequiredCourse(page, baseURL!);
  await page.goto(`/schemes/${scheme.schemeId}`);
  await page.getByRole("link", { name: "Mentee preparation course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mentee preparation course" })).toBeVisible();
  await expect(page.getByText("Required: mentees are not matched until they have finished")).toBeVisible();
  await page.getByRole("link", { name: "Edit Confidentiality and its limits" }).click();
  await page.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the page's title", exact: true })).toBeVisible();
  await checkA11y();
  await page.getByLabel("Title").fill(ownWording.title);
  await page.getByLabel("Text").fill(ownWording.body);
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByText(`"${ownWording.title}" saved. Mentees see it now.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(ownWording.title) })).toContainText("Your wording");
  await checkA11y();

  const mentor = await signedInPage(browser, baseURL!, james.email);
  await join(mentor.page, baseURL!, scheme, "mentor");
  const mentee = await signedInPage(browser, baseURL!, noah.email);
  const noahPage = mentee.page;
  await join(noahPage, baseURL!, scheme, "mentee");
  const mentorEnrolmentId = (await trpcQuery<{ enrolmentId: string; role: string; schemeId: string }[]>(mentor.page, "enrolment.mine")).find(
    (e) => e.schemeId === scheme.schemeId && e.role === "mentor",
  )!.enrolmentId;

  // Before the course: the choosing page says why it waits, and the API refuses a request.
  await noahPage.goto("/app/schemes");
  await noahPage.getByRole("link", { name: `Choose a mentor in ${schemeName}` }).click();
  await expect(noahPage.getByText(/asks every mentee to complete the short preparation course before they are matched/)).toBeVisible();
  await expect(noahPage.getByRole("article")).toHaveCount(0);
  const early = await trpcMutation(noahPage, baseURL!, "matching.request", { ...scheme, mentorEnrolmentIds: [mentorEnrolmentId] });
  expect(early.status).toBe(409);
  expect(early.message).toMatch(/preparation course/);

  // The course, a page at a time.
  await noahPage.getByRole("link", { name: "Go to the preparation course" }).click();
  await expect(noahPage.getByRole("heading", { level: 1, name: "Preparing to be mentored" })).toBeVisible();
  await expect(noahPage.getByText("Not started")).toBeVisible();
  await checkA11y();
  await noahPage.getByRole("link", { name: "Start the course" }).click();
  const titles = ["What mentoring is, and is not", ownWording.title, "Preparing for your first (contract) meeting", "If it is not working"];
  for (const [index, title] of titles.entries()) {
    await expect(noahPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(noahPage.getByText(`Page ${index + 1} of 4`)).toBeVisible();
    if (index === 0) await docsScreenshot(noahPage, "mentee-course-390.png");
    if (index === 1) await expect(noahPage.getByRole("listitem").filter({ hasText: "a serious risk to patients" })).toBeVisible();
    if (index === 3) {
      await expect(noahPage.locator("main")).toContainText("no-fault change");
      await checkA11y();
    }
    await noahPage.getByRole("button", { name: index < 3 ? "Mark as done and continue" : "Mark as done and finish" }).click();
  }
  await expect(noahPage.getByRole("heading", { level: 1, name: "Preparing to be mentored" })).toBeVisible();
  await expect(noahPage.getByText("You have finished the course.")).toBeVisible();

  // Done: the pool opens and the request goes.
  await noahPage.getByRole("link", { name: "Choose your mentor" }).click();
  await expect(noahPage.getByRole("heading", { level: 1, name: "Choose your mentor" })).toBeVisible();
  const card = noahPage.getByRole("article", { name: james.name });
  await card.getByRole("button", { name: `Choose ${james.name}` }).click();
  await noahPage.getByRole("button", { name: "Send request" }).click();
  await expect(noahPage.getByRole("heading", { name: "Request sent" })).toBeVisible();

  // The coordinator sees done or not done, nothing more; the mentor has the request.
  const course = await trpcQuery<{ mentees: Record<string, unknown>[] }>(page, "menteeCourse.forScheme", scheme);
  expect(course.mentees).toEqual([{ enrolmentId: expect.any(String), name: noah.name, done: true }]);
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(noah.name) })).toContainText("Done");
  const matches = await trpcQuery<{ relationships: { otherName: string; status: string; schemeName: string }[] }[]>(mentor.page, "matching.mine");
  expect(matches.flatMap((o) => o.relationships).filter((r) => r.schemeName === schemeName)).toEqual([
    expect.objectContaining({ otherName: noah.name, status: "requested" }),
  ]);
  await mentor.close();
  await mentee.close();
});

test("an offered course is on the mentee's preparation page and does not hold them", async ({ page }) => {
  await page.goto("/app/");
  await signInToPwa(page, "grace.okafor@airevalley.example.org");
  await page.goto("/app/preparation");
  await expect(page.getByRole("heading", { level: 2, name: "As a mentee" })).toBeVisible();
  await expect(page.getByText("You are not a mentor in any scheme yet.")).toHaveCount(0);
  await page.getByRole("link", { name: "Go to the preparation course for Consultant mentoring: choose your mentor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Preparing to be mentored" })).toBeVisible();
  await expect(page.getByText("The course is optional in this scheme, and it does not hold up your match.")).toBeVisible();
});
