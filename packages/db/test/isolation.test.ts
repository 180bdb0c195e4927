// Row-level security, checked from the catalogue: every table with an organisation_id column is a
// tenant table, so a table added later is covered (or fails here until it has a fixture).
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSafeDatabaseRole, memberships, withPerson, withTenant } from "../src";
import { createTestDatabase, type TestDatabase } from "../src/testing";

type Row = Record<string, string | number | boolean>;
type Fixture = (owner: postgres.Sql, organisationId: string) => Promise<Row>;

async function createPerson(owner: postgres.Sql): Promise<string> {
  const id = randomUUID();
  await owner`insert into people (id, email, name) values (${id}, ${`${id}@test.example.org`}, 'Test Person')`;
  return id;
}

/** A valid new row per tenant table (dependencies are created as the owner). */
const fixtures: Record<string, Fixture> = {
  memberships: async (owner, organisationId) => ({ organisation_id: organisationId, person_id: await createPerson(owner) }),
  invitations: async (_owner, organisationId) => ({
    organisation_id: organisationId,
    email: `${randomUUID()}@test.example.org`,
    name: "Invited Person",
    roles: "{participant}",
    token_hash: randomUUID(),
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
  }),
  audit_log: async (_owner, organisationId) => ({ organisation_id: organisationId, action: "test.fixture" }),
  // Listed and open: even a scheme the public directory shows stays invisible to other tenants.
  schemes: async (_owner, organisationId) => schemeRow(organisationId),
  scheme_rule_versions: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    version: 2,
    rules: "{}",
  }),
  enrolments: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    person_id: await createPerson(owner),
    role: "mentee",
    status: "active",
    consent_wording: "I agree",
    consented_at: new Date().toISOString(),
    rules_version: 1,
  }),
  training_modules: async (_owner, organisationId) => moduleRow(organisationId),
  evidence_files: async (owner, organisationId) => ({
    organisation_id: organisationId,
    person_id: await createPerson(owner),
    filename: "certificate.pdf",
    content_type: "application/pdf",
    size: 4,
    sha256: "0".repeat(64),
    content: "\\x25504446",
  }),
  training_records: async (owner, organisationId) => ({
    organisation_id: organisationId,
    person_id: await createPerson(owner),
    module_id: await createModule(owner, organisationId),
    completed_on: "2026-01-15",
    source: "coordinator",
  }),
  support_events: async (_owner, organisationId) => ({
    organisation_id: organisationId,
    kind: "support_group",
    title: "Mentor support group",
    held_on: "2026-02-01",
  }),
  support_attendance: async (owner, organisationId) => {
    const event = randomUUID();
    await owner`insert into support_events (organisation_id, id, kind, title, held_on) values (${organisationId}, ${event}, 'conference', 'Annual conference', '2026-03-01')`;
    return { organisation_id: organisationId, event_id: event, person_id: await createPerson(owner), status: "attended" };
  },
  peer_appraisals: async (owner, organisationId) => ({
    organisation_id: organisationId,
    mentor_person_id: await createPerson(owner),
    appraised_on: "2026-04-01",
  }),
  mentor_approvals: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    person_id: await createPerson(owner),
    decision: "approved",
  }),
  match_runs: async (owner, organisationId) => runRow(organisationId, await createScheme(owner, organisationId)),
  match_proposals: async (owner, organisationId) => ({
    organisation_id: organisationId,
    run_id: await createRun(owner, organisationId),
    mentee_enrolment_id: randomUUID(),
    mentor_enrolment_id: randomUUID(),
    rank: 1,
    score: 0.5,
    explanation: "3 of 4 topics +0.30",
    terms: "[]",
  }),
  match_constraints: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    mentee_enrolment_id: randomUUID(),
    mentor_enrolment_id: randomUUID(),
    kind: "exclude",
  }),
  match_requests: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    mentee_enrolment_id: randomUUID(),
    choices: `{${randomUUID()}}`,
  }),
  relationships: async (owner, organisationId) => relationshipRow(owner, organisationId),
  no_fault_change_reasons: async (owner, organisationId) => {
    const row = await relationshipRow(owner, organisationId);
    await owner`insert into relationships ${owner(row)}`;
    return { organisation_id: organisationId, relationship_id: row.id, reason: "We did not get on" };
  },
  relationship_members: async (owner, organisationId) => ({
    organisation_id: organisationId,
    relationship_id: await createRelationship(owner, organisationId),
    person_id: await createPerson(owner),
    enrolment_id: randomUUID(),
    role: "mentee",
  }),
  meeting_reminders: async (owner, organisationId) => ({
    organisation_id: organisationId,
    meeting_id: await createMeeting(owner, organisationId),
    sequence: 0,
    person_id: await createPerson(owner),
    slot: "day_before",
  }),
  relationship_notices: async (owner, organisationId) => ({
    organisation_id: organisationId,
    relationship_id: await createRelationship(owner, organisationId),
    code: "nudge",
    key: randomUUID(),
  }),
  meetings: async (owner, organisationId) => meetingRow(organisationId, await createRelationship(owner, organisationId)),
  meeting_attendance: async (owner, organisationId) => ({
    organisation_id: organisationId,
    meeting_id: await createMeeting(owner, organisationId),
    person_id: await createPerson(owner),
    attended: true,
  }),
  // Members only: the row belongs to a relationship whose member is remembered in `memberOf`.
  agreed_actions: async (owner, organisationId) => ({
    organisation_id: organisationId,
    relationship_id: await createRelationship(owner, organisationId, { withMember: true }),
    text: "Read the job planning guidance before next time",
  }),
  meeting_notes: async (owner, organisationId) => {
    const relationship = await createRelationship(owner, organisationId, { withMember: true });
    const meeting = meetingRow(organisationId, relationship);
    await owner`insert into meetings ${owner(meeting)}`;
    return { organisation_id: organisationId, meeting_id: meeting.id, relationship_id: relationship, text: "We talked about the rota" };
  },
  // The author's only: the author is the relationship's member remembered in `memberOf`.
  reflections: async (owner, organisationId) => {
    const relationship = await createRelationship(owner, organisationId, { withMember: true });
    return { organisation_id: organisationId, person_id: memberOf.get(relationship)!, relationship_id: relationship, ciphertext: "c2VhbGVk", iv: "AAAAAAAAAAAAAAAA", key_version: 1 };
  },
  feedback_rounds: async (owner, organisationId) => ({ organisation_id: organisationId, scheme_id: await createScheme(owner, organisationId), name: "2026/27" }),
  feedback_requests: async (owner, organisationId) => feedbackRequestRow(owner, organisationId),
  feedback_responses: async (owner, organisationId) => {
    const request = await feedbackRequestRow(owner, organisationId);
    await owner`insert into feedback_requests ${owner(request)}`;
    return { organisation_id: organisationId, request_id: request.id, scheme_id: request.scheme_id, round_id: request.round_id, role: "mentee", rules_version: 1, answers: '{"useful":4}' };
  },
  outcome_responses: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    enrolment_id: randomUUID(),
    person_id: await createPerson(owner),
    point: "baseline",
    rules_version: 1,
    answers: '{"confidence":3}',
    scores: '{"items":{"confidence":3},"instrument":null}',
  }),
  claims: async (owner, organisationId) => {
    const relationship = await createRelationship(owner, organisationId);
    const meeting = meetingRow(organisationId, relationship);
    await owner`insert into meetings ${owner(meeting)}`;
    return {
      organisation_id: organisationId,
      scheme_id: await createScheme(owner, organisationId),
      relationship_id: relationship,
      meeting_id: meeting.id,
      mentor_person_id: await createPerson(owner),
      rules_version: 1,
      fee_pence: 15000,
    };
  },
  claim_exports: async (owner, organisationId) => ({ organisation_id: organisationId, scheme_id: await createScheme(owner, organisationId), claim_count: 3 }),
  cohort_groups: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    run_id: await createRun(owner, organisationId),
    member_enrolment_ids: `{${randomUUID()},${randomUUID()}}`,
    explanation: "2 shared topics",
  }),
  // Readable by its own person only, inside its organisation (settingsFor names the person).
  idempotency_keys: async (owner, organisationId) => ({
    organisation_id: organisationId,
    person_id: await createPerson(owner),
    key: randomUUID(),
    procedure: "relationships.addAction",
    payload_hash: "0".repeat(64),
    response: JSON.stringify({ json: { actionId: randomUUID() } }),
  }),
  mentee_course_pages: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    key: "confidentiality",
    title: "What stays private",
    body: "Our own words about confidentiality and its limits.",
  }),
  // Written by its own person only, on an enrolment of theirs; read by the organisation (done or not).
  mentee_course_progress: async (owner, organisationId) => {
    const person = await createPerson(owner);
    const enrolment = randomUUID();
    await owner`insert into enrolments ${owner({ organisation_id: organisationId, id: enrolment, scheme_id: await createScheme(owner, organisationId), person_id: person, role: "mentee", status: "active", consent_wording: "I agree", consented_at: new Date().toISOString(), rules_version: 1 })}`;
    return { organisation_id: organisationId, enrolment_id: enrolment, person_id: person, key: "what-mentoring-is" };
  },
  sent_reminders: async (owner, organisationId) => ({
    organisation_id: organisationId,
    scheme_id: await createScheme(owner, organisationId),
    person_id: await createPerson(owner),
    code: "module_expires",
    module_code: "mentor-skills",
    due_on: "2026-12-03",
  }),
};

function runRow(organisationId: string, schemeId: string) {
  return { organisation_id: organisationId, id: randomUUID(), scheme_id: schemeId, mode: "auto", options: "{}" };
}

async function createRun(owner: postgres.Sql, organisationId: string) {
  const row = runRow(organisationId, await createScheme(owner, organisationId));
  await owner`insert into match_runs ${owner(row)}`;
  return row.id;
}

async function relationshipRow(owner: postgres.Sql, organisationId: string) {
  return {
    organisation_id: organisationId,
    id: randomUUID(),
    scheme_id: await createScheme(owner, organisationId),
    mentee_enrolment_id: randomUUID(),
    mentor_enrolment_id: randomUUID(),
    mentee_person_id: await createPerson(owner),
    mentor_person_id: await createPerson(owner),
    status: "active",
    origin: "allocation",
    rules_version: 1,
  };
}

async function feedbackRequestRow(owner: postgres.Sql, organisationId: string) {
  const scheme = await createScheme(owner, organisationId);
  const round = { organisation_id: organisationId, id: randomUUID(), scheme_id: scheme, name: "2026/27", closed_at: new Date().toISOString() };
  await owner`insert into feedback_rounds ${owner(round)}`;
  return {
    organisation_id: organisationId,
    id: randomUUID(),
    relationship_id: await createRelationship(owner, organisationId),
    scheme_id: scheme,
    round_id: round.id,
    person_id: await createPerson(owner),
    role: "mentee",
    point: "end",
    rules_version: 1,
  };
}

/** The member of each relationship made `withMember`, so members-only rows can be read as that person. */
const memberOf = new Map<string, string>();
/** Tables whose rows only the relationship's members see: not even their organisation's setting alone shows them. */
const membersOnly = new Set(["agreed_actions", "meeting_notes"]);
/** Tables whose rows only their author sees (private reflections): not even the other members. */
const authorOnly = new Set(["reflections"]);

async function createRelationship(owner: postgres.Sql, organisationId: string, options: { withMember?: boolean } = {}) {
  const row = await relationshipRow(owner, organisationId);
  await owner`insert into relationships ${owner(row)}`;
  if (options.withMember) {
    await owner`insert into relationship_members ${owner({ organisation_id: organisationId, relationship_id: row.id, person_id: row.mentee_person_id, enrolment_id: row.mentee_enrolment_id, role: "mentee" })}`;
    memberOf.set(row.id, row.mentee_person_id);
  }
  return row.id;
}

function meetingRow(organisationId: string, relationshipId: string) {
  return { organisation_id: organisationId, id: randomUUID(), relationship_id: relationshipId, kind: "contract", status: "scheduled", starts_at: "2026-05-01T09:00:00Z", minutes: 60, mode: "video" };
}

async function createMeeting(owner: postgres.Sql, organisationId: string) {
  const row = meetingRow(organisationId, await createRelationship(owner, organisationId));
  await owner`insert into meetings ${owner(row)}`;
  return row.id;
}

/** Tables whose rows only their own person sees, inside their organisation. */
const personOnly = new Set(["idempotency_keys"]);
/** Tables the organisation reads but only the row's own person writes (mentee course progress). */
const personWrites = new Set(["mentee_course_progress"]);

/** The settings a member of the row's relationship uses (members-only tables), the row's own person, or just the organisation. */
const settingsFor = (name: string, organisationId: string, row: Row) =>
  authorOnly.has(name) || personOnly.has(name) || personWrites.has(name)
    ? { organisationId, personId: String(row.person_id) }
    : membersOnly.has(name)
      ? { organisationId, personId: memberOf.get(String(row.relationship_id)) }
      : { organisationId };

function moduleRow(organisationId: string) {
  const id = randomUUID();
  return { organisation_id: organisationId, id, code: `m-${id}`, name: "Mentoring skills", kind: "course_module", hours: 7 };
}

async function createModule(owner: postgres.Sql, organisationId: string) {
  const row = moduleRow(organisationId);
  await owner`insert into training_modules ${owner(row)}`;
  return row.id;
}

function schemeRow(organisationId: string, extra: Record<string, unknown> = {}) {
  const id = randomUUID();
  return { organisation_id: organisationId, id, name: "Test scheme", slug: `s-${id}`, status: "open", listed: true, ...extra };
}

async function createScheme(owner: postgres.Sql, organisationId: string, extra: Record<string, unknown> = {}) {
  const row = schemeRow(organisationId, extra);
  await owner`insert into schemes ${owner(row)}`;
  await owner`insert into scheme_rule_versions ${owner({ organisation_id: organisationId, scheme_id: row.id, version: 1, rules: "{}" })}`;
  return row.id;
}

let t: TestDatabase;
let tenantTables: { name: string; rls: boolean; forced: boolean }[];
const orgA = randomUUID();
const orgB = randomUUID();

/** One app-role transaction with the given settings (null: none). */
function asApp<T>(settings: { organisationId?: string; personId?: string }, fn: (sql: postgres.TransactionSql) => Promise<T>) {
  return t.appSql.begin(async (sql) => {
    if (settings.organisationId) await sql`select set_config('app.organisation_id', ${settings.organisationId}, true)`;
    if (settings.personId) await sql`select set_config('app.person_id', ${settings.personId}, true)`;
    return fn(sql);
  }) as Promise<T>;
}

async function countAsOwner(table: string, organisationId: string): Promise<number> {
  const [row] = await t.ownerSql<{ n: number }[]>`select count(*)::int as n from ${t.ownerSql(table)} where organisation_id = ${organisationId}`;
  return row!.n;
}

beforeAll(async () => {
  t = await createTestDatabase();
  tenantTables = await t.ownerSql<{ name: string; rls: boolean; forced: boolean }[]>`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`;
  for (const [id, slug] of [[orgA, "org-a"], [orgB, "org-b"]] as const) {
    await t.ownerSql`insert into organisations (id, slug, name, kind, region, contact_name, contact_email)
      values (${id}, ${slug}, ${slug}, 'trust', 'Test', 'Contact', 'contact@test.example.org')`;
  }
  for (const table of tenantTables) {
    const fixture = fixtures[table.name];
    if (!fixture) continue;
    for (const org of [orgA, orgB]) {
      for (let i = 0; i < 2; i++) await t.ownerSql`insert into ${t.ownerSql(table.name)} ${t.ownerSql(await fixture(t.ownerSql, org))}`;
    }
  }
});

afterAll(async () => {
  await t?.close();
});

describe("tenant tables from the catalogue", () => {
  it("finds the known tenant tables, each with a fixture here", () => {
    const names = tenantTables.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["audit_log", "invitations", "memberships"]));
    const missing = names.filter((name) => !fixtures[name]);
    expect(missing, "add a fixture for each new tenant table to test/isolation.test.ts").toEqual([]);
  });

  it("enables and forces row-level security on every tenant table", () => {
    for (const table of tenantTables) {
      expect({ table: table.name, rls: table.rls, forced: table.forced }).toEqual({ table: table.name, rls: true, forced: true });
    }
  });

  it("keys every tenant table by organisation_id", async () => {
    const rows = await t.ownerSql<{ name: string; keyed: boolean }[]>`
      select c.relname as name,
        exists (
          select 1 from pg_constraint k
          join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
          where k.conrelid = c.oid and k.contype = 'p' and a.attname = 'organisation_id'
        ) as keyed
      from pg_class c where c.oid = any (${tenantTables.map((x) => `public.${x.name}`)}::regclass[])`;
    expect(rows).toHaveLength(tenantTables.length);
    for (const row of rows) expect(row).toEqual({ name: row.name, keyed: true });
  });

  it("shows the app role only the organisation in its setting", async () => {
    for (const { name } of tenantTables.filter((x) => !membersOnly.has(x.name) && !personOnly.has(x.name) && !authorOnly.has(x.name))) {
      const rows = await asApp({ organisationId: orgA }, (sql) => sql<{ organisation_id: string }[]>`select organisation_id from ${sql(name)}`);
      expect(rows.length, name).toBe(await countAsOwner(name, orgA));
      expect(rows.length, name).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.organisation_id)), name).toEqual(new Set([orgA]));
    }
  });

  it("shows nothing without a setting", async () => {
    for (const { name } of tenantTables) {
      const rows = await asApp({}, (sql) => sql`select 1 from ${sql(name)}`);
      expect(rows.length, name).toBe(0);
    }
  });

  it("updates and deletes none of another organisation's rows", async () => {
    for (const { name } of tenantTables) {
      const before = await countAsOwner(name, orgB);
      for (const statement of [
        (sql: postgres.TransactionSql) => sql`update ${sql(name)} set organisation_id = organisation_id where organisation_id = ${orgB}`,
        (sql: postgres.TransactionSql) => sql`update ${sql(name)} set organisation_id = ${orgA} where organisation_id = ${orgB}`,
        (sql: postgres.TransactionSql) => sql`delete from ${sql(name)} where organisation_id = ${orgB}`,
      ]) {
        try {
          const result = await asApp({ organisationId: orgA }, statement);
          expect(result.count, name).toBe(0);
        } catch (error) {
          // The append-only audit log is not even granted UPDATE or DELETE.
          expect((error as { code?: string }).code, name).toBe("42501");
        }
      }
      expect(await countAsOwner(name, orgB), name).toBe(before);
    }
  });

  it("refuses to insert a row for another organisation, and accepts one for its own", async () => {
    for (const { name } of tenantTables) {
      const fixture = fixtures[name]!;
      const foreign = await fixture(t.ownerSql, orgB);
      await expect(
        asApp(settingsFor(name, orgA, foreign), (sql) => sql`insert into ${sql(name)} ${sql(foreign)}`),
        name,
      ).rejects.toMatchObject({ code: "42501", message: expect.stringContaining("row-level security") });
      const own = await fixture(t.ownerSql, orgA);
      const result = await asApp(settingsFor(name, orgA, own), (sql) => sql`insert into ${sql(name)} ${sql(own)}`);
      expect(result.count, name).toBe(1);
    }
  });

  it("shows what a relationship's members keep to its members only, never to their organisation's setting alone", async () => {
    for (const name of membersOnly) {
      expect(await asApp({ organisationId: orgA }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      // A coordinator's transaction: the organisation and a person who is no member.
      expect(await asApp({ organisationId: orgA, personId: randomUUID() }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      const rows = await t.ownerSql<{ relationship_id: string }[]>`select relationship_id from ${t.ownerSql(name)} where organisation_id = ${orgA}`;
      const relationship = rows[0]!.relationship_id;
      const member = memberOf.get(relationship)!;
      const seen = await asApp({ organisationId: orgA, personId: member }, (sql) => sql<{ relationship_id: string }[]>`select relationship_id from ${sql(name)}`);
      expect(seen.length, name).toBeGreaterThan(0);
      expect(new Set(seen.map((r) => r.relationship_id)), name).toEqual(new Set([relationship]));
      // The member inside another organisation's setting sees nothing, and cannot rewrite another's rows.
      expect(await asApp({ organisationId: orgB, personId: member }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      const other = rows.find((r) => r.relationship_id !== relationship)!.relationship_id;
      const write = await asApp({ organisationId: orgA, personId: member }, (sql) => sql`delete from ${sql(name)} where relationship_id = ${other}`);
      expect(write.count, name).toBe(0);
    }
  });

  it("shows a stored idempotency response to its own person only, inside its organisation: never to staff", async () => {
    for (const name of personOnly) {
      expect(await asApp({ organisationId: orgA }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      // A coordinator's transaction: the organisation and another person.
      expect(await asApp({ organisationId: orgA, personId: randomUUID() }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      const rows = await t.ownerSql<{ person_id: string }[]>`select person_id from ${t.ownerSql(name)} where organisation_id = ${orgA}`;
      const person = rows[0]!.person_id;
      const seen = await asApp({ organisationId: orgA, personId: person }, (sql) => sql<{ person_id: string }[]>`select person_id from ${sql(name)}`);
      expect(seen.length, name).toBeGreaterThan(0);
      expect(new Set(seen.map((r) => r.person_id)), name).toEqual(new Set([person]));
      // The person outside the organisation's setting, or in another organisation's, sees nothing.
      expect(await asApp({ personId: person }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      expect(await asApp({ organisationId: orgB, personId: person }, (sql) => sql`select 1 from ${sql(name)}`), name).toHaveLength(0);
      const other = rows.find((r) => r.person_id !== person)!.person_id;
      const write = await asApp({ organisationId: orgA, personId: person }, (sql) => sql`delete from ${sql(name)} where person_id = ${other}`);
      expect(write.count, name).toBe(0);
      await expect(
        asApp({ organisationId: orgA, personId: person }, (sql) => sql`insert into ${sql(name)} ${sql({ organisation_id: orgA, person_id: other, key: randomUUID(), procedure: "x", payload_hash: "0", response: "{}" })}`),
        name,
      ).rejects.toThrow(/row-level security/);
    }
  });

  it("shows a reflection to its author only: not to the organisation, a coordinator, another member, or the author elsewhere", async () => {
    expect(await asApp({ organisationId: orgA }, (sql) => sql`select 1 from reflections`)).toHaveLength(0);
    expect(await asApp({ organisationId: orgA, personId: randomUUID() }, (sql) => sql`select 1 from reflections`)).toHaveLength(0);
    const [row] = await t.ownerSql<{ id: string; person_id: string; relationship_id: string }[]>`select id, person_id, relationship_id from reflections where organisation_id = ${orgA} limit 1`;
    const author = row!.person_id;
    const seen = await asApp({ organisationId: orgA, personId: author }, (sql) => sql<{ id: string }[]>`select id from reflections`);
    expect(seen.map((r) => r.id)).toEqual([row!.id]);
    expect(await asApp({ organisationId: orgB, personId: author }, (sql) => sql`select 1 from reflections`)).toHaveLength(0);
    expect(await asApp({ personId: author }, (sql) => sql`select 1 from reflections`)).toHaveLength(0);
    // Another current member of the same relationship reads none of it, and cannot write as the author.
    const other = await createPerson(t.ownerSql);
    await t.ownerSql`insert into relationship_members ${t.ownerSql({ organisation_id: orgA, relationship_id: row!.relationship_id, person_id: other, enrolment_id: randomUUID(), role: "mentor" })}`;
    expect(await asApp({ organisationId: orgA, personId: other }, (sql) => sql`select 1 from reflections`)).toHaveLength(0);
    expect((await asApp({ organisationId: orgA, personId: other }, (sql) => sql`update reflections set ciphertext = 'eA==' where id = ${row!.id}`)).count).toBe(0);
    await expect(
      asApp({ organisationId: orgA, personId: other }, (sql) => sql`insert into reflections ${sql({ organisation_id: orgA, person_id: author, relationship_id: row!.relationship_id, ciphertext: "eA==", iv: "AAAAAAAAAAAAAAAA", key_version: 1 })}`),
    ).rejects.toThrow(/row-level security/);
    // The other member writes their own; a stranger to the relationship cannot.
    const own = { organisation_id: orgA, person_id: other, relationship_id: row!.relationship_id, ciphertext: "eQ==", iv: "AAAAAAAAAAAAAAAA", key_version: 1 };
    expect((await asApp({ organisationId: orgA, personId: other }, (sql) => sql`insert into reflections ${sql(own)}`)).count).toBe(1);
    const stranger = await createPerson(t.ownerSql);
    await expect(asApp({ organisationId: orgA, personId: stranger }, (sql) => sql`insert into reflections ${sql({ ...own, person_id: stranger })}`)).rejects.toThrow(/row-level security/);
    // Having left, the author still reads and deletes their own, and writes no more.
    await t.ownerSql`update relationship_members set left_at = now() where relationship_id = ${row!.relationship_id} and person_id = ${author}`;
    expect(await asApp({ organisationId: orgA, personId: author }, (sql) => sql`select 1 from reflections`)).toHaveLength(1);
    await expect(asApp({ organisationId: orgA, personId: author }, (sql) => sql`update reflections set ciphertext = 'eg==' where id = ${row!.id}`)).rejects.toThrow(/row-level security/);
    expect((await asApp({ organisationId: orgA, personId: author }, (sql) => sql`delete from reflections where id = ${row!.id}`)).count).toBe(1);
  });

  it("lets only a mentee mark their own course pages done, and shows their organisation which pages", async () => {
    const [row] = await t.ownerSql<{ enrolment_id: string; person_id: string }[]>`select enrolment_id, person_id from mentee_course_progress where organisation_id = ${orgA} limit 1`;
    const mentee = row!.person_id;
    // A coordinator's transaction (the organisation, another person) reads, and writes nothing.
    const coordinator = { organisationId: orgA, personId: randomUUID() };
    expect((await asApp(coordinator, (sql) => sql`select 1 from mentee_course_progress where enrolment_id = ${row!.enrolment_id}`)).length).toBeGreaterThan(0);
    expect((await asApp(coordinator, (sql) => sql`delete from mentee_course_progress where enrolment_id = ${row!.enrolment_id}`)).count).toBe(0);
    await expect(
      asApp(coordinator, (sql) => sql`insert into mentee_course_progress ${sql({ organisation_id: orgA, enrolment_id: row!.enrolment_id, person_id: mentee, key: "confidentiality" })}`),
    ).rejects.toThrow(/row-level security/);
    // Nobody changes a row in place: done is a row, not done is its absence.
    await expect(asApp({ organisationId: orgA, personId: mentee }, (sql) => sql`update mentee_course_progress set done_at = now()`)).rejects.toMatchObject({ code: "42501" });
    // The mentee marks a page on their own enrolment, never on someone else's.
    expect((await asApp({ organisationId: orgA, personId: mentee }, (sql) => sql`insert into mentee_course_progress ${sql({ organisation_id: orgA, enrolment_id: row!.enrolment_id, person_id: mentee, key: "confidentiality" })}`)).count).toBe(1);
    const [other] = await t.ownerSql<{ enrolment_id: string }[]>`select enrolment_id from mentee_course_progress where organisation_id = ${orgA} and person_id <> ${mentee} limit 1`;
    await expect(
      asApp({ organisationId: orgA, personId: mentee }, (sql) => sql`insert into mentee_course_progress ${sql({ organisation_id: orgA, enrolment_id: other!.enrolment_id, person_id: mentee, key: "contract-meeting" })}`),
    ).rejects.toThrow(/row-level security/);
    expect((await asApp({ organisationId: orgA, personId: mentee }, (sql) => sql`delete from mentee_course_progress where enrolment_id = ${other!.enrolment_id}`)).count).toBe(0);
    expect((await asApp({ organisationId: orgA, personId: mentee }, (sql) => sql`delete from mentee_course_progress where enrolment_id = ${row!.enrolment_id} and key = 'confidentiality'`)).count).toBe(1);
  });

  it("a person reads the relationships, members and meetings of relationships they are in, in any organisation", async () => {
    const relationship = await createRelationship(t.ownerSql, orgB, { withMember: true });
    const member = memberOf.get(relationship)!;
    const meeting = meetingRow(orgB, relationship);
    await t.ownerSql`insert into meetings ${t.ownerSql(meeting)}`;
    const seen = await asApp({ personId: member }, async (sql) => ({
      relationships: await sql<{ id: string }[]>`select id from relationships`,
      members: await sql<{ person_id: string }[]>`select person_id from relationship_members`,
      meetings: await sql<{ id: string }[]>`select id from meetings`,
    }));
    expect(seen.relationships.map((r) => r.id)).toEqual([relationship]);
    expect(seen.members.map((r) => r.person_id)).toEqual([member]);
    expect(seen.meetings.map((r) => r.id)).toEqual([meeting.id]);
    const stranger = await asApp({ personId: randomUUID() }, (sql) => sql`select 1 from meetings`);
    expect(stranger).toHaveLength(0);
    const write = await asApp({ personId: member }, (sql) => sql`update meetings set status = 'cancelled' where id = ${meeting.id}`);
    expect(write.count).toBe(0);
  });

  it("refuses inserts without a setting", async () => {
    for (const { name } of tenantTables) {
      const row = await fixtures[name]!(t.ownerSql, orgA);
      await expect(asApp({}, (sql) => sql`insert into ${sql(name)} ${sql(row)}`), name).rejects.toMatchObject({ code: "42501" });
    }
  });
});

describe("the app role", () => {
  it("is neither superuser nor BYPASSRLS, owns no table, and is not the owner", async () => {
    const [role] = await t.appSql<{ user: string; super: boolean; bypass: boolean; owned: number }[]>`
      select r.rolname as user, r.rolsuper as super, r.rolbypassrls as bypass,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = current_user`;
    expect(role).toMatchObject({ super: false, bypass: false, owned: 0 });
    const [owner] = await t.ownerSql<{ user: string }[]>`select current_user as user`;
    expect(role!.user).not.toBe(owner!.user);
    await expect(assertSafeDatabaseRole(t.db)).resolves.toBeUndefined();
  });

  it("cannot create tables or read the private schema", async () => {
    await expect(t.appSql`create table public.sneaky (id int)`).rejects.toMatchObject({ code: "42501" });
    // The job queue's schema: its rows are the app's to work, its tables and queues are not.
    await expect(t.appSql`create table pgboss.sneaky (id int)`).rejects.toMatchObject({ code: "42501" });
    await expect(t.appSql`alter table pgboss.job no force row level security`).rejects.toMatchObject({ code: "42501" });
    await expect(t.appSql`select * from tandem_private.app_login`).rejects.toMatchObject({ code: "42501" });
  });
});

describe("withTenant and withPerson", () => {
  it("read through drizzle only the tenant's memberships, and reset after the transaction", async () => {
    const rows = await withTenant(t.db, { organisationId: orgA }, (tx) => tx.select().from(memberships));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.organisationId === orgA)).toBe(true);
    // The pool's connection carries no tenant setting into the next query.
    expect(await t.db.select().from(memberships)).toEqual([]);
  });

  it("let a person read their own memberships in every organisation, and nobody else's", async () => {
    const person = await createPerson(t.ownerSql);
    for (const org of [orgA, orgB]) {
      await t.ownerSql`insert into memberships (organisation_id, person_id) values (${org}, ${person})`;
    }
    const own = await withPerson(t.db, person, (tx) => tx.select().from(memberships));
    expect(own.map((r) => r.organisationId).sort()).toEqual([orgA, orgB].sort());
    expect(own.every((r) => r.personId === person)).toBe(true);
    // Reading is all the person-level policy allows.
    const updated = await withPerson(t.db, person, (tx) =>
      tx.update(memberships).set({ specialty: "Changed" }).where(eq(memberships.personId, person)).returning(),
    );
    expect(updated).toEqual([]);
  });
});

describe("audit_log", () => {
  it("rejects UPDATE and DELETE even from the owner", async () => {
    await expect(t.ownerSql`update audit_log set action = 'rewritten' where organisation_id = ${orgA}`).rejects.toThrow(/append-only/);
    await expect(t.ownerSql`delete from audit_log where organisation_id = ${orgA}`).rejects.toThrow(/append-only/);
    expect(await countAsOwner("audit_log", orgA)).toBeGreaterThan(0);
  });

  it("goes with its organisation when the organisation is deleted", async () => {
    const org = randomUUID();
    await t.ownerSql`insert into organisations (id, slug, name, kind, region, contact_name, contact_email)
      values (${org}, ${`gone-${org}`}, 'Gone', 'pcn', 'Test', 'Contact', 'contact@test.example.org')`;
    await withTenant(t.db, { organisationId: org }, (tx) =>
      tx.execute(sql`insert into audit_log (organisation_id, action) values (${org}, 'x')`),
    );
    expect(await countAsOwner("audit_log", org)).toBe(1);
    await t.db.execute(sql`delete from organisations where id = ${org}`);
    expect(await countAsOwner("audit_log", org)).toBe(0);
  });
});

describe("schemes: the directory, a person's own enrolments, immutable rule versions", () => {
  function asAppWith<T>(settings: Record<string, string>, fn: (sql: postgres.TransactionSql) => Promise<T>) {
    return t.appSql.begin(async (sql) => {
      for (const [key, value] of Object.entries(settings)) await sql`select set_config(${key}, ${value}, true)`;
      return fn(sql);
    });
  }

  it("the directory setting shows listed open schemes and their current rules, nothing else", async () => {
    const org = randomUUID();
    await t.ownerSql`insert into organisations (id, slug, name, kind, region, contact_name, contact_email)
      values (${org}, ${`dir-${org}`}, 'Directory Org', 'pcn', 'Test', 'Contact', 'c@test.example.org')`;
    const open = await createScheme(t.ownerSql, org);
    const draft = await createScheme(t.ownerSql, org, { status: "draft" });
    const unlisted = await createScheme(t.ownerSql, org, { listed: false });
    // The enrolment fixture makes a scheme of its own: make it in organisation A, then move the row.
    const enrolment = { ...(await fixtures.enrolments!(t.ownerSql, orgA)), organisation_id: org, scheme_id: open };
    await t.ownerSql`insert into enrolments ${t.ownerSql(enrolment)}`;

    const seen = await asAppWith({ "app.directory": "on" }, (sql) => sql<{ id: string }[]>`select id from schemes where organisation_id = ${org}`);
    expect(seen.map((r) => r.id)).toEqual([open]);
    expect(seen.map((r) => r.id)).not.toContain(draft);
    expect(seen.map((r) => r.id)).not.toContain(unlisted);
    const versions = await asAppWith({ "app.directory": "on" }, (sql) => sql<{ scheme_id: string }[]>`select scheme_id from scheme_rule_versions where organisation_id = ${org}`);
    expect(versions.map((r) => r.scheme_id)).toEqual([open]);
    expect(await asAppWith({ "app.directory": "on" }, (sql) => sql`select 1 from enrolments`)).toHaveLength(0);
    // Read-only: the directory setting gives no write.
    const updated = await asAppWith({ "app.directory": "on" }, (sql) => sql`update schemes set name = 'x' where id = ${open}`);
    expect(updated.count).toBe(0);
  });

  it("a person sees their own enrolments and those schemes in any organisation, and nobody else's", async () => {
    const row = await fixtures.enrolments!(t.ownerSql, orgB);
    await t.ownerSql`insert into enrolments ${t.ownerSql(row)}`;
    const mine = await asAppWith({ "app.person_id": String(row.person_id) }, (sql) => sql<{ id: string }[]>`select id from enrolments`);
    expect(mine).toHaveLength(1);
    const schemesSeen = await asAppWith({ "app.person_id": String(row.person_id) }, (sql) => sql<{ id: string }[]>`select id from schemes`);
    expect(schemesSeen.map((s) => s.id)).toEqual([String(row.scheme_id)]);
    const someoneElse = await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from enrolments`);
    expect(someoneElse).toHaveLength(0);
    const write = await asAppWith({ "app.person_id": String(row.person_id) }, (sql) => sql`update enrolments set status = 'withdrawn' where person_id = ${String(row.person_id)}`);
    expect(write.count).toBe(0);
  });

  it("a person sees the relationships they are in, as mentee or mentor, and nobody else's", async () => {
    const row = await relationshipRow(t.ownerSql, orgB);
    await t.ownerSql`insert into relationships ${t.ownerSql(row)}`;
    for (const person of [row.mentee_person_id, row.mentor_person_id]) {
      const seen = await asAppWith({ "app.person_id": person }, (sql) => sql<{ id: string }[]>`select id from relationships`);
      expect(seen.map((r) => r.id)).toEqual([row.id]);
      const write = await asAppWith({ "app.person_id": person }, (sql) => sql`update relationships set status = 'closed' where id = ${row.id}`);
      expect(write.count).toBe(0);
    }
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from relationships`)).toHaveLength(0);
    // The reason for a no-fault change is never readable through a person setting.
    expect(await asAppWith({ "app.person_id": row.mentee_person_id }, (sql) => sql`select 1 from no_fault_change_reasons`)).toHaveLength(0);
  });

  it("rule versions cannot be rewritten, even by the owner", async () => {
    const scheme = await createScheme(t.ownerSql, orgA);
    await expect(t.ownerSql`update scheme_rule_versions set rules = '{"x":1}' where scheme_id = ${scheme}`).rejects.toThrow(/immutable/);
    await expect(t.ownerSql`delete from scheme_rule_versions where scheme_id = ${scheme}`).rejects.toThrow(/immutable/);
    await t.ownerSql`delete from schemes where id = ${scheme}`;
    expect(await t.ownerSql`select 1 from scheme_rule_versions where scheme_id = ${scheme}`).toHaveLength(0);
  });

  it("a person's reminder choice is theirs alone: nobody else reads or writes it, in or out of an organisation", async () => {
    const person = await createPerson(t.ownerSql);
    await t.ownerSql`insert into reminder_preferences ${t.ownerSql({ person_id: person, channel: "none", morning: true })}`;
    const own = await asAppWith({ "app.person_id": person }, (sql) => sql<{ channel: string }[]>`select channel from reminder_preferences`);
    expect(own.map((r) => r.channel)).toEqual(["none"]);
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from reminder_preferences`)).toHaveLength(0);
    expect(await asAppWith({ "app.organisation_id": orgA }, (sql) => sql`select 1 from reminder_preferences`)).toHaveLength(0);
    const write = await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`update reminder_preferences set channel = 'email' where person_id = ${person}`);
    expect(write.count).toBe(0);
    await expect(asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`insert into reminder_preferences ${sql({ person_id: person, channel: "email" })}`)).rejects.toThrow(/row-level security/);
  });

  it("a person's push subscriptions are theirs alone; naming a browser's endpoint reads and deletes that row, never rewrites it", async () => {
    const person = await createPerson(t.ownerSql);
    const endpoint = `https://push.example.org/${randomUUID()}`;
    await t.ownerSql`insert into push_subscriptions ${t.ownerSql({ person_id: person, endpoint, p256dh: "key", auth: "secret" })}`;
    expect(await asAppWith({ "app.person_id": person }, (sql) => sql`select 1 from push_subscriptions`)).toHaveLength(1);
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from push_subscriptions`)).toHaveLength(0);
    expect(await asAppWith({ "app.organisation_id": orgA }, (sql) => sql`select 1 from push_subscriptions`)).toHaveLength(0);
    expect(await asAppWith({ "app.push_endpoint": "https://push.example.org/other" }, (sql) => sql`select 1 from push_subscriptions`)).toHaveLength(0);
    const other = randomUUID();
    const rewrite = await asAppWith({ "app.person_id": other }, (sql) => sql`update push_subscriptions set person_id = ${other} where endpoint = ${endpoint}`);
    expect(rewrite.count).toBe(0);
    const byEndpoint = await asAppWith({ "app.push_endpoint": endpoint }, (sql) => sql`update push_subscriptions set auth = 'changed'`);
    expect(byEndpoint.count).toBe(0);
    await expect(asAppWith({ "app.person_id": other }, (sql) => sql`insert into push_subscriptions ${sql({ person_id: person, endpoint: `${endpoint}/2`, p256dh: "k", auth: "s" })}`)).rejects.toThrow(/row-level security/);
    expect((await asAppWith({ "app.person_id": other }, (sql) => sql`delete from push_subscriptions where endpoint = ${endpoint}`)).count).toBe(0);
    expect((await asAppWith({ "app.push_endpoint": endpoint }, (sql) => sql`delete from push_subscriptions where endpoint = ${endpoint}`)).count).toBe(1);
  });

  it("a person's wrapped reflection key is theirs alone: nobody else reads, replaces or deletes it", async () => {
    const person = await createPerson(t.ownerSql);
    const wrapped = { passphrase_wrapped_key: "a2V5", passphrase_iv: "aXY=", passphrase_salt: "c2FsdA==", passphrase_iterations: 600000, recovery_wrapped_key: "a2V5", recovery_iv: "aXY=", recovery_salt: "c2FsdA==", recovery_iterations: 600000 };
    await t.ownerSql`insert into reflection_keys ${t.ownerSql({ person_id: person, ...wrapped })}`;
    expect(await asAppWith({ "app.person_id": person }, (sql) => sql`select 1 from reflection_keys`)).toHaveLength(1);
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from reflection_keys`)).toHaveLength(0);
    expect(await asAppWith({ "app.organisation_id": orgA }, (sql) => sql`select 1 from reflection_keys`)).toHaveLength(0);
    const other = randomUUID();
    expect((await asAppWith({ "app.person_id": other }, (sql) => sql`update reflection_keys set passphrase_salt = 'eA==' where person_id = ${person}`)).count).toBe(0);
    expect((await asAppWith({ "app.person_id": other }, (sql) => sql`delete from reflection_keys where person_id = ${person}`)).count).toBe(0);
    await expect(asAppWith({ "app.person_id": other }, (sql) => sql`insert into reflection_keys ${sql({ person_id: person, ...wrapped })}`)).rejects.toThrow(/row-level security/);
  });

  it("a person's passkey copies of their reflection key are theirs alone: nobody else reads, adds, changes or deletes one", async () => {
    const person = await createPerson(t.ownerSql);
    const slot = { credential_id: "Y3JlZGVudGlhbC1pZC0x", prf_salt: "c2FsdA==", wrapped_key: "a2V5", iv: "aXY=", key_version: 1, label: "My phone" };
    await t.ownerSql`insert into reflection_passkeys ${t.ownerSql({ person_id: person, ...slot })}`;
    expect(await asAppWith({ "app.person_id": person }, (sql) => sql`select 1 from reflection_passkeys`)).toHaveLength(1);
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from reflection_passkeys`)).toHaveLength(0);
    expect(await asAppWith({ "app.organisation_id": orgA }, (sql) => sql`select 1 from reflection_passkeys`)).toHaveLength(0);
    const other = randomUUID();
    expect((await asAppWith({ "app.person_id": other }, (sql) => sql`update reflection_passkeys set wrapped_key = 'eA==' where person_id = ${person}`)).count).toBe(0);
    expect((await asAppWith({ "app.person_id": other }, (sql) => sql`delete from reflection_passkeys where person_id = ${person}`)).count).toBe(0);
    await expect(asAppWith({ "app.person_id": other }, (sql) => sql`insert into reflection_passkeys ${sql({ person_id: person, ...slot, credential_id: "b3RoZXItY3JlZGVudGlhbA" })}`)).rejects.toThrow(/row-level security/);
  });

  it("the VAPID key pair is owner-only: the app keeps one pair through a function and reads it back, never replaces it", async () => {
    await expect(t.appSql`select * from tandem_private.vapid_keys`).rejects.toMatchObject({ code: "42501" });
    const [first] = await t.appSql<{ public_key: string; private_key: string }[]>`select * from tandem_ensure_vapid_keys('public-1', 'private-1')`;
    const [second] = await t.appSql<{ public_key: string; private_key: string }[]>`select * from tandem_ensure_vapid_keys('public-2', 'private-2')`;
    expect(second).toEqual(first);
    const [publicOnly] = await t.appSql<{ key: string }[]>`select tandem_vapid_public_key() as key`;
    expect(publicOnly!.key).toBe(first!.public_key);
    await expect(t.appSql`delete from tandem_private.vapid_keys`).rejects.toMatchObject({ code: "42501" });
  });

  it("a calendar feed row is its person's, or readable (never writable) by a transaction naming its token's hash", async () => {
    const person = await createPerson(t.ownerSql);
    await t.ownerSql`insert into calendar_feeds ${t.ownerSql({ person_id: person, token_hash: "hash-of-a-token" })}`;
    expect(await asAppWith({ "app.person_id": person }, (sql) => sql`select 1 from calendar_feeds`)).toHaveLength(1);
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from calendar_feeds`)).toHaveLength(0);
    expect(await asAppWith({ "app.feed_token_hash": "hash-of-a-token" }, (sql) => sql<{ person_id: string }[]>`select person_id from calendar_feeds`)).toEqual([{ person_id: person }]);
    expect(await asAppWith({ "app.feed_token_hash": "some-other-hash" }, (sql) => sql`select 1 from calendar_feeds`)).toHaveLength(0);
    const write = await asAppWith({ "app.feed_token_hash": "hash-of-a-token" }, (sql) => sql`update calendar_feeds set show_details = true`);
    expect(write.count).toBe(0);
  });

  it("a password reset link is its person's, or readable and usable (never movable) by a transaction naming its token's hash", async () => {
    const person = await createPerson(t.ownerSql);
    const expires = new Date(Date.now() + 1_800_000).toISOString();
    await t.ownerSql`insert into password_resets ${t.ownerSql({ person_id: person, token_hash: "hash-of-a-reset", expires_at: expires })}`;
    await t.ownerSql`insert into password_resets ${t.ownerSql({ person_id: person, token_hash: "hash-of-another-reset", expires_at: expires })}`;
    const rls = await t.ownerSql<{ rls: boolean; forced: boolean }[]>`select relrowsecurity as rls, relforcerowsecurity as forced from pg_class where oid = 'public.password_resets'::regclass`;
    expect(rls).toEqual([{ rls: true, forced: true }]);
    expect(await asAppWith({ "app.person_id": person }, (sql) => sql`select 1 from password_resets`)).toHaveLength(2);
    expect(await asAppWith({ "app.person_id": randomUUID() }, (sql) => sql`select 1 from password_resets`)).toHaveLength(0);
    expect(await asAppWith({ "app.organisation_id": orgA }, (sql) => sql`select 1 from password_resets`)).toHaveLength(0);
    expect(await asAppWith({}, (sql) => sql`select 1 from password_resets`)).toHaveLength(0);
    const byToken = { "app.password_reset_token_hash": "hash-of-a-reset" };
    expect(await asAppWith(byToken, (sql) => sql<{ token_hash: string }[]>`select token_hash from password_resets`)).toEqual([{ token_hash: "hash-of-a-reset" }]);
    expect(await asAppWith({ "app.password_reset_token_hash": "some-other-hash" }, (sql) => sql`select 1 from password_resets`)).toHaveLength(0);
    // The token's transaction marks its own row used; it cannot hand the row to another token or delete it.
    expect((await asAppWith(byToken, (sql) => sql`update password_resets set used_at = now()`)).count).toBe(1);
    await expect(asAppWith(byToken, (sql) => sql`update password_resets set token_hash = 'stolen'`)).rejects.toThrow(/row-level security/);
    expect((await asAppWith(byToken, (sql) => sql`delete from password_resets`)).count).toBe(0);
    // Nobody else writes a link for the person.
    const other = randomUUID();
    expect((await asAppWith({ "app.person_id": other }, (sql) => sql`update password_resets set revoked_at = now() where person_id = ${person}`)).count).toBe(0);
    await expect(asAppWith({ "app.person_id": other }, (sql) => sql`insert into password_resets ${sql({ person_id: person, token_hash: "planted", expires_at: expires })}`)).rejects.toThrow(/row-level security/);
    await expect(asAppWith(byToken, (sql) => sql`insert into password_resets ${sql({ person_id: person, token_hash: "hash-of-a-reset-2", expires_at: expires })}`)).rejects.toThrow(/row-level security/);
  });
});
