// Time for the browser tests: the server's clock runs ahead of the real one by the offset in the
// file Playwright's config made (E2E_CLOCK_FILE; apps/admin/server/test-clock.ts reads it), so a
// test lets weeks pass in a moment. A browser context given to `followServerClock` has its own
// clock kept at the server's, so the PWA's sense of "now" agrees with the server's.
import { readFileSync, writeFileSync } from "node:fs";
import type { BrowserContext } from "@playwright/test";

const day = 86_400_000;

function clockFile(): string {
  const file = process.env.E2E_CLOCK_FILE;
  if (!file)
    throw new Error(
      "E2E_CLOCK_FILE is not set: run the browser tests through playwright.config.ts",
    );
  return file;
}

function offset(): number {
  return Number(readFileSync(clockFile(), "utf8").trim() || "0");
}

const followed = new Set<BrowserContext>();

/** The server's time now. */
export function serverNow(): Date {
  return new Date(Date.now() + offset());
}

/** Makes the server's time `at` (time flows on from there) and brings the followed browsers along. */
export async function setServerTime(at: Date): Promise<void> {
  writeFileSync(clockFile(), String(Math.round(at.getTime() - Date.now())));
  for (const context of followed) await context.clock.setSystemTime(serverNow());
}

/** Moves the server's time on by `days` (fractions allowed). */
export async function passDays(days: number): Promise<Date> {
  await setServerTime(new Date(serverNow().getTime() + days * day));
  return serverNow();
}

/** Puts the server's clock back to the real time. */
export async function resetServerTime(): Promise<void> {
  writeFileSync(clockFile(), "0");
  for (const context of followed) await context.clock.setSystemTime(new Date());
}

/** Gives a browser context the server's time, now and whenever it moves. Call before its first page. */
export async function followServerClock(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: serverNow() });
  followed.add(context);
  context.on("close", () => followed.delete(context));
}
