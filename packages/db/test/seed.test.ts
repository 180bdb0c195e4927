// seedDemo: three kinds of organisation, their people and platform roles, written through RLS.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  DEMO_PASSWORD,
  isDatabaseEmpty,
  memberships,
  organisations,
  people,
  platformRoles,
  seedDemo,
  withPerson,
  withTenant,
} from "../src";
import { validateRules } from "@tandem/core";
import { createTestDatabase, type TestDatabase } from "../src/testing";

const hashPassword = async (password: string) => `test-hash:${password}`;
let t: TestDatabase;

async function counts() {
  const [row] = await t.ownerSql<Record<string, number>[]>`
    select (select count(*)::int from organisations) as organisations,
      (select count(*)::int from people) as people,
      (select count(*)::int from memberships) as memberships,
      (select count(*)::int from platform_roles) as platform_roles,
      (select count(*)::int from audit_log) as audit_log,
      (select count(*)::int from schemes) as schemes,
      (select count(*)::int from enrolments) as enrolments`;
  return row!;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe("seedDemo", () => {
  it("seeds a deanery, a trust and a PCN with people, and the platform roles", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const accounts = await seedDemo(t.db, { hashPassword });
    expect(await isDatabaseEmpty(t.db)).toBe(false);

    const orgs = await t.db.select().from(organisations);
    expect(orgs.map((o) => o.kind).sort()).toEqual(["deanery", "pcn", "trust"]);
    for (const org of orgs) {
      expect(org.region).toBeTruthy();
      expect(org.contactEmail).toMatch(/@[a-z-]+\.example\.org$/);
      expect(org.contactPhone).toBeTruthy();
      const members = await withTenant(t.db, { organisationId: org.id }, (tx) =>
        tx.select().from(memberships).where(eq(memberships.organisationId, org.id)),
      );
      expect(members.filter((m) => m.roles.includes("org_admin"))).toHaveLength(1);
      expect(members.some((m) => m.roles.includes("coordinator"))).toBe(true);
      expect(members.filter((m) => m.roles.includes("participant")).length).toBeGreaterThanOrEqual(4);
      expect(members.every((m) => m.siteDistrict && m.siteLatitude && m.siteLongitude && m.startedInRoleOn)).toBe(true);
      const audit = await withTenant(t.db, { organisationId: org.id }, (tx) => tx.select().from(auditLog));
      expect(audit.map((a) => a.action)).toContain("organisation.seeded");
      expect(new Set(audit.map((a) => a.action))).toEqual(new Set(["organisation.seeded", "scheme.created"]));
    }
    const [managed] = await t.ownerSql<{ n: number }[]>`select count(*)::int as n from memberships where line_manager_person_id is not null`;
    expect(managed!.n).toBeGreaterThan(0);

    const roles = await t.db
      .select({ role: platformRoles.role, email: people.email })
      .from(platformRoles)
      .innerJoin(people, eq(people.id, platformRoles.personId));
    expect(roles.map((r) => r.role).sort()).toEqual(["central_analyst", "platform_admin"]);

    // Someone for the organisation switcher.
    const [multi] = await t.ownerSql<{ person_id: string }[]>`
      select person_id from memberships group by person_id having count(*) > 1`;
    expect(multi).toBeDefined();
    const own = await withPerson(t.db, multi!.person_id, (tx) => tx.select().from(memberships));
    expect(own).toHaveLength(2);

    expect(accounts.length).toBe((await t.db.select().from(people)).length);
    for (const account of accounts) {
      expect(account.password).toBe(DEMO_PASSWORD);
      expect(account.email).toMatch(/@[a-z.-]+\.example\.org$/);
      expect(account.description).toBeTruthy();
    }
    expect(accounts.map((a) => a.description)).toContain("Org admin, Aire Valley Hospitals NHS Foundation Trust");
    const [hash] = await t.db.select({ hash: people.passwordHash }).from(people).limit(1);
    expect(hash!.hash).toBe(`test-hash:${DEMO_PASSWORD}`);
  });

  it("runs a listed, open scheme from each of the seven templates (two matching demos more), with mentors and mentees taking part", async () => {
    const all = await t.ownerSql<{ slug: string; template_id: string; status: string; listed: boolean; mentors: number; others: number; free: number }[]>`
      select s.slug, s.template_id, s.status, s.listed, s.mentors_with_free_places as free,
        (select count(*)::int from enrolments e where e.scheme_id = s.id and e.role = 'mentor' and e.status = 'active') as mentors,
        (select count(*)::int from enrolments e where e.scheme_id = s.id and e.role <> 'mentor' and e.status = 'active') as others
      from schemes s order by s.template_id`;
    // The PCN's locum pilot and its 2027 cohort run by invitation: open but unlisted, apart from the nine in the directory.
    expect(all.filter((r) => !r.listed).map((r) => [r.slug, r.status]).sort()).toEqual([
      ["gp-non-principal-2027-cohort", "open"],
      ["gp-non-principal-locum-pilot", "open"],
    ]);
    const rows = all.filter((r) => r.listed);
    expect(rows.map((r) => r.template_id)).toEqual(
      ["co-tutoring", "coach-mentoring-leaders", "deanery-gp", "gp-non-principal", "multi-professional", "new-consultant", "new-consultant", "new-consultant", "pcn-mastermind"],
    );
    for (const row of rows) {
      expect(row, row.template_id).toMatchObject({ status: "open", listed: true });
      // Free places count ready mentors only; the API computes them after seeding (refreshAllMentorPlaces).
      expect(row.free, row.template_id).toBe(0);
      expect(row.mentors + row.others, row.template_id).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r.mentors > 0 && r.others > 0).length).toBeGreaterThanOrEqual(5);
    // Every stored rules version is valid today.
    const versions = await t.ownerSql<{ rules: unknown }[]>`select rules from scheme_rule_versions`;
    for (const version of versions) expect(validateRules(version.rules).ok).toBe(true);
  });

  it("gives the same data when run again with reset, even after other changes", async () => {
    const before = await counts();
    await t.ownerSql`insert into organisations (slug, name, kind, region, contact_name, contact_email)
      values ('extra', 'Extra', 'icb', 'Test', 'Contact', 'contact@test.example.org')`;
    await t.ownerSql`insert into sign_in_attempts (account_key, address, succeeded) values ('x', '127.0.0.1', false)`;
    await seedDemo(t.db, { hashPassword, reset: true });
    expect(await counts()).toEqual(before);
    const [attempts] = await t.ownerSql<{ n: number }[]>`select count(*)::int as n from sign_in_attempts`;
    expect(attempts!.n).toBe(0);
  });

  it("updates in place without reset (only the audit log grows)", async () => {
    const before = await counts();
    await seedDemo(t.db, { hashPassword });
    expect(await counts()).toEqual({ ...before, audit_log: before.audit_log! + 3 });
    const [row] = await t.db.execute<{ n: number }>(sql`select count(distinct email)::int as n from people`);
    expect(row!.n).toBe(before.people);
  });
});
