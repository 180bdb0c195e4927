// The mentee preparation course at the API (SPEC principle 7): a scheme's pages from the product's
// default, edited by its coordinator; a mentee marks each page done; where the rules require the
// course, matching holds the mentee (no pool, no request, not in a coordinator's run) until it is done;
// the coordinator sees done or not done, nothing more.
import { enrolments, menteeCourseProgress, withTenant } from "@tandem/db";
import { defaultMenteeCourse, menteeCoursePageKeys } from "@tandem/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browser, failure, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

type Caller = Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;
let env: TestEnv;
let orgId: string;
let coordinator: Caller;
let mentee: Caller;
let mentor: Caller;
let schemeId: string;
let menteeEnrolmentId: string;
const callers = new Map<string, { id: string; caller: Caller }>();

async function signedIn(email: string, name: string, roles: ("coordinator" | "participant")[]) {
  const person = await makePerson(env.db, { email, name, memberOf: [{ organisationId: orgId, roles }] });
  const client = browser(env.deps, { address: `10.7.${callers.size}.1` });
  await client.signIn(email);
  const caller = await client.caller();
  callers.set(email, { id: person.id, caller });
  return caller;
}

async function enrol(email: string, role: "mentee" | "mentor", topics: string[]) {
  const values = { organisationId: orgId, schemeId, personId: callers.get(email)!.id, role, status: "active" as const, consentWording: "I agree", consentedAt: new Date(), rulesVersion: 1, topics, capacity: role === "mentor" ? 2 : null };
  const [row] = await withTenant(env.db, { organisationId: orgId }, (tx) => tx.insert(enrolments).values(values).returning({ id: enrolments.id }));
  return row!.id;
}

async function schemeWith(preparation: "none" | "offered" | "required", mode: "free_choice" | "auto") {
  const { schemeId: id } = await coordinator.scheme.create({ organisationId: orgId, templateId: "new-consultant", name: `Scheme ${preparation} ${mode}` });
  const { rules } = await coordinator.scheme.get({ organisationId: orgId, schemeId: id });
  await coordinator.scheme.updateRules({
    organisationId: orgId,
    schemeId: id,
    rules: {
      ...rules,
      topics: ["Job planning", "Leading a team"],
      matching: { ...rules.matching, mode, criteria: { ...rules.matching.criteria, honourPreferences: [] } },
      mentors: { ...rules.mentors, requiredModules: [], approval: false, support: { minEventsPer12Months: 0, supervision: false } },
      mentees: { preparation },
    },
  });
  await coordinator.scheme.publish({ organisationId: orgId, schemeId: id });
  return id;
}

const scope = () => ({ organisationId: orgId, schemeId });

beforeAll(async () => {
  env = await setup();
  orgId = (await makeOrganisation(env.db, "Aire Valley Hospitals")).id;
  coordinator = await signedIn("coord@trust.org", "Tom Whitaker", ["coordinator"]);
  mentee = await signedIn("zoe@trust.org", "Dr Zoe", ["participant"]);
  mentor = await signedIn("helen@trust.org", "Dr Helen", ["participant"]);
  schemeId = await schemeWith("required", "free_choice");
  menteeEnrolmentId = await enrol("zoe@trust.org", "mentee", ["Job planning"]);
  await enrol("helen@trust.org", "mentor", ["Job planning"]);
});
afterAll(() => env.close());

describe("a required course", () => {
  it("starts from the product's default pages, none done, and says why matching waits", async () => {
    const course = await mentee.menteeCourse.mine(scope());
    expect(course.pages.map((p) => [p.key, p.title, p.done])).toEqual(defaultMenteeCourse.map((p) => [p.key, p.title, false]));
    expect(course.status).toMatchObject({ preparation: "required", state: "not_started", pagesDone: 0, pages: 4 });
    expect(course.status.hold).toMatch(/complete the short preparation course before they are matched/);
  });

  it("holds the mentee out of matching until every page is done, then lets them choose and request", async () => {
    const held = await mentee.matching.pool({ ...scope(), filters: {} });
    expect(held.preparationHold).toMatch(/preparation course/);
    expect(held.mentors).toEqual([]);
    const mentorId = (await withTenant(env.db, { organisationId: orgId }, (tx) => tx.select().from(enrolments).where(eq(enrolments.role, "mentor"))))[0]!.id;
    expect(await failure(mentee.matching.request({ ...scope(), mentorEnrolmentIds: [mentorId] }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/preparation course/) });
    const overview = await coordinator.matching.overview(scope());
    expect(overview.heldForPreparation).toEqual([{ enrolmentId: menteeEnrolmentId, name: "Dr Zoe" }]);
    expect(overview.waitingMentees).toEqual([]);

    for (const key of menteeCoursePageKeys.slice(0, 3)) await mentee.menteeCourse.markPage({ ...scope(), key, done: true });
    expect((await mentee.matching.pool({ ...scope(), filters: {} })).mentors).toEqual([]);
    const last = await mentee.menteeCourse.markPage({ ...scope(), key: "if-it-is-not-working", done: true });
    expect(last).toMatchObject({ state: "done", pagesDone: 4, hold: null });
    // Marking a page twice keeps one row.
    expect(await mentee.menteeCourse.markPage({ ...scope(), key: "if-it-is-not-working", done: true })).toMatchObject({ pagesDone: 4 });

    const open = await mentee.matching.pool({ ...scope(), filters: {} });
    expect(open.preparationHold).toBeNull();
    expect(open.mentors.map((m) => m.name)).toEqual(["Dr Helen"]);
    expect((await coordinator.matching.overview(scope())).waitingMentees.map((m) => m.name)).toEqual(["Dr Zoe"]);
    await mentee.matching.request({ ...scope(), mentorEnrolmentIds: [mentorId] });
    expect((await mentor.matching.mine())[0]!.relationships).toHaveLength(1);
  });

  it("shows the coordinator done or not done only, and a page marked not done again counts no more", async () => {
    const view = await coordinator.menteeCourse.forScheme(scope());
    expect(view.mentees).toEqual([{ enrolmentId: menteeEnrolmentId, name: "Dr Zoe", done: true }]);
    expect(await mentee.menteeCourse.markPage({ ...scope(), key: "confidentiality", done: false })).toMatchObject({ state: "in_progress", pagesDone: 3 });
    expect((await coordinator.menteeCourse.forScheme(scope())).mentees[0]!.done).toBe(false);
    // Her request is already out: the pool shows it, not the hold.
    const pool = await mentee.matching.pool({ ...scope(), filters: {} });
    expect(pool).toMatchObject({ preparationHold: null, request: { choices: [{ name: "Dr Helen", state: "asked" }] } });
    const rows = await withTenant(env.db, { organisationId: orgId }, (tx) => tx.select().from(menteeCourseProgress));
    expect(rows.map((r) => r.key).sort()).toEqual(["contract-meeting", "if-it-is-not-working", "what-mentoring-is"]);
  });
});

describe("editing the pages", () => {
  it("shows the scheme's own wording to its mentees, and puts the default back on request", async () => {
    await coordinator.menteeCourse.savePage({ ...scope(), key: "confidentiality", title: "What stays between you", body: "At Aire Valley, what you say to your mentor stays with them, except where a patient is at risk." });
    const page = (await mentee.menteeCourse.mine(scope())).pages.find((p) => p.key === "confidentiality")!;
    expect(page).toMatchObject({ title: "What stays between you", body: expect.stringContaining("Aire Valley") });
    expect((await coordinator.menteeCourse.forScheme(scope())).pages.map((p) => p.edited)).toEqual([false, true, false, false]);
    await coordinator.menteeCourse.restorePage({ ...scope(), key: "confidentiality" });
    expect((await mentee.menteeCourse.mine(scope())).pages[1]!.title).toBe(defaultMenteeCourse[1]!.title);
  });

  it("says what is wrong with an edit, and keeps it from mentees and other roles", async () => {
    expect(await failure(coordinator.menteeCourse.savePage({ ...scope(), key: "confidentiality", title: "", body: "Too short" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Enter the page's title|Enter the page's text/),
    });
    expect((await failure(mentee.menteeCourse.savePage({ ...scope(), key: "confidentiality", title: "Mine now", body: "A mentee should never be able to do this." }))).code).toBe("FORBIDDEN");
    expect((await failure(mentor.menteeCourse.mine(scope()))).message).toBe("Join this scheme as a mentee to take its preparation course");
    expect((await failure(mentee.menteeCourse.markPage({ ...scope(), key: "not-a-page" as "confidentiality", done: true }))).message).toMatch(/Choose one of the course's pages/);
  });
});

describe("schemes without a required course", () => {
  it("never holds a mentee where the course is offered, and has no course where it is not used", async () => {
    const offered = await schemeWith("offered", "auto");
    schemeId = offered;
    menteeEnrolmentId = await enrol("zoe@trust.org", "mentee", ["Job planning"]);
    expect((await mentee.menteeCourse.mine(scope())).status).toMatchObject({ state: "not_started", hold: null });
    const overview = await coordinator.matching.overview(scope());
    expect(overview.waitingMentees.map((m) => m.name)).toEqual(["Dr Zoe"]);
    expect(overview.heldForPreparation).toEqual([]);
    schemeId = await schemeWith("none", "free_choice");
    await enrol("zoe@trust.org", "mentee", ["Job planning"]);
    expect(await failure(mentee.menteeCourse.mine(scope()))).toMatchObject({ code: "NOT_FOUND", message: "This scheme has no mentee preparation course" });
    // Their list of courses: the required one (three pages done) and the offered one; none for the scheme without.
    const courses = await mentee.menteeCourse.myCourses();
    expect(courses.map((c) => [c.schemeName, c.status.state, c.status.hold !== null])).toEqual([
      ["Scheme offered auto", "not_started", false],
      ["Scheme required free_choice", "in_progress", true],
    ]);
    expect(await mentor.menteeCourse.myCourses()).toEqual([]);
  });
});
