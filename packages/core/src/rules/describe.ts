// Plain-English descriptions of scheme rules for participants and the public directory (Principle 5).
import { describeAccess } from "./eligibility";
import { formatPence, joinWords } from "./labels";
import type { SchemeRules } from "./schema";

export interface RulesDescription {
  /** Who the scheme is for, places, application and cost. */
  audience: string;
  /** Format and how matching works. */
  matching: string;
  /** Meetings, their length and shape, and notes. */
  meetings: string;
  /** Preparation for mentees and mentors, mentor support and payment. */
  preparation: string;
  /** What feedback is asked for. */
  feedback: string;
}

const sentences = (...parts: (string | false | undefined)[]) => parts.filter((p): p is string => !!p).join(" ");
const capitalise = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeAudience(rules: SchemeRules): string {
  const { capacity, application, participantFee } = rules;
  return sentences(
    describeAccess(rules),
    capacity.maxMentees !== undefined &&
      `There ${capacity.maxMentees === 1 ? "is 1 place" : `are ${capacity.maxMentees} places`}; after that you can join the waiting list.`,
    application.kind === "form" &&
      `You apply with a short form (${plural(application.questions.length, "question")}) that the coordinator reviews.`,
    participantFee.kind === "annual"
      ? `Taking part costs ${formatPence(participantFee.feePence)} a year${participantFee.plusVat ? " plus VAT" : ""}.`
      : "Taking part is free.",
  );
}

/** What the people who help are called in this format. */
function helpers(rules: SchemeRules): string {
  return rules.format.kind === "group" ? "facilitators" : rules.format.kind === "co_mentoring" ? "everyone" : "mentors";
}

function preferredMentor(rules: SchemeRules): string {
  const { specialty, organisation } = rules.matching.criteria;
  const parts: string[] = [];
  if (specialty.weight > 0 && specialty.direction === "same") parts.push("from your specialty");
  if (specialty.weight > 0 && specialty.direction === "different") parts.push("from another specialty");
  if (organisation.weight > 0 && organisation.direction === "same") parts.push("in your organisation");
  if (organisation.weight > 0 && organisation.direction === "different") parts.push("from another organisation");
  return parts.join(" ");
}

function describeFormat(rules: SchemeRules): string {
  const format = rules.format;
  switch (format.kind) {
    case "one_to_one":
      return "You meet one to one with a mentor.";
    case "co_mentoring": {
      const sizes = joinWords(format.groupSizes.map((n) => (n === 2 ? "pairs" : "threes")), "or");
      return `Peers mentor each other in ${sizes}, taking turns to speak and to listen.`;
    }
    case "group": {
      const led =
        format.facilitators === 0
          ? "led by its members"
          : `with ${format.facilitators === 1 ? "a facilitator" : `${format.facilitators} facilitators`}`;
      return `You meet in a group of up to ${format.maxSize}, ${led}.`;
    }
  }
}

function describeMode(rules: SchemeRules): string {
  const { mode, shortlistSize } = rules.matching;
  const suggestions = `your ${shortlistSize ?? 5} best suggestions`;
  const preferred = preferredMentor(rules);
  const favoured = preferred && `Mentors ${preferred} are suggested first.`;
  if (rules.format.kind === "group") {
    return {
      free_choice: "You choose which group to join.",
      shortlist: `You choose a group from ${suggestions}.`,
      allocation: "Your coordinator places you in a group.",
      auto: "Groups are formed automatically and checked by your coordinator.",
      next_available: "Places in groups are given in the order people join.",
    }[mode];
  }
  if (rules.format.kind === "co_mentoring") {
    return {
      free_choice: "You choose who to work with.",
      shortlist: `You choose who to work with from ${suggestions}.`,
      allocation: "Your coordinator forms the pairs or threes.",
      auto: "Pairs or threes are formed automatically and checked by your coordinator.",
      next_available: "Pairs or threes are formed in the order people join.",
    }[mode];
  }
  return {
    free_choice: sentences("You choose your mentor from the scheme's mentors.", favoured),
    shortlist: sentences(`You choose your mentor from ${suggestions}.`, favoured),
    allocation: `Your coordinator allocates a mentor${preferred && ` ${preferred}`}.`,
    auto: `Mentors are matched automatically${preferred && ` (${preferred})`}; your coordinator checks each match before confirming it.`,
    next_available: "You are matched with the next available mentor.",
  }[mode];
}

function describeMatching(rules: SchemeRules): string {
  const { matching, format, topics } = rules;
  const oneToOne = format.kind === "one_to_one";
  const { distance, topics: topicWeight, honourPreferences } = matching.criteria;
  const pool = {
    own: undefined,
    partners: `${capitalise(helpers(rules))} may come from partner organisations.`,
    external: `${capitalise(helpers(rules))} come from outside the organisation.`,
  }[matching.mentorPool];
  const preferences = honourPreferences;
  const ranked = oneToOne ? matching.mode !== "next_available" : matching.mode !== "free_choice" && matching.mode !== "next_available";
  const topicsMatter = ranked && topicWeight.weight > 0;
  const topicList = joinWords(topics.slice(0, 6).map((t) => t.toLowerCase()));
  return sentences(
    describeFormat(rules),
    describeMode(rules),
    format.kind !== "co_mentoring" && pool,
    oneToOne &&
      distance.maxKm !== null &&
      `Mentors are within ${distance.maxKm} km${distance.remoteAllowed ? ", unless you meet remotely" : ""}.`,
    topicsMatter
      ? `Matching looks at the topics you want to work on${topicList && `, such as ${topicList}`}.`
      : topicList && `Common topics include ${topicList}.`,
    oneToOne && preferences.length > 0 && `You can ask for your preference about ${joinWords(preferences, "or")} to be respected.`,
    oneToOne &&
      (matching.firstContact === "mentee" ? "You arrange the first meeting." : "Your mentor contacts you to arrange the first meeting."),
    format.kind === "group" &&
      matching.firstContact === "mentor" &&
      (format.facilitators > 1 ? "The facilitators arrange the first meeting." : "The coordinator arranges the first meeting."),
    matching.trialMeeting &&
      (format.kind === "group"
        ? "After the first meeting you can leave without giving a reason."
        : "After the first meeting either of you can end the match without giving a reason."),
    oneToOne && "You can ask for a different mentor at any time without giving a reason.",
  );
}

function cadencePhrase(weeks: number): string {
  const named: Partial<Record<number, string>> = {
    1: "weekly",
    2: "every two weeks",
    4: "about monthly",
    13: "about every three months",
    26: "about every six months",
    52: "about once a year",
  };
  return named[weeks] ?? `every ${weeks} weeks`;
}

function lengthPhrase(min: number, max: number): string {
  const hours = min % 60 === 0 && max % 60 === 0;
  if (min === max) return hours ? plural(min / 60, "hour") : `${min} minutes`;
  return hours ? `${min / 60}–${max / 60} hours` : `${min}–${max} minutes`;
}

const modeWords = { in_person: "in person", phone: "by phone", video: "by video" } as const;

function describeMeetings(rules: SchemeRules): string {
  const { meetings, relationship, notes } = rules;
  const length = lengthPhrase(meetings.minutes.min, meetings.minutes.max);
  const modes = joinWords(meetings.modes.map((m) => modeWords[m]), "or");
  const shape =
    meetings.max === null
      ? `You meet ${cadencePhrase(meetings.cadenceWeeks)}, for ${length}, ${modes}.`
      : meetings.max === 1
        ? `One meeting of ${length}, ${modes}.`
        : `Up to ${meetings.max} meetings, ${cadencePhrase(meetings.cadenceWeeks)}, of ${length}, ${modes}.`;
  const review = "looks back at what you have learned and its impact";
  return sentences(
    shape,
    relationship.maxMonths !== null && `The ${rules.format.kind === "group" ? "group runs" : "relationship lasts"} up to ${plural(relationship.maxMonths, "month")}.`,
    meetings.firstIsContract && "The first meeting agrees how you will work together and what to focus on.",
    meetings.lastIsReview && (meetings.firstIsContract ? `The last ${review}.` : `The last meeting ${review}.`),
    {
      none: "No notes are kept; you may keep private reflections that only you can read.",
      actions_only: "You record agreed actions between you; coordinators never see them.",
      shared_notes: "You can keep shared notes between you; coordinators never see them.",
    }[notes.policy],
  );
}

function describePreparation(rules: SchemeRules): string {
  const { mentees, mentors, remuneration } = rules;
  const who = capitalise(helpers(rules));
  const coMentoring = rules.format.kind === "co_mentoring";
  const modules = mentors.requiredModules.map((m) => m.name);
  const verb = coMentoring ? "completes" : "complete";
  const approved = coMentoring ? "is approved by the coordinator" : "are approved by the coordinator";
  const readiness =
    modules.length > 0
      ? `${who} ${verb} ${joinWords(modules)}${mentors.approval ? ` and ${approved}` : ""}.`
      : mentors.approval && `${who} ${approved}.`;
  const s = coMentoring ? "s" : "";
  const support: string[] = [];
  if (mentors.support.minEventsPer12Months > 0) {
    support.push(`attend${s} at least ${plural(mentors.support.minEventsPer12Months, "support event")} a year`);
  }
  if (mentors.support.peerAppraisalEveryMonths !== undefined) {
    support.push(`${coMentoring ? "has" : "have"} a peer appraisal every ${plural(mentors.support.peerAppraisalEveryMonths, "month")}`);
  }
  if (mentors.support.supervision) support.push(`${coMentoring ? "has" : "have"} supervision`);
  const payment = {
    none: undefined,
    per_meeting:
      remuneration.kind === "per_meeting" &&
      `${who} are paid ${formatPence(remuneration.feePence)} a meeting${remuneration.capMeetings !== undefined ? ` for up to ${plural(remuneration.capMeetings, "meeting")}` : ""}${remuneration.expensesAllowed ? ", plus expenses" : ""}.`,
    job_plan:
      remuneration.kind === "job_plan" &&
      `Mentoring time is recognised in ${helpers(rules)}' job plans${remuneration.hoursPerMonth !== undefined ? ` (${plural(remuneration.hoursPerMonth, "hour")} a month)` : ""}.`,
    annual_fee: remuneration.kind === "annual_fee" && `${who} receive an annual fee of ${formatPence(remuneration.feePence)}.`,
  }[remuneration.kind];
  return sentences(
    {
      none: undefined,
      offered: "A short preparation course is offered before matching.",
      required: "Before matching, you complete a short preparation course.",
    }[mentees.preparation],
    readiness,
    support.length > 0 && `${who} ${joinWords(support)}.`,
    payment,
  );
}

function describeFeedback(rules: SchemeRules): string {
  const { feedback } = rules;
  if (feedback.midpoint) return "You are asked for feedback halfway through and at the end.";
  return feedback.endOfRelationship.length > 0 ? "At the end you are asked for feedback." : "";
}

/** The description in parts, for pages that show them under their own headings. */
export function describeRulesParts(rules: SchemeRules): RulesDescription {
  return {
    audience: describeAudience(rules),
    matching: describeMatching(rules),
    meetings: describeMeetings(rules),
    preparation: describePreparation(rules),
    feedback: describeFeedback(rules),
  };
}

export const undescribableRules = "The coordinator can tell you how this scheme works.";

/** A plain-English summary of the rules for participants. It never throws, even on rules that skipped validation. */
export function describeRules(rules: SchemeRules): string {
  try {
    const parts = describeRulesParts(rules);
    return sentences(parts.audience, parts.matching, parts.meetings, parts.preparation, parts.feedback);
  } catch {
    return undescribableRules;
  }
}
