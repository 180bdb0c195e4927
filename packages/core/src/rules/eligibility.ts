// Who may join a scheme, decided and worded in one place: the sentences the scheme's summary shows
// (`describeAccess`) are the ones each person's verdict rests on (`checkEligibility`,
// `checkMentorEligibility`), so the summary never promises what the verdict refuses. The audience's
// organisations are a hard limit; target groups are answered by the outsiders policy, so people
// outside them can still ask (Principle 4); mentors are checked against the mentor pool instead.
import type { StaffGroup } from "../accounts/roles";
import { joinWords, staffGroupPlurals } from "./labels";
import type { SchemeRules } from "./schema";

export interface EligibilityMembership {
  organisationId: string;
  staffGroup: StaffGroup;
  /** ISO date (YYYY-MM-DD, a full timestamp is also read) the person started in this role, if known. */
  startedInRoleOn: string | null;
}

export interface CheckEligibilityOptions {
  person: { id: string };
  memberships: readonly EligibilityMembership[];
  scheme: { organisationId: string; rules: SchemeRules };
  now: Date;
}

export type EligibilityResult = "eligible" | "on_request" | "not_eligible";

export interface Eligibility {
  result: EligibilityResult;
  /** One or two sentences to show the person. */
  reason: string;
  /** The same, in the third person, for the coordinator who reviews a request. */
  reasonForCoordinator: string;
  /** The sentence of the scheme's published summary this verdict rests on (see `describeAccess`). */
  rule: string;
}

/** Where a person stands against one of a scheme's access rules. */
export type AccessSituation =
  /** Participants: in an allowed organisation and in the target groups. */
  | "in_target"
  /** Participants: in an allowed organisation, outside the target groups. */
  | "outside_target"
  /** Participants or mentors: no membership of an allowed organisation. */
  | "other_organisation"
  /** Mentors: in the mentor pool. */
  | "in_pool";

export interface AccessClause {
  who: "participants" | "mentors";
  situation: AccessSituation;
  result: EligibilityResult;
  /** A sentence of the scheme's summary. */
  sentence: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "new consultants in their first 24 months" or "everyone". */
export function describeTargetGroups(rules: SchemeRules): string {
  const { groups, withinMonthsOfStart } = rules.audience;
  const who = groups.length === 0 ? "everyone" : joinWords(groups.map((g) => staffGroupPlurals[g]));
  if (withinMonthsOfStart === undefined) return who;
  const within = `in their first ${plural(withinMonthsOfStart, "month")} in the role`;
  return groups.length === 0 ? `anyone ${within}` : `${who} ${within}`;
}

const organisationPhrase = {
  own: "at this organisation",
  partners: "at this organisation or its partner organisations",
  anyone: "from any organisation",
} as const;

/** Whether the audience names anyone in particular (otherwise the outsiders policy never applies). */
const isTargeted = (rules: SchemeRules) =>
  rules.audience.groups.length > 0 || rules.audience.withinMonthsOfStart !== undefined;

/** What the people who join to take part, and those who help, are called in this format. */
function roleNouns(rules: SchemeRules): { participants: string; helpers: string | null; help: string } {
  switch (rules.format.kind) {
    case "group":
      return { participants: "members", helpers: "facilitators", help: "facilitate" };
    case "co_mentoring":
      return { participants: "peers", helpers: null, help: "mentor" };
    case "one_to_one":
      return { participants: "mentees", helpers: "mentors", help: "mentor" };
  }
}

/** Every access rule of a scheme with the sentence that states it, in the order the summary reads. */
export function accessClauses(rules: SchemeRules): AccessClause[] {
  const { organisations, outsiders } = rules.audience;
  const nouns = roleNouns(rules);
  const clauses: AccessClause[] = [
    {
      who: "participants",
      situation: "in_target",
      result: "eligible",
      sentence: `For ${describeTargetGroups(rules)} ${organisationPhrase[organisations]}.`,
    },
  ];
  if (isTargeted(rules)) {
    const others = {
      own: "Other staff of this organisation",
      partners: "Other staff of this organisation and its partners",
      anyone: "Other people",
    }[organisations];
    clauses.push({
      who: "participants",
      situation: "outside_target",
      result: outsiders === "closed" ? "not_eligible" : outsiders === "on_request" ? "on_request" : "eligible",
      sentence: {
        closed: `${others} cannot join as ${nouns.participants}.`,
        on_request: `${others} may ask to join as ${nouns.participants}; the coordinator decides.`,
        open: `${others} are welcome to join as ${nouns.participants} too.`,
      }[outsiders],
    });
  }
  if (organisations !== "anyone") {
    clauses.push({
      who: "participants",
      situation: "other_organisation",
      result: "not_eligible",
      sentence: `Staff of ${organisations === "own" ? "other organisations" : "organisations that are not partners"} cannot join as ${nouns.participants}.`,
    });
  }
  if (nouns.helpers !== null) {
    const pool = rules.matching.mentorPool;
    const helpers = nouns.helpers[0]!.toUpperCase() + nouns.helpers.slice(1);
    clauses.push({
      who: "mentors",
      situation: "in_pool",
      result: "eligible",
      sentence: {
        own: `${helpers} come from this organisation.`,
        partners: `${helpers} come from this organisation and its partner organisations.`,
        external: `${helpers} can come from any organisation.`,
      }[pool],
    });
    if (pool !== "external") {
      clauses.push({
        who: "mentors",
        situation: "other_organisation",
        result: "not_eligible",
        sentence: `Staff of ${pool === "own" ? "other organisations" : "organisations that are not partners"} cannot take part as ${nouns.helpers}.`,
      });
    }
  }
  return clauses;
}

/** Who can join, as the scheme's summary says it. */
export function describeAccess(rules: SchemeRules): string {
  return accessClauses(rules)
    .map((c) => c.sentence)
    .join(" ");
}

function clauseFor(rules: SchemeRules, who: AccessClause["who"], situation: AccessSituation): AccessClause {
  const clause = accessClauses(rules).find((c) => c.who === who && c.situation === situation);
  // Every situation a verdict reaches has a clause: the checks below only reach those accessClauses lists.
  if (!clause) throw new Error(`No access rule for ${who} ${situation}`);
  return clause;
}

interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

function parseIsoDate(value: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The same day N months later, clamped to the month's last day (31 January + 1 month = 28 or 29 February). */
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(date.day, lastDay) };
}

const dayNumber = (d: CalendarDate) => d.year * 10_000 + d.month * 100 + d.day;

type Fit = "in_target" | "started_too_long_ago" | "start_unknown" | "other_group";

function fitOf(membership: EligibilityMembership, rules: SchemeRules, today: CalendarDate): Fit {
  const { groups, withinMonthsOfStart } = rules.audience;
  if (groups.length > 0 && !groups.includes(membership.staffGroup)) return "other_group";
  if (withinMonthsOfStart === undefined) return "in_target";
  const started = membership.startedInRoleOn === null ? null : parseIsoDate(membership.startedInRoleOn);
  if (!started) return "start_unknown";
  // Inclusive: on the day exactly N months after starting, the person still qualifies.
  return dayNumber(today) <= dayNumber(addMonths(started, withinMonthsOfStart)) ? "in_target" : "started_too_long_ago";
}

const fitRank: Record<Fit, number> = { in_target: 0, started_too_long_ago: 1, start_unknown: 2, other_group: 3 };

function allowedOrganisations(kind: "own" | "partners" | "anyone", scheme: { organisationId: string; rules: SchemeRules }) {
  if (kind === "anyone") return null;
  return new Set(kind === "own" ? [scheme.organisationId] : [scheme.organisationId, ...scheme.rules.partnerOrganisationIds]);
}

/** Whether a person may join as a mentee, peer or group member. */
export function checkEligibility({ memberships, scheme, now }: CheckEligibilityOptions): Eligibility {
  const { rules } = scheme;
  const { outsiders, withinMonthsOfStart } = rules.audience;
  const who = describeTargetGroups(rules);
  const allowed = allowedOrganisations(rules.audience.organisations, scheme);
  const relevant = allowed ? memberships.filter((m) => allowed.has(m.organisationId)) : memberships;
  if (allowed && relevant.length === 0) {
    const clause = clauseFor(rules, "participants", "other_organisation");
    return {
      result: clause.result,
      reason: `This scheme is for ${who} ${organisationPhrase[rules.audience.organisations]}. ${clause.sentence} Its contact can suggest other schemes you could join.`,
      reasonForCoordinator: `Not a member of an organisation whose staff can join. ${clause.sentence}`,
      rule: clause.sentence,
    };
  }

  const today = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  const best = relevant
    .map((m) => fitOf(m, rules, today))
    .reduce<Fit>((a, b) => (fitRank[b] < fitRank[a] ? b : a), "other_group");
  if (best === "in_target" || !isTargeted(rules)) {
    const clause = clauseFor(rules, "participants", "in_target");
    return {
      result: clause.result,
      reason: `You can join: this scheme is for ${who}.`,
      reasonForCoordinator: `In the scheme's target: ${who}.`,
      rule: clause.sentence,
    };
  }

  const months = withinMonthsOfStart ?? 0;
  const detail = {
    started_too_long_ago: [` You started in your role more than ${months} months ago.`, `Started in their role more than ${months} months ago.`],
    start_unknown: [
      " Your profile does not say when you started in your role; add the date to your profile if you are new in post.",
      "Their profile does not say when they started in their role.",
    ],
    other_group: ["", "Not in the scheme's target staff groups."],
  }[best];
  const clause = clauseFor(rules, "participants", "outside_target");
  const ending = {
    closed: "It takes no requests from others, so you cannot join.",
    on_request: "Your request will go to the coordinator.",
    open: "Others are welcome too, so you can join.",
  }[outsiders];
  return {
    result: clause.result,
    reason: `This scheme is for ${who}.${detail[0]} ${ending}`,
    reasonForCoordinator: `${detail[1]} The scheme is for ${who}.`,
    rule: clause.sentence,
  };
}

/**
 * Whether a person may offer to mentor (or facilitate). The audience's target groups describe
 * mentees (a new consultant scheme's mentors are experienced consultants), so mentors are checked
 * against the mentor pool; preparation, support and the coordinator's approval decide readiness later.
 */
export function checkMentorEligibility(options: {
  memberships: readonly Pick<EligibilityMembership, "organisationId">[];
  scheme: { organisationId: string; rules: SchemeRules };
}): Eligibility {
  const { rules } = options.scheme;
  const { help } = roleNouns(rules);
  if (rules.format.kind === "co_mentoring") {
    // Not a role this format offers (`rolesOffered`), so the summary has no sentence for it.
    const reason = "Nobody joins only to mentor: everyone in this scheme takes part as a peer, so you cannot join as a mentor.";
    return { result: "not_eligible", reason, reasonForCoordinator: reason, rule: reason };
  }
  const pool = rules.matching.mentorPool;
  const allowed = allowedOrganisations(pool === "external" ? "anyone" : pool, options.scheme);
  const inPool = allowed === null || options.memberships.some((m) => allowed.has(m.organisationId));
  const clause = clauseFor(rules, "mentors", inPool ? "in_pool" : "other_organisation");
  const approval = rules.mentors.approval ? " The coordinator approves each one once their preparation is done." : "";
  return {
    result: clause.result,
    reason: inPool ? `You can offer to ${help}. ${clause.sentence}${approval}` : clause.sentence,
    reasonForCoordinator: inPool ? "In the scheme's mentor pool." : `Outside the scheme's mentor pool. ${clause.sentence}`,
    rule: clause.sentence,
  };
}
