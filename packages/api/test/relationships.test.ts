// Relationships after the match (SPEC section 6): members arrange meetings (up to three times, the
// other picks), record them, keep agreed actions and notes within the notes policy, pause, withdraw
// and complete; the rules of the relationship's own version are obeyed; coordinators see dates only.
import { eq } from "drizzle-orm";
import { agreedActions, meetingNotes, relationships, schemes, withTenant } from "@tandem/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpdCsv } from "../src/services/preparation/cpd-export";
import { settleDueRelationships } from "../src/services/relationships/lifecycle";
import { type Caller, relationshipWorld } from "./relationship-support";
import { failure, type TestEnv } from "./support";

let world: Awaited<ReturnType<typeof relationshipWorld>>;
let env: TestEnv;
let orgId: string;
let coordinator: Caller;
let people: typeof world.people;
const marker = "CONFIDENTIAL-7f3a";
const caller = (key: string) => world.caller(key);
const makeScheme = (...args: Parameters<typeof world.makeScheme>) => world.makeScheme(...args);
const enrol = (...args: Parameters<typeof world.enrol>) => world.enrol(...args);
const matchPair = (...args: Parameters<typeof world.matchPair>) => world.matchPair(...args);
const at = (days: number, time?: string) => world.at(days, time);
const video = (days: number, minutes?: number) => world.video(days, minutes);
const on = (relationshipId: string) => world.on(relationshipId);
const mailTo = (email: string) => world.mailTo(email);
const holdMeeting = (...args: Parameters<typeof world.holdMeeting>) => world.holdMeeting(...args);

beforeAll(async () => {
  world = await relationshipWorld({ people: ["ava", "ben", "cara", "dev", "eve", "finn", "gus", "hal", "ida", "jon", "kay", "lou", "max", "nia"] });
  ({ env, orgId, coordinator, people } = world);
});
afterAll(() => env.close());

describe("a coach-mentoring pair from match to review", () => {
  let relationshipId: string;
  let schemeId: string;

  it("starts pinned to its rules version, with both members, each other's contact details and a prompt for the one who arranges", async () => {
    schemeId = await makeScheme("Coach-mentoring for leaders", "coach-mentoring-leaders");
    relationshipId = await matchPair(schemeId, "ava", "ben");
    const [row] = await withTenant(env.db, { organisationId: orgId }, (tx) => tx.select().from(relationships).where(eq(relationships.id, relationshipId)));
    const [scheme] = await withTenant(env.db, { organisationId: orgId }, (tx) => tx.select().from(schemes).where(eq(schemes.id, schemeId)));
    expect(row!.rulesVersion).toBe(scheme!.currentVersion);
    const asMentee = await caller("ava").relationships.get(on(relationshipId));
    expect(asMentee.members.map((m) => [m.name, m.role, m.email])).toEqual([
      ["Dr Ava", "mentee", "ava@trust.org"],
      ["Dr Ben", "mentor", "ben@trust.org"],
    ]);
    // matching.firstContact is "mentee" in this template: the mentee is prompted, the mentor is not.
    expect(asMentee.promptFirstMeeting).toBe(true);
    expect((await caller("ben").relationships.get(on(relationshipId))).promptFirstMeeting).toBe(false);
    expect(asMentee.plan).toMatchObject({ nextKind: "contract", max: 6, held: 0 });
    expect((await caller("ava").relationships.mine()).find((r) => r.id === relationshipId)).toMatchObject({ promptFirstMeeting: true, status: "active" });
  });

  it("lets the mentee propose three times and the mentor pick one; nobody picks their own", async () => {
    const { meetingId, kind, status } = await caller("ava").relationships.proposeMeeting({ ...on(relationshipId), times: [video(3), video(4), { ...at(5), minutes: 90, mode: "in_person", place: "Library, Airedale" }] });
    expect({ kind, status }).toEqual({ kind: "contract", status: "proposed" });
    expect(await failure(caller("ava").relationships.pickTime({ ...on(relationshipId), meetingId, choice: 0 }))).toMatchObject({ code: "CONFLICT" });
    expect((await mailTo("ben@trust.org"))[0]!.subject).toMatch(/pick a time for your contract meeting/);
    const forBen = await caller("ben").relationships.get(on(relationshipId));
    expect(forBen.meetings[0]).toMatchObject({ awaitingMyPick: true, proposedTimes: [{ mode: "video" }, { mode: "video" }, { mode: "in_person", place: "Library, Airedale" }] });
    // A second proposal waits until this one is settled.
    expect(await failure(caller("ben").relationships.proposeMeeting({ ...on(relationshipId), times: [video(6)] }))).toMatchObject({ code: "CONFLICT" });
    await caller("ben").relationships.pickTime({ ...on(relationshipId), meetingId, choice: 2 });
    const after = await caller("ava").relationships.get(on(relationshipId));
    expect(after.meetings[0]).toMatchObject({ status: "scheduled", mode: "in_person", minutes: 90, place: "Library, Airedale" });
    expect(after.plan.nextMeetingAt).toEqual(after.meetings[0]!.startsAt);
  });

  it("refuses to record a meeting before it starts, then records it held", async () => {
    const meetingId = (await caller("ava").relationships.get(on(relationshipId))).meetings[0]!.id;
    expect((await failure(caller("ava").relationships.recordMeeting({ ...on(relationshipId), meetingId, outcome: "held" }))).message).toMatch(/once it has started/);
    env.advance(6 * 86_400_000);
    expect(await caller("ben").relationships.recordMeeting({ ...on(relationshipId), meetingId, outcome: "held" })).toEqual({ ok: true, completed: false });
    const plan = (await caller("ava").relationships.get(on(relationshipId))).plan;
    expect(plan).toMatchObject({ held: 1, contractHeld: true, nextKind: "regular", canEndAfterTrial: true });
    expect(plan.nextDueAt!.getTime() - plan.lastHeldAt!.getTime()).toBe(4 * 7 * 86_400_000);
  });

  it("holds four regular meetings and the review, then refuses a seventh: the relationship is complete", async () => {
    const kinds = [];
    for (let i = 0; i < 4; i += 1) kinds.push((await holdMeeting(relationshipId, "ava", "ben")).kind);
    expect(kinds).toEqual(["regular", "regular", "regular", "regular"]);
    expect((await caller("ava").relationships.get(on(relationshipId))).plan.nextKind).toBe("review");
    const review = await holdMeeting(relationshipId, "ben", "ava");
    expect(review).toMatchObject({ kind: "review", completed: true });
    const done = await caller("ava").relationships.get(on(relationshipId));
    expect(done).toMatchObject({ status: "closed", closedReason: "completed", plan: { held: 6, finished: true } });
    const seventh = await failure(caller("ava").relationships.proposeMeeting({ ...on(relationshipId), times: [video(2)] }));
    expect(seventh).toMatchObject({ code: "CONFLICT" });
    const subjects = (await mailTo("ava@trust.org")).map((m) => m.subject);
    expect(subjects).toContainEqual(expect.stringMatching(/relationship is complete/));
    // The mentee is asked for feedback once it has ended.
    expect(subjects).toContainEqual(expect.stringMatching(/how did mentoring go/));
  });

  it("counts held meetings and hours in each person's CPD evidence, in their own role (dates and length only)", async () => {
    const evidence = await caller("ben").preparation.cpd();
    // The contract meeting ran 90 minutes in person, then five of 60 minutes: 6.5 hours.
    expect(evidence.totals).toMatchObject({ mentoringMeetings: 6, mentoringHours: 6.5, mentoredMeetings: 0, mentoredHours: 0 });
    expect(evidence.meetings).toHaveLength(6);
    expect(evidence.meetings.every((m) => m.role === "mentor")).toBe(true);
    expect(evidence.meetings.map((m) => m.hours)).toEqual([1.5, 1, 1, 1, 1, 1]);
    expect(evidence.meetings.map((m) => m.date)).toEqual(evidence.meetings.map((m) => m.date).sort());
    expect(evidence.schemes).toContainEqual(expect.objectContaining({ role: "mentor", meetingsHeld: 6, hours: 6.5 }));
    // The mentee's record counts the same meetings as hers, as mentee.
    const mentee = await caller("ava").preparation.cpd();
    expect(mentee.totals).toMatchObject({ mentoringMeetings: 0, mentoredMeetings: 6, mentoredHours: 6.5 });
    expect(mentee.schemes).toContainEqual(expect.objectContaining({ role: "mentee", meetingsHeld: 6, hours: 6.5 }));
    expect(mentee.meetings.map((m) => m.date)).toEqual(evidence.meetings.map((m) => m.date));
    // Where and how they met is not part of it.
    expect(JSON.stringify([evidence, mentee])).not.toMatch(/Library|meet\.example/);
    expect(cpdCsv(evidence)).toMatch(/total,,,,"Meetings held as mentor, peer or facilitator",,\d{4}-\d{2}-\d{2},6,6\.5,,\r\n/);
    expect(cpdCsv(mentee)).toMatch(/total,,,,Meetings held as mentee or group member,,\d{4}-\d{2}-\d{2},6,6\.5,,\r\n/);
  });

  it("shows the coordinator dates and counts, never what was said", async () => {
    const list = await coordinator.relationships.forScheme({ organisationId: orgId, schemeId });
    expect(list.counts).toMatchObject({ closed: 1 });
    expect(list.relationships[0]).toMatchObject({ meetingsHeld: 6, meetingsScheduled: 0, status: "closed", closedReason: "completed", members: [{ name: "Dr Ava", role: "mentee" }, { name: "Dr Ben", role: "mentor" }] });
    const detail = await coordinator.relationships.forCoordinator({ organisationId: orgId, relationshipId });
    expect(detail.meetings.map((m) => m.kind)).toEqual(["contract", "regular", "regular", "regular", "regular", "review"]);
    expect(JSON.stringify(detail)).not.toMatch(/Library|meet\.example/);
    expect(await failure(coordinator.relationships.get(on(relationshipId)))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the rules on each meeting", () => {
  let relationshipId: string;

  beforeAll(async () => {
    const schemeId = await makeScheme("GP non-principal mentoring", "gp-non-principal", (r) => ({ ...r, meetings: { ...r.meetings, modes: ["in_person", "video"] } }));
    relationshipId = await matchPair(schemeId, "cara", "dev");
  });

  it("names the field: length, way of meeting, a place to meet in person, a time in the future", async () => {
    const long = await failure(caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [video(3), video(4, 150)] }));
    expect(long).toMatchObject({ code: "BAD_REQUEST", message: "Meetings in this scheme last between 60 and 90 minutes" });
    expect((long.cause as { fieldErrors?: Record<string, string[]> }).fieldErrors).toEqual({ "times.1.minutes": ["Meetings in this scheme last between 60 and 90 minutes"] });
    expect((await failure(caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [{ ...at(3), minutes: 60, mode: "phone" }] }))).message).toBe("This scheme meets in person or by video");
    expect((await failure(caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [{ ...at(3), minutes: 60, mode: "in_person" }] }))).message).toBe("Enter where you will meet");
    expect((await failure(caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [video(-1)] }))).message).toBe("Choose a time in the future");
    expect((await failure(caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [] }))).code).toBe("BAD_REQUEST");
  });

  it("moves a meeting (the calendar sequence goes up, the other is told) and cancels it (the next proposal is the contract again)", async () => {
    const { meetingId } = await caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [video(3)] });
    await caller("dev").relationships.pickTime({ ...on(relationshipId), meetingId, choice: 0 });
    await caller("dev").relationships.reschedule({ ...on(relationshipId), meetingId, time: video(5) });
    expect((await caller("cara").relationships.get(on(relationshipId))).meetings[0]).toMatchObject({ sequence: 1, status: "scheduled" });
    expect((await mailTo("cara@trust.org"))[0]!.subject).toMatch(/a meeting has moved/);
    await caller("cara").relationships.cancelMeeting({ ...on(relationshipId), meetingId });
    expect((await mailTo("dev@trust.org"))[0]!.subject).toMatch(/cancelled/);
    const plan = (await caller("cara").relationships.get(on(relationshipId))).plan;
    expect(plan).toMatchObject({ nextKind: "contract", counted: 0 });
  });

  it("keeps agreed actions (actions only), refuses notes, and shows them to the members alone", async () => {
    const { actionId } = await caller("cara").relationships.addAction({ ...on(relationshipId), text: `Draft the practice rota ${marker}`, ownerPersonId: people.get("cara")!.id, dueOn: "2026-12-20" });
    await caller("dev").relationships.updateAction({ ...on(relationshipId), actionId, done: true });
    expect((await caller("cara").relationships.get(on(relationshipId))).actions).toEqual([
      expect.objectContaining({ text: `Draft the practice rota ${marker}`, ownerName: "Dr Cara", dueOn: "2026-12-20", done: true }),
    ]);
    const meetingId = (await caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [video(3)] })).meetingId;
    expect((await failure(caller("cara").relationships.saveNotes({ ...on(relationshipId), meetingId, text: "notes" }))).message).toMatch(/agreed actions only/);
    expect(await failure(caller("cara").relationships.addAction({ ...on(relationshipId), text: "x", ownerPersonId: people.get("eve")!.id }))).toMatchObject({ code: "BAD_REQUEST" });
    // Someone outside the relationship is told it does not exist; a coordinator's transaction reads no row.
    expect(await failure(caller("eve").relationships.addAction({ ...on(relationshipId), text: "sneaky" }))).toMatchObject({ code: "NOT_FOUND" });
    const seenByCoordinator = await withTenant(env.db, { organisationId: orgId, personId: (await coordinator.me.get())!.person.id }, (tx) => tx.select().from(agreedActions));
    expect(seenByCoordinator).toEqual([]);
    const staff = JSON.stringify([
      await coordinator.relationships.forScheme({ organisationId: orgId, schemeId: (await caller("cara").relationships.get(on(relationshipId))).scheme.id }),
      await coordinator.relationships.forCoordinator({ organisationId: orgId, relationshipId }),
      await coordinator.organisation.audit({ organisationId: orgId }),
    ]);
    expect(staff).not.toContain(marker);
  });

  it("pauses (cancelling what is to come), refuses meetings while paused, resumes, and withdraws in one step", async () => {
    await caller("dev").relationships.pause({ ...on(relationshipId), resumeOn: "2027-01-10" });
    const paused = await caller("cara").relationships.get(on(relationshipId));
    expect(paused).toMatchObject({ status: "paused", resumeOn: "2027-01-10" });
    expect(paused.meetings.every((m) => m.status === "cancelled")).toBe(true);
    expect((await failure(caller("cara").relationships.proposeMeeting({ ...on(relationshipId), times: [video(3)] }))).message).toMatch(/paused/);
    // A paused relationship still holds the mentor's place.
    expect((await coordinator.preparation.pool({ organisationId: orgId, schemeId: paused.scheme.id })).mentors.find((m) => m.personId === people.get("dev")!.id)).toMatchObject({ activeMentees: 1 });
    await caller("cara").relationships.resume(on(relationshipId));
    expect(await caller("cara").relationships.withdraw(on(relationshipId))).toEqual({ ok: true, closed: true });
    expect(await caller("dev").relationships.get(on(relationshipId))).toMatchObject({ status: "closed", closedReason: "withdrawn" });
    expect((await mailTo("dev@trust.org"))[0]!.textBody).toMatch(/No reason is needed/);
  });
});

describe("the trial meeting, the notes policy and the pinned rules", () => {
  it("ends after the contract meeting only, until another is held", async () => {
    const schemeId = await makeScheme("New consultants", "new-consultant", (r) => ({ ...r, notes: { policy: "shared_notes" } }));
    const relationshipId = await matchPair(schemeId, "finn", "gus");
    expect((await failure(caller("finn").matching.endAfterTrial(on(relationshipId)))).message).toMatch(/once your first \(contract\) meeting/);
    const contract = await holdMeeting(relationshipId, "finn", "gus");
    await caller("gus").relationships.saveNotes({ ...on(relationshipId), meetingId: contract.meetingId, text: `We agreed to meet monthly ${marker}` });
    expect((await caller("finn").relationships.get(on(relationshipId))).meetings[0]!.notes).toMatchObject({ text: `We agreed to meet monthly ${marker}`, updatedByName: "Dr Gus" });
    const seen = await withTenant(env.db, { organisationId: orgId }, (tx) => tx.select().from(meetingNotes));
    expect(seen).toEqual([]);
    expect(await caller("gus").matching.endAfterTrial(on(relationshipId))).toEqual({ ok: true });
    expect(await caller("finn").relationships.get(on(relationshipId))).toMatchObject({ status: "closed", closedReason: "ended_after_trial" });
  });

  it("refuses actions and notes where the scheme keeps none", async () => {
    const schemeId = await makeScheme("Deanery GPs", "deanery-gp");
    const relationshipId = await matchPair(schemeId, "hal", "ida");
    expect((await failure(caller("hal").relationships.addAction({ ...on(relationshipId), text: "x" }))).message).toMatch(/keeps no shared notes or agreed actions/);
    expect((await caller("hal").relationships.get(on(relationshipId))).actions).toBeNull();
  });

  it("keeps the rules it started under when the scheme changes, and completes when its longest time has passed", async () => {
    const schemeId = await makeScheme("Pinned", "coach-mentoring-leaders");
    const relationshipId = await matchPair(schemeId, "jon", "kay");
    const { rules } = await coordinator.scheme.get({ organisationId: orgId, schemeId });
    await coordinator.scheme.updateRules({ organisationId: orgId, schemeId, rules: { ...rules, meetings: { ...rules.meetings, max: 2, minutes: { min: 30, max: 45 } } } });
    const detail = await caller("jon").relationships.get(on(relationshipId));
    expect(detail.rules).toMatchObject({ max: 6, minutes: { min: 60, max: 120 } });
    expect((await failure(caller("jon").relationships.proposeMeeting({ ...on(relationshipId), times: [video(3, 40)] }))).message).toMatch(/between 60 and 120/);
    // relationship.maxMonths is 8: after that, the daily job completes it (a read never does).
    env.advance(250 * 86_400_000);
    expect((await caller("jon").relationships.get(on(relationshipId))).status).toBe("active");
    const settled = await settleDueRelationships(env.db, { now: env.deps.now!(), mailer: env.deps.mailer, publicUrl: env.deps.publicUrl });
    expect(settled.completed).toBeGreaterThanOrEqual(1);
    expect(await caller("kay").relationships.get(on(relationshipId))).toMatchObject({ status: "closed", closedReason: "completed" });
  });
});

describe("co-mentoring and groups", () => {
  it("a group's facilitators arrange sessions and record attendance; members cannot", async () => {
    const schemeId = await makeScheme("Mastermind", "pcn-mastermind", (r) => ({ ...r, application: { kind: "none" } }));
    const members = ["lou", "max", "nia"];
    const enrolled: string[] = [];
    for (const m of members) enrolled.push(await enrol(schemeId, m, "peer"));
    const facilitator = await enrol(schemeId, "eve", "mentor");
    const [rel] = await withTenant(env.db, { organisationId: orgId }, (tx) =>
      tx.insert(relationships).values({ organisationId: orgId, schemeId, kind: "group", status: "active", origin: "cohort", rulesVersion: 2, startedAt: env.deps.now!() }).returning(),
    );
    const { addMembers } = await import("../src/services/relationships/members");
    await withTenant(env.db, { organisationId: orgId }, (tx) =>
      addMembers(tx, {
        organisationId: orgId,
        relationshipId: rel!.id,
        now: env.deps.now!(),
        members: [...members.map((m, i) => ({ personId: people.get(m)!.id, enrolmentId: enrolled[i]!, role: "member" as const })), { personId: people.get("eve")!.id, enrolmentId: facilitator, role: "facilitator" as const }],
      }),
    );
    const session = { ...at(3, "13:00"), minutes: 120, mode: "video" as const };
    expect(await failure(caller("lou").relationships.proposeMeeting({ ...on(rel!.id), times: [session] }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await failure(caller("eve").relationships.proposeMeeting({ ...on(rel!.id), times: [session, session] }))).message).toMatch(/one time/);
    const { meetingId, status } = await caller("eve").relationships.proposeMeeting({ ...on(rel!.id), times: [session] });
    expect(status).toBe("scheduled");
    env.advance(4 * 86_400_000);
    await caller("eve").relationships.recordMeeting({ ...on(rel!.id), meetingId, outcome: "held" });
    await caller("eve").relationships.recordAttendance({ ...on(rel!.id), meetingId, entries: [{ personId: people.get("lou")!.id, attended: true }, { personId: people.get("max")!.id, attended: false }] });
    expect(await failure(caller("eve").relationships.recordAttendance({ ...on(rel!.id), meetingId, entries: [{ personId: people.get("ava")!.id, attended: true }] }))).toMatchObject({ code: "BAD_REQUEST" });
    const detail = await coordinator.relationships.forCoordinator({ organisationId: orgId, relationshipId: rel!.id });
    expect(detail.meetings[0]).toMatchObject({ status: "held", attended: 1, attendanceRecorded: 2 });
    // A member leaves; the group carries on while two remain.
    expect(await caller("nia").relationships.withdraw(on(rel!.id))).toEqual({ ok: true, closed: false });
    expect(await failure(caller("nia").relationships.get(on(rel!.id)))).toMatchObject({ code: "NOT_FOUND" });
    expect(await caller("max").relationships.withdraw(on(rel!.id))).toEqual({ ok: true, closed: true });
  });
});
