// The PWA offline (decision record 016), for a demo pair whose contract meeting is arranged for
// tomorrow (the server's clock is then moved past it): once it has started the mentee goes
// offline, still sees her mentoring
// ("Offline: showing what you saw at …"), records the meeting as held, marks an action done and adds
// another, writes a private reflection, adds and discards a fifth, reloads while still offline (four
// changes still shown as waiting; the reflection, sealed before it was kept, opens again with the
// passphrase) while his mentor removes the action he marked; back online, the meeting, the new action
// and the reflection arrive exactly once, the reflection's text in no request, and the change to the
// removed action is shown with what happened, until he discards it. Signing out wipes the device.
import type { Page } from "@playwright/test";
import { followServerClock, resetServerTime, serverNow, setServerTime } from "./support/clock";
import { DEMO_PASSWORD, expect, expectNoAxeViolations, test } from "./support/fixtures";
import { londonWallClock, openRelationship, signInToPwa, trpcMutate, trpcQuery } from "./support/pwa";
import { setUpReflections } from "./support/reflections";

const ben = { email: "ben.carter@airevalley.example.org", name: "Dr Ben Carter" };
const nadia = { email: "nadia.rahman@airevalley.example.org", name: "Dr Nadia Rahman" };
const action = "Shadow the rota meeting on the respiratory ward";
const discarded = "Ask the clinical lead about study leave";
const removedMeanwhile = "Book a place on the leadership course";
const reflection = `On the train home: I said more than I planned to ${Date.now().toString(36)}`;
const passphrase = "lantern orchard pebble window";

type Detail = {
  meetings: { id: string; kind: string; status: string; startsAt: string | null }[];
  actions: { text: string }[] | null;
};

/** What the PWA keeps in its IndexedDB: changes waiting, and how many queries are kept. */
function deviceStore(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ outbox: number; queries: number }>((resolve, reject) => {
        const open = indexedDB.open("tandem-device");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["outbox", "cache"], "readonly");
          const count = tx.objectStore("outbox").count();
          const cache = tx.objectStore("cache").get("queries");
          tx.oncomplete = () => {
            const kept = cache.result as { clientState?: { queries?: unknown[] } } | undefined;
            resolve({ outbox: count.result, queries: kept?.clientState?.queries?.length ?? 0 });
            db.close();
          };
        };
      }),
  );
}

/** Everything in the device's IndexedDB, as text (to show what is kept there in the clear). */
function deviceText(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("tandem-device");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, "readonly");
          const all = names.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            resolve(JSON.stringify(all.map((request) => request.result)));
            db.close();
          };
        };
      }),
  );
}

test.afterAll(resetServerTime);

test("offline, a held meeting and an agreed action wait on the device, survive a reload, and arrive exactly once; a change refused on replay is shown", async ({
  page,
  context,
  browser,
  baseURL,
  checkA11y,
}) => {
  // The meeting is arranged for tomorrow and can be recorded only once it has started: the server's
  // clock (and the browsers', which follow it) is then moved past it.
  test.setTimeout(120_000);
  await followServerClock(context);
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${decodeURIComponent(request.url())}\n${request.postData() ?? ""}`));
  await signInToPwa(page, ben.email);
  const mine = await trpcQuery<{ id: string; organisationId: string; status: string }[]>(
    page,
    "relationships.mine",
  );
  const relationship = mine.find((r) => r.status === "active")!;
  const scope = { organisationId: relationship.organisationId, relationshipId: relationship.id };

  // Arranged as the pair do: Ben withdraws the demo's proposed times and proposes one soon; Nadia picks it.
  const before = await trpcQuery<Detail>(page, "relationships.get", scope);
  const proposed = before.meetings.find((m) => m.status === "proposed")!;
  await trpcMutate(page, baseURL!, "relationships.cancelMeeting", {
    ...scope,
    meetingId: proposed.id,
  });
  const soon = new Date(Math.ceil((serverNow().getTime() + 86_400_000) / 60_000) * 60_000);
  const { meetingId } = await trpcMutate<{ meetingId: string }>(
    page,
    baseURL!,
    "relationships.proposeMeeting",
    {
      ...scope,
      times: [
        {
          ...londonWallClock(soon),
          minutes: 60,
          mode: "video",
          link: "https://meet.example.org/ben-nadia",
        },
      ],
    },
  );
  const mentorContext = await browser.newContext({ baseURL });
  await followServerClock(mentorContext);
  const mentor = await mentorContext.newPage();
  await signInToPwa(mentor, nadia.email);
  await trpcMutate(mentor, baseURL!, "relationships.pickTime", {
    ...scope,
    meetingId,
    choice: 0,
  });
  const { actionId } = await trpcMutate<{ actionId: string }>(
    page,
    baseURL!,
    "relationships.addAction",
    {
      ...scope,
      text: removedMeanwhile,
    },
  );

  await page.goto(`/app/relationships/${relationship.id}`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Mentoring with ${nadia.name}` }),
  ).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await setServerTime(new Date(soon.getTime() + 65 * 60_000));
  await page.reload();
  // The meeting's own card (the withdrawn proposal has one too).
  const contract = page.locator(`article[aria-labelledby="meeting-${meetingId}"]`);
  await expect(contract).toContainText("Time to record what happened");
  const reflections = await setUpReflections(page, passphrase);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // What was seen is on the device before the connection goes.
  await expect.poll(async () => (await deviceStore(page)).queries).toBeGreaterThan(1);

  await context.setOffline(true);
  await expect(
    page.getByRole("heading", { name: /Offline: showing what you saw at \d\d:\d\d$/ }),
  ).toBeVisible();

  await contract.getByRole("button", { name: "Record what happened" }).click();
  await contract.getByLabel("Yes, we met").check();
  await contract.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText: "Your change is saved on this device. It will be sent when you are back online.",
    }),
  ).toBeVisible();
  await expect(page.getByTestId("outbox")).toContainText("1 change waiting to send");

  await page.getByRole("button", { name: `Mark as done (${removedMeanwhile})` }).click();
  await expect(page.getByTestId("outbox")).toContainText("2 changes waiting to send");

  const actions = page.getByRole("region", { name: "Agreed actions" });
  for (const text of [action, discarded]) {
    await actions.getByRole("button", { name: "Add an action" }).click();
    await actions.getByLabel("What was agreed").fill(text);
    await actions.getByRole("button", { name: "Add the action" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Your change is saved on this device." }),
    ).toBeVisible();
  }
  await reflections.getByLabel("What do you want to remember?").fill(reflection);
  await reflections.getByRole("button", { name: "Save my reflection" }).click();
  await expect(reflections.getByRole("status")).toContainText("Your change is saved on this device.");
  await expect(reflections.getByText(reflection)).toBeVisible();
  await expect(reflections).toContainText("Waiting to send");
  const outbox = page.getByTestId("outbox");
  await expect(outbox).toContainText("5 changes waiting to send");
  await expect(outbox).toContainText(
    "saved on this device and will be sent when you are back online",
  );

  // The person sees what is waiting and discards one.
  await outbox.getByText("See or discard them").click();
  await expect(outbox.getByRole("listitem")).toHaveCount(5);
  await expect(outbox.getByRole("listitem").first()).toContainText("Record the contract meeting");
  await outbox
    .getByRole("button", { name: `Discard: Add the agreed action “${discarded}”` })
    .click();
  await outbox
    .getByRole("button", { name: `Yes, discard it: Add the agreed action “${discarded}”` })
    .click();
  await expect(outbox).toContainText("4 changes waiting to send");
  await checkA11y();

  // Meanwhile the mentor removes the action Ben marked done.
  await trpcMutate(mentor, baseURL!, "relationships.removeAction", { ...scope, actionId });
  await mentorContext.close();

  // A reload while still offline: the page and the four changes are still there, waiting.
  await page.reload();
  await expect(
    page.getByRole("heading", { level: 1, name: `Mentoring with ${nadia.name}` }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: /Offline: showing what you saw at / }),
  ).toBeVisible();
  await expect(page.getByTestId("outbox")).toContainText("4 changes waiting to send");
  await page.getByTestId("outbox").getByText("See or discard them").click();
  await expect(page.getByTestId("outbox").getByRole("listitem")).toHaveText([
    /Record the contract meeting/,
    new RegExp(`Mark the agreed action “${removedMeanwhile}” as done`),
    new RegExp(`Add the agreed action “${action}”`),
    /Save a private reflection \(encrypted on this device\)/,
  ]);
  expect((await deviceStore(page)).outbox).toBe(4);
  // The device kept the reflection sealed: it opens again only with the passphrase.
  expect(await deviceText(page)).not.toContain(reflection);
  await expect(reflections.getByText(reflection)).toHaveCount(0);
  await reflections.getByLabel("Your reflections passphrase").fill(passphrase);
  await reflections.getByRole("button", { name: "Unlock my reflections" }).click();
  await expect(reflections.getByText(reflection)).toBeVisible();
  await expect(reflections).toContainText("Waiting to send");
  await expectNoAxeViolations(page);

  // Back online: the meeting and the new action are sent, and the page shows them as the server has
  // them; the change to the removed action is refused, and shown with what happened.
  await context.setOffline(false);
  await expect(page.getByTestId("outbox")).toHaveCount(0);
  const refused = page.getByTestId("outbox-refused");
  await expect(refused).toContainText(`Mark the agreed action “${removedMeanwhile}” as done`);
  await expect(refused).toContainText("Not sent: That action is not in this relationship");
  await checkA11y();
  await expect(page.getByRole("heading", { name: /Offline: showing/ })).toHaveCount(0);
  await expect(contract).toContainText("Held");
  await expect(
    page
      .getByRole("region", { name: "Agreed actions" })
      .getByRole("listitem")
      .filter({ hasText: action }),
  ).toHaveCount(1);
  expect((await deviceStore(page)).outbox).toBe(1);
  await refused.getByRole("button", { name: /^Discard: Mark the agreed action/ }).click();
  await refused.getByRole("button", { name: /^Yes, discard it: Mark the agreed action/ }).click();
  await expect(refused).toHaveCount(0);
  expect((await deviceStore(page)).outbox).toBe(0);

  // Each arrived exactly once; the discarded one never left the device.
  const after = await trpcQuery<Detail>(page, "relationships.get", scope);
  expect(after.meetings.filter((m) => m.id === meetingId).map((m) => m.status)).toEqual(["held"]);
  expect(after.actions!.filter((a) => a.text === action)).toHaveLength(1);
  expect(after.actions!.filter((a) => a.text === discarded)).toHaveLength(0);
  expect(await trpcQuery<unknown[]>(page, "reflections.list", scope)).toHaveLength(1);
  await expect(reflections.getByText(reflection)).toBeVisible();
  await expect(reflections).not.toContainText("Waiting to send");
  expect(requests.filter((r) => r.includes("reflections.add"))).not.toEqual([]);
  expect(requests.filter((r) => r.includes(reflection) || r.includes(passphrase))).toEqual([]);

  // Signing out wipes what Tandem kept on the device.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "My organisations" })
    .click();
  await expect(
    page.getByText("Signing out removes everything Tandem keeps on this device."),
  ).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect.poll(() => deviceStore(page)).toEqual({ outbox: 0, queries: 0 });
});

test("a replay that finds the session ended keeps every change and asks to sign in; signed in again, each is sent once", async ({ page, context }) => {
  test.setTimeout(90_000);
  const alice = "alice.moss@airevalley.example.org";
  const first = `Read the induction pack again ${Date.now().toString(36)}`;
  const second = `Ask about the teaching rota ${Date.now().toString(36)}`;
  await signInToPwa(page, alice);
  await openRelationship(page, nadia.name);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(async () => (await deviceStore(page)).queries).toBeGreaterThan(1);

  await context.setOffline(true);
  const actions = page.getByRole("region", { name: "Agreed actions" });
  for (const text of [first, second]) {
    await actions.getByRole("button", { name: "Add an action" }).click();
    await actions.getByLabel("What was agreed").fill(text);
    await actions.getByRole("button", { name: "Add the action" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your change is saved on this device." })).toBeVisible();
  }
  await expect(page.getByTestId("outbox")).toContainText("2 changes waiting to send");

  // The session ends while the phone is offline (here: its cookie goes); the connection returns.
  await context.clearCookies();
  await context.setOffline(false);
  const outbox = page.getByTestId("outbox");
  await expect(outbox).toContainText("You have been signed out. Sign in again to send them: they are kept on this device until then.");
  await expect(outbox).toContainText("2 changes waiting to send");
  expect((await deviceStore(page)).outbox).toBe(2);

  await outbox.getByRole("link", { name: "Sign in again" }).click();
  await page.getByLabel("Email address").fill(alice);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("outbox")).toHaveCount(0);
  await expect.poll(async () => (await deviceStore(page)).outbox).toBe(0);
  const mine = await trpcQuery<{ id: string; organisationId: string; status: string; otherMembers?: unknown }[]>(page, "relationships.mine");
  const texts: string[] = [];
  for (const r of mine) {
    const detail = await trpcQuery<Detail>(page, "relationships.get", { organisationId: r.organisationId, relationshipId: r.id });
    texts.push(...(detail.actions ?? []).map((a) => a.text));
  }
  expect(texts.filter((t) => t === first)).toHaveLength(1);
  expect(texts.filter((t) => t === second)).toHaveLength(1);
});
