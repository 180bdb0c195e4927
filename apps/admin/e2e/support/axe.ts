// Accessibility checks with axe-core against WCAG 2.2 AA (SPEC sections 9 and 10).
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** axe rule tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] as const;

export type AxeOptions = {
  /** Check only inside these selectors (default: the whole page). */
  include?: string[];
  /** Leave these selectors out, e.g. a third-party widget we do not control. */
  exclude?: string[];
  /** Rule ids to skip; say why next to the call. */
  disableRules?: string[];
};

/** Runs axe on the page as it is now and fails listing every violation (rule, help, targets). */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS]);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const { violations } = await builder.analyze();
  const found = violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(" ")).join(", ");
    return `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} -> ${targets}`;
  });
  expect(found, `axe found WCAG 2.2 AA violations on ${page.url()}`).toEqual([]);
}
