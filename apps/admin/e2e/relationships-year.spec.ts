// A coach-mentoring relationship from the match to its end, over half a year of the server's time
// (support/clock.ts moves it): six meetings at most, the first the contract and the last the review,
// about every four weeks. The mentee chooses her mentor from the shortlist and he accepts; she
// proposes the contract meeting, he picks the time, and once it has happened records it held; the
// trial-meeting rule then lets either end it, which they do not. Four regular meetings follow (the
// first through the pages, the others as the app sends them), each due four weeks after the last;
// the sixth is the review because the cap makes it so, and a seventh is refused, on the page and by
// the API. Holding the review completes the relationship. The coordinator sees dates and counts, and
// none of the agreed action the pair kept.
import type { Browser, Page } from "@playwright/test";
import { followServerClock, resetServerTime, serverNow, setServerTime } from "./support/clock";
import {
  DEMO_EMAILS,
  expect,
  expectNoAxeViolations,
  signInThroughForm,
  test,
} from "./support/fixtures";
import {
  acceptRequest,
  londonClock,
  openRelationship,
  requestFromShortlist,
  signedInPage,
  signInToPwa,
  trpcMutation,
  trpcQuery,
} from "./support/pwa";

const schemeName = "Coach-mentoring for clinical leaders";
const choosePath = "/app/schemes/aire-valley-hospitals/coach-mentoring-clinical-leaders/choose";
const sarah = { email: "sarah.lindqvist@airevalley.example.org", name: "Dr Sarah Lindqvist" };
const gareth = { email: "gareth.lloyd@airevalley.example.org", name: "Dr Gareth Lloyd" };
const pairName = `${sarah.name} (mentee) and ${gareth.name} (mentor)`;
const action = "Map who I need to influence for the theatre rota change";
const videoLink = "https://meet.example.org/sarah-gareth";
const day = 86_400_000;

type Detail = {
  status: string;
  closedReason: string | null;
  meetings: { id: string; kind: string; status: string; startsAt: string | null }[];
};

const state = { organisationId: "", relationshipId: "", heldAt: [] as Date[] };
const ref = () => ({ organisationId: state.organisationId, relationshipId: state.relationshipId });

test.describe.configure({ mode: "serial" });
test.afterAll(resetServerTime);

/** Sessions last at most 30 days: after a month has passed each member signs in again. */
async function asMember(browser: Browser, baseURL: string, person: { email: string }) {
  return signedInPage(browser, baseURL, person.email, { followClock: true });
}

async function detailOf(page: Page) {
  return trpcQuery<Detail>(page, "relationships.get", ref());
}

/** Days from the server's now, at 10:00 in the UK. */
function slot(daysAhead: number) {
  return {
    date: londonClock(new Date(serverNow().getTime() + daysAhead * day)).date,
    start: "10:00",
  };
}

/** Lets the meeting start and end (an hour and a quarter after its start). */
async function passMeeting(startsAt: string) {
  await setServerTime(new Date(new Date(startsAt).getTime() + 75 * 60_000));
}

/** 25 days after the last meeting held: the next is due soon, as the scheme meets every four weeks. */
function nearlyAMonthAfterTheLast() {
  return new Date(state.heldAt.at(-1)!.getTime() + 25 * day);
}

/** Lets nearly a month pass after the last meeting; the mentee (her session long over) signs in and opens the relationship. */
async function nearlyAMonthOn(page: Page) {
  await setServerTime(nearlyAMonthAfterTheLast());
  await followServerClock(page.context());
  await signInToPwa(page, sarah.email);
  await openRelationship(page, gareth.name);
}

/** A whole meeting as the app sends it: the mentee proposes one time, the mentor picks it, it happens, he records it. */
async function meetThroughApi(browser: Browser, baseURL: string, daysAhead: number) {
  const mentee = await asMember(browser, baseURL, sarah);
  const mentor = await asMember(browser, baseURL, gareth);
  try {
    const proposed = await trpcMutation(mentee.page, baseURL, "relationships.proposeMeeting", {
      ...ref(),
      times: [{ ...slot(daysAhead), minutes: 60, mode: "video", link: videoLink }],
    });
    expect(proposed, "the meeting is proposed").toEqual({ status: 200, message: null });
    const meeting = (await detailOf(mentee.page)).meetings.find((m) => m.status === "proposed")!;
    expect(
      (
        await trpcMutation(mentor.page, baseURL, "relationships.pickTime", {
          ...ref(),
          meetingId: meeting.id,
          choice: 0,
        })
      ).status,
    ).toBe(200);
    const startsAt = (await detailOf(mentor.page)).meetings.find(
      (m) => m.id === meeting.id,
    )!.startsAt!;
    await passMeeting(startsAt);
    expect(
      (
        await trpcMutation(mentor.page, baseURL, "relationships.recordMeeting", {
          ...ref(),
          meetingId: meeting.id,
          outcome: "held",
        })
      ).status,
    ).toBe(200);
    state.heldAt.push(new Date(startsAt));
    return meeting;
  } finally {
    await mentee.close();
    await mentor.close();
  }
}

/** In the browser: the mentee proposes a time for the meeting the plan says comes next. */
async function proposeInPage(page: Page, heading: string, daysAhead: number) {
  await page
    .getByRole("button", { name: /^Propose (times for your first meeting|a meeting)$/ })
    .click();
  await expect(page.getByRole("heading", { name: heading })).toBeFocused();
  const time = page.getByRole("group", { name: "Time 1" });
  const when = slot(daysAhead);
  await time.getByLabel("Date").fill(when.date);
  await time.getByLabel("Start time").fill(when.start);
  await time.getByLabel("How long, in minutes").fill("60");
  await time.getByLabel("By video").check();
  await time.getByLabel("Video link (optional)").fill(videoLink);
  await page.getByRole("button", { name: "Send this time" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `have gone to ${gareth.name}` }),
  ).toBeVisible();
}

/** In the browser: the mentor picks the one time offered, then (once it has happened) records it held. */
async function pickAndHoldInPage(
  browser: Browser,
  baseURL: string,
  article: string,
  progress: string,
) {
  const mentor = await asMember(browser, baseURL, gareth);
  try {
    await openRelationship(mentor.page, sarah.name);
    const toPick = mentor.page.getByRole("article", { name: article, exact: true });
    await toPick.getByRole("button", { name: "Pick a time" }).click();
    await toPick.getByRole("radio").first().check();
    await toPick.getByRole("button", { name: "Pick this time" }).click();
    await expect(
      mentor.page.getByRole("status").filter({ hasText: "Your meeting is arranged for" }),
    ).toBeVisible();
    const meeting = (await detailOf(mentor.page)).meetings.find((m) => m.status === "scheduled")!;
    await passMeeting(meeting.startsAt!);
    await mentor.page.reload();
    const toRecord = mentor.page.getByRole("article", { name: article, exact: true });
    await expect(toRecord).toContainText("Time to record what happened");
    await toRecord.getByRole("button", { name: "Record what happened" }).click();
    await toRecord.getByLabel("Yes, we met").check();
    await toRecord.getByRole("button", { name: "Save" }).click();
    await expect(
      mentor.page.getByRole("status").filter({ hasText: "The meeting is recorded as held." }),
    ).toBeVisible();
    await expectNoAxeViolations(mentor.page);
    state.heldAt.push(new Date(meeting.startsAt!));
    await expect(mentor.page.locator("main")).toContainText(progress);
  } finally {
    await mentor.close();
  }
}

test("the mentee chooses her mentor from the shortlist and he accepts", async ({
  browser,
  baseURL,
}) => {
  const mentee = await asMember(browser, baseURL!, sarah);
  await requestFromShortlist(mentee.page, choosePath, gareth.name);
  await mentee.close();

  const mentor = await asMember(browser, baseURL!, gareth);
  await acceptRequest(mentor.page, sarah.name);
  await mentor.close();
});

test("the contract meeting: proposed by the mentee, picked and recorded by the mentor; the trial rule then lets either end it", async ({
  browser,
  baseURL,
  checkA11y,
  page,
}) => {
  test.setTimeout(120_000);
  await followServerClock(page.context());
  await signInToPwa(page, sarah.email);
  await openRelationship(page, gareth.name);
  state.relationshipId = page.url().split("/").pop()!;
  const mine = await trpcQuery<{ id: string; organisationId: string }[]>(
    page,
    "relationships.mine",
  );
  state.organisationId = mine.find((r) => r.id === state.relationshipId)!.organisationId;
  await expect(page.getByRole("region", { name: "Your next meeting" })).toContainText(
    "You arrange the first meeting.",
  );

  await proposeInPage(page, "Propose your contract meeting", 2);
  await expect(page.locator("main")).toContainText("The first meeting is the contract");
  await pickAndHoldInPage(browser, baseURL!, "Contract meeting", "1 of 6 meetings held");

  // The pair agree what the mentee will do before next time.
  await page.reload();
  const actions = page.getByRole("region", { name: "Agreed actions" });
  await actions.getByRole("button", { name: "Add an action" }).click();
  await actions.getByLabel("What was agreed").fill(action);
  await actions
    .getByLabel("Who will do it? (optional)")
    .selectOption({ label: `${sarah.name} (you)` });
  await actions.getByRole("button", { name: "Add the action" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The action is added." })).toBeVisible();

  // The next meeting is due four weeks after the contract meeting, and the page says when.
  const due = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date(state.heldAt[0]!.getTime() + 28 * day));
  await expect(page.getByRole("region", { name: "Your next meeting" })).toContainText(
    `The next one is due by ${due}`,
  );
  await checkA11y();

  // After the contract meeting, and before another, either of them may end it under the trial rule.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My matches" })
    .click();
  await expect(page.getByRole("button", { name: "End after the trial meeting" })).toBeVisible();
});

test("four regular meetings, each about four weeks after the last", async ({
  browser,
  baseURL,
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  // The first through the pages, with the guide for a regular meeting.
  await nearlyAMonthOn(page);
  await proposeInPage(page, "Propose your next meeting", 3);
  await expect(page.locator("main")).toContainText(
    "what the mentee will do before the next meeting",
  );
  await pickAndHoldInPage(browser, baseURL!, "Meeting", "2 of 6 meetings held");

  // Then three more, as the app sends them.
  for (const _ of [3, 4, 5]) {
    await setServerTime(nearlyAMonthAfterTheLast());
    await meetThroughApi(browser, baseURL!, 3);
  }
  // Three months on, her session has ended: she signs in again.
  await signInToPwa(page, sarah.email);
  await openRelationship(page, gareth.name);
  await expect(page.getByRole("region", { name: "Meetings" })).toContainText(
    "5 of 6 meetings held",
  );
  const detail = await detailOf(page);
  expect(detail.meetings.filter((m) => m.status === "held").map((m) => m.kind)).toEqual([
    "contract",
    "regular",
    "regular",
    "regular",
    "regular",
  ]);
  await checkA11y();
});

test("the sixth is the review; a seventh is refused; holding the review completes the relationship", async ({
  browser,
  baseURL,
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  await nearlyAMonthOn(page);
  await proposeInPage(page, "Propose your review meeting", 3);
  await expect(page.locator("main")).toContainText(
    "what the mentee has learned, what has changed for them",
  );

  // All six are held or arranged: the page offers no seventh, and the API refuses one.
  await expect(page.getByRole("region", { name: "Your next meeting" })).toContainText(
    "This scheme allows 6 meetings, and all are held or arranged.",
  );
  await expect(page.getByRole("button", { name: /^Propose/ })).toHaveCount(0);
  const seventh = await trpcMutation(page, baseURL!, "relationships.proposeMeeting", {
    ...ref(),
    times: [{ ...slot(10), minutes: 60, mode: "video" }],
  });
  expect(seventh.status).toBe(409);
  expect(seventh.message).toContain("This scheme allows 6 meetings");
  await checkA11y();

  await pickAndHoldInPage(browser, baseURL!, "Review meeting", "your mentoring is now complete");
  await page.reload();
  await expect(page.locator("main")).toContainText(
    "No more meetings: this relationship has ended.",
  );
  const done = await detailOf(page);
  expect(done).toMatchObject({ status: "closed", closedReason: "completed" });
  expect(done.meetings.filter((m) => m.status === "held").map((m) => m.kind)).toEqual([
    "contract",
    "regular",
    "regular",
    "regular",
    "regular",
    "review",
  ]);
});

test("the coordinator sees the completed relationship's dates and counts, and nothing the pair kept", async ({
  page,
  checkA11y,
}) => {
  await signInThroughForm(page, DEMO_EMAILS.trustCoordinator);
  await page.goto("/schemes");
  await page.getByRole("link", { name: schemeName, exact: true }).first().click();
  await page
    .getByRole("link", { name: /^Relationships/ })
    .first()
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Relationships: ${schemeName}` }),
  ).toBeVisible();
  await page.getByLabel("Show relationships that are").selectOption("closed");
  await page.getByRole("button", { name: "Show relationships" }).click();
  const row = page
    .getByRole("table", { name: "Ended relationships" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: pairName }) });
  await expect(row).toContainText("Completed");
  await expect(row).toContainText("6");
  await checkA11y();

  await row.getByRole("link", { name: pairName }).click();
  await expect(page.getByRole("heading", { level: 1, name: pairName })).toBeVisible();
  const main = page.locator("main");
  const longDate = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  });
  await expect(main).toContainText(longDate.format(state.heldAt.at(-1)!));
  for (const secret of [action, videoLink]) {
    await expect(main).not.toContainText(secret);
    expect(await page.content()).not.toContain(secret);
  }
});
