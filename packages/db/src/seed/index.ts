// Demo data for a fresh installation: three kinds of organisation, their people, platform roles, and
// a scheme from each of the seven templates with people taking part.
// Written as the app role, so tenant rows go through withTenant exactly as the API writes them.
import { sql } from "drizzle-orm";
import { withTenant } from "../client";
import { auditLog, memberships, organisations, people, platformRoles } from "../schema";
import type { Database } from "../types";
import { demoOrganisations, demoPeople, type DemoPerson } from "./demo-data";
import { seedDemoPreparation } from "./preparation";
import { seedDemoRelationships } from "./relationships";
import { seedDemoSchemes } from "./schemes";

/** One password for every demo account, printed by the server at first start. */
export const DEMO_PASSWORD = "tandem-demo-2026";

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  description: string;
}

export interface SeedDemoOptions {
  hashPassword: (password: string) => Promise<string>;
  /** Delete every organisation, person, session, sign-in attempt and queued email first. */
  reset?: boolean;
}

const roleWords = { org_admin: "Org admin", coordinator: "Coordinator", convenor: "Convenor", participant: "Participant" };

function describe(person: DemoPerson, orgNames: Map<string, string>): string {
  if (person.description) return person.description;
  return person.memberships
    .map((m) => {
      const roles = m.roles.map((r, i) => (i === 0 ? roleWords[r] : roleWords[r].toLowerCase())).join(" and ");
      const detail = m.roles.includes("participant") && m.specialty ? ` (${m.staffGroup.replace(/_/g, " ")}, ${m.specialty})` : "";
      return `${roles}${detail}, ${orgNames.get(m.organisation) ?? m.organisation}`;
    })
    .join("; ");
}

/** True when no organisation exists yet: the server seeds demo data only then. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).limit(1);
  return rows.length === 0;
}

/**
 * Everything is deleted through the app role: removing organisations and people cascades to their
 * tenant rows (foreign-key actions run as the table owner, beneath row-level security), and the
 * audit log lets go of an organisation's rows once the organisation itself is gone.
 */
async function deleteEverything(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(organisations);
    await tx.delete(people);
    await tx.execute(sql`delete from sign_in_attempts`);
    await tx.execute(sql`delete from email_outbox`);
  });
}

/**
 * Seed the demo organisations and people. Re-running updates them in place (organisations by slug,
 * people by email); with `reset` everything else is deleted first.
 */
export async function seedDemo(db: Database, opts: SeedDemoOptions): Promise<DemoAccount[]> {
  if (opts.reset) await deleteEverything(db);
  // One hash for every account: they share the demo password anyway, and argon2 is slow on purpose.
  const passwordHash = await opts.hashPassword(DEMO_PASSWORD);

  const orgIds = new Map<string, string>();
  const orgNames = new Map<string, string>();
  for (const org of demoOrganisations) {
    const { slug: _slug, ...fields } = org;
    const [row] = await db
      .insert(organisations)
      .values(org)
      .onConflictDoUpdate({ target: organisations.slug, set: fields })
      .returning({ id: organisations.id });
    orgIds.set(org.slug, row!.id);
    orgNames.set(org.slug, org.name);
  }

  const personIds = new Map<string, string>();
  for (const person of demoPeople) {
    const values = {
      email: person.email.toLowerCase(),
      name: person.name,
      registrationNumber: person.registrationNumber ?? null,
      passwordHash,
      passwordChangedAt: new Date(),
    };
    const { email: _email, ...fields } = values;
    const [row] = await db
      .insert(people)
      .values(values)
      .onConflictDoUpdate({ target: people.email, set: fields })
      .returning({ id: people.id });
    personIds.set(person.email, row!.id);
    for (const role of person.platformRoles ?? []) {
      await db.insert(platformRoles).values({ personId: row!.id, role }).onConflictDoNothing();
    }
  }

  for (const org of demoOrganisations) {
    const organisationId = orgIds.get(org.slug)!;
    await withTenant(db, { organisationId }, async (tx) => {
      for (const person of demoPeople) {
        for (const m of person.memberships.filter((x) => x.organisation === org.slug)) {
          const fields = {
            roles: m.roles,
            status: "active" as const,
            staffGroup: m.staffGroup,
            specialty: m.specialty ?? null,
            department: m.department,
            siteDistrict: m.siteDistrict,
            siteLatitude: m.site[0],
            siteLongitude: m.site[1],
            startedInRoleOn: m.startedInRoleOn,
            lineManagerPersonId: m.lineManager ? personIds.get(m.lineManager)! : null,
          };
          await tx
            .insert(memberships)
            .values({ organisationId, personId: personIds.get(person.email)!, ...fields })
            .onConflictDoUpdate({ target: [memberships.organisationId, memberships.personId], set: fields });
        }
      }
      const members = demoPeople.filter((person) => person.memberships.some((x) => x.organisation === org.slug));
      await tx.insert(auditLog).values({
        organisationId,
        action: "organisation.seeded",
        subjectType: "organisation",
        subjectId: organisationId,
        details: { memberships: members.length },
      });
    });
  }

  await seedDemoSchemes(db, { organisations: orgIds, people: personIds });
  await seedDemoPreparation(db, { organisations: orgIds, people: personIds });
  await seedDemoRelationships(db, { organisations: orgIds, people: personIds });

  return demoPeople.map((person) => ({
    email: person.email.toLowerCase(),
    password: DEMO_PASSWORD,
    name: person.name,
    description: describe(person, orgNames),
  }));
}
