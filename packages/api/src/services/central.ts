// Central comparison (SPEC section 8): rules of schemes across organisations that opted in, side by
// side. Rules are configuration, not personal data; nothing about people is read here.
import { compareRules } from "@tandem/core";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type Database, organisations, schemes, withTenant } from "@tandem/db";
import { AppError } from "../errors";
import { currentRules } from "./schemes";

async function sharingOrganisations(db: Database) {
  return db.select().from(organisations).where(eq(organisations.sharesWithCentral, true)).orderBy(asc(organisations.name));
}

export async function listComparableSchemes(db: Database) {
  const orgs = await sharingOrganisations(db);
  const result = [];
  for (const org of orgs) {
    const rows = await withTenant(db, { organisationId: org.id }, (tx) =>
      tx
        .select({ id: schemes.id, name: schemes.name, status: schemes.status })
        .from(schemes)
        .where(and(eq(schemes.organisationId, org.id), inArray(schemes.status, ["open", "closed"])))
        .orderBy(asc(schemes.name)),
    );
    result.push({ organisationId: org.id, organisationName: org.name, kind: org.kind, region: org.region, schemes: rows });
  }
  return result;
}

export async function compareSchemes(db: Database, options: { schemes: { organisationId: string; schemeId: string }[] }) {
  const sharing = new Map((await sharingOrganisations(db)).map((o) => [o.id, o]));
  const columns = [];
  for (const ref of options.schemes) {
    const org = sharing.get(ref.organisationId);
    if (!org) throw new AppError("NOT_FOUND", "One of those schemes is not available for comparison");
    const found = await withTenant(db, { organisationId: org.id }, async (tx) => {
      const [scheme] = await tx
        .select()
        .from(schemes)
        .where(and(eq(schemes.organisationId, org.id), eq(schemes.id, ref.schemeId), inArray(schemes.status, ["open", "closed"])));
      return scheme ? { scheme, rules: await currentRules(tx, scheme) } : null;
    });
    if (!found) throw new AppError("NOT_FOUND", "One of those schemes is not available for comparison");
    columns.push({ organisationName: org.name, schemeName: found.scheme.name, rules: found.rules });
  }
  return {
    columns: columns.map((c) => ({ organisationName: c.organisationName, schemeName: c.schemeName })),
    rows: compareRules(columns.map((c) => c.rules)),
  };
}
