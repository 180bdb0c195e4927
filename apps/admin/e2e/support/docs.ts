// Screenshots for the PWA README (apps/pwa/docs/), written only when E2E_DOCS_SCREENSHOTS=1 since
// they change files in the repository.
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

/** The page at phone width (390 px), full length, into apps/pwa/docs/<name>. */
export async function docsScreenshot(page: Page, name: string) {
  if (!process.env.E2E_DOCS_SCREENSHOTS) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: fileURLToPath(new URL(`../../../pwa/docs/${name}`, import.meta.url)), fullPage: true });
  if (size) await page.setViewportSize(size);
}
