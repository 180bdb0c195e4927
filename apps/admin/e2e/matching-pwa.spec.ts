// Free choice and the no-fault change in the PWA, end to end. The mentee browses the pool with each
// score explained (and a filter kept in the URL), chooses two mentors in order and sends a request;
// another mentor cannot answer it through the API; the first choice accepts; the mentee asks for a
// no-fault change with a reason; the mentor sees only that the match ended (not on the page, not in
// the email); the pair is never proposed again while the other mentor still is. Matching profiles
// start from what was saved; a mentee in a coordinator-matched scheme is not offered a choice; and a
// no-fault change needs no reason (SPEC principle 2). Axe checks each page.
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signedInPage, signInToPwa, trpcQuery } from "./support/pwa";

const schemeName = "Consultant mentoring: choose your mentor";
const grace = { email: "grace.okafor@airevalley.example.org", name: "Dr Grace Okafor" };
const james = { email: "james.whitfield@airevalley.example.org", name: "Dr James Whitfield" };
const meera = { email: "meera.shah@airevalley.example.org", name: "Dr Meera Shah" };
const zoe = { email: "zoe.clarke@airevalley.example.org", name: "Dr Zoe Clarke" };
const autoSchemeName = "Trust-wide consultant mentoring";
const requestMessage = "I am new to leading a team and would value your view on job planning.";
const reason = "We could not find times that suited us both and our styles did not fit.";

/** From My schemes, as a mentee would get there. */
async function openChooseMentor(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My schemes" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "My schemes" })).toBeVisible();
  await page.getByRole("link", { name: `Choose a mentor in ${schemeName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choose your mentor" })).toBeVisible();
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

function mentorCard(page: Page, name: string) {
  return page.getByRole("article", { name });
}

async function openMatches(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My matches" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "My matches" })).toBeVisible();
  await expect(page.getByText("Loading your matches…")).toHaveCount(0);
}

type Mine = {
  organisationId: string;
  relationships: {
    id: string;
    schemeName: string;
    status: string;
    otherName: string;
    closedReason: string | null;
  }[];
}[];

test.describe.configure({ mode: "serial" });

test("a mentee browses the pool with each score explained, filters it, and requests two mentors in order", async ({
  page,
  checkA11y,
  mailbox,
}) => {
  await page.goto("/app/");
  await signInToPwa(page, grace.email);
  await openChooseMentor(page);
  await expect(page.locator("main")).toContainText(schemeName);

  // Both ready mentors, each with a profile and the terms of their score.
  const jamesCard = mentorCard(page, james.name);
  const meeraCard = mentorCard(page, meera.name);
  await expect(jamesCard).toBeVisible();
  await expect(meeraCard).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "2 mentors" })).toBeVisible();
  await expect(jamesCard).toContainText("Geriatrician and former clinical director");
  await expect(jamesCard).toContainText(
    "Leading a team, Difficult conversations, Work-life balance",
  );
  await expect(jamesCard).toContainText("Monday mornings");
  await expect(jamesCard).toContainText("2 free places");
  await expect(jamesCard).toContainText(/Match score [01]\.\d\d out of 1/);
  await expect(
    jamesCard.getByRole("listitem").filter({ hasText: /^2 of 3 topics \+\d\.\d\d$/ }),
  ).toHaveCount(1);
  await expect(meeraCard).toContainText("happy to meet remotely");
  await expect(
    meeraCard.getByRole("listitem").filter({ hasText: /^1 of 3 topics \+\d\.\d\d$/ }),
  ).toHaveCount(1);
  await checkA11y();

  // A filter lives in the URL and narrows the list: only Meera offers job planning.
  await page.getByLabel("Topic").selectOption("Job planning");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]topic=Job\+planning/);
  await expect(page.getByRole("heading", { level: 2, name: "1 mentor" })).toBeVisible();
  await expect(jamesCard).toHaveCount(0);
  await expect(meeraCard).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "1 mentor" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "2 mentors" })).toBeVisible();

  // Sending with no choice is caught on the page.
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose at least one mentor");
  await checkA11y();

  await page.getByRole("button", { name: `Choose ${james.name}` }).click();
  await page.getByRole("button", { name: `Choose ${meera.name}` }).click();
  const choices = page.getByRole("region", { name: "Your choices" }).getByRole("listitem");
  await expect(choices).toHaveText([new RegExp(james.name), new RegExp(meera.name)]);
  await expect(jamesCard).toContainText("Your first choice");
  await page.getByLabel("A message for the mentor (optional)").fill(requestMessage);
  await page.getByRole("button", { name: "Send request" }).click();

  await expect(page.getByRole("heading", { name: "Request sent" })).toBeVisible();
  await expect(page.locator(".nhsuk-panel")).toContainText(
    `Your request has gone to ${james.name}`,
  );
  const open = page.getByRole("region", { name: "Your request" });
  await expect(open).toContainText(`Your request is with ${james.name}, who has until`);
  await expect(open.getByRole("listitem")).toHaveText([
    `${james.name}: Asked, waiting for an answer`,
    `${meera.name}: Next if needed`,
  ]);
  // No more choosing while the request is open.
  await expect(page.getByRole("button", { name: `Choose ${meera.name}` })).toHaveCount(0);
  await checkA11y();

  // The first choice was asked by email (the server's outbox holds it).
  const asked = await mailbox.latestTo(james.email, { subject: /would like you as their mentor/ });
  expect(asked.text).toContain(`${grace.name} has asked you to be their mentor.`);
  expect(asked.text).toContain("/app/matches");
});

test("another mentor cannot answer the request through the API; the first choice reads it and accepts", async ({
  page,
  checkA11y,
  browser,
  baseURL,
}) => {
  await page.goto("/app/");
  await signInToPwa(page, james.email);
  const mine = await trpcQuery<Mine>(page, "matching.mine");
  const org = mine.find((o) => o.relationships.some((r) => r.schemeName === schemeName))!;
  const request = org.relationships.find(
    (r) => r.schemeName === schemeName && r.status === "requested",
  )!;
  expect(request.otherName).toBe(grace.name);

  // Meera (the second choice, not yet asked) tries to accept it herself: refused, nothing changes.
  const other = await signedInPage(browser, baseURL!, meera.email);
  const refused = await other.page.request.post("/api/trpc/matching.respond", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: {
      json: { organisationId: org.organisationId, relationshipId: request.id, accept: true },
    },
  });
  expect(refused.status()).toBe(404);
  await other.close();

  await openMatches(page);
  const card = page.getByRole("article", { name: `${grace.name} would like you as their mentor` });
  await expect(card).toContainText(requestMessage);
  await expect(card).toContainText(/Please answer by \d{1,2} \w+ \d{4}/);
  await expect(card).toContainText("Leading a team, Job planning, Difficult conversations");
  await checkA11y();

  await card.getByRole("button", { name: `Accept ${grace.name}` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `You have accepted ${grace.name} as your mentee` }),
  ).toBeVisible();
  const mentees = page.getByRole("region", { name: "Your mentee" });
  await expect(mentees.getByRole("article", { name: grace.name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Requests to answer" })).toHaveCount(0);
  await checkA11y();

  const after = await trpcQuery<Mine>(page, "matching.mine");
  const relationship = after.flatMap((o) => o.relationships).find((r) => r.id === request.id)!;
  expect(relationship.status).toBe("active");
});

test("the mentee sees their mentor and asks for a no-fault change, told plainly who sees the reason", async ({
  page,
  checkA11y,
}) => {
  await page.goto("/app/");
  await signInToPwa(page, grace.email);
  await openMatches(page);
  const mentor = page
    .getByRole("region", { name: "Your mentor" })
    .getByRole("article", { name: james.name });
  await expect(mentor).toContainText("Geriatrician and former clinical director");
  await expect(mentor).toContainText(/Why you were matched: .*2 of 3 topics/);
  await checkA11y();

  await mentor.getByRole("button", { name: "Ask for a no-fault change" }).click();
  await expect(mentor).toContainText(
    `Only you and the scheme coordinator will see what you write here. ${james.name} will never see it`,
  );
  // A reason is optional (SPEC principle 2); who sees it is said by the field itself.
  const reasonField = mentor.getByLabel("Reason (optional)");
  await expect(reasonField).toBeVisible();
  await expect(mentor.locator("#reason-hint")).toContainText(
    `Seen only by you and the coordinator, never by ${james.name}.`,
  );
  await checkA11y();

  await reasonField.fill(reason);
  await mentor.getByRole("button", { name: "End this match and ask for a change" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText: `Your match with ${james.name} has ended. You will not be matched with them again.`,
    }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Your mentor" })).toHaveCount(0);
  const ended = page
    .getByRole("region", { name: "Ended matches" })
    .getByRole("row")
    .filter({ hasText: james.name });
  await expect(ended).toContainText("You asked for a no-fault change");
  await checkA11y();
});

test("the mentor sees only that the match ended: no reason on the page, in the API or in the email", async ({
  page,
  checkA11y,
  mailbox,
}) => {
  await page.goto("/app/");
  await signInToPwa(page, james.email);
  await openMatches(page);
  await expect(page.getByRole("region", { name: "Your mentee" })).toHaveCount(0);
  const ended = page
    .getByRole("region", { name: "Ended matches" })
    .getByRole("row")
    .filter({ hasText: grace.name });
  await expect(ended).toContainText("The match has ended");
  await expect(page.locator("main")).not.toContainText(reason);
  await expect(page.locator("main")).not.toContainText(/no-fault/i);
  await checkA11y();

  // What the API hands the mentor holds no reason either.
  const mine = await trpcQuery<Mine>(page, "matching.mine");
  const raw = JSON.stringify(mine);
  expect(raw).not.toContain(reason);
  const closed = mine
    .flatMap((o) => o.relationships)
    .find((r) => r.otherName === grace.name && r.status === "closed")!;
  expect(closed.closedReason).toBeNull();

  const email = await mailbox.latestTo(james.email, { subject: /a mentoring match has ended/ });
  expect(email.text).toContain("One of your mentoring matches has ended.");
  expect(email.text).not.toContain(reason);
  expect(email.text).not.toMatch(/no-fault/i);
  expect(email.text).not.toContain(grace.name);
});

test("the pair is never proposed again: the pool lists the other mentor but not the first", async ({
  page,
  checkA11y,
}) => {
  await page.goto("/app/");
  await signInToPwa(page, grace.email);
  await openChooseMentor(page);
  await expect(mentorCard(page, meera.name)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1 mentor" })).toBeVisible();
  await expect(mentorCard(page, james.name)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Your request" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Choose ${meera.name}` })).toBeVisible();
  await checkA11y();
});

test("matching profiles: a mentee's saved topics are shown and kept; a mentor's capacity is checked against the scheme", async ({
  page,
  checkA11y,
  browser,
  baseURL,
}) => {
  await signInToPwa(page, grace.email);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My schemes" })
    .click();
  await page.getByRole("link", { name: `Matching profile in ${schemeName}` }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Your matching profile" }),
  ).toBeVisible();
  const topics = page.getByLabel("Topics you would like to talk about");
  await expect(topics).toHaveValue("Leading a team\nJob planning\nDifficult conversations");
  await expect(page.getByLabel("When you are usually free to meet")).toHaveValue(
    "Monday mornings\nTuesday afternoons",
  );
  // What was saved is shown, so there is no warning that saving replaces it.
  await expect(page.getByText("Fill in every part")).toHaveCount(0);
  // The scheme's suggested topics: those already listed are pressed.
  const suggested = page.getByRole("group", { name: /Topics this scheme suggests/ });
  await expect(suggested.getByRole("button", { name: "Job planning" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const workLife = suggested.getByRole("button", { name: "Work-life balance" });
  await expect(workLife).toHaveAttribute("aria-pressed", "false");
  await topics.fill(`Leading a team\nJob planning\n${"x".repeat(81)}`);
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(page.getByRole("alert")).toContainText("Keep each topic to 80 characters or fewer");
  await checkA11y();
  await topics.fill("Leading a team\nJob planning\nDifficult conversations");
  await workLife.click();
  await expect(workLife).toHaveAttribute("aria-pressed", "true");
  await expect(topics).toHaveValue(
    "Leading a team\nJob planning\nDifficult conversations\nWork-life balance",
  );
  await page
    .getByLabel("A short introduction (optional)")
    .fill("New consultant in acute medicine.");
  await page.getByRole("button", { name: "Save my profile" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Your profile is saved." }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Topics you would like to talk about")).toHaveValue(
    "Leading a team\nJob planning\nDifficult conversations\nWork-life balance",
  );
  await expect(page.getByLabel("A short introduction (optional)")).toHaveValue(
    "New consultant in acute medicine.",
  );

  // A mentor: the scheme caps mentees per mentor (3 in this template); the server says so on the field.
  const mentor = await signedInPage(browser, baseURL!, meera.email);
  await mentor.page.goto("/app/schemes/aire-valley-hospitals/choose-your-mentor/profile");
  await expect(
    mentor.page.getByRole("heading", { level: 1, name: "Your matching profile" }),
  ).toBeVisible();
  // A mentor's profile is filled in from what was saved too, capacity included.
  await expect(mentor.page.getByLabel("Topics you can help with")).toHaveValue(
    "Job planning\nTeaching and training",
  );
  await expect(mentor.page.getByLabel("When you are usually free to meet")).toHaveValue(
    "Tuesday afternoons\nThursday afternoons",
  );
  await expect(mentor.page.getByLabel("I am happy to meet by video or phone")).toBeChecked();
  await expect(mentor.page.getByLabel("A short introduction (optional)")).toHaveValue(
    "Obstetrician and college tutor. I mentor by video as often as in person.",
  );
  const capacity = mentor.page.getByLabel("How many mentees can you take at once?");
  await expect(capacity).toHaveValue("2");
  await expect(mentor.page.locator("#capacity-hint")).toContainText(
    "This scheme allows up to 3 mentees per mentor",
  );
  await expect(mentor.page.getByText("Fill in every part")).toHaveCount(0);
  await expectNoAxeViolations(mentor.page);
  await capacity.fill("9");
  await mentor.page.getByRole("button", { name: "Save my profile" }).click();
  await expect(mentor.page.getByRole("alert")).toContainText(/Enter \d+ or fewer/);
  await expect(mentor.page.locator("#capacity-error")).toContainText(/Enter \d+ or fewer/);
  await mentor.page.getByLabel("How many mentees can you take at once?").fill("2");
  await mentor.page.getByRole("button", { name: "Save my profile" }).click();
  await expect(
    mentor.page.getByRole("status").filter({ hasText: "Your profile is saved." }),
  ).toBeVisible();
  await mentor.close();
});

test("a mentee in a coordinator-matched scheme is not offered a choice of mentor", async ({
  page,
  checkA11y,
}) => {
  await signInToPwa(page, zoe.email);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My schemes" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "My schemes" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Your match in ${autoSchemeName}` })).toBeVisible();
  await expect(
    page.getByRole("link", { name: `Choose a mentor in ${autoSchemeName}` }),
  ).toHaveCount(0);
  await checkA11y();

  await page.getByRole("link", { name: `Your match in ${autoSchemeName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My matches" })).toBeVisible();
  await expect(page.getByText("Loading your matches…")).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: `Choose a mentor in ${autoSchemeName}` }),
  ).toHaveCount(0);
});

test("a no-fault change needs no reason: the mentee asks for one with the reason left blank", async ({
  page,
  checkA11y,
  browser,
  baseURL,
}) => {
  // Grace asks Meera, who accepts.
  await signInToPwa(page, grace.email);
  await openChooseMentor(page);
  await page.getByRole("button", { name: `Choose ${meera.name}` }).click();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Request sent" })).toBeVisible();

  const mentor = await signedInPage(browser, baseURL!, meera.email);
  await openMatches(mentor.page);
  await mentor.page
    .getByRole("article", { name: `${grace.name} would like you as their mentor` })
    .getByRole("button", { name: `Accept ${grace.name}` })
    .click();
  await expect(
    mentor.page
      .getByRole("status")
      .filter({ hasText: `You have accepted ${grace.name} as your mentee` }),
  ).toBeVisible();
  await mentor.close();

  await openMatches(page);
  const card = page
    .getByRole("region", { name: "Your mentor" })
    .getByRole("article", { name: meera.name });
  await card.getByRole("button", { name: "Ask for a no-fault change" }).click();
  await expect(card.getByLabel("Reason (optional)")).toHaveValue("");
  await card.getByRole("button", { name: "End this match and ask for a change" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText: `Your match with ${meera.name} has ended. You will not be matched with them again.`,
    }),
  ).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(
    page
      .getByRole("region", { name: "Ended matches" })
      .getByRole("row")
      .filter({ hasText: meera.name }),
  ).toContainText("You asked for a no-fault change");
  await checkA11y();

  const mine = await trpcQuery<Mine>(page, "matching.mine");
  const closed = mine
    .flatMap((o) => o.relationships)
    .find((r) => r.otherName === meera.name && r.status === "closed")!;
  expect(closed.closedReason).toBe("no_fault_change");
});
