// Test support for what happens after the match: an organisation with a coordinator and signed-in
// people, schemes from templates made matchable, pairs matched the way participants do it, and
// meetings arranged and held with the clock moved past them.
import { and, desc, eq } from "drizzle-orm";
import { emailOutbox, enrolments, memberships, type Tx, withTenant } from "@tandem/db";
import { browser, makeOrganisation, makePerson, setup } from "./support";

export type Caller = Awaited<ReturnType<ReturnType<typeof browser>["caller"]>>;
export type Rules = Awaited<ReturnType<Caller["scheme"]["get"]>>["rules"];

export async function relationshipWorld(options: { people: string[]; deps?: Parameters<typeof setup>[0] }) {
  const env = await setup(options.deps);
  const orgId = (await makeOrganisation(env.db, "Aire Valley Hospitals")).id;
  await makePerson(env.db, { email: "coord@trust.org", name: "Tom Whitaker", memberOf: [{ organisationId: orgId, roles: ["coordinator"] }] });
  const signIn = async (email: string) => {
    const client = browser(env.deps, { address: `10.9.${Math.floor(Math.random() * 250)}.1` });
    await client.signIn(email);
    return client.caller();
  };
  const coordinator = await signIn("coord@trust.org");
  const people = new Map<string, { id: string; caller: Caller }>();
  for (const key of options.people) {
    const created = await makePerson(env.db, { email: `${key}@trust.org`, name: `Dr ${key[0]!.toUpperCase()}${key.slice(1)}`, memberOf: [{ organisationId: orgId, roles: ["participant"] }] });
    await withTenant(env.db, { organisationId: orgId }, (tx) =>
      tx.update(memberships).set({ staffGroup: "consultant", specialty: key, department: key, siteLatitude: 53.8, siteLongitude: -1.5 }).where(and(eq(memberships.organisationId, orgId), eq(memberships.personId, created.id))),
    );
    people.set(key, { id: created.id, caller: await signIn(`${key}@trust.org`) });
  }
  const caller = (key: string) => people.get(key)!.caller;
  const personId = (key: string) => people.get(key)!.id;

  /** A scheme from a template, made matchable by free choice with no preparation, and published. */
  async function makeScheme(name: string, templateId: string, change: (rules: Rules) => Rules = (r) => r) {
    const { schemeId } = await coordinator.scheme.create({ organisationId: orgId, templateId, name });
    const { rules } = await coordinator.scheme.get({ organisationId: orgId, schemeId });
    await coordinator.scheme.updateRules({
      organisationId: orgId,
      schemeId,
      rules: change({
        ...rules,
        audience: { ...rules.audience, groups: ["consultant"], organisations: "own" },
        matching: { ...rules.matching, mode: "free_choice", mentorPool: "own", criteria: { ...rules.matching.criteria, organisation: { direction: "any", weight: 0 }, honourPreferences: [] } },
        mentors: { ...rules.mentors, requiredModules: [], approval: false, support: { minEventsPer12Months: 0, supervision: false } },
      }),
    });
    await coordinator.scheme.publish({ organisationId: orgId, schemeId });
    return schemeId;
  }

  async function enrol(schemeId: string, key: string, role: "mentee" | "mentor" | "peer", capacity = 3) {
    // Joined under the scheme's current rules, as joining does.
    const rulesVersion = (await coordinator.scheme.get({ organisationId: orgId, schemeId })).scheme.currentVersion;
    const [row] = await withTenant(env.db, { organisationId: orgId }, (tx) =>
      tx
        .insert(enrolments)
        .values({ organisationId: orgId, schemeId, personId: personId(key), role, status: "active", consentWording: "I agree", consentedAt: env.deps.now!(), rulesVersion, topics: ["Leading a team"], capacity: role === "mentor" ? capacity : null })
        .returning(),
    );
    return row!.id;
  }

  /** A mentee asks a mentor and the mentor accepts (the mentor is enrolled first unless already). */
  async function matchPair(schemeId: string, mentee: string, mentor: string, options: { mentorEnrolmentId?: string } = {}) {
    const mentorEnrolment = options.mentorEnrolmentId ?? (await enrol(schemeId, mentor, "mentor"));
    await enrol(schemeId, mentee, "mentee");
    await caller(mentee).matching.request({ organisationId: orgId, schemeId, mentorEnrolmentIds: [mentorEnrolment] });
    const request = (await caller(mentor).matching.mine()).flatMap((o) => o.relationships).find((r) => r.status === "requested")!;
    await caller(mentor).matching.respond({ organisationId: orgId, relationshipId: request.id, accept: true });
    return request.id;
  }

  const at = (days: number, time = "10:00") => {
    const d = new Date(env.deps.now!().getTime() + days * 86_400_000);
    return { date: d.toISOString().slice(0, 10), start: time };
  };
  const video = (days: number, minutes = 60) => ({ ...at(days), minutes, mode: "video" as const, link: "https://meet.example.org/abc" });
  const on = (relationshipId: string) => ({ organisationId: orgId, relationshipId });

  async function mailTo(email: string) {
    return withTenant(env.db, { organisationId: orgId }, (tx: Tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(desc(emailOutbox.createdAt)));
  }

  /** Proposes one time as `by`, has `other` pick it, moves the clock past it and records it held. */
  async function holdMeeting(relationshipId: string, by: string, other: string, options: { final?: boolean } = {}) {
    const { meetingId, kind } = await caller(by).relationships.proposeMeeting({ ...on(relationshipId), times: [video(2)], final: options.final ?? false });
    await caller(other).relationships.pickTime({ ...on(relationshipId), meetingId, choice: 0 });
    env.advance(3 * 86_400_000);
    const recorded = await caller(by).relationships.recordMeeting({ ...on(relationshipId), meetingId, outcome: "held" });
    return { meetingId, kind, ...recorded };
  }

  return { env, orgId, coordinator, people, caller, personId, makeScheme, enrol, matchPair, at, video, on, mailTo, holdMeeting };
}
