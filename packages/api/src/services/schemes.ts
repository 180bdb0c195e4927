// Schemes of one organisation: created from a template, rules edited as immutable versions,
// published and closed. Runs inside the caller's tenant transaction.
import {
  describeRules,
  diffRules,
  findSchemeTemplate,
  type SchemeRules,
  validateRules,
} from "@tandem/core";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { enrolments, organisations, people, schemeRuleVersions, schemes, type Tx } from "@tandem/db";
import { AppError } from "../errors";
import { recordAudit } from "./audit";

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "scheme";
}

/** Rules that do not validate become a BAD_REQUEST whose field errors are keyed by rule path. */
export function parseRulesOrThrow(input: unknown): SchemeRules {
  const result = validateRules(input);
  if (result.ok) return result.rules;
  const fieldErrors: Record<string, string[]> = {};
  for (const error of result.errors) (fieldErrors[error.path || "rules"] ??= []).push(error.message);
  throw new AppError("BAD_REQUEST", result.errors[0]?.message ?? "Check the scheme's rules", fieldErrors);
}

async function findScheme(tx: Tx, organisationId: string, schemeId: string) {
  const [scheme] = await tx
    .select()
    .from(schemes)
    .where(and(eq(schemes.organisationId, organisationId), eq(schemes.id, schemeId)))
    .limit(1);
  if (!scheme) throw new AppError("NOT_FOUND", "That scheme does not exist in this organisation");
  return scheme;
}

/** A scheme of this organisation with its current rules; "not found" otherwise. */
export async function loadScheme(tx: Tx, organisationId: string, schemeId: string) {
  const [scheme] = await tx
    .select()
    .from(schemes)
    .where(and(eq(schemes.organisationId, organisationId), eq(schemes.id, schemeId)))
    .limit(1);
  if (!scheme) throw new AppError("NOT_FOUND", "That scheme does not exist in this organisation");
  return { scheme, rules: await currentRules(tx, scheme) };
}

export async function currentRules(tx: Tx, scheme: { organisationId: string; id: string; currentVersion: number }) {
  const [row] = await tx
    .select({ rules: schemeRuleVersions.rules })
    .from(schemeRuleVersions)
    .where(
      and(
        eq(schemeRuleVersions.organisationId, scheme.organisationId),
        eq(schemeRuleVersions.schemeId, scheme.id),
        eq(schemeRuleVersions.version, scheme.currentVersion),
      ),
    );
  if (!row) throw new Error(`scheme ${scheme.id} has no version ${scheme.currentVersion}`);
  // Stored rules were validated on save; parsing again fills defaults added since.
  return parseRulesOrThrow(row.rules);
}

async function uniqueSlug(tx: Tx, organisationId: string, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await tx
        .select({ slug: schemes.slug })
        .from(schemes)
        .where(and(eq(schemes.organisationId, organisationId), sql`${schemes.slug} like ${`${base}%`}`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function createSchemeFromTemplate(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; templateId: string; name: string },
) {
  const template = findSchemeTemplate(options.templateId);
  if (!template) {
    throw new AppError("BAD_REQUEST", "Choose a template from the list", { templateId: ["Choose a template from the list"] });
  }
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, options.organisationId));
  // The organisation's published contact point is the scheme's until the coordinator changes it.
  const rules = parseRulesOrThrow({
    ...template.rules,
    publicity: {
      ...template.rules.publicity,
      contact: {
        name: template.rules.publicity.contact.name || organisation?.contactName || "",
        email: template.rules.publicity.contact.email || organisation?.contactEmail || "",
        ...(organisation?.contactPhone ? { phone: organisation.contactPhone } : {}),
      },
    },
  });
  const slug = await uniqueSlug(tx, options.organisationId, options.name);
  const [scheme] = await tx
    .insert(schemes)
    .values({
      organisationId: options.organisationId,
      name: options.name,
      slug,
      templateId: template.id,
      listed: rules.publicity.listed,
    })
    .returning();
  await tx.insert(schemeRuleVersions).values({
    organisationId: options.organisationId,
    schemeId: scheme!.id,
    version: 1,
    rules,
    note: `Created from the template "${template.name}"`,
    createdByPersonId: options.actorPersonId,
  });
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "scheme.created",
    subjectType: "scheme",
    subjectId: scheme!.id,
    details: { template: template.id },
  });
  return { schemeId: scheme!.id, slug };
}

export async function updateSchemeRules(
  tx: Tx,
  options: {
    organisationId: string;
    actorPersonId: string;
    schemeId: string;
    rules?: unknown;
    name?: string | undefined;
    note?: string | undefined;
  },
) {
  const scheme = await findScheme(tx, options.organisationId, options.schemeId);
  if (scheme.status === "archived") throw new AppError("CONFLICT", "An archived scheme cannot be changed");
  const rules = parseRulesOrThrow(options.rules);
  const previous = await currentRules(tx, scheme);
  const changes = diffRules(previous, rules);
  const renamed = options.name !== undefined && options.name !== scheme.name;
  if (changes.length === 0 && !renamed) {
    return { version: scheme.currentVersion, changes };
  }
  let version = scheme.currentVersion;
  if (changes.length > 0) {
    version += 1;
    await tx.insert(schemeRuleVersions).values({
      organisationId: options.organisationId,
      schemeId: scheme.id,
      version,
      rules,
      note: options.note ?? null,
      createdByPersonId: options.actorPersonId,
    });
  }
  await tx
    .update(schemes)
    .set({
      currentVersion: version,
      name: options.name ?? scheme.name,
      listed: rules.publicity.listed,
      updatedAt: new Date(),
    })
    .where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, scheme.id)));
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: "scheme.rules_changed",
    subjectType: "scheme",
    subjectId: scheme.id,
    details: { version, fields: changes.map((c) => c.path) },
  });
  return { version, changes };
}

const transitions = {
  publish: { from: ["draft", "closed"], to: "open", action: "scheme.published" },
  close: { from: ["open"], to: "closed", action: "scheme.closed" },
  archive: { from: ["draft", "closed"], to: "archived", action: "scheme.archived" },
} as const;

export async function changeSchemeStatus(
  tx: Tx,
  options: { organisationId: string; actorPersonId: string; schemeId: string; change: keyof typeof transitions },
) {
  const scheme = await findScheme(tx, options.organisationId, options.schemeId);
  const transition = transitions[options.change];
  if (!(transition.from as readonly string[]).includes(scheme.status)) {
    throw new AppError("CONFLICT", `A ${scheme.status} scheme cannot be ${options.change === "publish" ? "published" : options.change === "close" ? "closed" : "archived"}`);
  }
  if (options.change === "publish") {
    const rules = await currentRules(tx, scheme);
    const contact = rules.publicity.contact;
    if (!contact.name || !contact.email) {
      throw new AppError("BAD_REQUEST", "Add a contact name and email address before publishing", {
        "publicity.contact.name": contact.name ? [] : ["Enter the contact's name"],
        "publicity.contact.email": contact.email ? [] : ["Enter the contact email address"],
      });
    }
  }
  await tx
    .update(schemes)
    .set({ status: transition.to, updatedAt: new Date() })
    .where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, scheme.id)));
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: transition.action,
    subjectType: "scheme",
    subjectId: scheme.id,
  });
  return { status: transition.to };
}

export async function listSchemes(tx: Tx, options: { organisationId: string }) {
  const rows = await tx
    .select()
    .from(schemes)
    .where(eq(schemes.organisationId, options.organisationId))
    .orderBy(asc(schemes.name));
  const counts = await tx
    .select({ schemeId: enrolments.schemeId, role: enrolments.role, status: enrolments.status, n: count() })
    .from(enrolments)
    .where(eq(enrolments.organisationId, options.organisationId))
    .groupBy(enrolments.schemeId, enrolments.role, enrolments.status);
  return rows.map((scheme) => {
    const mine = counts.filter((c) => c.schemeId === scheme.id);
    const sum = (pred: (c: (typeof mine)[number]) => boolean) => mine.filter(pred).reduce((n, c) => n + c.n, 0);
    return {
      id: scheme.id,
      name: scheme.name,
      slug: scheme.slug,
      status: scheme.status,
      listed: scheme.listed,
      currentVersion: scheme.currentVersion,
      updatedAt: scheme.updatedAt,
      mentees: sum((c) => c.role !== "mentor" && c.status === "active"),
      mentors: sum((c) => c.role === "mentor" && c.status === "active"),
      awaitingReview: sum((c) => c.status === "requested"),
      waiting: sum((c) => c.status === "waiting"),
    };
  });
}

export async function getScheme(tx: Tx, options: { organisationId: string; schemeId: string }) {
  const scheme = await findScheme(tx, options.organisationId, options.schemeId);
  const versions = await tx
    .select({
      version: schemeRuleVersions.version,
      rules: schemeRuleVersions.rules,
      note: schemeRuleVersions.note,
      createdAt: schemeRuleVersions.createdAt,
      createdBy: people.name,
    })
    .from(schemeRuleVersions)
    .leftJoin(people, eq(people.id, schemeRuleVersions.createdByPersonId))
    .where(and(eq(schemeRuleVersions.organisationId, options.organisationId), eq(schemeRuleVersions.schemeId, scheme.id)))
    .orderBy(desc(schemeRuleVersions.version));
  const parsed = versions.map((v) => ({ ...v, rules: parseRulesOrThrow(v.rules) }));
  const current = parsed.find((v) => v.version === scheme.currentVersion)!;
  return {
    scheme,
    rules: current.rules,
    summary: describeRules(current.rules),
    history: parsed.map((v, index) => ({
      version: v.version,
      changeNote: v.note,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      changes: parsed[index + 1] ? diffRules(parsed[index + 1]!.rules, v.rules) : [],
    })),
  };
}
