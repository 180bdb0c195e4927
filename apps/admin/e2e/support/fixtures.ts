// The `test` every browser test imports. On top of Playwright's own fixtures it:
//  - records the URLs the page visited and attaches them to the test's report;
//  - runs axe (WCAG 2.2 AA) on the page where each passing test ends, so every test checks at
//    least one page; call `checkA11y()` at each further page worth checking along the way, and
//    `test.use({ axeOnFinish: false })` for tests that end somewhere axe should not look;
//  - gives a `mailbox` to read the email the server sent (see mail.ts).
//
// Why not axe every page automatically? axe reads the live DOM: a navigation event fires before
// the new page is complete, and re-visiting URLs afterwards would check different pages (other
// state, no POST results). So the check at the end is automatic, and the ones along the way are
// written where the test knows the page is ready.
//
// Failed sign-ins are rate limited per account (5) and per address (50 per 15 minutes; every test
// comes from 127.0.0.1): a test that trips a limit uses an account of its own.
import { test as base, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations, type AxeOptions } from "./axe";
import { Mailbox } from "./mail";

type Fixtures = {
  /** Run axe on the page where the test ends (when it passed). Default true. */
  axeOnFinish: boolean;
  /** Main-frame URLs the page visited, in order. */
  visitedUrls: string[];
  /** Runs axe on the page as it is now and fails on any WCAG 2.2 AA violation. */
  checkA11y: (options?: AxeOptions) => Promise<void>;
  /** The dev mailbox, read as the demo platform admin in its own browser context. */
  mailbox: Mailbox;
};

const checkedUrls = new WeakMap<Page, Set<string>>();

async function checkPage(page: Page, options?: AxeOptions): Promise<void> {
  await expectNoAxeViolations(page, options);
  const checked = checkedUrls.get(page) ?? new Set<string>();
  checked.add(page.url());
  checkedUrls.set(page, checked);
}

// Fixture callbacks name their second argument `provide`, not `use`, so the React hooks lint rule
// does not mistake it for a hook.
export const test = base.extend<Fixtures>({
  axeOnFinish: [true, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  visitedUrls: async ({}, provide) => {
    await provide([]);
  },

  page: async ({ page, visitedUrls, axeOnFinish }, provide, testInfo) => {
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) visitedUrls.push(frame.url());
    });

    await provide(page);

    const passed =
      testInfo.status === testInfo.expectedStatus && testInfo.expectedStatus === "passed";
    if (axeOnFinish && passed && !page.isClosed() && /^https?:/.test(page.url())) {
      await base.step("axe: the page where the test ended", () => checkPage(page), { box: true });
    }

    const checked = checkedUrls.get(page) ?? new Set<string>();
    const report = visitedUrls.map(
      (url) => `${checked.has(url) ? "axe-checked" : "visited    "}  ${url}`,
    );
    await testInfo.attach("visited-urls", { body: report.join("\n"), contentType: "text/plain" });
  },

  checkA11y: async ({ page }, provide) => {
    await provide((options) =>
      base.step(`axe: ${page.url()}`, () => checkPage(page, options), { box: true }),
    );
  },

  mailbox: async ({ browser, baseURL }, provide) => {
    if (!baseURL) throw new Error("mailbox needs use.baseURL (set in playwright.config.ts)");
    const mailbox = await Mailbox.open(browser, baseURL);
    await provide(mailbox);
    await mailbox.close();
  },
});

export { expect };
export { expectNoAxeViolations } from "./axe";
export { linkIn, type Email } from "./mail";
export { signInThroughForm } from "./sign-in";
export { DEMO_EMAILS, DEMO_PASSWORD } from "./demo";
