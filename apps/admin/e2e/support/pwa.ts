// What the PWA's browser tests share: signing in as a participant, a second person in a browser of
// their own, the server's view through tRPC, and the pages of "My mentoring".
import { expect, type Browser, type Page } from "@playwright/test";
import { londonWallClock as londonClock } from "@tandem/core";
import { followServerClock } from "./clock";
import { DEMO_PASSWORD } from "./demo";

/** UK wall-clock date and time of an instant, as the PWA's forms take them (core's londonWallClock). */
export { londonClock };

export async function signInToPwa(page: Page, email: string) {
  await page.goto("/app/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in");
}

/**
 * Another person, signed in to the PWA in a browser context of their own. With `followClock`, the
 * context's clock is kept at the server's (support/clock.ts).
 */
export async function signedInPage(
  browser: Browser,
  baseURL: string,
  email: string,
  options: { followClock?: boolean } = {},
) {
  const context = await browser.newContext({ baseURL });
  if (options.followClock) await followServerClock(context);
  const page = await context.newPage();
  await signInToPwa(page, email);
  return { page, close: () => context.close() };
}

/** A tRPC query as whoever `page` is signed in as (superjson over GET, no batching). */
export async function trpcQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const query =
    input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await page.request.get(`/api/trpc/${path}${query}`);
  if (!response.ok())
    expect(response.ok(), `${path} should answer: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC mutation as whoever `page` is signed in as: its HTTP status and, on failure, the message. */
export async function trpcMutation(page: Page, baseURL: string, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, {
    headers: { origin: baseURL, "content-type": "application/json" },
    data: { json: input },
  });
  const body = (await response.json()) as { error?: { json: { message: string } } };
  return { status: response.status(), message: body.error?.json.message ?? null };
}

/** A tRPC mutation that must succeed, as whoever `page` is signed in as: its result. */
export async function trpcMutate<T>(
  page: Page,
  baseURL: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, {
    headers: { origin: baseURL, "content-type": "application/json" },
    data: { json: input },
  });
  if (!response.ok())
    expect(response.ok(), `${path} should succeed: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** An instant as the API's meeting times take it: UK date and start time. */
export function londonWallClock(instant: Date): { date: string; start: string } {
  const { date, time } = londonClock(instant);
  return { date, start: time };
}

/** On a shortlist scheme's choosing page, the mentee sends `mentorName` her request. */
export async function requestFromShortlist(page: Page, choosePath: string, mentorName: string) {
  await page.goto(choosePath);
  await expect(
    page.getByRole("heading", { level: 1, name: "Your shortlist of mentors" }),
  ).toBeVisible();
  await page.getByRole("button", { name: `Choose ${mentorName}` }).click();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Request sent" })).toBeVisible();
}

/** Under My matches, the mentor accepts `menteeName`'s request. */
export async function acceptRequest(page: Page, menteeName: string) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My matches" })
    .click();
  await page
    .getByRole("article", { name: `${menteeName} would like you as their mentor` })
    .getByRole("button", { name: `Accept ${menteeName}` })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: `You have accepted ${menteeName} as your mentee` }),
  ).toBeVisible();
}

export async function openMyMentoring(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My mentoring" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "My mentoring" })).toBeVisible();
  await expect(page.getByText("Loading your mentoring…")).toHaveCount(0);
}

export async function openRelationship(page: Page, name: string) {
  await openMyMentoring(page);
  await page.getByRole("article", { name }).getByRole("link", { name }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Mentoring with ${name}` }),
  ).toBeVisible();
  await expect(page.getByText("Loading your mentoring…")).toHaveCount(0);
}
