// The job queue (pg-boss) and the mentor reminders it carries: several instances on one database run
// each job once, the scans are on cron, a keyed job enqueued twice runs once, a failing job backs off
// and ends in its dead-letter queue, a rolled-back change enqueues nothing, and stopping lets the
// job in hand finish or hands it back.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { emailOutbox } from "@tandem/db";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, jobSchema, type JobHandler, type JobWorkers, runDueJobs, startJobWorkers } from "../src/services/jobs";
import { reminderHandlers, scanForReminders } from "../src/services/reminders";
import { browser, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

let env: TestEnv;
beforeAll(async () => {
  env = await setup();
});
afterAll(() => env.close());

const running: JobWorkers[] = [];
afterAll(async () => {
  for (const workers of running) await workers.stop({ timeoutMs: 1000 });
});

async function workers(handlers: Record<string, JobHandler>, options: { schedule?: boolean } = {}) {
  const started = await startJobWorkers({ connectionString: env.appUrl, handlers, schedule: options.schedule ?? false, pollingIntervalSeconds: 0.5 });
  running.push(started);
  return started;
}

async function waitFor(check: () => Promise<boolean> | boolean, what: string) {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

interface JobRow {
  name: string;
  state: string;
  retry_count: number;
  output: { error?: string } | null;
  data: Record<string, unknown>;
}

async function jobsIn(queue: string, test?: string) {
  const rows = await env.ownerSql<JobRow[]>`select name, state, retry_count, output, data from pgboss.job where name = ${queue} order by created_on`;
  // A cron job may land in a queue while the file runs (the hourly expiry at minute 7): tests look at their own.
  return test === undefined ? rows : rows.filter((row) => row.data?.test === test);
}

describe("the job queue", () => {
  it("runs each of many jobs once with two pg-boss instances working one database", async () => {
    const runs = new Map<number, number>();
    const handler: JobHandler = async (payload) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      runs.set(Number(payload.n), (runs.get(Number(payload.n)) ?? 0) + 1);
    };
    const first = await workers({ "mail.deliver": handler });
    const second = await workers({ "mail.deliver": handler });
    await env.db.transaction(async (tx) => {
      for (let n = 0; n < 60; n += 1) await enqueueJob(tx, { kind: "mail.deliver", payload: { n } });
    });
    first.wake();
    second.wake();
    await waitFor(async () => (await jobsIn("mail.deliver")).every((job) => job.state === "completed"), "every job to complete");
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    await first.stop({ timeoutMs: 1000 });
    await second.stop({ timeoutMs: 1000 });
  });

  it("schedules the daily reminder scan, relationships settle and stored-response sweep, and the hourly request expiry, once however many servers start", async () => {
    const first = await workers({}, { schedule: true });
    await workers({}, { schedule: true });
    const schedules = await env.ownerSql<{ name: string; cron: string; timezone: string; options: Record<string, unknown> }[]>`
      select name, cron, timezone, options from pgboss.schedule order by name`;
    expect(schedules.map(({ name, cron, timezone }) => ({ name, cron, timezone }))).toEqual([
      { name: "idempotency.sweep", cron: "45 4 * * *", timezone: "UTC" },
      { name: "matching.expire", cron: "7 * * * *", timezone: "UTC" },
      { name: "relationships.settle", cron: "30 5 * * *", timezone: "UTC" },
      { name: "reminders.scan", cron: "0 6 * * *", timezone: "UTC" },
    ]);
    expect(await first.boss.getSchedules()).toHaveLength(4);
    // The cron job carries the queue's retries, like any other job of its kind.
    expect(schedules.find((s) => s.name === "reminders.scan")!.options).toMatchObject({ retryLimit: 3, retryBackoff: true });
  });

  it("keeps one waiting job per key, so a keyed job enqueued twice runs once", async () => {
    const key = "reminder:test:once";
    expect(await enqueueJob(env.db, { kind: "reminder.send", payload: { test: "once" }, dedupeKey: key })).toBe(true);
    expect(await enqueueJob(env.db, { kind: "reminder.send", payload: { test: "once" }, dedupeKey: key })).toBe(false);
    let ran = 0;
    await runDueJobs(env.db, { handlers: { "reminder.send": async () => void (ran += 1) } });
    expect(ran).toBe(1);
  });

  it("enqueues nothing for a change that rolls back", async () => {
    const before = (await jobsIn("matching.run")).length;
    await expect(
      env.db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: "matching.run", payload: { runId: "rolled-back" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await jobsIn("matching.run")).length).toBe(before);
  });

  it("retries a failing job with back-off, then moves it to the dead-letter queue with its error", async () => {
    await enqueueJob(env.db, { kind: "matching.expire", payload: { test: "broken" } });
    const handlers = { "matching.expire": () => Promise.reject(new Error("database unavailable")) };
    let now = new Date();
    expect(await runDueJobs(env.db, { handlers, now })).toBe(1);
    // Backing off: not due again straight away.
    expect(await runDueJobs(env.db, { handlers, now })).toBe(0);
    const [retrying] = await jobsIn("matching.expire", "broken");
    expect(retrying).toMatchObject({ state: "retry", output: { error: "Error: database unavailable" } });
    // retryLimit 3: three more attempts, each a day later, then it fails for good.
    for (let attempt = 2; attempt <= 4; attempt += 1) {
      now = new Date(now.getTime() + 86_400_000);
      expect(await runDueJobs(env.db, { handlers, now })).toBe(1);
    }
    expect(await runDueJobs(env.db, { handlers, now: new Date(now.getTime() + 86_400_000 * 30) })).toBe(0);
    const [failed] = await jobsIn("matching.expire", "broken");
    expect(failed).toMatchObject({ state: "failed", retry_count: 3, output: { error: "Error: database unavailable" } });
    const dead = await jobsIn("matching.expire.dead", "broken");
    expect(dead).toEqual([expect.objectContaining({ state: "created", data: { test: "broken" }, output: { error: "Error: database unavailable" } })]);
  });

  it("on stopping, lets the job in hand finish, and hands back one that outlasts the timeout", async () => {
    let release: () => void = () => {};
    const started: string[] = [];
    const handler: JobHandler = async (payload) => {
      started.push(String(payload.n));
      if (payload.n === "slow") await new Promise<void>((resolve) => (release = resolve));
      else await new Promise((resolve) => setTimeout(resolve, 300));
    };
    const queue = await workers({ "matching.run": handler });
    await enqueueJob(env.db, { kind: "matching.run", payload: { n: "quick" } });
    queue.wake();
    await waitFor(() => started.includes("quick"), "the quick job to start");
    await queue.stop({ timeoutMs: 5000 });
    expect((await jobsIn("matching.run")).find((j) => j.data.n === "quick")).toMatchObject({ state: "completed" });

    const again = await workers({ "matching.run": handler });
    await enqueueJob(env.db, { kind: "matching.run", payload: { n: "slow" } });
    again.wake();
    await waitFor(() => started.includes("slow"), "the slow job to start");
    await again.stop({ timeoutMs: 1000 });
    // Failed by the shutdown, so another server (or this one, restarted) retries it.
    expect((await jobsIn("matching.run")).find((j) => j.data.n === "slow")).toMatchObject({ state: "retry" });
    release();
  });

  it("keeps the queue tidy as the app role: a stuck job is failed for a retry, finished ones archived, then dropped", async () => {
    const tidy = await workers({});
    await enqueueJob(env.db, { kind: "reminders.scan", payload: { test: "stuck" } });
    await enqueueJob(env.db, { kind: "reminders.scan", payload: { test: "done" } });
    await env.ownerSql`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where data->>'test' = 'stuck'`;
    await env.ownerSql`update pgboss.job set state = 'completed', completed_on = now() - interval '1 day' where data->>'test' = 'done'`;
    await tidy.boss.maintain();
    expect(await jobsIn("reminders.scan", "stuck")).toEqual([
      expect.objectContaining({ state: "retry", output: { value: { message: "job failed by timeout in active state" } } }),
    ]);
    expect(await jobsIn("reminders.scan", "done")).toEqual([]);
    const archived = () => env.ownerSql`select state from pgboss.archive where data->>'test' = 'done'`;
    expect(await archived()).toEqual([{ state: "completed" }]);
    await env.ownerSql`update pgboss.archive set archived_on = now() - interval '30 days' where data->>'test' = 'done'`;
    await tidy.boss.maintain();
    expect(await archived()).toEqual([]);
  });

  // A queue is a partition of pgboss.job, and privileges on a partitioned table cover its partitions.
  it("works a queue that a later migration adds, without a grant of its own", async () => {
    await env.ownerSql`select pgboss.create_queue('later.queue', '{"policy": "standard"}')`;
    expect(await enqueueJob(env.db, { kind: "later.queue", payload: { test: "later" } })).toBe(true);
    let ran = 0;
    expect(await runDueJobs(env.db, { handlers: { "later.queue": async () => void (ran += 1) } })).toBe(1);
    expect(ran).toBe(1);
    expect(await jobsIn("later.queue")).toEqual([expect.objectContaining({ state: "completed" })]);
  });

  it("is installed by a migration that holds exactly pg-boss's own construction SQL", async () => {
    const folder = fileURLToPath(new URL("../../db/migrations/", import.meta.url));
    const file = (await readdir(folder)).find((name) => name.endsWith("_job_queue.sql"));
    const migration = await readFile(path.join(folder, file!), "utf8");
    const words = (text: string) =>
      text
        .replace(/--> statement-breakpoint/g, "")
        .replace(/^\s*--.*$/gm, "")
        .replace(/[\s;]+/g, " ")
        .trim();
    const plans = PgBoss.getConstructionPlans(jobSchema);
    // pg-boss wraps it in a transaction with an advisory lock; the migrator has both already.
    const construction = plans.slice(plans.indexOf("CREATE SCHEMA"), plans.lastIndexOf("COMMIT"));
    expect(construction).toContain("INSERT INTO pgboss.version");
    expect(words(migration)).toContain(words(construction));
  });

  it("leaves the app role unable to create or drop a queue", async () => {
    await expect(env.db.execute(sql`select pgboss.create_queue('sneaky', '{"policy": "standard"}')`)).rejects.toMatchObject({ cause: { code: "42501" } });
    await expect(env.db.execute(sql`select pgboss.delete_queue('mail.deliver')`)).rejects.toMatchObject({ cause: { code: "42501" } });
  });
});

describe("reminders", () => {
  it("emails a mentor once before a module expires, however often the scan runs", async () => {
    env.setNow(new Date("2026-11-23T08:00:00Z"));
    const org = await makeOrganisation(env.db, "Nidd and Wharfe PCN", "pcn");
    await makePerson(env.db, { email: "coord@pcn.org", memberOf: [{ organisationId: org.id, roles: ["coordinator"] }] });
    const mentorPerson = await makePerson(env.db, { email: "jo@pcn.org", name: "Dr Jo Sutcliffe", memberOf: [{ organisationId: org.id, roles: ["participant"] }] });
    const coord = browser(env.deps, { address: "10.9.0.1" });
    await coord.signIn("coord@pcn.org");
    const c = await coord.caller();
    const { schemeId } = await c.scheme.create({ organisationId: org.id, templateId: "gp-non-principal", name: "GP non-principal mentoring" });
    const { rules } = await c.scheme.get({ organisationId: org.id, schemeId });
    await c.scheme.updateRules({ organisationId: org.id, schemeId, rules: { ...rules, mentors: { ...rules.mentors, support: { minEventsPer12Months: 0, supervision: false } } } });
    await c.scheme.publish({ organisationId: org.id, schemeId });
    const mentor = browser(env.deps, { address: "10.9.0.2" });
    await mentor.signIn("jo@pcn.org");
    const m = await mentor.caller();
    const prepared = await m.enrolment.prepare({ organisationId: org.id, schemeId });
    await m.enrolment.join({ organisationId: org.id, schemeId, role: "mentor", consent: true, consentWording: prepared.roles.find((r) => r.role === "mentor")!.consentWording, applicationAnswers: {} });
    // Mentor skills training is valid for 36 months: completed 3 years less 10 days ago.
    const { moduleId } = await c.preparation.saveModule({ organisationId: org.id, fields: { code: "mentor-skills", name: "Mentor skills training", kind: "course_module", hours: 7, validityMonths: 36 } });
    await c.preparation.recordCompletion({ organisationId: org.id, personId: mentorPerson.id, moduleId, completedOn: "2023-12-03" });
    await c.preparation.decideMentor({ organisationId: org.id, schemeId, personId: mentorPerson.id, decision: "approved" });

    let now = new Date("2026-11-23T08:00:00Z");
    const handlers = reminderHandlers(env.db, { mailer: env.deps.mailer, publicUrl: "http://localhost:3000", now: () => now });
    // Two servers' scans at once: the second finds the reminder already waiting.
    expect(await scanForReminders(env.db, { now })).toEqual({ enqueued: 1 });
    expect(await scanForReminders(env.db, { now })).toEqual({ enqueued: 0 });
    expect(await runDueJobs(env.db, { handlers: { "reminder.send": handlers["reminder.send"]! }, now })).toBe(1);
    const mail = (await env.db.select().from(emailOutbox)).filter((e) => e.toAddress === "jo@pcn.org");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Mentoring: Mentor skills training expires on 3 December 2026");
    expect(mail[0]!.textBody).toContain("GP non-principal mentoring");
    expect(mail[0]!.textBody).toContain("/app/preparation");

    // The next day's scan, long after the queue has forgotten yesterday's job, sends nothing again.
    now = new Date("2026-11-24T06:00:00Z");
    expect(await scanForReminders(env.db, { now })).toEqual({ enqueued: 0 });
    // A job enqueued before the first was sent (an overlapping scan) finds the reminder recorded.
    await enqueueJob(env.db, {
      kind: "reminder.send",
      payload: { organisationId: org.id, schemeId, personId: mentorPerson.id, code: "module_expires", moduleId: "mentor-skills", on: "2026-12-03" },
      runAt: now,
    });
    expect(await runDueJobs(env.db, { handlers: { "reminder.send": handlers["reminder.send"]! }, now })).toBe(1);
    expect((await env.db.select().from(emailOutbox)).filter((e) => e.toAddress === "jo@pcn.org")).toHaveLength(1);
    const recorded = await env.ownerSql`select code, due_on::text from sent_reminders where person_id = ${mentorPerson.id}`;
    expect(recorded).toEqual([{ code: "module_expires", due_on: "2026-12-03" }]);
  });
});
