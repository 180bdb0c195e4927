// Reflow (WCAG 1.4.10): no page of the portal or the PWA scrolls sideways at 320 or 390 CSS pixels.
// Every route in apps/admin/app/routes and the PWA's router is visited as a demo user who can see it,
// with ids read from the API as that user. Downloads (CSV, PDF, calendar, evidence files) and
// form-only actions (sign-out, switch-organisation) are not pages and are left out.
import type { Page } from "@playwright/test";
import { DEMO_EMAILS } from "./support/demo";
import { expect, test } from "./support/fixtures";
import { signInToPwa, trpcQuery } from "./support/pwa";
import { signInThroughForm } from "./support/sign-in";

const widths = [320, 390];
const unknownId = "00000000-0000-4000-8000-000000000000";

test.use({ axeOnFinish: false });
test.describe.configure({ mode: "serial" });

/** How far the page is wider than the viewport, in CSS pixels (0 when it reflows). */
async function sidewaysOverflow(page: Page): Promise<{ by: number; culprit: string | null }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const by = document.documentElement.scrollWidth - viewport;
    if (by <= 0) return { by: 0, culprit: null };
    // The deepest element reaching past the right edge, to say what to fix.
    const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter((el) => el.getBoundingClientRect().right > viewport + 1);
    const last = wide[wide.length - 1];
    return { by, culprit: last ? `${last.tagName.toLowerCase()}.${last.className || "-"}: ${(last.textContent ?? "").trim().slice(0, 60)}` : null };
  });
}

/** Visits each path at each width and fails (softly, so every page is reported) on sideways scroll. */
async function expectReflow(page: Page, paths: string[]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      await expect(page.getByText(/^Loading .*…$/), path).toHaveCount(0);
      const overflow = await sidewaysOverflow(page);
      expect.soft(overflow, `${path} at ${width} px scrolls sideways`).toEqual({ by: 0, culprit: null });
    }
  }
}

type Org = { organisationId: string };
type SchemeRow = { id: string; name: string };

async function activeOrganisation(page: Page): Promise<Org> {
  const me = await trpcQuery<{ activeOrganisationId: string }>(page, "me.get");
  return { organisationId: me.activeOrganisationId };
}

test("the portal reflows at 320 and 390 px, for a coordinator", async ({ page }) => {
  test.setTimeout(600_000);
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  const org = await activeOrganisation(page);
  const schemes = await trpcQuery<SchemeRow[]>(page, "scheme.list", org);
  const coach = schemes.find((s) => s.name === "Coach-mentoring for clinical leaders")!;
  const auto = schemes.find((s) => s.name === "Trust-wide consultant mentoring")!;
  const relationship = (await trpcQuery<{ relationships: { id: string }[] }>(page, "relationships.forScheme", { ...org, schemeId: coach.id })).relationships[0]!;
  const events = await trpcQuery<{ id: string }[]>(page, "preparation.events", org);
  const pool = await trpcQuery<{ mentors: { personId: string }[] }>(page, "preparation.pool", { ...org, schemeId: auto.id });
  const runs = (await trpcQuery<{ runs: { id: string }[] }>(page, "matching.overview", { ...org, schemeId: auto.id })).runs;
  const base = (id: string) => `/schemes/${id}`;
  await expectReflow(page, [
    "/",
    "/account",
    "/audit",
    "/people",
    "/preparation",
    "/preparation/events",
    `/preparation/events/${events[0]!.id}`,
    "/preparation/import",
    `/preparation/mentors/${pool.mentors[0]!.personId}`,
    "/preparation/modules",
    `/preparation/pool/${auto.id}`,
    "/preparation/support-group",
    "/schemes",
    "/schemes/new",
    base(coach.id),
    `${base(coach.id)}/enrolments`,
    `${base(coach.id)}/feedback`,
    `${base(auto.id)}/matching`,
    ...(runs[0] ? [`${base(auto.id)}/matching/runs/${runs[0].id}`] : []),
    `${base(coach.id)}/relationships`,
    `${base(coach.id)}/relationships/${relationship.id}`,
    `${base(coach.id)}/rules`,
    `${base(coach.id)}/versions`,
    `${base(coach.id)}/mentee-course`,
    `${base(coach.id)}/mentee-course?edit=confidentiality`,
    "/no-such-page",
  ]);
});

test("the portal's pages for paid schemes, central analysts, platform admins and the signed out reflow too", async ({ page, browser, baseURL }) => {
  test.setTimeout(300_000);
  // Claims: a scheme that pays mentors per meeting, at the primary care network.
  await signInThroughForm(page, "mark.ellison@nidd-wharfe.example.org");
  const org = await activeOrganisation(page);
  const paid = (await trpcQuery<SchemeRow[]>(page, "scheme.list", org)).find((s) => s.name === "GP non-principal mentoring")!;
  await expectReflow(page, [`/schemes/${paid.id}/claims`]);

  // An org admin's people pages.
  const admin = await browser.newContext({ baseURL });
  const priya = await admin.newPage();
  await signInThroughForm(priya, DEMO_EMAILS.trustOrgAdmin);
  const people = (await trpcQuery<{ members: { personId: string }[] }>(priya, "organisation.people", await activeOrganisation(priya))).members;
  await expectReflow(priya, [`/people/${people[0]!.personId}/roles`, "/people/invite"]);
  await admin.close();

  for (const [email, paths] of [
    [DEMO_EMAILS.centralAnalyst, ["/", "/central/compare"]],
    [DEMO_EMAILS.platformAdmin, ["/", "/dev/mailbox"]],
  ] as const) {
    const context = await browser.newContext({ baseURL });
    const staff = await context.newPage();
    await signInThroughForm(staff, email);
    await expectReflow(staff, [...paths]);
    await context.close();
  }
  const context = await browser.newContext({ baseURL });
  const anonymous = await context.newPage();
  await expectReflow(anonymous, ["/sign-in", `/invitations/${unknownId}/not-a-token`]);
  await context.close();
});

test("the PWA reflows at 320 and 390 px, for a mentee and a mentor", async ({ page, browser, baseURL }) => {
  test.setTimeout(600_000);
  // Signed out: the directory, a scheme page and sign-in.
  await expectReflow(page, ["/app/schemes/find", "/app/schemes/aire-valley-hospitals/coach-mentoring-clinical-leaders", "/app/sign-in", "/app/nope"]);

  await page.goto("/app/");
  await signInToPwa(page, "alice.moss@airevalley.example.org");
  const relationship = (await trpcQuery<{ id: string }[]>(page, "relationships.mine"))[0]!;
  const feedback = (await trpcQuery<{ requestId: string }[]>(page, "feedback.mine"))[0]?.requestId ?? unknownId;
  const questionnaire = (await trpcQuery<{ enrolmentId: string }[]>(page, "feedback.outcomesDue"))[0]?.enrolmentId ?? unknownId;
  const scheme = "/app/schemes/aire-valley-hospitals/coach-mentoring-clinical-leaders";
  await expectReflow(page, [
    "/app/",
    "/app/organisations",
    "/app/schemes",
    "/app/schemes/find",
    scheme,
    `${scheme}/preparation`,
    `${scheme}/preparation?page=confidentiality`,
    `${scheme}/profile`,
    `${scheme}/choose`,
    "/app/matches",
    "/app/relationships",
    `/app/relationships/${relationship.id}`,
    "/app/feedback",
    `/app/feedback/${feedback}`,
    `/app/questionnaires/${questionnaire}`,
    "/app/preparation",
  ]);

  // A mentor: preparation and support, recognition, events, claims, and choosing in a free-choice scheme.
  const context = await browser.newContext({ baseURL });
  const mentor = await context.newPage();
  await mentor.goto("/app/");
  await signInToPwa(mentor, "helen.marsh@nidd-wharfe.example.org");
  await expectReflow(mentor, ["/app/", "/app/preparation", "/app/preparation/recognition", "/app/preparation/events", "/app/claims", "/app/matches"]);
  await context.close();
});
