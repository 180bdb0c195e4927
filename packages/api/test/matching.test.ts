// Matching at the API: runs computed by the job worker with proposals explained, lock / exclude /
// swap respected, confirm creating relationships and telling both people; free choice requests
// that pass to the next choice when declined or unanswered; the no-fault change whose reason the
// mentor never sees and whose pair is never proposed again.
import { emailOutbox, enrolments, memberships, relationships, type Tx, withTenant } from "@tandem/db";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../src/services/jobs";
import { matchingHandlers } from "../src/services/matching/jobs";
import { browser, failure, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

type Caller = Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;
let env: TestEnv;
let orgId: string;
let otherOrgId: string;
let coordinator: Caller;
const people = new Map<string, { id: string; caller: Caller }>();
const enrolmentOf = new Map<string, string>();

async function signedIn(email: string) {
  const client = browser(env.deps, { address: `10.3.${Math.floor(Math.random() * 250)}.1` });
  await client.signIn(email);
  return client.caller();
}

async function person(key: string, facts: { specialty: string; department: string; lineManager?: string; lat?: number; lng?: number }) {
  const created = await makePerson(env.db, { email: `${key}@trust.org`, name: `Dr ${key[0]!.toUpperCase()}${key.slice(1)}`, memberOf: [{ organisationId: orgId, roles: ["participant"] }] });
  await withTenant(env.db, { organisationId: orgId }, (tx) =>
    tx
      .update(memberships)
      .set({
        specialty: facts.specialty,
        department: facts.department,
        siteLatitude: facts.lat ?? 53.9,
        siteLongitude: facts.lng ?? -1.9,
        lineManagerPersonId: facts.lineManager ? people.get(facts.lineManager)!.id : null,
      })
      .where(and(eq(memberships.organisationId, orgId), eq(memberships.personId, created.id))),
  );
  people.set(key, { id: created.id, caller: await signedIn(`${key}@trust.org`) });
}

async function enrol(schemeId: string, key: string, role: "mentee" | "mentor" | "peer", profile: { topics: string[]; capacity?: number }) {
  const [row] = await withTenant(env.db, { organisationId: orgId }, (tx) =>
    tx
      .insert(enrolments)
      .values({
        organisationId: orgId,
        schemeId,
        personId: people.get(key)!.id,
        role,
        status: "active",
        consentWording: "I agree",
        consentedAt: new Date(),
        rulesVersion: 1,
        topics: profile.topics,
        capacity: profile.capacity ?? null,
      })
      .returning({ id: enrolments.id }),
  );
  enrolmentOf.set(`${schemeId}:${key}`, row!.id);
  return row!.id;
}

async function makeScheme(name: string, mode: "auto" | "free_choice" | "shortlist", extra: Record<string, unknown> = {}) {
  const { format, ...matchingExtra } = extra;
  const { schemeId } = await coordinator.scheme.create({ organisationId: orgId, templateId: "new-consultant", name });
  const { rules } = await coordinator.scheme.get({ organisationId: orgId, schemeId });
  await coordinator.scheme.updateRules({
    organisationId: orgId,
    schemeId,
    rules: {
      ...rules,
      topics: ["Job planning", "Leading a team", "Difficult conversations"],
      matching: { ...rules.matching, mode, requestExpiryDays: 7, criteria: { ...rules.matching.criteria, honourPreferences: [] }, ...matchingExtra },
      mentors: { ...rules.mentors, requiredModules: [], approval: true, support: { minEventsPer12Months: 0, supervision: false } },
      ...(format ? { format } : {}),
    },
  });
  await coordinator.scheme.publish({ organisationId: orgId, schemeId });
  return schemeId;
}

async function approve(schemeId: string, key: string) {
  await coordinator.preparation.decideMentor({ organisationId: orgId, schemeId, personId: people.get(key)!.id, decision: "approved" });
}

const logged: string[] = [];
const handlers = () =>
  matchingHandlers(env.db, { mailer: env.deps.mailer, publicUrl: env.deps.publicUrl, now: env.deps.now, log: (line) => logged.push(line) });

async function runAndWait(schemeId: string, options: { mode: "auto" | "allocation" | "next_available"; fairness?: boolean; stable?: boolean }) {
  const { runId } = await coordinator.matching.startRun({ organisationId: orgId, schemeId, fairness: false, stable: false, ...options });
  const queued = await coordinator.matching.run({ organisationId: orgId, runId });
  expect(queued).toMatchObject({ status: "queued", phase: "Waiting to start", phaseStep: 1, phaseCount: 4, latestRunId: runId });
  await runDueJobs(env.db, { handlers: handlers(), now: env.deps.now!() });
  return coordinator.matching.run({ organisationId: orgId, runId });
}

async function mailTo(email: string) {
  return withTenant(env.db, { organisationId: orgId }, (tx: Tx) =>
    tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(desc(emailOutbox.createdAt)),
  );
}

let autoScheme: string;
let choiceScheme: string;

beforeAll(async () => {
  env = await setup();
  orgId = (await makeOrganisation(env.db, "Aire Valley Hospitals")).id;
  otherOrgId = (await makeOrganisation(env.db, "Elsewhere Trust")).id;
  await makePerson(env.db, { email: "coord@trust.org", name: "Tom Whitaker", memberOf: [{ organisationId: orgId, roles: ["coordinator"] }] });
  await makePerson(env.db, { email: "coord@elsewhere.org", name: "Other Coordinator", memberOf: [{ organisationId: otherOrgId, roles: ["coordinator"] }] });
  coordinator = await signedIn("coord@trust.org");

  await person("helen", { specialty: "Respiratory Medicine", department: "Respiratory" });
  await person("raj", { specialty: "Gastroenterology", department: "Gastro" });
  await person("owen", { specialty: "Orthopaedics", department: "Orthopaedics" });
  await person("eleanor", { specialty: "Paediatrics", department: "Children" });
  await person("zoe", { specialty: "Respiratory Medicine", department: "Respiratory" });
  await person("liam", { specialty: "Dermatology", department: "Dermatology", lineManager: "raj" });
  await person("isla", { specialty: "Urology", department: "Urology" });

  autoScheme = await makeScheme("Trust-wide consultant mentoring", "auto");
  await enrol(autoScheme, "helen", "mentor", { topics: ["Job planning", "Leading a team"], capacity: 1 });
  await enrol(autoScheme, "raj", "mentor", { topics: ["Difficult conversations"], capacity: 2 });
  await enrol(autoScheme, "owen", "mentor", { topics: ["Leading a team"], capacity: 1 });
  await enrol(autoScheme, "eleanor", "mentor", { topics: ["Job planning", "Leading a team", "Difficult conversations"], capacity: 3 });
  await enrol(autoScheme, "zoe", "mentee", { topics: ["Job planning", "Leading a team"] });
  await enrol(autoScheme, "liam", "mentee", { topics: ["Difficult conversations"] });
  await enrol(autoScheme, "isla", "mentee", { topics: ["Leading a team"] });
  for (const key of ["helen", "raj", "owen"]) await approve(autoScheme, key);
});
afterAll(() => env.close());

describe("a coordinator's automatic run", () => {
  it("computes in the background, proposes only ready mentors and allowed pairs, and explains each", async () => {
    const overview = await coordinator.matching.overview({ organisationId: orgId, schemeId: autoScheme });
    expect(overview.readyMentors).toBe(3);
    expect(overview.freePlaces).toBe(4);
    expect(overview.mentors.find((m) => m.name === "Dr Eleanor")).toMatchObject({ ready: false });
    expect(overview.waitingMentees.map((m) => m.name).sort()).toEqual(["Dr Isla", "Dr Liam", "Dr Zoe"]);

    const run = await runAndWait(autoScheme, { mode: "auto" });
    expect(run.status).toBe("done");
    expect(run.summary).toMatchObject({ matched: 3, total: 3 });
    const proposed = Object.fromEntries(run.mentees.map((m) => [m.menteeName, m.suggestions.find((s) => s.proposed)!]));
    // Eleanor is not approved: never proposed. Liam's line manager is Raj; Zoe and Helen share a department.
    expect(Object.values(proposed).map((p) => p.mentorName)).not.toContain("Dr Eleanor");
    expect(proposed["Dr Liam"]!.mentorName).not.toBe("Dr Raj");
    expect(proposed["Dr Zoe"]!.mentorName).not.toBe("Dr Helen");
    for (const p of Object.values(proposed)) {
      expect(p.explanation).toMatch(/\+0\.\d\d/);
      expect(p.terms.length).toBeGreaterThan(0);
    }
    // Each phase's time goes to the server log, never to the coordinator.
    expect(run.summary).not.toHaveProperty("phases");
    expect(logged).toContainEqual(expect.stringMatching(new RegExp(`^\\[matching\\] run ${run.id}: read the pool \\d+ ms, `)));
  });

  it("respects an exclusion and a lock on the next run, and refuses to lock a forbidden pair", async () => {
    const m = (key: string) => enrolmentOf.get(`${autoScheme}:${key}`)!;
    const forbidden = await failure(
      coordinator.matching.setConstraint({ organisationId: orgId, schemeId: autoScheme, menteeEnrolmentId: m("liam"), mentorEnrolmentId: m("raj"), kind: "lock" }),
    );
    expect(forbidden).toMatchObject({ code: "BAD_REQUEST", message: "This pair cannot be locked: the mentor is the mentee's line manager" });

    await coordinator.matching.setConstraint({ organisationId: orgId, schemeId: autoScheme, menteeEnrolmentId: m("isla"), mentorEnrolmentId: m("owen"), kind: "exclude" });
    await coordinator.matching.setConstraint({ organisationId: orgId, schemeId: autoScheme, menteeEnrolmentId: m("zoe"), mentorEnrolmentId: m("raj"), kind: "lock" });
    const run = await runAndWait(autoScheme, { mode: "auto", fairness: true });
    const proposed = Object.fromEntries(run.mentees.map((x) => [x.menteeName, x.suggestions.find((s) => s.proposed)!]));
    expect(proposed["Dr Zoe"]).toMatchObject({ mentorName: "Dr Raj", locked: true });
    expect(proposed["Dr Isla"]!.mentorName).not.toBe("Dr Owen");
    const overview = await coordinator.matching.overview({ organisationId: orgId, schemeId: autoScheme });
    expect(overview.constraints).toHaveLength(2);
    expect(run.constraints.map((c) => c.kind).sort()).toEqual(["exclude", "lock"]);
    expect(run).toMatchObject({ schemeName: "Trust-wide consultant mentoring", phaseStep: null });
    expect(overview.runs[1]!.status).toBe("superseded");
  });

  it("swaps two mentees' mentors, then confirms: relationships created and both people emailed", async () => {
    const before = await runAndWait(autoScheme, { mode: "auto" });
    const proposed = before.mentees.map((x) => ({ mentee: x.menteeEnrolmentId, name: x.menteeName, mentor: x.suggestions.find((s) => s.proposed)!.mentorName }));
    // Zoe and Helen share a department: a swap giving Zoe Helen is refused, naming the pair.
    const helenHolder = proposed.find((p) => p.mentor === "Dr Helen")!;
    expect(helenHolder.name).not.toBe("Dr Zoe");
    const refused = await failure(coordinator.matching.swap({ organisationId: orgId, runId: before.id, menteeA: proposed.find((p) => p.name === "Dr Zoe")!.mentee, menteeB: helenHolder.mentee }));
    expect(refused.message).toBe("These two cannot be swapped: Dr Zoe cannot have Dr Helen (they work in the same department)");
    const liam = proposed.find((p) => p.name === "Dr Liam")!;
    const isla = proposed.find((p) => p.name === "Dr Isla")!;
    await coordinator.matching.swap({ organisationId: orgId, runId: before.id, menteeA: liam.mentee, menteeB: isla.mentee });
    const after = await runAndWait(autoScheme, { mode: "auto" });
    const now = Object.fromEntries(after.mentees.map((x) => [x.menteeName, x.suggestions.find((s) => s.proposed)!.mentorName]));
    expect(now["Dr Liam"]).toBe(isla.mentor);
    expect(now["Dr Isla"]).toBe(liam.mentor);

    expect((await failure(coordinator.matching.confirm({ organisationId: orgId, runId: before.id }))).message).toMatch(/newer run/);
    const confirmed = await coordinator.matching.confirm({ organisationId: orgId, runId: after.id });
    expect(confirmed).toMatchObject({ created: 3, skipped: [] });
    const rels = await coordinator.matching.relationships({ organisationId: orgId, schemeId: autoScheme });
    expect(rels.filter((r) => r.status === "active")).toHaveLength(3);
    const zoeMail = await mailTo("zoe@trust.org");
    expect(zoeMail[0]!.subject).toMatch(/matched with a mentor/);
    const mentorKey = now["Dr Zoe"]!.replace("Dr ", "").toLowerCase();
    expect((await mailTo(`${mentorKey}@trust.org`))[0]!.textBody).toContain("Dr Zoe");
    expect((await failure(coordinator.matching.confirm({ organisationId: orgId, runId: after.id }))).code).toBe("CONFLICT");

    // Matched mentees no longer wait; the mentors' places are taken.
    const overview = await coordinator.matching.overview({ organisationId: orgId, schemeId: autoScheme });
    expect(overview.waitingMentees).toEqual([]);
    expect(overview.freePlaces).toBe(1);
    const mine = await people.get("zoe")!.caller.matching.mine();
    expect(mine[0]!.relationships[0]).toMatchObject({ role: "mentee", status: "active", otherName: now["Dr Zoe"] });
  });

  it("offers allocation suggestions with the cost of forcing each, and next available in queue order", async () => {
    const fresh = await makeScheme("Allocation scheme", "auto");
    await enrol(fresh, "helen", "mentor", { topics: ["Job planning"], capacity: 1 });
    await enrol(fresh, "owen", "mentor", { topics: ["Leading a team"], capacity: 1 });
    await enrol(fresh, "zoe", "mentee", { topics: ["Leading a team"] });
    await enrol(fresh, "isla", "mentee", { topics: ["Job planning"] });
    for (const key of ["helen", "owen"]) await approve(fresh, key);
    const run = await runAndWait(fresh, { mode: "allocation" });
    expect(run.summary).toMatchObject({ matched: 2 });
    const isla = run.mentees.find((x) => x.menteeName === "Dr Isla")!;
    const inOptimum = isla.suggestions.find((s) => s.proposed)!;
    expect(inOptimum).toMatchObject({ forcingMatchedLost: 0, forcingScoreLost: 0 });
    const other = isla.suggestions.find((s) => !s.proposed);
    if (other) expect(other.forcingScoreLost! + other.forcingMatchedLost!).toBeGreaterThan(0);

    const queue = await runAndWait(fresh, { mode: "next_available" });
    expect(queue.summary).toMatchObject({ matched: 2 });
  });
});

describe("free choice", () => {
  beforeAll(async () => {
    choiceScheme = await makeScheme("Choose your mentor", "free_choice");
    await enrol(choiceScheme, "helen", "mentor", { topics: ["Leading a team"], capacity: 2 });
    await enrol(choiceScheme, "owen", "mentor", { topics: ["Leading a team", "Job planning"], capacity: 2 });
    await enrol(choiceScheme, "eleanor", "mentor", { topics: ["Leading a team"], capacity: 2 });
    await enrol(choiceScheme, "liam", "mentee", { topics: ["Leading a team", "Job planning"] });
    for (const key of ["helen", "owen"]) await approve(choiceScheme, key);
  });

  it("lists ready mentors with profiles and explanations; an unready mentor never appears", async () => {
    const liam = people.get("liam")!.caller;
    const pool = await liam.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    expect(pool.mentors.map((m) => m.name)).toEqual(["Dr Owen", "Dr Helen"]);
    expect(pool.mentors[0]).toMatchObject({ specialty: "Orthopaedics", topics: ["Leading a team", "Job planning"], freePlaces: 2 });
    expect(pool.mentors[0]!.explanation).toMatch(/topics/);
    const filtered = await liam.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: { specialty: "Respiratory Medicine" } });
    expect(filtered.mentors.map((m) => m.name)).toEqual(["Dr Helen"]);
    // Not a mentee here, or another organisation's scheme: refused.
    expect((await failure(people.get("zoe")!.caller.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} }))).code).toBe("FORBIDDEN");
    // In a coordinator-matched scheme there is no pool to browse.
    expect(await failure(liam.matching.pool({ organisationId: orgId, schemeId: autoScheme, filters: {} }))).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/coordinator matches/) });
    expect((await failure(people.get("zoe")!.caller.matching.pool({ organisationId: otherOrgId, schemeId: choiceScheme, filters: {} }))).code).toBe("FORBIDDEN");
  });

  it("sends a request to the first choice; a decline passes it to the next; the mentor accepts", async () => {
    const liam = people.get("liam")!.caller;
    const pool = await liam.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    const [owen, helen] = pool.mentors.map((m) => m.enrolmentId);
    const bad = await failure(liam.matching.request({ organisationId: orgId, schemeId: choiceScheme, mentorEnrolmentIds: [owen!, owen!] }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("Choose each mentor once");
    const eleanor = enrolmentOf.get(`${choiceScheme}:eleanor`)!;
    expect((await failure(liam.matching.request({ organisationId: orgId, schemeId: choiceScheme, mentorEnrolmentIds: [eleanor] }))).code).toBe("BAD_REQUEST");

    await liam.matching.request({ organisationId: orgId, schemeId: choiceScheme, mentorEnrolmentIds: [owen!, helen!], message: "I would value your view on job planning" });
    expect((await failure(liam.matching.request({ organisationId: orgId, schemeId: choiceScheme, mentorEnrolmentIds: [helen!] }))).code).toBe("CONFLICT");
    expect((await mailTo("owen@trust.org"))[0]!.subject).toMatch(/would like you as their mentor/);

    const owenMine = await people.get("owen")!.caller.matching.mine();
    const request = owenMine[0]!.relationships.find((r) => r.status === "requested")!;
    expect(request).toMatchObject({ role: "mentor", otherName: "Dr Liam", message: "I would value your view on job planning" });
    // Nobody else answers it.
    expect((await failure(people.get("helen")!.caller.matching.respond({ organisationId: orgId, relationshipId: request.id, accept: true }))).code).toBe("NOT_FOUND");
    await people.get("owen")!.caller.matching.respond({ organisationId: orgId, relationshipId: request.id, accept: false });
    expect((await mailTo("liam@trust.org"))[0]!.subject).toMatch(/next choice/);

    const helenMine = await people.get("helen")!.caller.matching.mine();
    const passed = helenMine.flatMap((o) => o.relationships).find((r) => r.status === "requested")!;
    await people.get("helen")!.caller.matching.respond({ organisationId: orgId, relationshipId: passed.id, accept: true });
    expect((await mailTo("liam@trust.org"))[0]!.subject).toMatch(/accepted your request/);
    const liamMine = await liam.matching.mine();
    expect(liamMine[0]!.relationships.find((r) => r.schemeId === choiceScheme && r.status === "active")).toMatchObject({ otherName: "Dr Helen" });
    // The decline is remembered: Owen is never offered to Liam again.
    const after = await liam.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    expect(after.mentors.map((m) => m.name)).not.toContain("Dr Owen");
  });

  it("a no-fault change ends the match, tells the mentor nothing of the reason, and the pair is never proposed again", async () => {
    const liam = people.get("liam")!.caller;
    const rel = (await liam.matching.mine()).flatMap((o) => o.relationships).find((r) => r.schemeId === choiceScheme && r.status === "active")!;
    expect((await failure(people.get("helen")!.caller.matching.noFaultChange({ organisationId: orgId, relationshipId: rel.id, reason: "x" }))).code).toBe("FORBIDDEN");
    const long = await failure(liam.matching.noFaultChange({ organisationId: orgId, relationshipId: rel.id, reason: "x".repeat(1001) }));
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.message).toContain("Keep the reason to 1000 characters or fewer");
    await liam.matching.noFaultChange({ organisationId: orgId, relationshipId: rel.id, reason: "Our working patterns never line up" });

    const helenView = (await people.get("helen")!.caller.matching.mine()).flatMap((o) => o.relationships).find((r) => r.id === rel.id)!;
    expect(helenView).toMatchObject({ status: "closed", closedReason: null });
    expect(JSON.stringify(helenView)).not.toContain("working patterns");
    const helenMail = await mailTo("helen@trust.org");
    expect(helenMail[0]!.subject).toMatch(/has ended/);
    expect(helenMail.map((m) => m.textBody).join("\n")).not.toContain("working patterns");
    const liamView = (await liam.matching.mine()).flatMap((o) => o.relationships).find((r) => r.id === rel.id)!;
    expect(liamView.closedReason).toBe("no_fault_change");
    const coordinatorView = (await coordinator.matching.relationships({ organisationId: orgId, schemeId: choiceScheme })).find((r) => r.id === rel.id)!;
    expect(coordinatorView).toMatchObject({ closedReason: "no_fault_change", noFaultReason: "Our working patterns never line up" });

    const pool = await liam.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    expect(pool.mentors.map((m) => m.name)).not.toContain("Dr Helen");
  });

  it("a no-fault change needs no reason (SPEC principle 2)", async () => {
    await enrol(choiceScheme, "zoe", "mentee", { topics: ["Job planning"] }).catch(() => undefined);
    const zoe = people.get("zoe")!.caller;
    const pool = await zoe.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    const owen = pool.mentors.find((m) => m.name === "Dr Owen")!;
    await zoe.matching.request({ organisationId: orgId, schemeId: choiceScheme, mentorEnrolmentIds: [owen.enrolmentId] });
    const request = (await people.get("owen")!.caller.matching.mine()).flatMap((o) => o.relationships).find((r) => r.status === "requested" && r.otherName === "Dr Zoe")!;
    await people.get("owen")!.caller.matching.respond({ organisationId: orgId, relationshipId: request.id, accept: true });
    await zoe.matching.noFaultChange({ organisationId: orgId, relationshipId: request.id });
    const view = (await coordinator.matching.relationships({ organisationId: orgId, schemeId: choiceScheme })).find((r) => r.id === request.id)!;
    expect(view).toMatchObject({ status: "closed", closedReason: "no_fault_change", noFaultReason: null });
  });

  it("a request nobody answers expires after the scheme's days and passes to the next choice", async () => {
    await enrol(choiceScheme, "isla", "mentee", { topics: ["Leading a team"] });
    const zoe = people.get("isla")!.caller;
    const pool = await zoe.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    const ids = pool.mentors.map((m) => m.enrolmentId);
    expect(ids).toHaveLength(2);
    await zoe.matching.request({ organisationId: orgId, schemeId: choiceScheme, mentorEnrolmentIds: ids });
    env.advance(8 * 86_400_000);
    // A read past the deadline shows the request as overdue and writes nothing: the hourly job passes it on.
    const overdue = await zoe.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    expect(overdue.request).toMatchObject({ overdue: true, choices: [{ state: "asked" }, { state: "waiting" }] });
    const stillAsked = await withTenant(env.db, { organisationId: orgId }, (tx) =>
      tx.select({ status: relationships.status }).from(relationships).where(eq(relationships.menteeEnrolmentId, pool.me.enrolmentId)),
    );
    expect(stillAsked).toEqual([{ status: "requested" }]);
    const asked = [...people.entries()].find(([key]) => enrolmentOf.get(`${choiceScheme}:${key}`) === ids[0])![1];
    expect((await asked.caller.matching.mine()).flatMap((o) => o.relationships).filter((r) => r.status === "requested")).toEqual([]);
    const { expireAllDueRequests } = await import("../src/services/matching/jobs");
    const sweep = () => expireAllDueRequests(env.db, { now: env.deps.now!(), mailer: env.deps.mailer, publicUrl: env.deps.publicUrl });
    expect(await sweep()).toMatchObject({ expired: 1 });
    const state = await zoe.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    expect(state.request).toMatchObject({ overdue: false, choices: [{ state: "passed" }, { state: "asked" }] });
    env.advance(8 * 86_400_000);
    expect(await sweep()).toMatchObject({ expired: 1 });
    const done = await zoe.matching.pool({ organisationId: orgId, schemeId: choiceScheme, filters: {} });
    expect(done.request).toBeNull();
    expect((await mailTo("isla@trust.org"))[0]!.subject).toMatch(/choose another mentor/);
  });
});

describe("shortlist, cancelling a request, ending after the trial meeting", () => {
  it("shows only the shortlist and refuses a mentor outside it", async () => {
    const scheme = await makeScheme("Shortlist scheme", "shortlist", { shortlistSize: 2 });
    await enrol(scheme, "helen", "mentor", { topics: ["Leading a team", "Job planning"], capacity: 2 });
    await enrol(scheme, "owen", "mentor", { topics: ["Leading a team"], capacity: 2 });
    await enrol(scheme, "raj", "mentor", { topics: [], capacity: 2 });
    for (const key of ["helen", "owen", "raj"]) await approve(scheme, key);
    await enrol(scheme, "isla", "mentee", { topics: ["Leading a team", "Job planning"] });
    const isla = people.get("isla")!.caller;
    const pool = await isla.matching.pool({ organisationId: orgId, schemeId: scheme, filters: {} });
    expect(pool).toMatchObject({ mode: "shortlist", shortlistSize: 2 });
    expect(pool.mentors.map((m) => m.name)).toEqual(["Dr Helen", "Dr Owen"]);
    const raj = enrolmentOf.get(`${scheme}:raj`)!;
    expect((await failure(isla.matching.request({ organisationId: orgId, schemeId: scheme, mentorEnrolmentIds: [raj] }))).code).toBe("BAD_REQUEST");

    // Cancelled: the mentor no longer sees it, and the mentee may ask again.
    await isla.matching.request({ organisationId: orgId, schemeId: scheme, mentorEnrolmentIds: [pool.mentors[0]!.enrolmentId] });
    await isla.matching.cancelRequest({ organisationId: orgId, schemeId: scheme });
    expect((await failure(isla.matching.cancelRequest({ organisationId: orgId, schemeId: scheme }))).code).toBe("NOT_FOUND");
    const helenSees = (await people.get("helen")!.caller.matching.mine()).flatMap((o) => o.relationships).filter((r) => r.schemeId === scheme);
    expect(helenSees).toEqual([]);

    await isla.matching.request({ organisationId: orgId, schemeId: scheme, mentorEnrolmentIds: [pool.mentors[0]!.enrolmentId] });
    const request = (await people.get("helen")!.caller.matching.mine()).flatMap((o) => o.relationships).find((r) => r.schemeId === scheme)!;
    await people.get("helen")!.caller.matching.respond({ organisationId: orgId, relationshipId: request.id, accept: true });

    // Either member may end it after the trial meeting (the first one held); nobody else may. The pair is not blocked.
    const mineNow = async () => (await isla.matching.mine()).flatMap((o) => o.relationships).find((r) => r.id === request.id)!;
    expect(await mineNow()).toMatchObject({ status: "active", canEndAfterTrial: false });
    const on = { organisationId: orgId, relationshipId: request.id };
    const soon = new Date(env.deps.now!().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { meetingId } = await isla.relationships.proposeMeeting({ ...on, times: [{ date: soon, start: "10:00", minutes: 60, mode: "video" }] });
    await people.get("helen")!.caller.relationships.pickTime({ ...on, meetingId, choice: 0 });
    env.advance(3 * 86_400_000);
    await isla.relationships.recordMeeting({ ...on, meetingId, outcome: "held" });
    expect(await mineNow()).toMatchObject({ status: "active", canEndAfterTrial: true });
    expect((await failure(people.get("owen")!.caller.matching.endAfterTrial({ organisationId: orgId, relationshipId: request.id }))).code).toBe("NOT_FOUND");
    await people.get("helen")!.caller.matching.endAfterTrial({ organisationId: orgId, relationshipId: request.id });
    const ended = (await isla.matching.mine()).flatMap((o) => o.relationships).find((r) => r.id === request.id)!;
    expect(ended).toMatchObject({ status: "closed", closedReason: "ended_after_trial" });
    expect((await mailTo("isla@trust.org")).map((m) => m.subject)).toContainEqual(expect.stringMatching(/ended after the trial meeting/));
    expect((await failure(isla.matching.endAfterTrial({ organisationId: orgId, relationshipId: request.id }))).code).toBe("CONFLICT");
    const again = await isla.matching.pool({ organisationId: orgId, schemeId: scheme, filters: {} });
    expect(again.mentors.map((m) => m.name)).toContain("Dr Helen");
  });
});

describe("co-mentoring groups", () => {
  it("forms pairs in a group run, confirms them, and each member sees their group", async () => {
    const scheme = await makeScheme("Co-mentoring scheme", "free_choice", { format: { kind: "co_mentoring", groupSizes: [2] } });
    for (const key of ["zoe", "liam", "isla", "eleanor"]) await enrol(scheme, key, "peer", { topics: ["Leading a team"] });
    const overview = await coordinator.matching.overview({ organisationId: orgId, schemeId: scheme });
    expect(overview).toMatchObject({ format: "co_mentoring", runModes: ["cohort"], peers: 4 });
    const wrong = await failure(coordinator.matching.startRun({ organisationId: orgId, schemeId: scheme, mode: "auto", fairness: false, stable: false }));
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: "This scheme forms groups: choose groups" });

    const { runId } = await coordinator.matching.startRun({ organisationId: orgId, schemeId: scheme, mode: "cohort", fairness: false, stable: false });
    await runDueJobs(env.db, { handlers: handlers(), now: env.deps.now!() });
    const run = await coordinator.matching.run({ organisationId: orgId, runId });
    expect(run.status).toBe("done");
    expect(run.groups).toHaveLength(2);
    expect(run.groups.flatMap((g) => g.members.map((m) => m.name)).sort()).toEqual(["Dr Eleanor", "Dr Isla", "Dr Liam", "Dr Zoe"]);
    for (const g of run.groups) expect(g.explanation.length).toBeGreaterThan(0);

    await coordinator.matching.confirm({ organisationId: orgId, runId });
    const zoeGroups = (await people.get("zoe")!.caller.matching.mine()).flatMap((o) => o.groups);
    expect(zoeGroups).toHaveLength(1);
    expect(zoeGroups[0]!.members.filter((m) => m.you)).toHaveLength(1);
    expect(zoeGroups[0]!.members).toHaveLength(2);
    expect((await mailTo("zoe@trust.org"))[0]!.subject).toMatch(/co-mentoring group/);
  });
});

describe("profiles", () => {
  it("saves topics and capacity, with clear errors past the scheme's limits", async () => {
    const owen = people.get("owen")!.caller;
    const tooMany = await failure(
      owen.matching.updateProfile({ organisationId: orgId, schemeId: choiceScheme, role: "mentor", topics: ["Job planning"], availability: [], remoteOk: true, bio: "Hello", capacity: 9 }),
    );
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST", message: "This scheme allows at most 3 mentees per mentor" });
    await owen.matching.updateProfile({ organisationId: orgId, schemeId: choiceScheme, role: "mentor", topics: ["Job planning"], availability: ["Monday mornings"], remoteOk: true, bio: "Hello", capacity: 1 });
    const overview = await coordinator.matching.overview({ organisationId: orgId, schemeId: choiceScheme });
    expect(overview.mentors.find((m) => m.name === "Dr Owen")).toMatchObject({ capacity: 1 });
    expect((await failure(owen.matching.updateProfile({ organisationId: orgId, schemeId: choiceScheme, role: "mentee", topics: [], availability: [], remoteOk: false, bio: null }))).code).toBe("FORBIDDEN");
    const saved = await owen.matching.myProfile({ organisationId: orgId, schemeId: choiceScheme });
    expect(saved).toMatchObject({ maxMentees: 3, roles: [{ role: "mentor", topics: ["Job planning"], availability: ["Monday mornings"], remoteOk: true, bio: "Hello", capacity: 1 }] });
    expect((await failure(coordinator.matching.myProfile({ organisationId: orgId, schemeId: choiceScheme }))).code).toBe("FORBIDDEN");
    const mine = await people.get("liam")!.caller.enrolment.mine();
    expect(mine.find((e) => e.schemeId === choiceScheme)!.matchingMode).toBe("free_choice");
    expect(mine.find((e) => e.schemeId === autoScheme)!.matchingMode).toBe("auto");
  });
});
