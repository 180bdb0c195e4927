// The participant PWA: installable by Chromium's criteria, controlled by its service worker,
// usable offline for its shell, and showing a person's organisations and roles.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./support/fixtures";

test("the manifest names the app and has 192, 512 and maskable icons", async ({ request }) => {
  const response = await request.get("/app/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: "Tandem mentoring", short_name: "Tandem", start_url: "/app/", scope: "/app/", display: "standalone", theme_color: "#005eb8" });
  const sizes = manifest.icons.map((icon) => `${icon.sizes}${icon.purpose?.includes("maskable") ? " maskable" : ""}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512", "512x512 maskable"]));
  for (const icon of manifest.icons) {
    const file = await request.get(new URL(icon.src, "http://x/app/").pathname);
    expect(file.ok(), icon.src).toBe(true);
    const png = await file.body();
    // PNG width and height live at bytes 16-23 of the IHDR chunk.
    const [w, h] = icon.sizes.split("x").map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w, h]);
  }
});

test("Chromium finds the PWA installable", async ({ baseURL }, testInfo) => {
  // Playwright's contexts are incognito, which Chromium never offers to install into: use a real,
  // throwaway profile.
  const profile = mkdtempSync(path.join(tmpdir(), "tandem-pwa-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...testInfo.project.use.launchOptions,
    baseURL,
  });
  try {
    const page = await context.newPage();
    await page.goto("/app/");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
    expect(manifest.url).toMatch(/\/app\/manifest\.webmanifest$/);
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("the service worker controls the page and the shell loads offline", async ({ page, context, checkA11y }) => {
  await page.goto("/app/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/you.re offline/i).first()).toBeVisible();
  await checkA11y();
  await context.setOffline(false);
});

test("a person with two organisations sees both with their roles, then signs out", async ({ page, checkA11y }) => {
  await page.goto("/app/");
  await page.getByLabel("Email address").fill("nadia.karim@airevalley.example.org");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hello, Dr Nadia Karim" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My organisations" }).click();
  await expect(page.getByRole("heading", { name: "My organisations and roles" })).toBeVisible();
  await expect(page.getByText("Aire Valley Hospitals NHS Foundation Trust")).toBeVisible();
  await expect(page.getByText("Pennine and Wolds Deanery")).toBeVisible();
  await checkA11y();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("the PWA shows clear errors for a wrong password", async ({ page }) => {
  await page.goto("/app/sign-in");
  await page.getByLabel("Email address").fill("nobody@example.org");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a correct email address and password").first()).toBeVisible();
});
