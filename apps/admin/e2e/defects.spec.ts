// Defects found trying the pages as a coordinator and a doctor would (issue 16, points 5, 6, 7 and
// 9), each checked on the demo data: the rules editor shows every error at once and keeps what was
// typed; a scheme's summary and a person's verdict say the same; the coordinator's figures agree
// with each other; the words fit who reads them, and the audit log can be narrowed.
import type { Page } from "@playwright/test";
import { expect, signInThroughForm, test } from "./support/fixtures";
import { signedInPage, trpcMutate, trpcQuery } from "./support/pwa";

const trustCoordinator = "tom.whitaker@airevalley.example.org";
const pcnCoordinator = "mark.ellison@nidd-wharfe.example.org";
/** A practice nurse at the PCN: outside the trust, and not a clinical director. */
const nurse = "claire.dobson@nidd-wharfe.example.org";

type Me = { memberships: { organisationId: string; organisationName: string }[] };
type Scheme = { id: string; name: string; currentVersion: number };

async function schemeNamed(page: Page, name: string) {
  const me = await trpcQuery<Me>(page, "me.get");
  const organisationId = me.memberships[0]!.organisationId;
  const schemes = await trpcQuery<Scheme[]>(page, "scheme.list", { organisationId });
  const scheme = schemes.find((s) => s.name === name);
  expect(scheme, `the demo has "${name}"`).toBeDefined();
  return { organisationId, scheme: scheme! };
}

test.describe.configure({ mode: "serial" });

test("the rules editor shows every error in one round, names each field and keeps what was typed", async ({ page, checkA11y }) => {
  // The editor is one long page: axe takes a while over it on a busy machine.
  test.setTimeout(180_000);
  await signInThroughForm(page, pcnCoordinator);
  const { organisationId, scheme } = await schemeNamed(page, "Clinical director mastermind group");
  await page.goto(`/schemes/${scheme.id}/rules`);

  await page.getByLabel("Yearly fee in pounds").fill("£12.5x");
  await page.getByLabel("Shortest meeting in minutes").fill("200");
  await page.getByLabel("Longest meeting in minutes").fill("100");
  await page.getByLabel("Usual number of mentees per mentor").fill("5");
  await page.getByLabel("Most mentees a mentor may take").fill("2");
  await page.getByLabel("Topics weight").fill("3");
  await page.getByRole("button", { name: "Save rules" }).click();

  const summary = page.locator(".nhsuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "Set the usual number of mentees per mentor no higher than the most a mentor may take (2)",
    "Enter the topics weight as a number between 0 and 1, for example 0.5",
    "Set the longest meeting to at least the shortest (200 minutes)",
    "Enter the yearly fee in pounds, for example 1995",
  ]);
  // Nothing typed is dropped, and nothing was saved.
  await expect(page).toHaveURL(new RegExp(`/schemes/${scheme.id}/rules$`));
  await expect(page.getByLabel("Yearly fee in pounds")).toHaveValue("£12.5x");
  await expect(page.getByLabel("Topics weight")).toHaveValue("3");
  const after = await trpcQuery<{ scheme: Scheme }>(page, "scheme.get", { organisationId, schemeId: scheme.id });
  expect(after.scheme.currentVersion).toBe(scheme.currentVersion);
  await checkA11y();

  // A summary link focuses its field with the label and message still in view.
  await summary.getByRole("link", { name: /yearly fee/ }).click();
  const fee = page.getByLabel("Yearly fee in pounds");
  await expect(fee).toBeFocused();
  const label = page.locator("label[for='participantFee-fee']");
  await expect(label).toBeInViewport();
  const top = (await label.boundingBox())!.y;
  expect(top).toBeGreaterThanOrEqual(0);
});

test("a scheme's summary and a person's verdict say the same about who can join", async ({ browser, baseURL }) => {
  const { page, close } = await signedInPage(browser, baseURL!, nurse);
  // An own-organisation scheme elsewhere: the summary says other organisations' staff cannot join, and so does the verdict.
  await page.goto("/app/schemes/aire-valley-hospitals/new-consultant-mentoring");
  // The scheme's summary: its lead in large type, then the rest (which holds who can join).
  const summary = page.getByTestId("scheme-summary");
  await expect(summary).toContainText("Other staff of this organisation may ask to join as mentees; the coordinator decides.");
  await expect(summary).toContainText("Staff of other organisations cannot join as mentees.");
  await expect(page.locator("main")).toContainText(
    "You cannot join as a mentee. This scheme is for consultants and new consultants in their first 24 months in the role at this organisation. Staff of other organisations cannot join as mentees.",
  );

  // The mastermind: members are clinical directors only, facilitators may come from anywhere, and both are said.
  await page.goto("/app/schemes/nidd-wharfe-pcn/clinical-director-mastermind");
  await expect(summary).toContainText("Other people cannot join as members.");
  await expect(summary).toContainText("Facilitators can come from any organisation.");
  await expect(page.locator("main")).toContainText("You cannot join as a peer.");
  await expect(page.locator("main")).toContainText("Other people cannot join as members.");
  await close();
});

test("the coordinator's figures agree: attendance, appraisals, a full mentor and who still needs a decision", async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await signInThroughForm(page, trustCoordinator);
  await page.goto("/preparation/support-group");
  const nadia = page.getByRole("row").filter({ hasText: "Dr Nadia Rahman" });
  // Five support events in the last year (the demo's past events), none convened by this coordinator.
  await expect(nadia.getByRole("cell").nth(0)).toHaveText(/(^|\s)5$/);
  await expect(nadia).not.toContainText("Not yet");
  await expect(page.locator("main")).not.toContainText("Not yet attended");
  await checkA11y();

  const { organisationId, scheme } = await schemeNamed(page, "Coach-mentoring for clinical leaders");
  await page.goto(`/preparation/pool/${scheme.id}`);
  const full = page.getByRole("row").filter({ hasText: "Dr Nadia Rahman" });
  await expect(full).toContainText("Ready, no free places");
  await expect(full).toContainText("3 of 3");
  const pool = await trpcQuery<{ mentors: { name: string; readiness: { reasons: { code: string }[] } }[] }>(page, "preparation.pool", {
    organisationId,
    schemeId: scheme.id,
  });
  expect(pool.mentors.find((m) => m.name === "Dr Nadia Rahman")!.readiness.reasons.map((r) => r.code)).toEqual(["at_capacity"]);
  // Approved mentors are not offered "Approve" again.
  await expect(page.getByRole("button", { name: /^Approve Dr Nadia Rahman$/ })).toHaveCount(0);
  await expect(full.getByRole("button", { name: "Withdraw approval Dr Nadia Rahman" })).toBeVisible();
  await checkA11y();
});

test("the review queue tells the coordinator about the person in the third person", async ({ page, browser, baseURL }) => {
  await signInThroughForm(page, trustCoordinator);
  const { organisationId, scheme } = await schemeNamed(page, "New consultant mentoring");
  const sarah = await signedInPage(browser, baseURL!, "sarah.lindqvist@airevalley.example.org");
  const prepared = await trpcQuery<{ roles: { role: string; consentWording: string }[] }>(sarah.page, "enrolment.prepare", {
    organisationId,
    schemeId: scheme.id,
  });
  const wording = prepared.roles.find((r) => r.role === "mentee")!.consentWording;
  const joined = await trpcMutate<{ status: string }>(sarah.page, baseURL!, "enrolment.join", {
    organisationId,
    schemeId: scheme.id,
    role: "mentee",
    consent: true,
    consentWording: wording,
    applicationAnswers: {},
  });
  expect(joined.status).toBe("requested");
  await sarah.close();

  await page.goto(`/schemes/${scheme.id}/enrolments`);
  const requests = page.getByRole("table", { name: "Requests to review" });
  const reason = requests.getByRole("row").filter({ hasText: "Dr Sarah Lindqvist" }).getByRole("cell").nth(2);
  // (At narrow widths the cell repeats its column's heading first.)
  await expect(reason).toHaveText(
    /^(Why it needs review\s*)?Started in their role more than 24 months ago\. The scheme is for consultants and new consultants in their first 24 months in the role\.$/,
  );
});

test("sign-in and home name schemes; the audit log names each entry's scheme and can be narrowed", async ({ page, checkA11y }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await expect(page.locator("main")).toContainText("mentoring schemes");
  await signInThroughForm(page, trustCoordinator);
  await page.goto("/");
  await expect(page.locator("main").getByRole("link", { name: "Schemes", exact: true })).toBeVisible();

  await page.goto("/audit");
  await expect(page.getByRole("columnheader", { name: "Scheme" })).toBeVisible();
  await page.getByLabel("Scheme").selectOption({ label: "New consultant mentoring" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/schemeId=/);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const cell of await rows.locator("td:last-child").all()) await expect(cell).toHaveText(/^(Scheme\s*)?New consultant mentoring$/);
  await checkA11y();

  // A range that ends before it starts is refused in words, with what was typed kept.
  await page.getByLabel("From").fill("2026-12-01");
  await page.getByLabel("To").fill("2026-01-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.locator(".nhsuk-error-summary")).toContainText("To: Enter a last day on or after the first day");
  await expect(page.getByLabel("To")).toHaveValue("2026-01-01");
});
