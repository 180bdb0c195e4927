// WCAG 1.4.10 reflow: at a phone's width the page must not scroll sideways.
import { expect, type Page } from "@playwright/test";

/** Narrows the viewport to `width`, checks nothing is wider than it, and puts the viewport back. */
export async function expectNoSidewaysScroll(page: Page, width = 320): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${page.url()} should fit ${width}px without sideways scrolling`).toBeLessThanOrEqual(width);
  if (before) await page.setViewportSize(before);
}
