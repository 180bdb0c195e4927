// Who may join a scheme: the audience's organisations are a hard limit; target groups are answered by the
// outsiders policy, so people outside them can still ask (Principle 4, "access as wide as possible").
import type { StaffGroup } from "../accounts/roles";
import { describeTargetGroups } from "./describe";
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

export function checkEligibility({ memberships, scheme, now }: CheckEligibilityOptions): Eligibility {
  const { rules } = scheme;
  const { organisations, outsiders, withinMonthsOfStart } = rules.audience;
  const allowed =
    organisations === "own"
      ? new Set([scheme.organisationId])
      : organisations === "partners"
        ? new Set([scheme.organisationId, ...rules.partnerOrganisationIds])
        : null;
  const relevant = allowed ? memberships.filter((m) => allowed.has(m.organisationId)) : memberships;
  if (allowed && relevant.length === 0) {
    const whose =
      organisations === "own" ? "the organisation that runs it" : "the organisation that runs it and its partner organisations";
    return {
      result: "not_eligible",
      reason: `This scheme is only for members of ${whose}. Its contact can suggest other schemes you could join.`,
    };
  }

  const today = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  const best = relevant
    .map((m) => fitOf(m, rules, today))
    .reduce<Fit>((a, b) => (fitRank[b] < fitRank[a] ? b : a), "other_group");
  const who = describeTargetGroups(rules);
  const everyone = rules.audience.groups.length === 0 && withinMonthsOfStart === undefined;
  if (best === "in_target" || everyone) {
    return { result: "eligible", reason: `You can join: this scheme is for ${who}.` };
  }

  const detail = {
    started_too_long_ago: ` You started in your role more than ${withinMonthsOfStart ?? 0} months ago.`,
    start_unknown: " Your profile does not say when you started in your role; add the date to your profile if you are new in post.",
    other_group: "",
  }[best];
  const stem = `This scheme is for ${who}.${detail}`;
  switch (outsiders) {
    case "closed":
      return { result: "not_eligible", reason: `${stem} It does not take requests from others.` };
    case "on_request":
      return { result: "on_request", reason: `${stem} Your request will go to the coordinator.` };
    case "open":
      return { result: "eligible", reason: `${stem} Others are welcome too, so you can join.` };
  }
}
