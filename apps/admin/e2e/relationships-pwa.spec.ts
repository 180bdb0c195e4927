// Life after a match in the PWA, end to end, for a GP non-principal and her mentor (a scheme of up
// to six paid meetings, the first the contract, agreed actions only). The pair is matched the way
// people are (the mentee asks from her shortlist, the mentor accepts), then: "My mentoring" says the
// mentee arranges the first meeting; she proposes two times for the contract meeting, and the
// scheme's rule on length comes back from the server onto the field; the mentor picks the first
// time, the mentee cannot pick her own through the API; once it has started the mentor records it
// held; the mentee adds an agreed action, the mentor ticks it off; the mentor claims for the meeting.
// Finally the mentee ends it in one step, with no reason asked, and gives the feedback it asks for.
// The server's own view (relationships.get) is checked after each step, and axe checks each page.
import { expect, expectNoAxeViolations, test } from "./support/fixtures";
import { followServerClock, resetServerTime, serverNow, setServerTime } from "./support/clock";
import {
  acceptRequest,
  londonClock,
  openRelationship,
  openMyMentoring,
  requestFromShortlist,
  signedInPage,
  signInToPwa,
  trpcQuery,
} from "./support/pwa";

const schemeName = "GP non-principal mentoring";
const choosePath = "/app/schemes/nidd-wharfe-pcn/gp-non-principal-mentoring/choose";
const laura = { email: "laura.pickering@nidd-wharfe.example.org", name: "Dr Laura Pickering" };
const jo = { email: "jo.sutcliffe@nidd-wharfe.example.org", name: "Dr Jo Sutcliffe" };
const action = "Draft a learning plan for my portfolio";

type Detail = {
  status: string;
  meetings: {
    id: string;
    kind: string;
    status: string;
    startsAt: string | null;
    heldMinutes: number | null;
    proposedTimes: unknown[];
  }[];
  actions: { text: string; done: boolean; ownerName: string | null }[] | null;
};

let relationshipId = "";
let organisationId = "";

test.describe.configure({ mode: "serial" });
test.afterAll(resetServerTime);

test("before a match, My mentoring says what to do next", async ({ page, checkA11y }) => {
  await signInToPwa(page, laura.email);
  await openMyMentoring(page);
  await expect(page.locator("main")).toContainText("You are not in a mentoring relationship yet.");
  await expect(page.getByRole("link", { name: "See your matches and requests" })).toHaveAttribute(
    "href",
    "/app/matches",
  );
  await checkA11y();
});

test("the mentee asks for a mentor from her shortlist and the mentor accepts", async ({
  page,
  browser,
  baseURL,
}) => {
  await signInToPwa(page, laura.email);
  await requestFromShortlist(page, choosePath, jo.name);

  const mentor = await signedInPage(browser, baseURL!, jo.email);
  await acceptRequest(mentor.page, laura.name);
  await mentor.close();
});

test("the mentee sees her mentor's contact details and is asked to arrange the first meeting", async ({
  page,
  checkA11y,
}) => {
  await signInToPwa(page, laura.email);
  await openMyMentoring(page);
  const card = page.getByRole("article", { name: jo.name });
  await expect(card).toContainText(schemeName);
  await expect(card).toContainText("You arrange the first meeting: propose up to three times");
  await expect(card).toContainText("0 of 6 meetings held");
  await checkA11y();

  await card.getByRole("link", { name: jo.name }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Mentoring with ${jo.name}` }),
  ).toBeVisible();
  relationshipId = page.url().split("/").pop()!;
  const mine = await trpcQuery<{ id: string; organisationId: string }[]>(
    page,
    "relationships.mine",
  );
  organisationId = mine.find((r) => r.id === relationshipId)!.organisationId;

  const contacts = page.getByRole("region", { name: "Contact details" });
  await expect(contacts.getByRole("link", { name: jo.email })).toHaveAttribute(
    "href",
    `mailto:${jo.email}`,
  );
  await expect(page.getByRole("region", { name: "Your next meeting" })).toContainText(
    "You arrange the first meeting.",
  );
  await expect(page.getByRole("region", { name: "Agreed actions" })).toContainText(
    "No actions yet.",
  );
  await checkA11y();
});

test("the mentee proposes the contract meeting; the mentor picks a time; it is recorded as held; an agreed action is kept", async ({
  page,
  checkA11y,
  browser,
  baseURL,
  mailbox,
}) => {
  // The first time is tomorrow; the server's clock is then moved past it, so the mentor can record it held.
  test.setTimeout(120_000);
  await followServerClock(page.context());
  await signInToPwa(page, laura.email);
  await openRelationship(page, jo.name);
  await page.getByRole("button", { name: "Propose times for your first meeting" }).click();
  await expect(page.getByRole("heading", { name: "Propose your contract meeting" })).toBeFocused();
  await expect(page.locator("main")).toContainText("The first meeting is the contract");

  const soon = new Date(Math.ceil((serverNow().getTime() + 86_400_000) / 60_000) * 60_000);
  const first = londonClock(soon);
  const later = londonClock(new Date(serverNow().getTime() + 8 * 86_400_000));
  const time1 = page.getByRole("group", { name: "Time 1" });
  await time1.getByLabel("Date").fill(first.date);
  await time1.getByLabel("Start time").fill(first.time);
  await time1.getByLabel("How long, in minutes").fill("30");
  await time1.getByLabel("By phone").check();
  await page.getByRole("button", { name: "Add another time" }).click();
  const time2 = page.getByRole("group", { name: "Time 2 (optional)" });
  await time2.getByLabel("Date").fill(later.date);
  await time2.getByLabel("Start time").fill("17:30");
  await time2.getByLabel("By video").check();
  await time2.getByLabel("Video link (optional)").fill("https://meet.example.org/laura-jo");
  await page.getByRole("button", { name: "Send these times" }).click();

  // The scheme's rule on length is the server's, shown in the error summary and on the field.
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Meetings in this scheme last between 60 and 90 minutes");
  await expect(
    summary.getByRole("link", { name: "Meetings in this scheme last between 60 and 90 minutes" }),
  ).toHaveAttribute("href", "#propose-times-0-minutes");
  await expect(page.locator("#propose-times-0-minutes-error")).toContainText(
    "between 60 and 90 minutes",
  );
  await expect(page).toHaveTitle(/^Error: /);
  await checkA11y();
  await summary.getByRole("link").click();
  await expect(page.locator("#propose-times-0-minutes")).toBeFocused();
  await page.locator("#propose-times-0-minutes").fill("60");
  await page.getByRole("button", { name: "Send these times" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `Your times for your contract meeting have gone to ${jo.name}` }),
  ).toBeVisible();
  const proposal = page.getByRole("article", { name: "Contract meeting" });
  await expect(proposal).toContainText("Waiting for a time to be picked");
  await expect(proposal.getByRole("listitem")).toHaveCount(2);
  await checkA11y();

  const proposed = await trpcQuery<Detail>(page, "relationships.get", {
    organisationId,
    relationshipId,
  });
  const meeting = proposed.meetings[0]!;
  expect(meeting).toMatchObject({ kind: "contract", status: "proposed" });
  expect(meeting.proposedTimes).toHaveLength(2);
  // The one who proposed cannot pick: nothing changes.
  const ownPick = await page.request.post("/api/trpc/relationships.pickTime", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { json: { organisationId, relationshipId, meetingId: meeting.id, choice: 0 } },
  });
  expect(ownPick.status()).toBe(409);
  const asked = await mailbox.latestTo(jo.email, {
    subject: /please pick a time for your contract meeting/,
  });
  expect(asked.text).toContain(`/app/relationships/${relationshipId}`);

  // The mentor picks the first time.
  const mentor = await signedInPage(browser, baseURL!, jo.email, { followClock: true });
  await openRelationship(mentor.page, laura.name);
  const toPick = mentor.page.getByRole("article", { name: "Contract meeting" });
  await toPick.getByRole("button", { name: "Pick a time" }).click();
  await toPick.getByRole("radio").first().check();
  await toPick.getByRole("button", { name: "Pick this time" }).click();
  await expect(
    mentor.page.getByRole("status").filter({ hasText: "Your meeting is arranged for" }),
  ).toBeVisible();
  await expect(mentor.page.getByRole("article", { name: "Contract meeting" })).toContainText(
    "Arranged",
  );
  await expectNoAxeViolations(mentor.page);

  const picked = await trpcQuery<Detail>(mentor.page, "relationships.get", {
    organisationId,
    relationshipId,
  });
  expect(picked.meetings[0]).toMatchObject({ status: "scheduled", startsAt: soon.toISOString() });

  // Once it has started, the mentor records that it was held, and how long it lasted.
  await setServerTime(new Date(soon.getTime() + 65 * 60_000));
  await mentor.page.reload();
  const toRecord = mentor.page.getByRole("article", { name: "Contract meeting" });
  await expect(toRecord).toContainText("Time to record what happened");
  await toRecord.getByRole("button", { name: "Record what happened" }).click();
  await toRecord.getByLabel("Yes, we met").check();
  await toRecord.getByLabel("How long did it last, in minutes?").fill("50");
  await toRecord.getByRole("button", { name: "Save" }).click();
  await expect(
    mentor.page.getByRole("status").filter({ hasText: "The meeting is recorded as held." }),
  ).toBeVisible();
  const past = mentor.page.getByRole("region", { name: "Meetings" });
  await expect(past.getByRole("article", { name: "Contract meeting" })).toContainText("Held");
  await expect(past).toContainText("1 of 6 meetings held");
  await expect(past.getByRole("article", { name: "Contract meeting" })).toContainText("50 minutes");

  const held = await trpcQuery<Detail>(mentor.page, "relationships.get", {
    organisationId,
    relationshipId,
  });
  expect(held.meetings[0]).toMatchObject({ status: "held", heldMinutes: 50 });

  // The mentee adds what she agreed to do; it is the pair's alone.
  await page.reload();
  await expect(
    page.getByRole("heading", { level: 1, name: `Mentoring with ${jo.name}` }),
  ).toBeVisible();
  const actions = page.getByRole("region", { name: "Agreed actions" });
  await actions.getByRole("button", { name: "Add an action" }).click();
  await actions.getByRole("button", { name: "Add the action" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
    "Enter the action",
  );
  await actions.getByLabel("What was agreed").fill(action);
  await actions
    .getByLabel("Who will do it? (optional)")
    .selectOption({ label: `${laura.name} (you)` });
  await actions.getByRole("button", { name: "Add the action" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The action is added." })).toBeVisible();
  await expect(actions.getByRole("listitem").filter({ hasText: action })).toContainText(
    "You will do this",
  );
  await checkA11y();

  // The mentor sees it and ticks it off.
  await mentor.page.reload();
  const theirs = mentor.page
    .getByRole("region", { name: "Agreed actions" })
    .getByRole("listitem")
    .filter({ hasText: action });
  await expect(theirs).toContainText(`${laura.name} will do this`);
  await theirs.getByRole("button", { name: `Mark as done (${action})` }).click();
  await expect(
    mentor.page.getByRole("status").filter({ hasText: "The action is marked as done." }),
  ).toBeVisible();
  const kept = await trpcQuery<Detail>(mentor.page, "relationships.get", {
    organisationId,
    relationshipId,
  });
  expect(kept.actions).toEqual([
    expect.objectContaining({ text: action, done: true, ownerName: laura.name }),
  ]);

  // The scheme pays per meeting: the mentor claims for the held meeting.
  const claims = mentor.page.getByRole("region", { name: "Claims" });
  await expect(claims).toContainText(
    "This scheme pays £150.00 for each meeting held, for up to 6 meetings",
  );
  await claims.getByRole("button", { name: /^Claim for this meeting/ }).click();
  await claims.getByRole("button", { name: "Claim £150.00" }).click();
  await expect(
    mentor.page
      .getByRole("status")
      .filter({ hasText: "Your claim for £150.00 has gone to the coordinator." }),
  ).toBeVisible();
  await expect(claims).toContainText("Waiting for approval");
  await expectNoAxeViolations(mentor.page);
  await mentor.page.getByRole("link", { name: "See all my claims" }).click();
  await expect(mentor.page.getByRole("heading", { level: 1, name: "My claims" })).toBeVisible();
  await expect(mentor.page.locator("main")).toContainText("Waiting for approval");
  await mentor.close();

  // The page ends on the mentee's relationship page, which the fixture checks with axe.
});

test("the mentee ends the relationship in one step, with no reason asked, and gives feedback", async ({
  page,
  checkA11y,
  mailbox,
}) => {
  await followServerClock(page.context());
  await signInToPwa(page, laura.email);
  await openRelationship(page, jo.name);
  await page.getByRole("button", { name: "End this relationship" }).click();
  await expect(
    page.getByRole("heading", { name: `End your mentoring with ${jo.name}?` }),
  ).toBeFocused();
  await expect(page.locator("main")).toContainText(
    "You do not need to give a reason, and none is recorded.",
  );
  await expect(page.getByRole("region", { name: "Pause or end" }).getByRole("textbox")).toHaveCount(
    0,
  );
  await checkA11y();
  await page.getByRole("button", { name: "Yes, end it" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your mentoring relationship has ended." }),
  ).toBeVisible();
  await expect(page.locator("main")).toContainText("Ended: someone withdrew");
  await expect(page.getByRole("button", { name: "Propose a meeting" })).toHaveCount(0);
  const ended = await trpcQuery<Detail>(page, "relationships.get", {
    organisationId,
    relationshipId,
  });
  expect(ended.status).toBe("closed");

  // A meeting was held, so the scheme asks the mentee how it went: on the page and by email.
  const invite = await mailbox.latestTo(laura.email, { subject: /how did mentoring go/ });
  const requests = await trpcQuery<
    { requestId: string; relationshipId: string; given: boolean; point: string }[]
  >(page, "feedback.mine");
  const request = requests.find((r) => r.relationshipId === relationshipId)!;
  expect(request).toMatchObject({ point: "end", given: false });
  expect(invite.text).toContain(`/app/feedback/${request.requestId}`);
  await page.reload();
  await page.getByRole("link", { name: "Give your feedback" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "How did mentoring go?" }),
  ).toBeVisible();
  await expect(page.locator("main")).toContainText("Your answers are never shown with your name.");
  await page
    .getByRole("group", { name: /How useful was mentoring to you\?/ })
    .getByLabel("4", { exact: true })
    .check();
  await page
    .getByLabel("What, if anything, has changed for you? (optional)")
    .fill("I have a plan for my portfolio.");
  await checkA11y();
  await page.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your feedback" })).toBeVisible();

  const given = await trpcQuery<{ requestId: string; given: boolean }[]>(page, "feedback.mine");
  expect(given.find((r) => r.requestId === request.requestId)!.given).toBe(true);
  // Until the round closes, the answers can be changed: the form starts from them.
  await page.goto(`/app/feedback/${request.requestId}`);
  await expect(
    page
      .getByRole("group", { name: /How useful was mentoring to you\?/ })
      .getByLabel("4", { exact: true }),
  ).toBeChecked();
  await expect(page.getByLabel("What, if anything, has changed for you? (optional)")).toHaveValue(
    "I have a plan for my portfolio.",
  );
  await expect(page.getByRole("button", { name: "Save my changes" })).toBeVisible();
});
