// Demo schemes: one from each of the seven templates, run between the demo organisations, listed
// in the directory, with mentors and mentees (or peers) already taking part.
import { consentWording, type EnrolmentRole, findSchemeTemplate, SchemeRules } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { withTenant } from "../client";
import { auditLog, enrolments, organisations, schemeRuleVersions, schemes } from "../schema";
import type { Database } from "../types";
import { DEANERY, PCN, TRUST } from "./demo-data";

interface DemoProfile {
  topics: string[];
  availability: string[];
  remoteOk?: boolean;
  bio?: string;
  capacity?: number;
}

interface DemoScheme {
  organisation: string;
  template: string;
  name: string;
  slug: string;
  /** Changes to the template's matching rules and topics. */
  matching?: Record<string, unknown>;
  topics?: string[];
  participants: { email: string; role: EnrolmentRole; profile?: DemoProfile }[];
  /** Listed in the directory (default true). */
  listed?: boolean;
}

const consultantTopics = ["Job planning", "Leading a team", "Difficult conversations", "Work-life balance", "Service improvement", "Teaching and training"];
const weekdays = ["Monday mornings", "Tuesday afternoons", "Wednesday mornings", "Thursday afternoons", "Friday mornings"];

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
      // In relationships already (seed/relationships.ts).
      { email: `nadia.rahman@${t}`, role: "mentor", profile: { topics: ["Leading a team", "Difficult conversations"], availability: [weekdays[0]!, weekdays[2]!], capacity: 3, bio: "Anaesthetist and former clinical director for theatres." } },
      { email: `gareth.lloyd@${t}`, role: "mentor", profile: { topics: ["Service improvement", "Work-life balance"], availability: [weekdays[1]!], capacity: 3, bio: "Renal physician; leads the trust's quality improvement faculty." } },
      ...["alice.moss", "ben.carter", "chloe.dunn", "daniel.evans", "emma.ford", "farah.gill"].map((name) => ({ email: `${name}@${t}`, role: "mentee" as const, profile: { topics: ["Leading a team"], availability: [weekdays[0]!] } })),
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
    // Unlisted: the pilot runs by invitation, and keeps its own pair apart from the listed scheme's.
    organisation: PCN,
    template: "gp-non-principal",
    name: "GP non-principal mentoring: locum pilot",
    slug: "gp-non-principal-locum-pilot",
    listed: false,
    participants: [
      { email: `jo.sutcliffe@${p}`, role: "mentor" },
      { email: `priya.nair@${p}`, role: "mentee" },
    ],
  },
  {
    // Unlisted, matched by the coordinator: five locum GPs and two paid GP mentors.
    organisation: PCN,
    template: "gp-non-principal",
    name: "GP non-principal mentoring: 2027 cohort",
    slug: "gp-non-principal-2027-cohort",
    listed: false,
    participants: [
      { email: `helen.marsh@${p}`, role: "mentor", profile: { capacity: 3, topics: ["Career planning", "Work-life balance"], availability: [weekdays[0]!, weekdays[3]!] } },
      { email: `owen.price@${p}`, role: "mentor", profile: { capacity: 3, topics: ["Portfolio working", "Appraisal and revalidation"], availability: [weekdays[1]!, weekdays[3]!] } },
      ...["amy.walsh", "ravi.patel", "kate.holmes", "tom.booth", "lucy.grant"].map((name) => ({ email: `${name}@${p}`, role: "mentee" as const })),
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
  {
    organisation: TRUST,
    template: "new-consultant",
    name: "Trust-wide consultant mentoring",
    slug: "trust-consultant-mentoring",
    matching: { mode: "auto" },
    topics: consultantTopics,
    participants: [
      { email: `helen.marsh@${t}`, role: "mentor", profile: { topics: ["Job planning", "Leading a team", "Difficult conversations"], availability: [weekdays[0]!, weekdays[3]!], capacity: 1, bio: "Respiratory physician for 16 years; clinical lead for five of them." } },
      { email: `raj.patel@${t}`, role: "mentor", profile: { topics: ["Service improvement", "Job planning", "Teaching and training"], availability: [weekdays[1]!, weekdays[4]!], capacity: 2, remoteOk: true, bio: "Gastroenterologist with an interest in quality improvement and medical education." } },
      { email: `owen.price@${t}`, role: "mentor", profile: { topics: ["Work-life balance", "Difficult conversations"], availability: [weekdays[2]!], capacity: 1, bio: "Orthopaedic surgeon; trained as a coach through the deanery." } },
      { email: `zoe.clarke@${t}`, role: "mentee", profile: { topics: ["Job planning", "Leading a team"], availability: [weekdays[0]!, weekdays[1]!] } },
      { email: `liam.byrne@${t}`, role: "mentee", profile: { topics: ["Service improvement", "Teaching and training"], availability: [weekdays[1]!, weekdays[4]!] } },
      { email: `isla.fraser@${t}`, role: "mentee", profile: { topics: ["Difficult conversations", "Work-life balance"], availability: [weekdays[2]!, weekdays[3]!] } },
      { email: `noah.bennett@${t}`, role: "mentee", profile: { topics: ["Job planning", "Work-life balance"], availability: [weekdays[3]!, weekdays[4]!] } },
    ],
  },
  {
    organisation: TRUST,
    template: "new-consultant",
    name: "Consultant mentoring: choose your mentor",
    slug: "choose-your-mentor",
    matching: { mode: "free_choice", requestExpiryDays: 14 },
    topics: consultantTopics,
    participants: [
      { email: `james.whitfield@${t}`, role: "mentor", profile: { topics: ["Leading a team", "Difficult conversations", "Work-life balance"], availability: [weekdays[0]!, weekdays[2]!], capacity: 2, bio: "Geriatrician and former clinical director; happy to talk about anything from rotas to resilience." } },
      { email: `meera.shah@${t}`, role: "mentor", profile: { topics: ["Job planning", "Teaching and training"], availability: [weekdays[1]!, weekdays[3]!], capacity: 2, remoteOk: true, bio: "Obstetrician and college tutor. I mentor by video as often as in person." } },
      { email: `grace.okafor@${t}`, role: "mentee", profile: { topics: ["Leading a team", "Job planning", "Difficult conversations"], availability: [weekdays[0]!, weekdays[1]!] } },
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
        ...(demo.topics ? { topics: demo.topics } : {}),
        matching: { ...template.rules.matching, ...demo.matching },
        publicity: {
          ...template.rules.publicity,
          listed: demo.listed ?? true,
          contact: {
            name: org!.contactName,
            email: org!.contactEmail,
            ...(org!.contactPhone ? { phone: org!.contactPhone } : {}),
          },
        },
      });
      const [scheme] = await tx
        .insert(schemes)
        .values({ organisationId, name: demo.name, slug: demo.slug, status: "open", listed: demo.listed ?? true, templateId: template.id })
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
          ...(participant.profile
            ? {
                topics: participant.profile.topics,
                availability: participant.profile.availability,
                remoteOk: participant.profile.remoteOk ?? false,
                bio: participant.profile.bio ?? null,
                capacity: participant.profile.capacity ?? null,
              }
            : {}),
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
