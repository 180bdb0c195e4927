// Meeting reminders, end to end, for the demo's coach-mentoring pair (Alice Moss and her mentor
// Nadia Rahman), with the server's clock moved (support/clock.ts) instead of waiting days. Nothing
// asks about notifications on first load; her relationship page offers them, and she declines. She
// asks for a reminder on the morning too and tries a notification on this device, which cannot be
// set up here (no network to reach a push service): the page says so and keeps email. Her device is then subscribed to a push service
// on loopback (support/push-service.ts), as the PWA does with the subscription a browser gives it.
// A meeting is arranged; the day before, the reminder arrives by email to both and by push to her
// device, saying when and never who with. The meeting is then moved a week: the old meeting's
// morning reminder is not sent, and the moved meeting's day-before reminder is.
import { followServerClock, resetServerTime, serverNow, setServerTime } from "./support/clock";
import { expect, test } from "./support/fixtures";
import { PushService } from "./support/push-service";
import {
  londonClock,
  openMyMentoring,
  openRelationship,
  signedInPage,
  signInToPwa,
  trpcMutation,
  trpcQuery,
} from "./support/pwa";

const alice = { email: "alice.moss@airevalley.example.org", name: "Dr Alice Moss" };
const nadia = { email: "nadia.rahman@airevalley.example.org", name: "Dr Nadia Rahman" };
const schemeName = "Coach-mentoring for clinical leaders";
const place = "Seminar room 2, Airedale General";
const hour = 3_600_000;
const day = 24 * hour;
const reminderSubject = /^Reminder: mentoring meeting/;

let push: PushService;
test.beforeAll(async () => {
  push = await PushService.start();
});
test.afterAll(async () => {
  await resetServerTime();
  await push?.stop();
});

type Detail = { meetings: { id: string; status: string; startsAt: string | null }[] };

test("a reminder arrives by email and push the day before; a moved meeting sends no stale reminder", async ({
  page,
  browser,
  baseURL,
  mailbox,
  checkA11y,
}) => {
  test.setTimeout(120_000);
  // The browser lets Tandem show notifications, but (offline, as here) cannot reach a push service.
  await page.context().grantPermissions(["notifications"]);
  await followServerClock(page.context());
  await signInToPwa(page, alice.email);
  // No prompt for notifications on first load.
  await expect(page.getByRole("heading", { name: "Get a reminder on this device?" })).toHaveCount(
    0,
  );

  // Her relationship has a meeting arranged: its page offers reminders on this device. Not yet.
  await openRelationship(page, nadia.name);
  const prompt = page.getByRole("region", { name: "Get a reminder on this device?" });
  await expect(prompt).toContainText("It says when you meet, never who with.");
  await checkA11y();
  await prompt.getByRole("button", { name: "No thanks" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "You can turn on reminders on this device later" }),
  ).toBeVisible();

  // Email, and on the morning too; a notification on this device cannot be set up here.
  await openMyMentoring(page);
  const settings = page.getByRole("region", { name: "Meeting reminders" });
  await settings.getByLabel("Both").check();
  await settings.getByLabel("Also remind me at 7am on the day").check();
  await settings.getByRole("button", { name: "Save reminder choice" }).click();
  await expect(settings.getByRole("alert")).toContainText(
    "We could not turn on notifications on this device just now. We will keep reminding you by email.",
  );
  await expect(settings.getByRole("status")).toContainText("Your reminder choice is saved.");
  await expect(settings.getByLabel("Email", { exact: true })).toBeChecked();
  await checkA11y();
  expect(await trpcQuery(page, "reminders.preferences")).toMatchObject({
    channel: "email",
    morning: true,
  });

  // On a browser that can take notifications, the PWA subscribes and saves "both": as it would.
  const device = push.device("alice-phone");
  expect((await trpcMutation(page, baseURL!, "push.subscribe", device)).status).toBe(200);
  expect(
    (
      await trpcMutation(page, baseURL!, "reminders.setPreferences", {
        channel: "both",
        morning: true,
      })
    ).status,
  ).toBe(200);

  // Alice proposes a meeting in three days' time; Nadia picks it.
  const mine = await trpcQuery<
    { id: string; organisationId: string; schemeName: string; status: string }[]
  >(page, "relationships.mine");
  const rel = mine.find((r) => r.schemeName === schemeName && r.status === "active")!;
  const ref = { organisationId: rel.organisationId, relationshipId: rel.id };
  const when = {
    date: londonClock(new Date(serverNow().getTime() + 3 * day)).date,
    start: "10:00",
  };
  const proposed = await trpcMutation(page, baseURL!, "relationships.proposeMeeting", {
    ...ref,
    times: [{ ...when, minutes: 60, mode: "in_person", place }],
  });
  expect(proposed).toEqual({ status: 200, message: null });
  const mentor = await signedInPage(browser, baseURL!, nadia.email, { followClock: true });
  const meetingId = (await trpcQuery<Detail>(mentor.page, "relationships.get", ref)).meetings.find(
    (m) => m.status === "proposed",
  )!.id;
  expect(
    (
      await trpcMutation(mentor.page, baseURL!, "relationships.pickTime", {
        ...ref,
        meetingId,
        choice: 0,
      })
    ).status,
  ).toBe(200);
  const startsAt = new Date(
    (await trpcQuery<Detail>(mentor.page, "relationships.get", ref)).meetings.find(
      (m) => m.id === meetingId,
    )!.startsAt!,
  );

  // The day before: both are emailed, and Alice's device gets a notification that names nobody.
  const before = (await mailbox.allTo(alice.email, reminderSubject)).length;
  await setServerTime(new Date(startsAt.getTime() - day + 60_000));
  const emailed = await mailbox.latestTo(alice.email, {
    subject: /^Reminder: mentoring meeting tomorrow at 10:00$/,
    timeout: 20_000,
  });
  expect(emailed.text).toContain("in person");
  await mailbox.latestTo(nadia.email, {
    subject: /^Reminder: mentoring meeting tomorrow at 10:00$/,
  });
  await expect.poll(() => push.to("alice-phone").length, { timeout: 20_000 }).toBe(1);
  const [pushed] = push.to("alice-phone");
  expect(JSON.parse(pushed!.text)).toMatchObject({
    title: "Mentoring meeting tomorrow at 10:00",
    path: `/app/relationships/${rel.id}`,
  });
  for (const secret of ["Alice", "Nadia", "Moss", "Rahman", schemeName, place, "@"])
    expect(pushed!.text).not.toContain(secret);
  expect(pushed!.authorization).toMatch(/^vapid t=/);

  // Nadia moves it a week on. The old morning reminder (07:00 on the old day) must not be sent;
  // the moved meeting's day-before reminder is.
  const moved = { date: londonClock(new Date(startsAt.getTime() + 7 * day)).date, start: "10:00" };
  expect(
    await trpcMutation(mentor.page, baseURL!, "relationships.reschedule", {
      ...ref,
      meetingId,
      time: { ...moved, minutes: 60, mode: "in_person", place },
    }),
  ).toEqual({ status: 200, message: null });
  await mentor.close();
  await setServerTime(new Date(startsAt.getTime() + 6 * day + 60_000));
  await expect.poll(() => push.to("alice-phone").length, { timeout: 20_000 }).toBe(2);
  const reminders = await mailbox.allTo(alice.email, reminderSubject);
  expect(reminders.length - before).toBe(2);
  expect(reminders.map((r) => r.subject)).not.toContain(
    "Reminder: mentoring meeting today at 10:00",
  );
  expect(reminders[0]!.subject).toBe("Reminder: mentoring meeting tomorrow at 10:00");
  expect(reminders[0]!.text).toContain(`tomorrow (${moved.date}) at 10:00`);
});
