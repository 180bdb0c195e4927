// The demo data as a new user meets it: mentors mostly prepared and listed as free places, one
// mentor not ready and saying why, support events to sign up for.
import { DEMO_PASSWORD, seedDemo } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords";
import { runDueJobs } from "../src/services/jobs";
import { matchingHandlers } from "../src/services/matching/jobs";
import { refreshAllMentorPlaces } from "../src/services/reminders";
import { browser, setup, type TestEnv } from "./support";

let env: TestEnv;
beforeAll(async () => {
  env = await setup();
  await seedDemo(env.db, { hashPassword });
  await refreshAllMentorPlaces(env.db, { now: new Date() });
  env.setNow(new Date());
});
afterAll(() => env.close());

describe("the demo data", () => {
  it("lists every demo scheme with its ready mentors as free places", async () => {
    const anonymous = await browser(env.deps).caller();
    const listed = (await anonymous.directory.list()).flatMap((o) => o.schemes);
    // One scheme from each of the seven templates, plus the two matching demo schemes.
    expect(listed).toHaveLength(9);
    const byName = Object.fromEntries(listed.map((s) => [s.name, s.mentorsWithFreePlaces]));
    expect(byName["Trust-wide consultant mentoring"]).toBe(3);
    expect(byName["Consultant mentoring: choose your mentor"]).toBe(2);
    // Sarah is prepared and approved; Eleanor has not done the masterclass.
    expect(byName["New consultant mentoring"]).toBe(1);
    expect(byName["Multi-professional mentoring programme"]).toBe(2);
  });

  it("shows the coordinator who is ready in the pool, and why not", async () => {
    const client = browser(env.deps, { address: "10.8.0.1" });
    await client.signIn("tom.whitaker@airevalley.example.org", DEMO_PASSWORD);
    const tom = await client.caller();
    const me = await tom.me.get();
    const trust = me!.memberships.find((m) => m.organisationKind === "trust")!;
    const scheme = (await tom.scheme.list({ organisationId: trust.organisationId })).find((s) => s.name === "New consultant mentoring")!;
    const pool = await tom.preparation.pool({ organisationId: trust.organisationId, schemeId: scheme.id });
    const status = Object.fromEntries(pool.mentors.map((m) => [m.name, m.readiness]));
    expect(status["Dr Sarah Lindqvist"]?.ready).toBe(true);
    expect(status["Dr Eleanor Brooke"]).toMatchObject({ ready: false });
    expect(status["Dr Eleanor Brooke"]!.reasons.map((r) => r.code)).toEqual(["needs_module", "awaiting_approval"]);
    const events = await tom.preparation.events({ organisationId: trust.organisationId });
    expect(events.some((e) => e.title === "Annual mentoring conference")).toBe(true);
  });

  it("matches every waiting mentee in the automatic demo scheme, and offers the free-choice mentee two mentors", async () => {
    const client = browser(env.deps, { address: "10.8.0.2" });
    await client.signIn("tom.whitaker@airevalley.example.org", DEMO_PASSWORD);
    const tom = await client.caller();
    const trust = (await tom.me.get())!.memberships.find((m) => m.organisationKind === "trust")!;
    const scheme = (await tom.scheme.list({ organisationId: trust.organisationId })).find((s) => s.name === "Trust-wide consultant mentoring")!;
    const { runId } = await tom.matching.startRun({ organisationId: trust.organisationId, schemeId: scheme.id, mode: "auto", fairness: false, stable: false });
    await runDueJobs(env.db, { handlers: matchingHandlers(env.db, { mailer: env.deps.mailer, publicUrl: env.deps.publicUrl }), now: new Date(Date.now() + 1000) });
    const run = await tom.matching.run({ organisationId: trust.organisationId, runId });
    expect(run.summary).toMatchObject({ matched: 4, total: 4 });

    const grace = browser(env.deps, { address: "10.8.0.3" });
    await grace.signIn("grace.okafor@airevalley.example.org", DEMO_PASSWORD);
    const choose = (await (await grace.caller()).enrolment.mine()).find((e) => e.schemeName === "Consultant mentoring: choose your mentor")!;
    const pool = await (await grace.caller()).matching.pool({ organisationId: choose.organisationId, schemeId: choose.schemeId, filters: {} });
    expect(pool.mentors.map((m) => m.name).sort()).toEqual(["Dr James Whitfield", "Dr Meera Shah"]);
  });
  it("has coach-mentoring relationships in every state, dates for the coordinator and what the pair keep for the pair", async () => {
    const client = browser(env.deps, { address: "10.8.0.4" });
    await client.signIn("tom.whitaker@airevalley.example.org", DEMO_PASSWORD);
    const tom = await client.caller();
    const trust = (await tom.me.get())!.memberships.find((m) => m.organisationKind === "trust")!;
    const scheme = (await tom.scheme.list({ organisationId: trust.organisationId })).find((s) => s.name === "Coach-mentoring for clinical leaders")!;
    const list = await tom.relationships.forScheme({ organisationId: trust.organisationId, schemeId: scheme.id });
    expect(list.counts).toEqual({ active: 3, paused: 1, closed: 2, stalled: 1 });
    const byMentee = Object.fromEntries(list.relationships.map((r) => [r.members.find((m) => m.role === "mentee")!.name, r]));
    expect(byMentee["Dr Daniel Evans"]).toMatchObject({ status: "closed", closedReason: "completed", meetingsHeld: 6 });
    expect(byMentee["Dr Emma Ford"]).toMatchObject({ status: "closed", closedReason: "withdrawn", meetingsHeld: 1 });
    expect(byMentee["Dr Alice Moss"]).toMatchObject({ status: "active", meetingsHeld: 1, meetingsScheduled: 1 });
    expect(JSON.stringify(list)).not.toContain("rota");
    // Dr Farah Gill's contract meeting was five months ago and nothing is arranged: stalled, alone.
    const stalled = await tom.relationships.forScheme({ organisationId: trust.organisationId, schemeId: scheme.id, stalled: true });
    expect(stalled.relationships.map((r) => [r.members[0]!.name, r.stalled, r.lastMeetingAt !== null])).toEqual([["Dr Farah Gill", true, true]]);
    expect(list.relationships.filter((r) => r.stalled)).toHaveLength(1);

    const alice = browser(env.deps, { address: "10.8.0.5" });
    await alice.signIn("alice.moss@airevalley.example.org", DEMO_PASSWORD);
    const mine = await (await alice.caller()).relationships.mine();
    expect(mine).toHaveLength(1);
    const detail = await (await alice.caller()).relationships.get({ organisationId: trust.organisationId, relationshipId: mine[0]!.id });
    expect(detail.plan).toMatchObject({ held: 1, contractHeld: true, nextKind: "regular" });
    expect(detail.plan.nextMeetingAt!.getTime()).toBeGreaterThan(Date.now());
    expect(detail.actions!.map((a) => a.text)).toContainEqual(expect.stringMatching(/rota/));

    const ben = browser(env.deps, { address: "10.8.0.6" });
    await ben.signIn("ben.carter@airevalley.example.org", DEMO_PASSWORD);
    const bens = await (await ben.caller()).relationships.mine();
    const nadia = browser(env.deps, { address: "10.8.0.7" });
    await nadia.signIn("nadia.rahman@airevalley.example.org", DEMO_PASSWORD);
    const forNadia = await (await nadia.caller()).relationships.get({ organisationId: trust.organisationId, relationshipId: bens[0]!.id });
    expect(forNadia.meetings[0]).toMatchObject({ status: "proposed", awaitingMyPick: true });
    expect(forNadia.meetings[0]!.proposedTimes).toHaveLength(3);
  });
});
