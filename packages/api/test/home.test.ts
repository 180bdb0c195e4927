// The two homes on the demo data: a participant's says what is next (their next meeting, a request
// to answer, preparation due, their schemes) and agrees with the pages it links to; a coordinator's
// counts what needs them in each scheme, the same numbers the scheme pages show.
import { DEMO_PASSWORD, seedDemo } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords";
import { browser, setup, type TestEnv } from "./support";

let env: TestEnv;
let address = 0;
async function signedIn(email: string) {
  const client = browser(env.deps, { address: `10.9.0.${(address += 1)}` });
  await client.signIn(email, DEMO_PASSWORD);
  return client.caller();
}

beforeAll(async () => {
  env = await setup();
  await seedDemo(env.db, { hashPassword });
  env.setNow(new Date());
});
afterAll(() => env.close());

describe("a participant's home", () => {
  it("shows the next meeting the relationship page shows, and their schemes", async () => {
    const alice = await signedIn("alice.moss@airevalley.example.org");
    const home = await alice.me.home();
    const mine = await alice.relationships.mine();
    const soonest = mine.filter((r) => r.nextMeetingAt).sort((a, b) => a.nextMeetingAt!.getTime() - b.nextMeetingAt!.getTime())[0]!;
    expect(home.nextMeeting).toEqual({ relationshipId: soonest.id, schemeName: soonest.schemeName, with: ["Dr Nadia Rahman"], at: soonest.nextMeetingAt });
    const joined = (await alice.enrolment.mine()).filter((e) => e.status === "active").map((e) => e.schemeName);
    expect(home.schemes.map((s) => s.schemeName).sort()).toEqual(joined.sort());
  });

  it("lists a request waiting for the mentor, and the mentee's preparation still to do", async () => {
    const grace = await signedIn("grace.okafor@airevalley.example.org");
    const choose = (await grace.enrolment.mine()).find((e) => e.schemeName === "Consultant mentoring: choose your mentor")!;
    const before = await grace.me.home();
    expect(before.schemes.find((x) => x.schemeName === choose.schemeName)!.canChooseMentor).toBe(true);
    expect(before.preparation).toContainEqual(expect.objectContaining({ schemeName: choose.schemeName, required: false, pagesDone: 0, pages: 4 }));
    const scope = { organisationId: choose.organisationId, schemeId: choose.schemeId };
    const pool = await grace.matching.pool({ ...scope, filters: {} });
    const james = pool.mentors.find((m) => m.name === "Dr James Whitfield")!;
    await grace.matching.request({ ...scope, mentorEnrolmentIds: [james.enrolmentId] });
    // A request out: nothing more to choose there.
    expect((await grace.me.home()).schemes.find((x) => x.schemeName === choose.schemeName)!.canChooseMentor).toBe(false);

    const mentor = await signedIn("james.whitfield@airevalley.example.org");
    const home = await mentor.me.home();
    expect(home.requests).toEqual([expect.objectContaining({ schemeName: choose.schemeName, menteeName: "Dr Grace Okafor" })]);
    expect(home.requests[0]!.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    // Once answered, it is no longer waiting.
    await mentor.matching.respond({ organisationId: choose.organisationId, relationshipId: home.requests[0]!.relationshipId, accept: true });
    expect((await mentor.me.home()).requests).toEqual([]);
    // The mentee's home: the course done takes it off the list.
    for (const key of ["what-mentoring-is", "confidentiality", "contract-meeting", "if-it-is-not-working"] as const) await grace.menteeCourse.markPage({ ...scope, key, done: true });
    expect((await grace.me.home()).preparation.map((p) => p.schemeName)).not.toContain(choose.schemeName);
  });

  it("is empty, not an error, for someone who has joined nothing", async () => {
    const analyst = await signedIn("ruth.abernethy@central.example.org");
    expect(await analyst.me.home()).toEqual({ nextMeeting: null, requests: [], meetingTimesToPick: [], feedback: [], preparation: [], schemes: [] });
  });
});

describe("a coordinator's home", () => {
  it("counts applications, mentors to approve and stalled relationships per scheme, as the scheme pages do", async () => {
    const tom = await signedIn("tom.whitaker@airevalley.example.org");
    const trust = (await tom.me.get())!.memberships.find((m) => m.organisationKind === "trust")!;
    const org = { organisationId: trust.organisationId };
    const home = await tom.scheme.home(org);
    const schemes = await tom.scheme.list(org);
    expect(home.map((s) => s.name).sort()).toEqual(schemes.map((s) => s.name).sort());
    for (const scheme of home) {
      const listed = schemes.find((s) => s.id === scheme.schemeId)!;
      expect(scheme.applications, scheme.name).toBe(listed.awaitingReview);
      const relationships = await tom.relationships.forScheme({ ...org, schemeId: scheme.schemeId });
      expect(scheme.stalled, scheme.name).toBe(relationships.counts.stalled);
      const pool = await tom.preparation.pool({ ...org, schemeId: scheme.schemeId });
      expect(scheme.mentorsToApprove, scheme.name).toBe(pool.mentors.filter((m) => m.readiness.reasons.some((r) => r.code === "awaiting_approval")).length);
    }
    const byName = Object.fromEntries(home.map((s) => [s.name, s]));
    // Eleanor awaits approval in New consultant mentoring; Farah Gill's coach-mentoring has gone quiet.
    expect(byName["New consultant mentoring"]!.mentorsToApprove).toBeGreaterThanOrEqual(1);
    expect(byName["Coach-mentoring for clinical leaders"]).toMatchObject({ stalled: 1, live: 4 });
    // Counts only: no names, no emails.
    expect(JSON.stringify(home)).not.toMatch(/@|Dr /);
  });

  it("is for coordinators and org admins only", async () => {
    const sarah = await signedIn("sarah.lindqvist@airevalley.example.org");
    const trust = (await sarah.me.get())!.memberships.find((m) => m.organisationKind === "trust")!;
    await expect(sarah.scheme.home({ organisationId: trust.organisationId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
