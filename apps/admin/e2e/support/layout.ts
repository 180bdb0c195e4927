// Checks on a page's layout that axe does not make.
import { expect, type Page } from "@playwright/test";

/** The page fits a 320px-wide screen without sideways scrolling (WCAG 1.4.10 reflow). */
export async function expectNoSidewaysScroll(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} should fit 320px`).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1280, height: 720 });
}
