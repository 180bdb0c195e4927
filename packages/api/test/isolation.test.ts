// Tenant isolation and authorisation at the API, enumerated from the router: a procedure added
// without an expectation here fails the first test.
import { and, eq } from "drizzle-orm";
import {
  enrolments,
  invitations,
  matchRuns,
  relationships,
  memberships,
  mentorApprovals,
  reflections,
  relationshipMembers,
  schemes,
  supportAttendance,
  supportEvents,
  trainingModules,
  trainingRecords,
  withTenant,
} from "@tandem/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MembershipRoleName } from "@tandem/core";
import { appRouter } from "../src/root";
import { browser, failure, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

type Caller = Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;
interface Ids {
  organisationId: string;
  /** Ids of the OTHER organisation's things, passed as if they were this one's. */
  personId: string;
  invitationId: string;
  schemeId: string;
  enrolmentId: string;
  moduleId: string;
  recordId: string;
  eventId: string;
  evidenceFileId: string;
  runId: string;
  relationshipId: string;
}

type Expectation =
  | { tier: "public" | "signedIn" | "platform" | "central" }
  | { tier: "org"; roles: MembershipRoleName[] | "any"; call: (caller: Caller, ids: Ids) => Promise<unknown> };

const expectations: Record<string, Expectation> = {
  "auth.signIn": { tier: "public" },
  "calendar.feed": { tier: "public" },
  "auth.signOut": { tier: "public" },
  "auth.invitation": { tier: "public" },
  "auth.acceptInvitation": { tier: "public" },
  "auth.signOutEverywhere": { tier: "signedIn" },
  "auth.changePassword": { tier: "signedIn" },
  // Public by design: what a reset may reveal and change is tested in password-reset.test.ts.
  "auth.requestPasswordReset": { tier: "public" },
  "auth.passwordReset": { tier: "public" },
  "auth.resetPassword": { tier: "public" },
  "me.get": { tier: "public" },
  "me.setActiveOrganisation": { tier: "signedIn" },
  // A person's own home, across organisations: checked below with another organisation's ids.
  "me.home": { tier: "signedIn" },
  "platform.mailbox": { tier: "platform" },
  "platform.organisations": { tier: "platform" },
  "central.organisations": { tier: "central" },
  "scheme.templates": { tier: "signedIn" },
  "scheme.home": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.scheme.home({ organisationId: ids.organisationId }) },
  "scheme.list": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.scheme.list({ organisationId: ids.organisationId }) },
  "scheme.get": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.scheme.get({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "scheme.create": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.scheme.create({ organisationId: ids.organisationId, templateId: "deanery-gp", name: "Isolation check scheme" }),
  },
  "scheme.updateRules": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.scheme.updateRules({ organisationId: ids.organisationId, schemeId: ids.schemeId, rules: {}, name: "Renamed" }),
  },
  "scheme.publish": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.scheme.publish({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "scheme.close": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.scheme.close({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "scheme.enrolments": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.scheme.enrolments({ organisationId: ids.organisationId, schemeId: ids.schemeId }),
  },
  "scheme.review": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.scheme.review({ organisationId: ids.organisationId, enrolmentId: ids.enrolmentId, decision: "decline", message: "no" }),
  },
  // Public by design (SPEC section 11); what they may show is tested in schemes.test.ts.
  "directory.list": { tier: "public" },
  "directory.scheme": { tier: "public" },
  // A person's own enrolments, in any organisation (SPEC principle 4); tested in schemes.test.ts.
  "enrolment.prepare": { tier: "signedIn" },
  "enrolment.join": { tier: "signedIn" },
  "enrolment.withdraw": { tier: "signedIn" },
  "enrolment.mine": { tier: "signedIn" },
  "central.schemes": { tier: "central" },
  "central.compare": { tier: "central" },
  "preparation.modules": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.preparation.modules({ organisationId: ids.organisationId }) },
  "preparation.saveModule": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) =>
      c.preparation.saveModule({ organisationId: ids.organisationId, moduleId: ids.moduleId, fields: { code: "b-module", name: "Renamed", kind: "taster", hours: 1 } }),
  },
  "preparation.deleteModule": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.deleteModule({ organisationId: ids.organisationId, moduleId: ids.moduleId }),
  },
  "preparation.records": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.records({ organisationId: ids.organisationId, personId: ids.personId }),
  },
  "preparation.recordCompletion": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) =>
      c.preparation.recordCompletion({ organisationId: ids.organisationId, personId: ids.personId, moduleId: ids.moduleId, completedOn: "2026-01-01" }),
  },
  "preparation.verifyRecord": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.verifyRecord({ organisationId: ids.organisationId, recordId: ids.recordId }),
  },
  "preparation.previewImport": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => // The preview echoes the caller's own file back; written in capitals so an echo is told apart from a leak.
      c.preparation.previewImport({ organisationId: ids.organisationId, csv: "email,module,completed_on\nPERSON.B@EXAMPLE.ORG,b-module,2026-01-01\n" }),
  },
  "preparation.commitImport": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.commitImport({ organisationId: ids.organisationId, csv: "email,module,completed_on\nPERSON.B@EXAMPLE.ORG,b-module,2026-01-01\n" }),
  },
  "preparation.events": {
    tier: "org",
    roles: ["org_admin", "coordinator", "convenor"],
    call: (c, ids) => c.preparation.events({ organisationId: ids.organisationId }),
  },
  "preparation.saveEvent": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) =>
      c.preparation.saveEvent({ organisationId: ids.organisationId, eventId: ids.eventId, fields: { kind: "conference", title: "Renamed", heldOn: "2026-05-05" } }),
  },
  "preparation.appraisals": {
    tier: "org",
    roles: ["org_admin", "coordinator", "convenor"],
    call: (c, ids) => c.preparation.appraisals({ organisationId: ids.organisationId, mentorPersonId: ids.personId }),
  },
  "preparation.mentors": { tier: "org", roles: ["org_admin", "coordinator", "convenor"], call: (c, ids) => c.preparation.mentors({ organisationId: ids.organisationId }) },
  "preparation.deleteEvent": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.deleteEvent({ organisationId: ids.organisationId, eventId: ids.eventId }),
  },
  "preparation.setAttendance": {
    tier: "org",
    roles: ["org_admin", "coordinator", "convenor"],
    call: (c, ids) =>
      c.preparation.setAttendance({ organisationId: ids.organisationId, eventId: ids.eventId, entries: [{ personId: ids.personId, status: "attended" }] }),
  },
  "preparation.recordAppraisal": {
    tier: "org",
    roles: ["org_admin", "coordinator", "convenor"],
    call: (c, ids) => c.preparation.recordAppraisal({ organisationId: ids.organisationId, mentorPersonId: ids.personId, appraisedOn: "2026-01-01" }),
  },
  "preparation.decideMentor": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.decideMentor({ organisationId: ids.organisationId, schemeId: ids.schemeId, personId: ids.personId, decision: "declined" }),
  },
  "preparation.approvals": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.approvals({ organisationId: ids.organisationId, schemeId: ids.schemeId, personId: ids.personId }),
  },
  "preparation.pool": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.pool({ organisationId: ids.organisationId, schemeId: ids.schemeId }),
  },
  "preparation.uploadEvidence": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) =>
      c.preparation.uploadEvidence({ organisationId: ids.organisationId, personId: ids.personId, filename: "x.pdf", contentBase64: Buffer.from("%PDF-1.4").toString("base64") }),
  },
  "preparation.evidence": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.preparation.evidence({ organisationId: ids.organisationId, evidenceFileId: ids.evidenceFileId }),
  },
  // A mentor's own status, records, evidence, events and CPD export, in organisations where they
  // mentor (tested in preparation.test.ts, including other people's and other organisations' ids).
  "preparation.uploadMyEvidence": { tier: "signedIn" },
  "preparation.myEvidence": { tier: "signedIn" },
  "preparation.myRecords": { tier: "signedIn" },
  "preparation.myCatalogues": { tier: "signedIn" },
  "preparation.myEvents": { tier: "signedIn" },
  "preparation.signUp": { tier: "signedIn" },
  "preparation.cpd": { tier: "signedIn" },
  "preparation.myStatus": { tier: "signedIn" },
  "preparation.requestRecognition": { tier: "signedIn" },
  "matching.overview": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.matching.overview({ organisationId: ids.organisationId, schemeId: ids.schemeId }),
  },
  "matching.startRun": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.matching.startRun({ organisationId: ids.organisationId, schemeId: ids.schemeId, mode: "auto", fairness: false, stable: false }),
  },
  "matching.run": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.matching.run({ organisationId: ids.organisationId, runId: ids.runId }),
  },
  "matching.setConstraint": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) =>
      c.matching.setConstraint({ organisationId: ids.organisationId, schemeId: ids.schemeId, menteeEnrolmentId: ids.enrolmentId, mentorEnrolmentId: ids.enrolmentId, kind: "lock" }),
  },
  "matching.swap": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.matching.swap({ organisationId: ids.organisationId, runId: ids.runId, menteeA: ids.enrolmentId, menteeB: ids.personId }),
  },
  "matching.confirm": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.matching.confirm({ organisationId: ids.organisationId, runId: ids.runId }),
  },
  "matching.relationships": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.matching.relationships({ organisationId: ids.organisationId, schemeId: ids.schemeId }),
  },
  "matching.pool": { tier: "signedIn" },
  "matching.request": { tier: "signedIn" },
  "matching.cancelRequest": { tier: "signedIn" },
  "matching.respond": { tier: "signedIn" },
  "matching.noFaultChange": { tier: "signedIn" },
  "matching.endAfterTrial": { tier: "signedIn" },
  "matching.mine": { tier: "signedIn" },
  "matching.myProfile": { tier: "signedIn" },
  "matching.updateProfile": { tier: "signedIn" },
  "relationships.forScheme": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.relationships.forScheme({ organisationId: ids.organisationId, schemeId: ids.schemeId }),
  },
  "relationships.forCoordinator": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.relationships.forCoordinator({ organisationId: ids.organisationId, relationshipId: ids.relationshipId }),
  },
  "feedback.forScheme": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.feedback.forScheme({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "feedback.closeRound": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.feedback.closeRound({ organisationId: ids.organisationId, schemeId: ids.schemeId, roundId: ids.runId }),
  },
  "menteeCourse.forScheme": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.menteeCourse.forScheme({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "menteeCourse.savePage": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.menteeCourse.savePage({ organisationId: ids.organisationId, schemeId: ids.schemeId, key: "confidentiality", title: "What stays private", body: "Our own words about confidentiality." }),
  },
  "menteeCourse.restorePage": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.menteeCourse.restorePage({ organisationId: ids.organisationId, schemeId: ids.schemeId, key: "confidentiality" }),
  },
  // A mentee's own course: checked with the participants' matching procedures below.
  "menteeCourse.mine": { tier: "signedIn" },
  "menteeCourse.myCourses": { tier: "signedIn" },
  "menteeCourse.markPage": { tier: "signedIn" },
  "claims.forScheme": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.claims.forScheme({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "claims.decide": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.claims.decide({ organisationId: ids.organisationId, claimId: ids.relationshipId, decision: "approve" }),
  },
  "claims.export": { tier: "org", roles: ["org_admin", "coordinator"], call: (c, ids) => c.claims.export({ organisationId: ids.organisationId, schemeId: ids.schemeId }) },
  "claims.exportFile": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.claims.exportFile({ organisationId: ids.organisationId, schemeId: ids.schemeId, exportId: ids.runId, format: "csv" }),
  },
  // A person's own feedback, questionnaires and claims: checked below with another organisation's ids.
  ...Object.fromEntries(
    ["feedback.mine", "feedback.form", "feedback.submit", "feedback.aboutMe", "feedback.outcomesDue", "feedback.submitOutcome", "claims.forRelationship", "claims.submit", "claims.answerQuery", "claims.mine", "reminders.preferences", "reminders.setPreferences", "calendar.feedStatus", "calendar.createFeed", "calendar.revokeFeed", "push.publicKey", "push.subscribe", "push.unsubscribe", "reflections.keyStatus", "reflections.setUpKey", "reflections.rewrap", "reflections.list", "reflections.add", "reflections.update", "reflections.remove", "reflections.addPasskey", "reflections.removePasskey", "reflections.mine"].map(
      (name) => [name, { tier: "signedIn" as const }],
    ),
  ),
  // A member's own relationships: checked below with another organisation's relationship.
  ...Object.fromEntries(
    ["mine", "get", "pause", "resume", "withdraw", "proposeMeeting", "pickTime", "suggestOtherTimes", "reschedule", "cancelMeeting", "setFinalMeeting", "recordMeeting", "recordAttendance", "addAction", "updateAction", "removeAction", "saveNotes", "meetingCalendar"].map(
      (name) => [`relationships.${name}`, { tier: "signedIn" as const }],
    ),
  ),
  "organisation.get": { tier: "org", roles: "any", call: (c, ids) => c.organisation.get({ organisationId: ids.organisationId }) },
  "organisation.people": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.organisation.people({ organisationId: ids.organisationId }),
  },
  "organisation.invite": {
    tier: "org",
    roles: ["org_admin"],
    call: (c, ids) =>
      c.organisation.invite({ organisationId: ids.organisationId, email: `new${Math.random()}@example.org`, name: "New Person", roles: ["participant"] }),
  },
  "organisation.revokeInvitation": {
    tier: "org",
    roles: ["org_admin"],
    call: (c, ids) => c.organisation.revokeInvitation({ organisationId: ids.organisationId, invitationId: ids.invitationId }),
  },
  "organisation.setRoles": {
    tier: "org",
    roles: ["org_admin"],
    call: (c, ids) => c.organisation.setRoles({ organisationId: ids.organisationId, personId: ids.personId, roles: ["org_admin"] }),
  },
  "organisation.audit": {
    tier: "org",
    roles: ["org_admin", "coordinator"],
    call: (c, ids) => c.organisation.audit({ organisationId: ids.organisationId }),
  },
};

let env: TestEnv;
let a: { org: string; admin: Caller; coordinator: Caller; participant: Caller; convenor: Caller };
let bIds: Ids;
let bPersonEmail: string;
let personBReflections: () => Promise<unknown[]>;
let signedOut: Caller;
let platformAdmin: Caller;
let analyst: Caller;

async function signedIn(email: string) {
  const client = browser(env.deps, { address: `10.${Math.floor(Math.random() * 250)}.0.1` });
  await client.signIn(email);
  return client.caller();
}

beforeAll(async () => {
  env = await setup();
  const orgA = await makeOrganisation(env.db, "Organisation A");
  const orgB = await makeOrganisation(env.db, "Organisation B", "deanery");
  for (const role of ["org_admin", "coordinator", "participant", "convenor"] as const) {
    await makePerson(env.db, { email: `${role}.a@example.org`, memberOf: [{ organisationId: orgA.id, roles: [role] }] });
  }
  await makePerson(env.db, { email: "admin.b@example.org", memberOf: [{ organisationId: orgB.id, roles: ["org_admin"] }] });
  bPersonEmail = "person.b@example.org";
  const personB = await makePerson(env.db, { email: bPersonEmail, memberOf: [{ organisationId: orgB.id, roles: ["participant"] }] });
  await makePerson(env.db, { email: "platform@example.org", platformRoles: ["platform_admin"] });
  await makePerson(env.db, { email: "analyst@example.org", platformRoles: ["central_analyst"] });

  const adminB = await signedIn("admin.b@example.org");
  const invited = await adminB.organisation.invite({ organisationId: orgB.id, email: "invitee.b@example.org", name: "Invitee B", roles: ["participant"] });
  const schemeB = await adminB.scheme.create({ organisationId: orgB.id, templateId: "deanery-gp", name: "B's scheme" });
  const [enrolmentB] = await withTenant(env.db, { organisationId: orgB.id }, (tx) =>
    tx
      .insert(enrolments)
      .values({
        organisationId: orgB.id,
        schemeId: schemeB.schemeId,
        personId: personB.id,
        role: "mentee",
        status: "requested",
        consentWording: "I agree",
        consentedAt: new Date(),
        rulesVersion: 1,
      })
      .returning(),
  );
  const moduleB = await adminB.preparation.saveModule({ organisationId: orgB.id, fields: { code: "b-module", name: "B's module", kind: "course_module", hours: 3 } });
  // Person B also mentors in B's scheme, so they may ask for training to be recognised there.
  await withTenant(env.db, { organisationId: orgB.id }, (tx) =>
    tx.insert(enrolments).values({
      organisationId: orgB.id,
      schemeId: schemeB.schemeId,
      personId: personB.id,
      role: "mentor",
      status: "active",
      consentWording: "I agree",
      consentedAt: new Date(),
      rulesVersion: 1,
    }),
  );
  const personBCaller = await signedIn(bPersonEmail);
  const recordB = await personBCaller.preparation.requestRecognition({ organisationId: orgB.id, moduleId: moduleB.moduleId, completedOn: "2026-01-01", provider: "Elsewhere" });
  const eventB = await adminB.preparation.saveEvent({ organisationId: orgB.id, fields: { kind: "support_group", title: "B's support group", heldOn: "2026-02-02" } });
  const evidenceB = await adminB.preparation.uploadEvidence({
    organisationId: orgB.id,
    personId: personB.id,
    filename: "b-certificate.pdf",
    contentBase64: Buffer.from("%PDF-1.4 B's certificate").toString("base64"),
  });
  // A run and an active relationship in B, which nobody in A may read, confirm or end.
  const [runB] = await withTenant(env.db, { organisationId: orgB.id }, (tx) =>
    tx.insert(matchRuns).values({ organisationId: orgB.id, schemeId: schemeB.schemeId, mode: "auto", options: { mode: "auto", fairness: false, stable: false }, status: "done" }).returning(),
  );
  const [relationshipB] = await withTenant(env.db, { organisationId: orgB.id }, (tx) =>
    tx
      .insert(relationships)
      .values({
        organisationId: orgB.id,
        schemeId: schemeB.schemeId,
        menteeEnrolmentId: enrolmentB!.id,
        mentorEnrolmentId: enrolmentB!.id,
        menteePersonId: personB.id,
        mentorPersonId: personB.id,
        status: "active",
        origin: "allocation",
        rulesVersion: 1,
      })
      .returning(),
  );
  // B's person is in that relationship and keeps a (sealed) reflection on it, which only they get back.
  await withTenant(env.db, { organisationId: orgB.id }, (tx) =>
    tx.insert(relationshipMembers).values({ organisationId: orgB.id, relationshipId: relationshipB!.id, personId: personB.id, enrolmentId: enrolmentB!.id, role: "mentee" }),
  );
  await withTenant(env.db, { organisationId: orgB.id, personId: personB.id }, (tx) =>
    tx.insert(reflections).values({ organisationId: orgB.id, personId: personB.id, relationshipId: relationshipB!.id, ciphertext: "c2VhbGVk", iv: "AAAAAAAAAAAAAAAA", keyVersion: 1 }),
  );
  personBReflections = () => personBCaller.reflections.mine();
  bIds = {
    runId: runB!.id,
    relationshipId: relationshipB!.id,
    evidenceFileId: evidenceB.evidenceFileId,
    moduleId: moduleB.moduleId,
    recordId: recordB.recordId,
    eventId: eventB.eventId,
    organisationId: orgB.id,
    personId: personB.id,
    invitationId: invited.invitationId,
    schemeId: schemeB.schemeId,
    enrolmentId: enrolmentB!.id,
  };

  a = {
    org: orgA.id,
    admin: await signedIn("org_admin.a@example.org"),
    coordinator: await signedIn("coordinator.a@example.org"),
    participant: await signedIn("participant.a@example.org"),
    convenor: await signedIn("convenor.a@example.org"),
  };
  signedOut = await browser(env.deps).caller();
  platformAdmin = await signedIn("platform@example.org");
  analyst = await signedIn("analyst@example.org");
});
afterAll(() => env.close());

const orgCases = () =>
  Object.entries(expectations).filter(
    (entry): entry is [string, Extract<Expectation, { tier: "org" }>] => entry[1].tier === "org",
  );

describe("every procedure has an isolation expectation", () => {
  it("matches the router exactly", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures).toEqual(Object.keys(expectations).sort());
  });
});

describe("organisation-scoped procedures", () => {
  it.each(orgCases())("%s: a member of A naming organisation B gets FORBIDDEN", async (_path, expectation) => {
    for (const caller of [a.admin, a.coordinator]) {
      const error = await failure(expectation.call(caller, bIds));
      expect(error.code).toBe("FORBIDDEN");
    }
  });

  it.each(orgCases())("%s: B's ids inside A's scope reach nothing of B", async (_path, expectation) => {
    const ids = { ...bIds, organisationId: a.org };
    const outcome = await expectation.call(a.admin, ids).then(
      (value) => ({ ok: true as const, value }),
      (error: { code: string; message: string }) => ({ ok: false as const, code: error.code, message: error.message }),
    );
    if (outcome.ok) {
      const text = JSON.stringify(outcome.value);
      expect(text).not.toContain(bIds.organisationId);
      expect(text).not.toContain(bIds.personId);
      expect(text).not.toContain(bPersonEmail);
    } else {
      // Not found, or refused as bad input (an import naming B's people finds nobody) — and the
      // message names nothing of B.
      expect(["NOT_FOUND", "BAD_REQUEST"]).toContain(outcome.code);
      expect(outcome.message).not.toContain(bIds.personId);
      expect(outcome.message).not.toContain(bPersonEmail);
    }
    // Nothing of B changed.
    const [membership] = await withTenant(env.db, { organisationId: bIds.organisationId }, (tx) =>
      tx.select().from(memberships).where(and(eq(memberships.organisationId, bIds.organisationId), eq(memberships.personId, bIds.personId))),
    );
    expect(membership?.roles).toEqual(["participant"]);
    const [invitation] = await withTenant(env.db, { organisationId: bIds.organisationId }, (tx) =>
      tx.select().from(invitations).where(eq(invitations.id, bIds.invitationId)),
    );
    expect(invitation?.revokedAt).toBeNull();
    const [scheme] = await withTenant(env.db, { organisationId: bIds.organisationId }, (tx) =>
      tx.select().from(schemes).where(eq(schemes.id, bIds.schemeId)),
    );
    expect(scheme).toMatchObject({ name: "B's scheme", status: "draft", currentVersion: 1 });
    const [enrolment] = await withTenant(env.db, { organisationId: bIds.organisationId }, (tx) =>
      tx.select().from(enrolments).where(eq(enrolments.id, bIds.enrolmentId)),
    );
    expect(enrolment?.status).toBe("requested");
    const untouched = await withTenant(env.db, { organisationId: bIds.organisationId }, async (tx) => ({
      module: (await tx.select().from(trainingModules).where(eq(trainingModules.id, bIds.moduleId)))[0],
      record: (await tx.select().from(trainingRecords).where(eq(trainingRecords.id, bIds.recordId)))[0],
      event: (await tx.select().from(supportEvents).where(eq(supportEvents.id, bIds.eventId)))[0],
      attendance: await tx.select().from(supportAttendance),
      approvals: await tx.select().from(mentorApprovals),
      run: (await tx.select().from(matchRuns).where(eq(matchRuns.id, bIds.runId)))[0],
      relationship: (await tx.select().from(relationships).where(eq(relationships.id, bIds.relationshipId)))[0],
    }));
    expect(untouched).toMatchObject({
      module: { name: "B's module" },
      record: { verifiedOn: null },
      event: { title: "B's support group" },
      attendance: [],
      approvals: [],
      run: { status: "done" },
      relationship: { status: "active", closedReason: null },
    });
  });

  it.each(orgCases())("%s: roles without permission get FORBIDDEN, signed out gets UNAUTHORIZED", async (_path, expectation) => {
    const ids = { ...bIds, organisationId: a.org };
    const byRole: Record<string, Caller> = {
      org_admin: a.admin,
      coordinator: a.coordinator,
      participant: a.participant,
      convenor: a.convenor,
    };
    for (const [role, caller] of Object.entries(byRole)) {
      const allowed = expectation.roles === "any" || expectation.roles.includes(role as MembershipRoleName);
      if (!allowed) expect((await failure(expectation.call(caller, ids))).code, role).toBe("FORBIDDEN");
    }
    for (const caller of [signedOut]) {
      expect((await failure(expectation.call(caller, ids))).code).toBe("UNAUTHORIZED");
    }
    // Installation roles give no access to an organisation's data.
    for (const caller of [platformAdmin, analyst]) {
      expect((await failure(expectation.call(caller, ids))).code).toBe("FORBIDDEN");
    }
  });
});

describe("participants' matching procedures", () => {
  it("reach nothing of another organisation's schemes or matches, whoever calls", async () => {
    for (const caller of [a.admin, a.participant]) {
      // Thunks: each call starts only when awaited, so no rejection goes unhandled.
      const calls: [string, () => Promise<unknown>][] = [
        ["pool", () => caller.matching.pool({ organisationId: bIds.organisationId, schemeId: bIds.schemeId, filters: {} })],
        ["request", () => caller.matching.request({ organisationId: bIds.organisationId, schemeId: bIds.schemeId, mentorEnrolmentIds: [bIds.enrolmentId] })],
        ["myProfile", () => caller.matching.myProfile({ organisationId: bIds.organisationId, schemeId: bIds.schemeId })],
        ["menteeCourse.mine", () => caller.menteeCourse.mine({ organisationId: bIds.organisationId, schemeId: bIds.schemeId })],
        ["menteeCourse.markPage", () => caller.menteeCourse.markPage({ organisationId: bIds.organisationId, schemeId: bIds.schemeId, key: "confidentiality", done: true })],
        ["cancelRequest", () => caller.matching.cancelRequest({ organisationId: bIds.organisationId, schemeId: bIds.schemeId })],
        ["respond", () => caller.matching.respond({ organisationId: bIds.organisationId, relationshipId: bIds.relationshipId, accept: false })],
        ["noFaultChange", () => caller.matching.noFaultChange({ organisationId: bIds.organisationId, relationshipId: bIds.relationshipId, reason: "x" })],
        ["endAfterTrial", () => caller.matching.endAfterTrial({ organisationId: bIds.organisationId, relationshipId: bIds.relationshipId })],
        [
          "updateProfile",
          () => caller.matching.updateProfile({ organisationId: bIds.organisationId, schemeId: bIds.schemeId, role: "mentee", topics: [], availability: [], remoteOk: false, bio: null }),
        ],
      ];
      for (const [name, call] of calls) {
        const error = await failure(call());
        expect(["FORBIDDEN", "NOT_FOUND"], name).toContain(error.code);
        expect(error.message, name).not.toContain(bPersonEmail);
      }
      expect(await caller.matching.mine()).toEqual([]);
      expect(await caller.menteeCourse.myCourses()).toEqual([]);
      expect(JSON.stringify(await caller.me.home())).not.toContain(bIds.schemeId);
    }
    for (const name of ["pool", "mine"] as const) {
      const call = name === "pool" ? signedOut.matching.pool({ organisationId: bIds.organisationId, schemeId: bIds.schemeId, filters: {} }) : signedOut.matching.mine();
      expect((await failure(call)).code).toBe("UNAUTHORIZED");
    }
    const [relationship] = await withTenant(env.db, { organisationId: bIds.organisationId }, (tx) => tx.select().from(relationships).where(eq(relationships.id, bIds.relationshipId)));
    expect(relationship).toMatchObject({ status: "active", closedReason: null });
  });
});

describe("members' relationship procedures", () => {
  it("reach nothing of a relationship the caller is not in, in this organisation or another", async () => {
    const meetingId = "00000000-0000-4000-8000-000000000001";
    const time = { date: "2027-01-10", start: "10:00", minutes: 60, mode: "video" as const };
    for (const caller of [a.admin, a.coordinator, a.participant]) {
      for (const organisationId of [bIds.organisationId, a.org]) {
        const on = { organisationId, relationshipId: bIds.relationshipId };
        const calls: [string, () => Promise<unknown>][] = [
          ["get", () => caller.relationships.get(on)],
          ["pause", () => caller.relationships.pause({ ...on, resumeOn: null })],
          ["resume", () => caller.relationships.resume(on)],
          ["withdraw", () => caller.relationships.withdraw(on)],
          ["proposeMeeting", () => caller.relationships.proposeMeeting({ ...on, times: [time] })],
          ["pickTime", () => caller.relationships.pickTime({ ...on, meetingId, choice: 0 })],
          ["suggestOtherTimes", () => caller.relationships.suggestOtherTimes({ ...on, meetingId, times: [time] })],
          ["reschedule", () => caller.relationships.reschedule({ ...on, meetingId, time })],
          ["cancelMeeting", () => caller.relationships.cancelMeeting({ ...on, meetingId })],
          ["setFinalMeeting", () => caller.relationships.setFinalMeeting({ ...on, meetingId, final: true })],
          ["recordMeeting", () => caller.relationships.recordMeeting({ ...on, meetingId, outcome: "held" })],
          ["recordAttendance", () => caller.relationships.recordAttendance({ ...on, meetingId, entries: [{ personId: bIds.personId, attended: true }] })],
          ["addAction", () => caller.relationships.addAction({ ...on, text: "x" })],
          ["updateAction", () => caller.relationships.updateAction({ ...on, actionId: meetingId, done: true })],
          ["removeAction", () => caller.relationships.removeAction({ ...on, actionId: meetingId })],
          ["saveNotes", () => caller.relationships.saveNotes({ ...on, meetingId, text: "x" })],
          ["meetingCalendar", () => caller.relationships.meetingCalendar({ ...on, meetingId })],
        ];
        for (const [name, call] of calls) {
          const error = await failure(call());
          expect(error.code, name).toBe("NOT_FOUND");
          expect(error.message, name).not.toContain(bPersonEmail);
        }
      }
      expect(await caller.relationships.mine()).toEqual([]);
    }
    expect((await failure(signedOut.relationships.mine())).code).toBe("UNAUTHORIZED");
    const [relationship] = await withTenant(env.db, { organisationId: bIds.organisationId }, (tx) => tx.select().from(relationships).where(eq(relationships.id, bIds.relationshipId)));
    expect(relationship).toMatchObject({ status: "active", closedReason: null, pausedAt: null });
  });

  it("keyed (replayable) writes reach nothing of another relationship or organisation, and store no key", async () => {
    // A UUIDv7, as the PWA's outbox makes one when the person acts.
    const idempotencyKey = "01890a5d-ac96-774b-bcce-b302099a8057";
    for (const caller of [a.admin, a.coordinator, a.participant]) {
      for (const organisationId of [bIds.organisationId, a.org]) {
        const on = { organisationId, relationshipId: bIds.relationshipId, idempotencyKey };
        expect((await failure(caller.relationships.addAction({ ...on, text: "x" }))).code).toBe("NOT_FOUND");
        expect((await failure(caller.relationships.recordMeeting({ ...on, meetingId: bIds.relationshipId, outcome: "held" }))).code).toBe("NOT_FOUND");
      }
      expect((await failure(caller.feedback.submit({ organisationId: bIds.organisationId, requestId: bIds.relationshipId, answers: { useful: 5 }, idempotencyKey }))).code).toBe("NOT_FOUND");
    }
    const stored = await env.ownerSql`select organisation_id from idempotency_keys`;
    expect(stored).toEqual([]);
  });
});

describe("a person's own feedback, questionnaires and claims", () => {
  it("reach nothing of another organisation's, whoever calls", async () => {
    const someId = bIds.relationshipId;
    for (const caller of [a.admin, a.coordinator, a.participant]) {
      for (const organisationId of [bIds.organisationId, a.org]) {
        const calls: [string, () => Promise<unknown>][] = [
          ["feedback.form", () => caller.feedback.form({ organisationId, requestId: someId })],
          ["feedback.submit", () => caller.feedback.submit({ organisationId, requestId: someId, answers: { useful: 5 } })],
          ["feedback.aboutMe", () => caller.feedback.aboutMe({ organisationId, schemeId: bIds.schemeId })],
          ["feedback.submitOutcome", () => caller.feedback.submitOutcome({ organisationId, enrolmentId: bIds.enrolmentId, point: "baseline", answers: {} })],
          ["claims.forRelationship", () => caller.claims.forRelationship({ organisationId, relationshipId: someId })],
          ["claims.submit", () => caller.claims.submit({ organisationId, relationshipId: someId, meetingId: someId, expensesPence: 0 })],
          ["claims.answerQuery", () => caller.claims.answerQuery({ organisationId, claimId: someId, answer: "x" })],
          ["reflections.add", () => caller.reflections.add({ organisationId, relationshipId: someId, sealed: { ciphertext: "c2VhbGVk", iv: "AAAAAAAAAAAAAAAA", keyVersion: 1 } })],
          ["reflections.update", () => caller.reflections.update({ organisationId, relationshipId: someId, reflectionId: someId, sealed: { ciphertext: "c2VhbGVk", iv: "AAAAAAAAAAAAAAAA", keyVersion: 1 } })],
          ["reflections.remove", () => caller.reflections.remove({ organisationId, reflectionId: someId })],
        ];
        for (const [name, call] of calls) {
          const error = await failure(call());
          expect(["NOT_FOUND", "FORBIDDEN"], name).toContain(error.code);
          expect(error.message, name).not.toContain(bPersonEmail);
        }
      }
      expect(await caller.feedback.mine()).toEqual([]);
      expect(await caller.claims.mine()).toEqual([]);
      expect(await caller.feedback.outcomesDue()).toEqual([]);
      for (const organisationId of [bIds.organisationId, a.org]) expect(await caller.reflections.list({ organisationId, relationshipId: someId })).toEqual([]);
      expect(await caller.reflections.mine()).toEqual([]);
    }
    // B's person does get theirs back, so the empty lists above are not for want of a row.
    expect(await personBReflections()).toHaveLength(1);
  });
});

describe("installation-wide tiers", () => {
  it("keeps the platform procedures to platform admins", async () => {
    expect((await failure(a.admin.platform.mailbox({}))).code).toBe("FORBIDDEN");
    expect((await failure(analyst.platform.organisations())).code).toBe("FORBIDDEN");
    expect((await failure(signedOut.platform.mailbox({}))).code).toBe("UNAUTHORIZED");
    expect((await platformAdmin.platform.organisations()).length).toBe(2);
  });

  it("keeps the central comparison to central analysts", async () => {
    expect((await failure(platformAdmin.central.organisations())).code).toBe("FORBIDDEN");
    expect((await failure(a.admin.central.organisations())).code).toBe("FORBIDDEN");
    expect(await analyst.central.organisations()).toEqual([]);
  });

  it("lets a person make active only an organisation they belong to", async () => {
    expect((await failure(a.admin.me.setActiveOrganisation({ organisationId: bIds.organisationId }))).code).toBe("FORBIDDEN");
    expect((await failure(signedOut.me.setActiveOrganisation({ organisationId: a.org }))).code).toBe("UNAUTHORIZED");
    expect(await a.admin.me.setActiveOrganisation({ organisationId: a.org })).toEqual({ activeOrganisationId: a.org });
  });
});

describe("bad input", () => {
  // Procedures that take no input and end the caller's sessions are left out: junk input is ignored.
  const fuzzable = Object.keys(expectations).filter(
    (p) =>
      !["auth.signOut", "auth.signOutEverywhere", "me.get", "platform.organisations", "central.organisations", "central.schemes", "scheme.templates", "directory.list", "enrolment.mine", "preparation.myStatus", "preparation.myRecords", "preparation.myCatalogues", "preparation.myEvents", "preparation.cpd", "matching.mine", "relationships.mine", "feedback.mine", "feedback.outcomesDue", "claims.mine", "reminders.preferences", "calendar.feedStatus", "calendar.revokeFeed", "push.publicKey", "reflections.keyStatus"].includes(p),
  );

  it("never produces an internal error, whatever the input", async () => {
    const procedures = appRouter._def.procedures as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fuzzable), fc.anything({ withNullPrototype: false }), async (path, input) => {
        const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], a.admin);
        expect(procedures[path]).toBeDefined();
        try {
          await (fn as (input: unknown) => Promise<unknown>)(input);
        } catch (error) {
          expect((error as { code: string }).code, `${path} with ${JSON.stringify(input)}`).not.toBe("INTERNAL_SERVER_ERROR");
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
