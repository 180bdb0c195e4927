// Demo schemes: one from each of the seven templates, run between the demo organisations, listed
// in the directory, with mentors and mentees (or peers) already taking part.
import { consentWording, type EnrolmentRole, findSchemeTemplate, SchemeRules } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { withTenant } from "../client";
import { auditLog, enrolments, organisations, schemeRuleVersions, schemes } from "../schema";
import type { Database } from "../types";
import { DEANERY, PCN, TRUST } from "./demo-data";

interface DemoScheme {
  organisation: string;
  template: string;
  name: string;
  slug: string;
  participants: { email: string; role: EnrolmentRole }[];
}

const t = "airevalley.example.org";
const d = "pennine-wolds.example.org";
const p = "nidd-wharfe.example.org";

export const demoSchemes: DemoScheme[] = [
  {
    organisation: DEANERY,
    template: "multi-professional",
    name: "Multi-professional mentoring programme",
    slug: "multi-professional-mentoring",
    participants: [
      { email: `daniel.firth@${d}`, role: "mentor" },
      { email: `chris.naylor@${d}`, role: "mentor" },
      { email: `hannah.leigh@${d}`, role: "peer" },
      { email: `oliver.grant@${d}`, role: "peer" },
      { email: `sam.ridley@${p}`, role: "peer" },
    ],
  },
  {
    organisation: DEANERY,
    template: "deanery-gp",
    name: "Deanery GP mentoring",
    slug: "gp-mentoring",
    participants: [{ email: `jo.sutcliffe@${p}`, role: "mentor" }],
  },
  {
    organisation: DEANERY,
    template: "co-tutoring",
    name: "GP co-tutoring",
    slug: "gp-co-tutoring",
    participants: [
      { email: `ben.adeyemi@${p}`, role: "peer" },
      { email: `laura.pickering@${p}`, role: "peer" },
    ],
  },
  {
    organisation: TRUST,
    template: "new-consultant",
    name: "New consultant mentoring",
    slug: "new-consultant-mentoring",
    participants: [
      { email: `sarah.lindqvist@${t}`, role: "mentor" },
      { email: `eleanor.brooke@${t}`, role: "mentor" },
      { email: `amir.haddad@${t}`, role: "mentee" },
      { email: `kwame.mensah@${t}`, role: "mentee" },
    ],
  },
  {
    organisation: TRUST,
    template: "coach-mentoring-leaders",
    name: "Coach-mentoring for clinical leaders",
    slug: "coach-mentoring-clinical-leaders",
    participants: [
      { email: `tom.whitaker@${t}`, role: "mentor" },
      { email: `sarah.lindqvist@${t}`, role: "mentee" },
    ],
  },
  {
    organisation: PCN,
    template: "gp-non-principal",
    name: "GP non-principal mentoring",
    slug: "gp-non-principal-mentoring",
    participants: [
      { email: `jo.sutcliffe@${p}`, role: "mentor" },
      { email: `laura.pickering@${p}`, role: "mentee" },
    ],
  },
  {
    organisation: PCN,
    template: "pcn-mastermind",
    name: "Clinical director mastermind group",
    slug: "clinical-director-mastermind",
    participants: [
      { email: `jo.sutcliffe@${p}`, role: "mentor" },
      { email: `mark.ellison@${p}`, role: "peer" },
    ],
  },
];

export async function seedDemoSchemes(
  db: Database,
  ids: { organisations: Map<string, string>; people: Map<string, string> },
): Promise<void> {
  for (const demo of demoSchemes) {
    const organisationId = ids.organisations.get(demo.organisation)!;
    const template = findSchemeTemplate(demo.template);
    if (!template) throw new Error(`demo scheme uses an unknown template: ${demo.template}`);
    await withTenant(db, { organisationId }, async (tx) => {
      const [existing] = await tx
        .select({ id: schemes.id })
        .from(schemes)
        .where(and(eq(schemes.organisationId, organisationId), eq(schemes.slug, demo.slug)));
      if (existing) return;
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
      const rules = SchemeRules.parse({
        ...template.rules,
        publicity: {
          ...template.rules.publicity,
          listed: true,
          contact: {
            name: org!.contactName,
            email: org!.contactEmail,
            ...(org!.contactPhone ? { phone: org!.contactPhone } : {}),
          },
        },
      });
      const [scheme] = await tx
        .insert(schemes)
        .values({ organisationId, name: demo.name, slug: demo.slug, status: "open", listed: true, templateId: template.id })
        .returning({ id: schemes.id });
      await tx.insert(schemeRuleVersions).values({
        organisationId,
        schemeId: scheme!.id,
        version: 1,
        rules,
        note: `Created from the template "${template.name}"`,
      });
      for (const participant of demo.participants) {
        await tx.insert(enrolments).values({
          organisationId,
          schemeId: scheme!.id,
          personId: ids.people.get(participant.email)!,
          role: participant.role,
          status: "active",
          consentWording: consentWording({ schemeName: demo.name, organisationName: org!.name, role: participant.role }),
          consentedAt: new Date(),
          rulesVersion: 1,
        });
      }
      await tx.insert(auditLog).values({
        organisationId,
        action: "scheme.created",
        subjectType: "scheme",
        subjectId: scheme!.id,
        details: { template: template.id, seeded: true },
      });
    });
  }
}
