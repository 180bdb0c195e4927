// The public directory (SPEC section 11): every organisation's contact point and its listed, open
// schemes, readable without signing in. It reads through the directory policy only.
import { describeRules, describeTargetGroups, formatKindLabels, matchingModeLabels } from "@tandem/core";
import { and, asc, eq } from "drizzle-orm";
import { type Database, organisations, schemeRuleVersions, schemes, withDirectory } from "@tandem/db";
import { AppError } from "../errors";
import { parseRulesOrThrow } from "./schemes";

/** Joins a scheme to the rules version it currently points at. */
const currentVersionOfScheme = and(
  eq(schemeRuleVersions.organisationId, schemes.organisationId),
  eq(schemeRuleVersions.schemeId, schemes.id),
  eq(schemeRuleVersions.version, schemes.currentVersion),
);

export async function listDirectory(db: Database) {
  const [orgs, listed] = await withDirectory(db, async (tx) => [
    await tx.select().from(organisations).orderBy(asc(organisations.name)),
    await tx
      .select({ scheme: schemes, rules: schemeRuleVersions.rules })
      .from(schemes)
      .innerJoin(schemeRuleVersions, currentVersionOfScheme)
      .orderBy(asc(schemes.name)),
  ] as const);
  return orgs.map((org) => ({
    id: org.id,
    slug: org.slug,
    name: org.name,
    kind: org.kind,
    region: org.region,
    contact: { name: org.contactName, email: org.contactEmail, phone: org.contactPhone },
    schemes: listed
      .filter((s) => s.scheme.organisationId === org.id)
      .map(({ scheme, rules: stored }) => {
        const rules = parseRulesOrThrow(stored);
        return {
          id: scheme.id,
          slug: scheme.slug,
          name: scheme.name,
          summary: describeRules(rules),
          audience: describeTargetGroups(rules),
          audienceGroups: rules.audience.groups,
          outsiders: rules.audience.outsiders,
          format: rules.format.kind,
          formatLabel: formatKindLabels[rules.format.kind],
          matching: matchingModeLabels[rules.matching.mode],
          mentorsWithFreePlaces: scheme.mentorsWithFreePlaces,
        };
      }),
  }));
}

export async function directoryScheme(db: Database, options: { organisationSlug: string; schemeSlug: string }) {
  const found = await withDirectory(db, async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.slug, options.organisationSlug));
    if (!org) return null;
    const [row] = await tx
      .select({ scheme: schemes, rules: schemeRuleVersions.rules })
      .from(schemes)
      .innerJoin(schemeRuleVersions, currentVersionOfScheme)
      .where(and(eq(schemes.organisationId, org.id), eq(schemes.slug, options.schemeSlug)));
    return row ? { org, ...row } : null;
  });
  if (!found) throw new AppError("NOT_FOUND", "That scheme is not in the directory");
  const rules = parseRulesOrThrow(found.rules);
  return {
    organisation: {
      id: found.org.id,
      slug: found.org.slug,
      name: found.org.name,
      kind: found.org.kind,
      region: found.org.region,
      contact: { name: found.org.contactName, email: found.org.contactEmail, phone: found.org.contactPhone },
    },
    scheme: {
      id: found.scheme.id,
      slug: found.scheme.slug,
      name: found.scheme.name,
      summary: describeRules(rules),
      audience: describeTargetGroups(rules),
      description: rules.publicity.description,
      contact: rules.publicity.contact,
      format: rules.format.kind,
      formatLabel: formatKindLabels[rules.format.kind],
      matching: matchingModeLabels[rules.matching.mode],
      application: rules.application,
      menteePreparation: rules.mentees.preparation,
      mentorsWithFreePlaces: found.scheme.mentorsWithFreePlaces,
    },
  };
}
