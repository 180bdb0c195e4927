// The PostgreSQL job queue and the mentor reminders it carries.
import { emailOutbox, jobs } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, runDueJobs } from "../src/services/jobs";
import { reminderHandlers, scanForReminders } from "../src/services/reminders";
import { browser, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

let env: TestEnv;
beforeAll(async () => {
  env = await setup();
});
afterAll(() => env.close());

describe("the job queue", () => {
  it("runs each job exactly once with two workers polling at the same time", async () => {
    const runs = new Map<string, number>();
    for (let i = 0; i < 40; i += 1) await enqueueJob(env.db, { kind: "count", payload: { n: String(i) } });
    const handlers = {
      count: async (payload: Record<string, unknown>) => {
        await new Promise((r) => setTimeout(r, 2));
        runs.set(String(payload.n), (runs.get(String(payload.n)) ?? 0) + 1);
      },
    };
    const worker = async () => {
      while ((await runDueJobs(env.db, { handlers, limit: 5 })) > 0);
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it("keeps one job per dedupe key", async () => {
    expect(await enqueueJob(env.db, { kind: "once", payload: {}, dedupeKey: "same" })).toBe(true);
    expect(await enqueueJob(env.db, { kind: "once", payload: {}, dedupeKey: "same" })).toBe(false);
  });

  it("retries a failing job later, then gives up keeping the error", async () => {
    await enqueueJob(env.db, { kind: "broken", payload: {}, dedupeKey: "broken-1" });
    const handlers = { broken: async () => Promise.reject(new Error("SMTP timeout")), once: async () => {} };
    let now = new Date();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await runDueJobs(env.db, { handlers, now });
      now = new Date(now.getTime() + 2 ** attempt * 60_000 + 1000);
    }
    const [job] = (await env.db.select().from(jobs)).filter((j) => j.dedupeKey === "broken-1");
    expect(job).toMatchObject({ attempts: 5, lastError: "Error: SMTP timeout", doneAt: null });
    expect(job!.failedAt).toBeInstanceOf(Date);
    expect(await runDueJobs(env.db, { handlers, now: new Date(now.getTime() + 86_400_000) })).toBe(0);
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

    const now = new Date("2026-11-23T08:00:00Z");
    const handlers = reminderHandlers(env.db, { mailer: env.deps.mailer, publicUrl: "http://localhost:3000", now: () => now });
    expect(await scanForReminders(env.db, { now })).toEqual({ enqueued: 1 });
    expect(await scanForReminders(env.db, { now })).toEqual({ enqueued: 0 });
    await runDueJobs(env.db, { handlers, now });
    const mail = (await env.db.select().from(emailOutbox)).filter((e) => e.toAddress === "jo@pcn.org");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("Mentoring: Mentor skills training expires on 3 December 2026");
    expect(mail[0]!.textBody).toContain("GP non-principal mentoring");
    expect(mail[0]!.textBody).toContain("/app/preparation");
  });
});
