// Schemes end to end at the API: create from a template, version the rules, publish to the
// directory, join with consent (eligible, on request, waiting list, other organisations), review,
// withdraw in one step, and compare across organisations.
import { eq } from "drizzle-orm";
import { findSchemeTemplate } from "@tandem/core";
import { emailOutbox, memberships, organisations, withTenant } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browser, failure, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

type Caller = Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;
let env: TestEnv;
let trust: { id: string };
let deanery: { id: string };
let coordinator: Caller;
let deaneryCoordinator: Caller;
let newConsultant: Caller;
let gp: Caller;
let deaneryTrainee: Caller;
let anonymous: Caller;
let schemeId: string;

async function signedIn(email: string) {
  const client = browser(env.deps, { address: `10.1.${Math.floor(Math.random() * 250)}.1` });
  await client.signIn(email);
  return client.caller();
}

async function setMembership(organisationId: string, email: string, values: Partial<typeof memberships.$inferInsert>) {
  const me = await (await signedIn(email)).me.get();
  await withTenant(env.db, { organisationId }, (tx) =>
    tx.update(memberships).set(values).where(eq(memberships.personId, me!.person.id)),
  );
}

async function join(caller: Caller, organisationId: string, id: string, role: "mentee" | "mentor" | "peer" = "mentee") {
  const prepared = await caller.enrolment.prepare({ organisationId, schemeId: id });
  const wording = prepared.roles.find((r) => r.role === role)!.consentWording;
  return caller.enrolment.join({ organisationId, schemeId: id, role, consent: true, consentWording: wording, applicationAnswers: {} });
}

beforeAll(async () => {
  env = await setup();
  trust = await makeOrganisation(env.db, "Aire Valley Hospitals", "trust");
  deanery = await makeOrganisation(env.db, "Pennine Deanery", "deanery");
  await makePerson(env.db, { email: "coord@trust.org", memberOf: [{ organisationId: trust.id, roles: ["coordinator"] }] });
  await makePerson(env.db, { email: "coord@deanery.org", memberOf: [{ organisationId: deanery.id, roles: ["coordinator"] }] });
  await makePerson(env.db, { email: "newcons@trust.org", memberOf: [{ organisationId: trust.id, roles: ["participant"] }] });
  await makePerson(env.db, { email: "gp@trust.org", memberOf: [{ organisationId: trust.id, roles: ["participant"] }] });
  await makePerson(env.db, { email: "trainee@deanery.org", memberOf: [{ organisationId: deanery.id, roles: ["participant"] }] });
  await makePerson(env.db, { email: "analyst@central.org", platformRoles: ["central_analyst"] });
  await setMembership(trust.id, "newcons@trust.org", { staffGroup: "new_consultant", startedInRoleOn: "2026-03-01", specialty: "Cardiology" });
  await setMembership(trust.id, "gp@trust.org", { staffGroup: "salaried_gp", specialty: "General Practice" });
  await setMembership(deanery.id, "trainee@deanery.org", { staffGroup: "trainee" });
  coordinator = await signedIn("coord@trust.org");
  deaneryCoordinator = await signedIn("coord@deanery.org");
  newConsultant = await signedIn("newcons@trust.org");
  gp = await signedIn("gp@trust.org");
  deaneryTrainee = await signedIn("trainee@deanery.org");
  anonymous = await browser(env.deps).caller();
});
afterAll(() => env.close());

describe("a coordinator's scheme", () => {
  it("is created from a template as version 1, with the organisation's contact point", async () => {
    const created = await coordinator.scheme.create({ organisationId: trust.id, templateId: "new-consultant", name: "New consultant mentoring" });
    schemeId = created.schemeId;
    expect(created.slug).toBe("new-consultant-mentoring");
    const { scheme, rules, summary, history } = await coordinator.scheme.get({ organisationId: trust.id, schemeId });
    expect(scheme).toMatchObject({ status: "draft", currentVersion: 1, templateId: "new-consultant" });
    expect(rules).toEqual({ ...findSchemeTemplate("new-consultant")!.rules, publicity: expect.anything() });
    expect(rules.publicity.contact).toMatchObject({ name: "Mentoring team", email: "mentoring@example.org" });
    expect(summary).toMatch(/consultant/i);
    expect(history).toHaveLength(1);
    const again = await coordinator.scheme.create({ organisationId: trust.id, templateId: "new-consultant", name: "New consultant mentoring" });
    expect(again.slug).toBe("new-consultant-mentoring-2");
  });

  it("refuses an unknown template and a short name, with field messages", async () => {
    const error = await failure(coordinator.scheme.create({ organisationId: trust.id, templateId: "nope", name: "Valid name" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Choose a template from the list" });
    expect((await failure(coordinator.scheme.create({ organisationId: trust.id, templateId: "new-consultant", name: "x" }))).code).toBe("BAD_REQUEST");
  });

  it("versions every change of rules and explains the difference", async () => {
    const { rules } = await coordinator.scheme.get({ organisationId: trust.id, schemeId });
    const result = await coordinator.scheme.updateRules({
      organisationId: trust.id,
      schemeId,
      rules: { ...rules, meetings: { ...rules.meetings, max: 8 }, publicity: { ...rules.publicity, listed: true } },
      note: "Eight meetings after feedback",
    });
    expect(result.version).toBe(2);
    expect(result.changes.map((c) => c.path)).toEqual(expect.arrayContaining(["meetings.max", "publicity.listed"]));
    const meetings = result.changes.find((c) => c.path === "meetings.max")!;
    expect(meetings).toMatchObject({ label: "Maximum meetings", before: "Unlimited", after: "8" });
    const { history } = await coordinator.scheme.get({ organisationId: trust.id, schemeId });
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({ changeNote: "Eight meetings after feedback", changes: expect.arrayContaining([meetings]) });
    // Saving the same rules again makes no new version.
    const same = await coordinator.scheme.updateRules({ organisationId: trust.id, schemeId, rules: (await coordinator.scheme.get({ organisationId: trust.id, schemeId })).rules });
    expect(same).toMatchObject({ version: 2, changes: [] });
  });

  it("answers invalid rules with messages keyed by the rule's field", async () => {
    const { rules } = await coordinator.scheme.get({ organisationId: trust.id, schemeId });
    const error = (await failure(
      coordinator.scheme.updateRules({
        organisationId: trust.id,
        schemeId,
        rules: { ...rules, meetings: { ...rules.meetings, minutes: { min: 120, max: 60 } } },
      }),
    )) as { code: string; cause?: { fieldErrors?: Record<string, string[]> } };
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.cause?.fieldErrors ?? {})).toEqual(expect.arrayContaining([expect.stringMatching(/^meetings\.minutes/)]));
    const junk = await failure(coordinator.scheme.updateRules({ organisationId: trust.id, schemeId, rules: "not rules" }));
    expect(junk.code).toBe("BAD_REQUEST");
  });

  it("is not in the directory until published, and leaves it when closed", async () => {
    const names = async () => (await anonymous.directory.list()).flatMap((o) => o.schemes.map((s) => s.name));
    expect(await names()).not.toContain("New consultant mentoring");
    expect(await coordinator.scheme.publish({ organisationId: trust.id, schemeId })).toEqual({ status: "open" });
    expect(await names()).toContain("New consultant mentoring");
    const listing = (await anonymous.directory.list()).find((o) => o.id === trust.id)!;
    expect(listing.contact).toMatchObject({ name: "Mentoring team", email: "mentoring@example.org" });
    expect(listing.schemes[0]).toMatchObject({ slug: "new-consultant-mentoring", mentorsWithFreePlaces: 0, format: "one_to_one" });
    const page = await anonymous.directory.scheme({ organisationSlug: listing.slug, schemeSlug: "new-consultant-mentoring" });
    expect(page.scheme.summary).toMatch(/8 meetings/);
    expect((await failure(coordinator.scheme.publish({ organisationId: trust.id, schemeId }))).code).toBe("CONFLICT");
    // Organisations without listed schemes still publish their contact point.
    expect((await anonymous.directory.list()).map((o) => o.name)).toContain("Pennine Deanery");
  });
});

describe("joining", () => {
  it("lets an eligible new consultant join with the consent wording recorded", async () => {
    const prepared = await newConsultant.enrolment.prepare({ organisationId: trust.id, schemeId });
    expect(prepared.eligibility.result).toBe("eligible");
    expect(prepared.roles.map((r) => r.role)).toEqual(["mentee", "mentor"]);
    const joined = await join(newConsultant, trust.id, schemeId);
    expect(joined).toMatchObject({ status: "active", nextStep: "You have joined. Next, complete your profile so you can be matched.", nextAction: "profile" });
    const mine = await newConsultant.enrolment.mine();
    expect(mine).toEqual([expect.objectContaining({ schemeName: "New consultant mentoring", role: "mentee", status: "active" })]);
    expect((await failure(join(newConsultant, trust.id, schemeId))).code).toBe("CONFLICT");
  });

  it("sends a GP outside the audience to the coordinator's review queue, and tells them the answer", async () => {
    const prepared = await gp.enrolment.prepare({ organisationId: trust.id, schemeId });
    expect(prepared.eligibility).toMatchObject({ result: "on_request", reason: expect.stringMatching(/coordinator/i) });
    const joined = await join(gp, trust.id, schemeId);
    expect(joined.status).toBe("requested");
    const queue = await coordinator.scheme.enrolments({ organisationId: trust.id, schemeId });
    const request = queue.find((e) => e.email === "gp@trust.org")!;
    expect(request).toMatchObject({ status: "requested", eligibilityReason: prepared.eligibility.reasonForCoordinator });
    // The coordinator reads about the person, not the words written to them.
    expect(request.eligibilityReason).toMatch(/^Not in the scheme's target staff groups\. The scheme is for /);
    expect(request.eligibilityReason).not.toMatch(/\byour?\b/i);
    await coordinator.scheme.review({ organisationId: trust.id, enrolmentId: request.enrolmentId, decision: "approve", message: "Welcome aboard" });
    expect((await gp.enrolment.mine())[0]).toMatchObject({ status: "active", reviewMessage: "Welcome aboard" });
    const [mail] = (await env.db.select().from(emailOutbox)).filter((m) => m.toAddress === "gp@trust.org");
    expect(mail).toMatchObject({ subject: "Your request to join New consultant mentoring has been accepted" });
    expect(mail!.textBody).toContain("Welcome aboard");
    expect((await failure(coordinator.scheme.review({ organisationId: trust.id, enrolmentId: request.enrolmentId, decision: "decline" }))).code).toBe("CONFLICT");
  });

  it("refuses changed consent wording and a missing consent", async () => {
    const other = await makePerson(env.db, { email: "nc2@trust.org", memberOf: [{ organisationId: trust.id, roles: ["participant"] }] });
    void other;
    const caller = await signedIn("nc2@trust.org");
    const conflict = await failure(
      caller.enrolment.join({ organisationId: trust.id, schemeId, role: "mentee", consent: true, consentWording: "something else", applicationAnswers: {} }),
    );
    expect(conflict).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("wording has changed") });
    const missing = await failure(
      caller.enrolment.join({ organisationId: trust.id, schemeId, role: "mentee", consent: false as unknown as true, consentWording: "x", applicationAnswers: {} }),
    );
    expect(missing.code).toBe("BAD_REQUEST");
  });

  it("keeps people outside the organisation out of an own-organisation scheme", async () => {
    const prepared = await deaneryTrainee.enrolment.prepare({ organisationId: trust.id, schemeId });
    expect(prepared.eligibility.result).toBe("not_eligible");
    expect((await failure(join(deaneryTrainee, trust.id, schemeId))).code).toBe("FORBIDDEN");
  });

  it("lets a member of another organisation join an open scheme, and puts latecomers on the waiting list", async () => {
    const open = await deaneryCoordinator.scheme.create({ organisationId: deanery.id, templateId: "multi-professional", name: "Multi-professional mentoring" });
    const { rules } = await deaneryCoordinator.scheme.get({ organisationId: deanery.id, schemeId: open.schemeId });
    await deaneryCoordinator.scheme.updateRules({
      organisationId: deanery.id,
      schemeId: open.schemeId,
      rules: {
        ...rules,
        capacity: { maxMentees: 1 },
        format: { kind: "one_to_one" },
        // Only the coordinator's approval stands between a mentor and being ready here.
        mentors: { ...rules.mentors, requiredModules: [], approval: true, support: { minEventsPer12Months: 0, supervision: false } },
        publicity: { ...rules.publicity, listed: true },
      },
    });
    await deaneryCoordinator.scheme.publish({ organisationId: deanery.id, schemeId: open.schemeId });
    expect(await join(newConsultant, deanery.id, open.schemeId)).toMatchObject({ status: "active" });
    expect(await join(deaneryTrainee, deanery.id, open.schemeId)).toMatchObject({ status: "waiting", nextStep: expect.stringMatching(/waiting list/) });
    // Mentors come from the scheme's mentor pool (its own organisation here), whatever the audience.
    expect((await failure(join(gp, deanery.id, open.schemeId, "mentor"))).message).toBe("Staff of other organisations cannot take part as mentors.");
    // A mentor joining shows as a free place in the directory.
    expect(await join(deaneryCoordinator, deanery.id, open.schemeId, "mentor")).toMatchObject({ status: "active", nextStep: expect.stringMatching(/as a mentor/) });
    // Not ready until approved: a mentor who cannot be matched is not a free place.
    const places = async () =>
      (await anonymous.directory.list()).find((o) => o.id === deanery.id)!.schemes.find((s) => s.id === open.schemeId)?.mentorsWithFreePlaces;
    expect(await places()).toBe(0);
    const me = await deaneryCoordinator.me.get();
    await deaneryCoordinator.preparation.decideMentor({ organisationId: deanery.id, schemeId: open.schemeId, personId: me!.person.id, decision: "approved" });
    expect(await places()).toBe(1);
    // The trust coordinator sees nothing of the deanery's enrolments, though their people joined.
    expect((await failure(coordinator.scheme.enrolments({ organisationId: deanery.id, schemeId: open.schemeId }))).code).toBe("FORBIDDEN");
    const mine = await newConsultant.enrolment.mine();
    expect(mine.map((m) => m.organisationName).sort()).toEqual(["Aire Valley Hospitals", "Pennine Deanery"]);
  });
});

describe("withdrawing", () => {
  it("is one step with no reason, and only for your own enrolment", async () => {
    const [mine] = (await newConsultant.enrolment.mine()).filter((m) => m.organisationId === trust.id);
    // Someone else cannot withdraw it.
    expect((await failure(gp.enrolment.withdraw({ organisationId: trust.id, enrolmentId: mine!.enrolmentId }))).code).toBe("NOT_FOUND");
    expect(await newConsultant.enrolment.withdraw({ organisationId: trust.id, enrolmentId: mine!.enrolmentId })).toMatchObject({ status: "withdrawn" });
    expect((await failure(newConsultant.enrolment.withdraw({ organisationId: trust.id, enrolmentId: mine!.enrolmentId }))).code).toBe("NOT_FOUND");
    // Having withdrawn, they can join again.
    expect(await join(newConsultant, trust.id, schemeId)).toMatchObject({ status: "active" });
  });
});

describe("central comparison", () => {
  it("compares schemes of organisations that opted in, and nothing else", async () => {
    const analyst = await signedIn("analyst@central.org");
    expect(await analyst.central.schemes()).toEqual([]);
    const deaneryScheme = (await deaneryCoordinator.scheme.list({ organisationId: deanery.id }))[0]!;
    const refs = [
      { organisationId: trust.id, schemeId },
      { organisationId: deanery.id, schemeId: deaneryScheme.id },
    ];
    expect((await failure(analyst.central.compare({ schemes: refs }))).code).toBe("NOT_FOUND");
    await env.db.update(organisations).set({ sharesWithCentral: true });
    const available = await analyst.central.schemes();
    expect(available.flatMap((o) => o.schemes.map((s) => s.name)).sort()).toEqual(["Multi-professional mentoring", "New consultant mentoring"]);
    const comparison = await analyst.central.compare({ schemes: refs });
    expect(comparison.columns).toEqual([
      { organisationName: "Aire Valley Hospitals", schemeName: "New consultant mentoring" },
      { organisationName: "Pennine Deanery", schemeName: "Multi-professional mentoring" },
    ]);
    expect(comparison.rows.find((r) => r.path === "meetings.max")).toMatchObject({ differs: true });
    // Rules only: no participant appears, though people of both organisations took part.
    expect(JSON.stringify(comparison)).not.toMatch(/newcons@|gp@trust|trainee@/);
    expect((await failure(analyst.central.compare({ schemes: refs.slice(0, 1) }))).code).toBe("BAD_REQUEST");
  });
});

describe("the audit log", () => {
  it("names the scheme of each entry and narrows to an action, a person, a scheme and a date range", async () => {
    const all = await coordinator.organisation.audit({ organisationId: trust.id, limit: 200 });
    const enrolled = all.entries.find((e) => e.action === "enrolment.approved")!;
    // An enrolment's entry names the scheme through the enrolment.
    expect(enrolled).toMatchObject({ schemeId, schemeName: "New consultant mentoring" });
    expect(all.actionKinds).toEqual(expect.arrayContaining(["scheme.created", "scheme.rules_changed", "enrolment.approved"]));

    const ofScheme = await coordinator.organisation.audit({ organisationId: trust.id, schemeId, limit: 200 });
    expect(ofScheme.entries.length).toBeGreaterThan(2);
    expect(ofScheme.entries.every((e) => e.schemeId === schemeId)).toBe(true);
    expect(ofScheme.entries.length).toBeLessThan(all.entries.length);

    const changes = await coordinator.organisation.audit({ organisationId: trust.id, action: "scheme.rules_changed", limit: 200 });
    expect(changes.entries.map((e) => e.action)).toEqual(changes.entries.map(() => "scheme.rules_changed"));
    expect(changes.entries.length).toBeGreaterThan(0);

    const me = await coordinator.me.get();
    const mine = await coordinator.organisation.audit({ organisationId: trust.id, actorPersonId: me!.person.id, limit: 200 });
    expect(mine.entries.length).toBeGreaterThan(0);
    expect(mine.entries.every((e) => e.actorName === enrolled.actorName)).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const around = await coordinator.organisation.audit({ organisationId: trust.id, from: "2000-01-01", to: "2100-01-01", limit: 200 });
    expect(around.entries).toHaveLength(all.entries.length);
    expect((await coordinator.organisation.audit({ organisationId: trust.id, to: "2000-01-01" })).entries).toEqual([]);
    const backwards = await failure(coordinator.organisation.audit({ organisationId: trust.id, from: today, to: "2000-01-01" }));
    expect(backwards.code).toBe("BAD_REQUEST");
  });
});
