// Test support, not exported from the package: fast-check arbitraries that generate VALID scheme rules,
// shaped as SchemeRules output (defaults filled in), for property tests here and elsewhere.
import fc from "fast-check";
import { staffGroups } from "../accounts/roles";
import {
  audienceOrganisations,
  feedbackQuestionKinds,
  stalledClosings,
  outcomeItemKinds,
  firstContacts,
  honourablePreferences,
  matchingModes,
  meetingModes,
  menteePreparations,
  mentorPools,
  notesPolicies,
  organisationDirections,
  outsiderPolicies,
  questionKinds,
  specialtyDirections,
  type SchemeRules,
} from "./schema";

const int = (min: number, max: number) => fc.integer({ min, max });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
/** Text as the schema keeps it: already trimmed. */
const text = (max: number) => fc.string({ maxLength: max }).map((s) => s.trim());
/** One line, as the schema keeps labels and names: trimmed, with single spaces. */
const line = (max: number) => text(max).map((s) => s.replace(/\s+/g, " "));
const label = (max: number) => line(max).filter((s) => s.length > 0);
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,15}$/);
/** Weights in steps of 0.05: exact through JSON, and never -0. */
const weight = int(0, 20).map((k) => k / 20);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/))
  .filter(([local]) => !local.includes(".."))
  .map(([local, domain]) => `${local}@${domain}.nhs.uk`);
const phone = fc.stringMatching(/^0[0-9]{4} [0-9]{6}$/);

export const fallbackPartnerId = "9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a";

const question = fc.record({
  id: slug,
  label: label(300),
  kind: fc.constantFrom(...questionKinds),
  required: fc.boolean(),
});

const format = fc.oneof(
  fc.constant({ kind: "one_to_one" as const }),
  fc.record({
    kind: fc.constant("co_mentoring" as const),
    groupSizes: fc.uniqueArray(fc.constantFrom<2 | 3>(2, 3), { minLength: 1, maxLength: 2 }),
  }),
  fc
    .record({ kind: fc.constant("group" as const), maxSize: int(3, 50), facilitators: int(0, 10) })
    .map((g) => ({ ...g, facilitators: Math.min(g.facilitators, g.maxSize - 1) })),
);

const remuneration = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({
    kind: fc.constant("per_meeting" as const),
    feePence: int(1, 10_000_000),
    expensesAllowed: fc.boolean(),
    capMeetings: maybe(int(1, 100)),
    expensesCapPence: maybe(int(1, 10_000_000)),
    costCentre: maybe(line(40)),
  }),
  fc.record({ kind: fc.constant("job_plan" as const), hoursPerMonth: maybe(int(1, 160)) }),
  fc.record({ kind: fc.constant("annual_fee" as const), feePence: int(1, 100_000_000) }),
);

const participantFee = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constant("annual" as const), feePence: int(1, 100_000_000), plusVat: fc.boolean() }),
);

const rawRules = fc.record({
  audience: fc.record({
    groups: fc.uniqueArray(fc.constantFrom(...staffGroups), { maxLength: 5 }),
    withinMonthsOfStart: maybe(int(1, 600)),
    outsiders: fc.constantFrom(...outsiderPolicies),
    organisations: fc.constantFrom(...audienceOrganisations),
  }),
  partnerOrganisationIds: fc.uniqueArray(fc.uuid({ version: 4 }), { maxLength: 3 }),
  capacity: fc.record({ maxMentees: maybe(int(1, 100_000)) }),
  application: fc.oneof(
    fc.constant({ kind: "none" as const }),
    fc.record({
      kind: fc.constant("form" as const),
      questions: fc.uniqueArray(question, { minLength: 1, maxLength: 5, selector: (q) => q.id }),
    }),
  ),
  format,
  topics: fc.uniqueArray(label(80), { maxLength: 6, selector: (t) => t.toLowerCase() }),
  matching: fc.record({
    mode: fc.constantFrom(...matchingModes),
    shortlistSize: maybe(int(2, 20)),
    firstContact: fc.constantFrom(...firstContacts),
    criteria: fc.record({
      specialty: fc.record({ direction: fc.constantFrom(...specialtyDirections), weight }),
      organisation: fc.record({ direction: fc.constantFrom(...organisationDirections), weight }),
      distance: fc.record({ maxKm: nullable(int(1, 1000)), remoteAllowed: fc.boolean(), weight }),
      topics: fc.record({ weight }),
      availability: fc.record({ weight }),
      seniorityGap: fc.record({ weight }),
      honourPreferences: fc.uniqueArray(fc.constantFrom(...honourablePreferences)),
    }),
    avoidSameDepartment: fc.boolean(),
    mentorPool: fc.constantFrom(...mentorPools),
    trialMeeting: fc.boolean(),
    mentorCapacityDefault: int(1, 50),
    requestExpiryDays: int(1, 90),
  }),
  meetings: fc.record({
    max: nullable(int(1, 100)),
    cadenceWeeks: int(1, 52),
    minutes: fc.tuple(int(10, 480), int(10, 480)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
    modes: fc.uniqueArray(fc.constantFrom(...meetingModes), { minLength: 1 }),
    firstIsContract: fc.boolean(),
    lastIsReview: fc.boolean(),
    guides: fc.record({ contract: maybe(label(2000)), regular: maybe(label(2000)), review: maybe(label(2000)) }),
  }),
  relationship: fc.record({ maxMonths: nullable(int(1, 120)), stalledAfterWeeks: int(1, 104), closeWhenStalled: fc.constantFrom(...stalledClosings) }),
  notes: fc.record({ policy: fc.constantFrom(...notesPolicies) }),
  mentors: fc.record({
    requiredModules: fc.uniqueArray(
      fc.record({ id: slug, name: label(200), validityMonths: maybe(int(1, 240)) }),
      { maxLength: 4, selector: (m) => m.id },
    ),
    approval: fc.boolean(),
    support: fc.record({
      minEventsPer12Months: int(0, 52),
      peerAppraisalEveryMonths: maybe(int(1, 120)),
      supervision: fc.boolean(),
    }),
    maxMentees: int(1, 50),
  }),
  mentees: fc.record({ preparation: fc.constantFrom(...menteePreparations) }),
  feedback: fc.record({
    endOfRelationship: fc.uniqueArray(
      fc.record({ id: slug, label: label(300), kind: fc.constantFrom(...feedbackQuestionKinds), required: fc.boolean() }),
      { maxLength: 5, selector: (q) => q.id },
    ),
    midpoint: fc.boolean(),
    askMentors: fc.boolean(),
    minResponsesForText: int(3, 1000),
  }),
  outcomes: fc.record({
    enabled: fc.boolean(),
    followUpMonths: nullable(int(1, 36)),
    items: fc.uniqueArray(
      fc.record({ id: slug, label: label(300), kind: fc.constantFrom(...outcomeItemKinds), reverse: fc.boolean(), instrument: fc.boolean() }),
      { minLength: 1, maxLength: 5, selector: (q) => q.id },
    ),
    instrument: fc.record({ name: fc.oneof(fc.constant(""), label(200)), licence: line(500), scoring: fc.constantFrom("sum" as const, "mean" as const) }),
  }),
  remuneration,
  participantFee,
  publicity: fc.record({
    listed: fc.boolean(),
    description: fc.record({ summary: text(300), mentorRole: text(300), confidentiality: text(300) }),
    contact: fc.record({ name: line(120), email: fc.oneof(fc.constant(""), email), phone: maybe(phone) }),
  }),
});

type Raw = typeof rawRules extends fc.Arbitrary<infer T> ? T : never;

/** An instrument's items are rating scales, and an instrument is named exactly when items belong to one. */
function repairOutcomes(outcomes: Raw["outcomes"]): Raw["outcomes"] {
  const items = outcomes.items.map((q) => ({ ...q, instrument: outcomes.instrument.name !== "" && q.instrument && q.kind === "likert" }));
  const instrument = items.some((q) => q.instrument) ? outcomes.instrument : { ...outcomes.instrument, name: "" };
  return { ...outcomes, items, instrument };
}

/** Makes independently generated fields agree with the cross-field checks, without mutating the input. */
function repair(r: Raw): SchemeRules {
  const { matching, meetings, mentors, publicity } = r;
  const specialty = matching.criteria.specialty.direction === "ignore" ? { ...matching.criteria.specialty, weight: 0 } : matching.criteria.specialty;
  const organisation =
    matching.criteria.organisation.direction === "any" ? { ...matching.criteria.organisation, weight: 0 } : matching.criteria.organisation;
  const ranked = matching.mode !== "free_choice" && matching.mode !== "next_available";
  const weights = [specialty, organisation, matching.criteria.distance, matching.criteria.topics, matching.criteria.availability, matching.criteria.seniorityGap];
  const topics = ranked && weights.every((c) => c.weight === 0) ? { weight: 0.5 } : matching.criteria.topics;
  const lastIsReview = meetings.lastIsReview && meetings.max !== null && meetings.max >= 2;
  let maxMonths = r.relationship.maxMonths;
  if (maxMonths !== null && meetings.max !== null && meetings.max > 1) {
    const needed = Math.ceil(((meetings.max - 1) * meetings.cadenceWeeks) / (52 / 12));
    if (needed > maxMonths) maxMonths = needed <= 120 ? needed : null;
  }
  const remuneration =
    r.remuneration.kind === "per_meeting" && r.remuneration.capMeetings !== undefined && meetings.max !== null
      ? { ...r.remuneration, capMeetings: Math.min(r.remuneration.capMeetings, meetings.max) }
      : r.remuneration;
  const needsPartners = r.audience.organisations === "partners" || matching.mentorPool === "partners";
  const filled = (value: string, fallback: string) => (publicity.listed && value === "" ? fallback : value);
  return {
    ...r,
    partnerOrganisationIds: needsPartners && r.partnerOrganisationIds.length === 0 ? [fallbackPartnerId] : r.partnerOrganisationIds,
    matching: {
      ...matching,
      shortlistSize: matching.mode === "shortlist" ? (matching.shortlistSize ?? 5) : matching.shortlistSize,
      criteria: { ...matching.criteria, specialty, organisation, topics },
      mentorCapacityDefault: Math.min(matching.mentorCapacityDefault, mentors.maxMentees),
    },
    meetings: { ...meetings, lastIsReview },
    outcomes: repairOutcomes(r.outcomes),
    relationship: { ...r.relationship, maxMonths },
    remuneration,
    publicity: {
      ...publicity,
      description: {
        summary: filled(publicity.description.summary, "What mentoring means here."),
        mentorRole: filled(publicity.description.mentorRole, "What a mentor does and does not do."),
        confidentiality: filled(publicity.description.confidentiality, "What stays confidential, and its limits."),
      },
      contact: {
        ...publicity.contact,
        name: filled(publicity.contact.name, "Scheme coordinator"),
        email: filled(publicity.contact.email, "mentoring@example.nhs.uk"),
      },
    },
  };
}

/** Valid scheme rules, as validateRules would return them. */
export function arbitraryRules(): fc.Arbitrary<SchemeRules> {
  return rawRules.map(repair);
}

export interface RuleLeaf {
  path: string;
  value: unknown;
}

/** Every leaf of a rules object as a dotted path; lists are leaves, as in ruleFields. */
export function ruleLeaves(value: unknown, prefix = ""): RuleLeaf[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [{ path: prefix, value }];
  return Object.entries(value).flatMap(([key, child]) => ruleLeaves(child, prefix ? `${prefix}.${key}` : key));
}

/** A copy of `rules` with the value at `path` replaced. */
export function withLeaf<T>(rules: T, path: string, value: unknown): T {
  const copy = JSON.parse(JSON.stringify(rules)) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] ?? "";
  node[last] = value;
  return copy as T;
}
