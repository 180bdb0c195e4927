// Mentor preparation and support at the API: the module catalogue, records (single, recognised,
// imported from CSV with a preview), events and registers, approvals, and readiness in the pool.
import { trainingRecords, withTenant } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeEvidence } from "../src/services/preparation/evidence";
import { browser, failure, makeOrganisation, makePerson, setup, type TestEnv } from "./support";

type Caller = Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;
let env: TestEnv;
let orgId: string;
let coordinator: Caller;
let mentor: Caller;
let mentorId: string;
let schemeId: string;
let masterclassId: string;

async function signedIn(email: string) {
  const client = browser(env.deps, { address: `10.2.${Math.floor(Math.random() * 250)}.1` });
  await client.signIn(email);
  return client.caller();
}

beforeAll(async () => {
  env = await setup();
  env.setNow(new Date("2026-11-23T10:00:00Z"));
  orgId = (await makeOrganisation(env.db, "Aire Valley Hospitals")).id;
  await makePerson(env.db, { email: "coord@trust.org", name: "Tom Whitaker", memberOf: [{ organisationId: orgId, roles: ["coordinator"] }] });
  mentorId = (await makePerson(env.db, { email: "mentor@trust.org", name: "Sarah Lindqvist", memberOf: [{ organisationId: orgId, roles: ["participant"] }] })).id;
  coordinator = await signedIn("coord@trust.org");
  mentor = await signedIn("mentor@trust.org");
  schemeId = (await coordinator.scheme.create({ organisationId: orgId, templateId: "new-consultant", name: "New consultant mentoring" })).schemeId;
  const { rules } = await coordinator.scheme.get({ organisationId: orgId, schemeId });
  await coordinator.scheme.updateRules({ organisationId: orgId, schemeId, rules: { ...rules, publicity: { ...rules.publicity, listed: true } } });
  await coordinator.scheme.publish({ organisationId: orgId, schemeId });
  const prepared = await mentor.enrolment.prepare({ organisationId: orgId, schemeId });
  await mentor.enrolment.join({
    organisationId: orgId,
    schemeId,
    role: "mentor",
    consent: true,
    consentWording: prepared.roles.find((r) => r.role === "mentor")!.consentWording,
    applicationAnswers: {},
  });
});
afterAll(() => env.close());

describe("the module catalogue", () => {
  it("adds, renames and refuses a duplicate code, with field messages for bad input", async () => {
    const created = await coordinator.preparation.saveModule({
      organisationId: orgId,
      fields: { code: "masterclass", name: "1.5-day Masterclass in Mentoring", kind: "masterclass", hours: 10.5, validityMonths: 36 },
    });
    masterclassId = created.moduleId;
    const clash = await failure(
      coordinator.preparation.saveModule({ organisationId: orgId, fields: { code: "masterclass", name: "Another", kind: "taster", hours: 2 } }),
    );
    expect(clash).toMatchObject({ code: "CONFLICT", message: "Another module already has the code masterclass" });
    const bad = await failure(
      coordinator.preparation.saveModule({ organisationId: orgId, fields: { code: "Bad Code!", name: "x", kind: "taster", hours: 0 } }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    await coordinator.preparation.saveModule({
      organisationId: orgId,
      moduleId: masterclassId,
      fields: { code: "masterclass", name: "Masterclass in Mentoring", kind: "masterclass", hours: 10.5, validityMonths: 36 },
    });
    expect((await coordinator.preparation.modules({ organisationId: orgId })).map((m) => m.name)).toEqual(["Masterclass in Mentoring"]);
    expect((await failure(mentor.preparation.modules({ organisationId: orgId }))).code).toBe("FORBIDDEN");
  });
});

describe("readiness in the mentor pool", () => {
  it("says what a new mentor still needs, and becomes ready once trained and approved", async () => {
    let pool = await coordinator.preparation.pool({ organisationId: orgId, schemeId });
    expect(pool.mentors).toHaveLength(1);
    const first = pool.mentors[0]!.readiness;
    expect(first.ready).toBe(false);
    expect(first.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["needs_module", "awaiting_approval", "support_lapsed"]));
    expect(first.reasonTexts.join(" ")).toMatch(/masterclass/i);
    const [status] = await mentor.preparation.myStatus();
    expect(status).toMatchObject({ schemeName: "New consultant mentoring", readiness: { ready: false } });

    await coordinator.preparation.recordCompletion({ organisationId: orgId, personId: mentorId, moduleId: masterclassId, completedOn: "2026-06-01" });
    for (const [title, heldOn] of [["Spring support group", "2026-04-10"], ["Autumn support group", "2026-10-02"]] as const) {
      const { eventId } = await coordinator.preparation.saveEvent({ organisationId: orgId, fields: { kind: "support_group", title, heldOn } });
      await coordinator.preparation.setAttendance({ organisationId: orgId, eventId, entries: [{ personId: mentorId, status: "attended" }] });
    }
    await coordinator.preparation.decideMentor({ organisationId: orgId, schemeId, personId: mentorId, decision: "approved", note: "Welcome" });
    pool = await coordinator.preparation.pool({ organisationId: orgId, schemeId });
    expect(pool.mentors[0]!.readiness).toMatchObject({ ready: true, reasons: [] });
    expect(pool.approvalRequired).toBe(true);
    const [after] = await mentor.preparation.myStatus();
    expect(after!.readiness.ready).toBe(true);
    expect(after!.approvals[0]).toMatchObject({ decision: "approved", note: "Welcome" });
  });

  it("refuses a completion in the future, or for someone outside the organisation", async () => {
    const future = await failure(
      coordinator.preparation.recordCompletion({ organisationId: orgId, personId: mentorId, moduleId: masterclassId, completedOn: "2030-01-01" }),
    );
    expect(future).toMatchObject({ code: "BAD_REQUEST", message: "The completion date is in the future" });
    const outsider = await makePerson(env.db, { email: "outsider@else.org" });
    const notMember = await failure(
      coordinator.preparation.recordCompletion({ organisationId: orgId, personId: outsider.id, moduleId: masterclassId, completedOn: "2026-01-01" }),
    );
    expect(notMember.code).toBe("NOT_FOUND");
    const badDate = await failure(
      coordinator.preparation.recordCompletion({ organisationId: orgId, personId: mentorId, moduleId: masterclassId, completedOn: "31/02/2026" }),
    );
    expect(badDate.code).toBe("BAD_REQUEST");
  });
});

describe("peer appraisals", () => {
  it("are recorded by a convenor and listed with the mentors they appraise", async () => {
    await makePerson(env.db, { email: "convenor@trust.org", name: "Chris Convenor", memberOf: [{ organisationId: orgId, roles: ["convenor"] }] });
    const convenor = await signedIn("convenor@trust.org");
    await convenor.preparation.recordAppraisal({ organisationId: orgId, mentorPersonId: mentorId, appraisedOn: "2026-09-01" });
    expect(await convenor.preparation.mentors({ organisationId: orgId })).toEqual([
      // Attendance at every support event counts, not only at events this convenor runs.
      expect.objectContaining({ name: "Sarah Lindqvist", lastAppraisedOn: "2026-09-01", attendedEvents: 2, lastAttendedOn: "2026-10-02" }),
    ]);
    expect((await convenor.preparation.appraisals({ organisationId: orgId, mentorPersonId: mentorId }))[0]).toMatchObject({
      appraisedOn: "2026-09-01",
      convenorName: "Chris Convenor",
    });
    // A convenor runs support groups; they do not approve mentors or see the pool.
    expect((await failure(convenor.preparation.pool({ organisationId: orgId, schemeId }))).code).toBe("FORBIDDEN");
  });
});

describe("importing course attendance from CSV", () => {
  it("previews each row's problems, saves nothing until every row is right, then saves them verified", async () => {
    await makePerson(env.db, { email: "second@trust.org", name: "Eleanor Brooke", memberOf: [{ organisationId: orgId, roles: ["participant"] }] });
    const bad = "email,module,completed_on,evidence\nsecond@trust.org,masterclass,2026-09-15,Register p.2\nnobody@trust.org,masterclass,2026-09-15,\n";
    const count = async () => (await withTenant(env.db, { organisationId: orgId }, (tx) => tx.select().from(trainingRecords))).length;
    const before = await count();
    const preview = await coordinator.preparation.previewImport({ organisationId: orgId, csv: bad });
    expect(preview).toMatchObject({ valid: 1, invalid: 1 });
    expect(preview.rows[1]!.errors).toEqual(["No member of this organisation has the email nobody@trust.org"]);
    expect(await count()).toBe(before);
    const refused = await failure(coordinator.preparation.commitImport({ organisationId: orgId, csv: bad }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Nothing was saved") });
    expect(await count()).toBe(before);

    const fixed = "email,module,completed_on,evidence\nsecond@trust.org,masterclass,2026-09-15,Register p.2\n";
    expect(await coordinator.preparation.commitImport({ organisationId: orgId, csv: fixed })).toEqual({ imported: 1 });
    const records = await coordinator.preparation.records({ organisationId: orgId });
    expect(records.find((r) => r.personName === "Eleanor Brooke")).toMatchObject({ source: "csv_import", verifiedOn: "2026-11-23", evidenceNote: "Register p.2" });
  });
});

describe("training done elsewhere", () => {
  it("goes to the coordinator to verify, and counts only once verified", async () => {
    const { recordId } = await mentor.preparation.requestRecognition({
      organisationId: orgId,
      moduleId: masterclassId,
      completedOn: "2025-05-01",
      provider: "Royal College of Physicians",
    });
    const waiting = await coordinator.preparation.records({ organisationId: orgId, unverifiedOnly: true });
    expect(waiting.map((r) => r.id)).toEqual([recordId]);
    await coordinator.preparation.verifyRecord({ organisationId: orgId, recordId });
    expect(await coordinator.preparation.records({ organisationId: orgId, unverifiedOnly: true })).toEqual([]);
    expect((await failure(coordinator.preparation.verifyRecord({ organisationId: orgId, recordId }))).code).toBe("NOT_FOUND");
  });
});

describe("evidence files", () => {
  it("accepts a PDF by its content and refuses anything else, whatever its name", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4 certificate");
    const stored = await withTenant(env.db, { organisationId: orgId }, (tx) =>
      storeEvidence(tx, { organisationId: orgId, personId: mentorId, filename: "../../etc/Certificate.pdf", bytes: pdf }),
    );
    expect(stored).toMatchObject({ contentType: "application/pdf", filename: "Certificate.pdf" });
    const html = new TextEncoder().encode("<html><script>alert(1)</script>");
    await expect(
      withTenant(env.db, { organisationId: orgId }, (tx) => storeEvidence(tx, { organisationId: orgId, personId: mentorId, filename: "cert.pdf", bytes: html })),
    ).rejects.toMatchObject({ message: "The selected file must be a PDF, PNG or JPG" });
    await expect(
      withTenant(env.db, { organisationId: orgId }, (tx) =>
        storeEvidence(tx, { organisationId: orgId, personId: mentorId, filename: "big.pdf", bytes: new Uint8Array(6 * 1024 * 1024).fill(0x25) }),
      ),
    ).rejects.toMatchObject({ message: "The selected file must be smaller than 5 MB" });
  });
});

describe("a mentor's own side", () => {
  it("signs up for upcoming support events, and not past or full ones", async () => {
    const { eventId } = await coordinator.preparation.saveEvent({
      organisationId: orgId,
      fields: { kind: "conference", title: "Annual mentoring conference", heldOn: "2027-03-10", places: 1 },
    });
    const events = await mentor.preparation.myEvents();
    expect(events.map((e) => e.title)).toContain("Annual mentoring conference");
    expect(events.some((e) => e.heldOn < "2026-11-23")).toBe(false);
    await mentor.preparation.signUp({ organisationId: orgId, eventId, attend: true });
    expect((await mentor.preparation.myEvents()).find((e) => e.eventId === eventId)).toMatchObject({ myStatus: "signed_up", placesLeft: 0 });
    const second = await makePerson(env.db, { email: "mentor2@trust.org", memberOf: [{ organisationId: orgId, roles: ["participant"] }] });
    void second;
    const other = await signedIn("mentor2@trust.org");
    // Not a mentor in this organisation yet: no sign-up.
    expect((await failure(other.preparation.signUp({ organisationId: orgId, eventId, attend: true }))).code).toBe("FORBIDDEN");
    await mentor.preparation.signUp({ organisationId: orgId, eventId, attend: false });
    expect((await mentor.preparation.myEvents()).find((e) => e.eventId === eventId)?.myStatus).toBeNull();
    const cancelled = await coordinator.preparation.saveEvent({ organisationId: orgId, fields: { kind: "support_group", title: "Cancelled group", heldOn: "2027-01-05" } });
    await coordinator.preparation.deleteEvent({ organisationId: orgId, eventId: cancelled.eventId });
    expect((await mentor.preparation.myEvents()).map((e) => e.title)).not.toContain("Cancelled group");
    expect((await failure(coordinator.preparation.deleteEvent({ organisationId: orgId, eventId: cancelled.eventId }))).code).toBe("NOT_FOUND");
    const past = (await coordinator.preparation.events({ organisationId: orgId })).find((e) => e.heldOn === "2026-04-10")!;
    expect((await failure(mentor.preparation.signUp({ organisationId: orgId, eventId: past.id, attend: true }))).code).toBe("CONFLICT");
  });

  it("uploads evidence for a recognition request that only they and coordinators can read", async () => {
    const pdf = Buffer.from("%PDF-1.4 external course certificate").toString("base64");
    const { evidenceFileId } = await mentor.preparation.uploadMyEvidence({ organisationId: orgId, filename: "certificate.pdf", contentBase64: pdf });
    await mentor.preparation.requestRecognition({ organisationId: orgId, moduleId: masterclassId, completedOn: "2024-02-02", provider: "HEE", evidenceFileId });
    const mine = await mentor.preparation.myEvidence({ organisationId: orgId, evidenceFileId });
    expect(mine).toMatchObject({ filename: "certificate.pdf", contentType: "application/pdf", contentBase64: pdf });
    expect((await coordinator.preparation.evidence({ organisationId: orgId, evidenceFileId })).contentBase64).toBe(pdf);
    const someoneElse = await signedIn("mentor2@trust.org");
    expect((await failure(someoneElse.preparation.myEvidence({ organisationId: orgId, evidenceFileId }))).code).toBe("NOT_FOUND");
    const exe = Buffer.from("MZ\x90\x00 not a certificate").toString("base64");
    expect(await failure(mentor.preparation.uploadMyEvidence({ organisationId: orgId, filename: "c.pdf", contentBase64: exe }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "The selected file must be a PDF, PNG or JPG",
    });
    // Someone who is not a mentor here cannot ask, and nobody can attach another person's file.
    const notMentor = await signedIn("mentor2@trust.org");
    expect(
      (await failure(notMentor.preparation.requestRecognition({ organisationId: orgId, moduleId: masterclassId, completedOn: "2024-02-02", provider: "HEE" }))).code,
    ).toBe("FORBIDDEN");
    const coordinatorsOwn = await makePerson(env.db, { email: "mentor3@trust.org", memberOf: [{ organisationId: orgId, roles: ["participant"] }] });
    expect(
      (await failure(coordinator.preparation.recordCompletion({ organisationId: orgId, personId: coordinatorsOwn.id, moduleId: masterclassId, completedOn: "2024-02-02", evidenceFileId }))).code,
    ).toBe("NOT_FOUND");
    const records = await mentor.preparation.myRecords();
    expect(records.find((r) => r.evidenceFileId === evidenceFileId)).toMatchObject({ evidenceFilename: "certificate.pdf", verifiedOn: null });
  });

  it("exports CPD evidence listing verified training and support attended", async () => {
    const { cpdCsv, cpdPdf } = await import("../src/services/preparation/cpd-export");
    const evidence = await mentor.preparation.cpd();
    expect(evidence.schemes).toEqual([expect.objectContaining({ schemeName: "New consultant mentoring", role: "mentor", meetingsHeld: 0 })]);
    expect(evidence.training.map((t) => t.module)).toContain("Masterclass in Mentoring");
    expect(evidence.support.map((s) => s.title)).toEqual(["Spring support group", "Autumn support group"]);
    expect(evidence.totals).toMatchObject({ supportEvents: 2 });
    expect(evidence.totals.trainingHours).toBeGreaterThanOrEqual(10.5);
    const csv = cpdCsv(evidence);
    expect(csv.split("\r\n")[0]).toBe("section,organisation,scheme,role,item,kind,date,count,hours,mean_rating,verified");
    expect(csv).toContain("training,Aire Valley Hospitals,,,Masterclass in Mentoring,Masterclass,2026-06-01,,10.5,,yes");
    expect(csv).toContain("support,Aire Valley Hospitals,,,Spring support group,Support group,2026-04-10,1,,,yes");
    expect(csv).toMatch(/scheme,Aire Valley Hospitals,New consultant mentoring,Mentor,Taking part since,,\d{4}-\d{2}-\d{2},0,0,,/);
    const pdf = await cpdPdf(evidence);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    expect(pdf.byteLength).toBeGreaterThan(1000);
  });
});
