// Every rule field with its label and a readable value, in a fixed order: the basis of diffs and comparisons.
import {
  audienceOrganisationLabels,
  feedbackQuestionKindLabels,
  firstContactLabels,
  formatKindLabels,
  formatPence,
  honourablePreferenceLabels,
  matchingModeLabels,
  meetingModeLabels,
  menteePreparationLabels,
  mentorPoolLabels,
  notesPolicyLabels,
  organisationDirectionLabels,
  outsiderPolicyLabels,
  participantFeeKindLabels,
  questionKindLabels,
  remunerationKindLabels,
  specialtyDirectionLabels,
  staffGroupPlurals,
} from "./labels";
import type { SchemeRules } from "./schema";

export interface RuleField {
  /** Dotted path into SchemeRules; lists are one field. */
  path: string;
  label: string;
  /** The value as a person reads it, or undefined when the field does not apply to these rules. */
  value: (rules: SchemeRules) => string | undefined;
}

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const list = (values: readonly string[], none = "None") => (values.length === 0 ? none : values.join(", "));
const capitalise = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;
const optional = <T>(value: T | undefined | null, format: (v: T) => string, missing: string) =>
  value === undefined || value === null ? missing : format(value);

export const ruleFields: readonly RuleField[] = [
  {
    path: "audience.groups",
    label: "Staff groups",
    value: (r) => list(r.audience.groups.map((g) => capitalise(staffGroupPlurals[g])), "All staff groups"),
  },
  {
    path: "audience.withinMonthsOfStart",
    label: "Time since starting in role",
    value: (r) => optional(r.audience.withinMonthsOfStart, (m) => `Within ${m} months`, "Any"),
  },
  { path: "audience.outsiders", label: "People outside the target groups", value: (r) => outsiderPolicyLabels[r.audience.outsiders] },
  { path: "audience.organisations", label: "Who can join", value: (r) => audienceOrganisationLabels[r.audience.organisations] },
  { path: "partnerOrganisationIds", label: "Partner organisations", value: (r) => list([...r.partnerOrganisationIds].sort()) },
  {
    path: "capacity.maxMentees",
    label: "Places",
    value: (r) => optional(r.capacity.maxMentees, String, "No limit"),
  },
  {
    path: "application.kind",
    label: "Application",
    value: (r) => (r.application.kind === "form" ? "Form reviewed by the coordinator" : "None"),
  },
  {
    path: "application.questions",
    label: "Application questions",
    value: (r) =>
      r.application.kind === "form"
        ? r.application.questions
            .map((q) => `${q.label} (${questionKindLabels[q.kind]}${q.required ? ", required" : ", optional"}) [${q.id}]`)
            .join("; ")
        : undefined,
  },
  { path: "format.kind", label: "Format", value: (r) => formatKindLabels[r.format.kind] },
  {
    path: "format.groupSizes",
    label: "Co-mentoring group sizes",
    value: (r) =>
      r.format.kind === "co_mentoring"
        ? r.format.groupSizes.map((n) => (n === 2 ? "Pairs" : "Threes")).join(" and ")
        : undefined,
  },
  { path: "format.maxSize", label: "Largest group", value: (r) => (r.format.kind === "group" ? String(r.format.maxSize) : undefined) },
  {
    path: "format.facilitators",
    label: "Facilitators per group",
    value: (r) => (r.format.kind === "group" ? String(r.format.facilitators) : undefined),
  },
  { path: "topics", label: "Suggested topics", value: (r) => list(r.topics) },
  { path: "matching.mode", label: "Matching", value: (r) => matchingModeLabels[r.matching.mode] },
  { path: "matching.shortlistSize", label: "Suggestions shown", value: (r) => optional(r.matching.shortlistSize, String, "Not set") },
  { path: "matching.firstContact", label: "Arranges the first meeting", value: (r) => firstContactLabels[r.matching.firstContact] },
  {
    path: "matching.criteria.specialty.direction",
    label: "Specialty",
    value: (r) => specialtyDirectionLabels[r.matching.criteria.specialty.direction],
  },
  { path: "matching.criteria.specialty.weight", label: "Specialty weight", value: (r) => String(r.matching.criteria.specialty.weight) },
  {
    path: "matching.criteria.organisation.direction",
    label: "Organisation",
    value: (r) => organisationDirectionLabels[r.matching.criteria.organisation.direction],
  },
  {
    path: "matching.criteria.organisation.weight",
    label: "Organisation weight",
    value: (r) => String(r.matching.criteria.organisation.weight),
  },
  {
    path: "matching.criteria.distance.maxKm",
    label: "Furthest travel",
    value: (r) => optional(r.matching.criteria.distance.maxKm, (km) => `${km} km`, "No limit"),
  },
  {
    path: "matching.criteria.distance.remoteAllowed",
    label: "Remote meetings count as near",
    value: (r) => yesNo(r.matching.criteria.distance.remoteAllowed),
  },
  { path: "matching.criteria.distance.weight", label: "Distance weight", value: (r) => String(r.matching.criteria.distance.weight) },
  { path: "matching.criteria.topics.weight", label: "Topics weight", value: (r) => String(r.matching.criteria.topics.weight) },
  {
    path: "matching.criteria.availability.weight",
    label: "Availability weight",
    value: (r) => String(r.matching.criteria.availability.weight),
  },
  {
    path: "matching.criteria.seniorityGap.weight",
    label: "Seniority gap weight",
    value: (r) => String(r.matching.criteria.seniorityGap.weight),
  },
  {
    path: "matching.criteria.honourPreferences",
    label: "Preferences honoured on request",
    value: (r) => list(r.matching.criteria.honourPreferences.map((p) => honourablePreferenceLabels[p])),
  },
  {
    path: "matching.avoidSameDepartment",
    label: "Avoid mentors from the mentee's department",
    value: (r) => yesNo(r.matching.avoidSameDepartment),
  },
  { path: "matching.mentorPool", label: "Mentors from", value: (r) => mentorPoolLabels[r.matching.mentorPool] },
  { path: "matching.trialMeeting", label: "Trial first meeting", value: (r) => yesNo(r.matching.trialMeeting) },
  {
    path: "matching.mentorCapacityDefault",
    label: "Usual mentees per mentor",
    value: (r) => String(r.matching.mentorCapacityDefault),
  },
  {
    path: "matching.requestExpiryDays",
    label: "Days a request waits for an answer",
    value: (r) => String(r.matching.requestExpiryDays),
  },
  { path: "meetings.max", label: "Maximum meetings", value: (r) => optional(r.meetings.max, String, "Unlimited") },
  { path: "meetings.cadenceWeeks", label: "Weeks between meetings", value: (r) => String(r.meetings.cadenceWeeks) },
  { path: "meetings.minutes.min", label: "Shortest meeting (minutes)", value: (r) => String(r.meetings.minutes.min) },
  { path: "meetings.minutes.max", label: "Longest meeting (minutes)", value: (r) => String(r.meetings.minutes.max) },
  {
    path: "meetings.modes",
    label: "Ways to meet",
    value: (r) => list(r.meetings.modes.map((m) => meetingModeLabels[m])),
  },
  { path: "meetings.firstIsContract", label: "First meeting is the contract", value: (r) => yesNo(r.meetings.firstIsContract) },
  { path: "meetings.lastIsReview", label: "Last meeting is the review", value: (r) => yesNo(r.meetings.lastIsReview) },
  { path: "meetings.guides.contract", label: "Guide for the contract meeting", value: (r) => r.meetings.guides.contract || "The standard guide" },
  { path: "meetings.guides.regular", label: "Guide for regular meetings", value: (r) => r.meetings.guides.regular || "The standard guide" },
  { path: "meetings.guides.review", label: "Guide for the review meeting", value: (r) => r.meetings.guides.review || "The standard guide" },
  {
    path: "relationship.maxMonths",
    label: "Longest relationship (months)",
    value: (r) => optional(r.relationship.maxMonths, String, "No limit"),
  },
  { path: "relationship.stalledAfterWeeks", label: "Weeks before a quiet relationship is stalled", value: (r) => String(r.relationship.stalledAfterWeeks) },
  {
    path: "relationship.closeWhenStalled",
    label: "A stalled relationship",
    value: (r) => ({ off: "Stays open", completed: "Closes as completed after a warning", withdrawn: "Closes as withdrawn after a warning" })[r.relationship.closeWhenStalled],
  },
  { path: "notes.policy", label: "Notes", value: (r) => notesPolicyLabels[r.notes.policy] },
  {
    path: "mentors.requiredModules",
    label: "Mentor preparation",
    value: (r) =>
      list(
        r.mentors.requiredModules.map(
          (m) => `${m.name}${m.validityMonths === undefined ? "" : ` (renew every ${m.validityMonths} months)`} [${m.id}]`,
        ),
      ),
  },
  { path: "mentors.approval", label: "Coordinator approves mentors", value: (r) => yesNo(r.mentors.approval) },
  {
    path: "mentors.support.minEventsPer12Months",
    label: "Support events a year (at least)",
    value: (r) => String(r.mentors.support.minEventsPer12Months),
  },
  {
    path: "mentors.support.peerAppraisalEveryMonths",
    label: "Peer appraisal",
    value: (r) => optional(r.mentors.support.peerAppraisalEveryMonths, (m) => `Every ${m} months`, "Not required"),
  },
  { path: "mentors.support.supervision", label: "Supervision", value: (r) => yesNo(r.mentors.support.supervision) },
  { path: "mentors.maxMentees", label: "Most mentees per mentor", value: (r) => String(r.mentors.maxMentees) },
  { path: "mentees.preparation", label: "Mentee preparation", value: (r) => menteePreparationLabels[r.mentees.preparation] },
  {
    path: "feedback.endOfRelationship",
    label: "End-of-relationship questions",
    value: (r) => list(r.feedback.endOfRelationship.map((q) => `${q.label} (${feedbackQuestionKindLabels[q.kind]}${q.required ? ", required" : ""}) [${q.id}]`)),
  },
  { path: "feedback.midpoint", label: "Midpoint feedback", value: (r) => yesNo(r.feedback.midpoint) },
  { path: "feedback.askMentors", label: "Mentors give feedback too", value: (r) => yesNo(r.feedback.askMentors) },
  { path: "outcomes.enabled", label: "Outcome questionnaire", value: (r) => yesNo(r.outcomes.enabled) },
  {
    path: "outcomes.followUpMonths",
    label: "Follow-up questionnaire",
    value: (r) => optional(r.outcomes.followUpMonths, (m) => `${m} months after the end`, "None"),
  },
  {
    path: "outcomes.items",
    label: "Outcome questions",
    value: (r) => list(r.outcomes.items.map((q) => `${q.label}${q.reverse ? " (reversed)" : ""}${q.instrument ? " (instrument)" : ""} [${q.id}]`)),
  },
  { path: "outcomes.instrument.name", label: "Licensed instrument", value: (r) => r.outcomes.instrument.name || "None" },
  { path: "outcomes.instrument.licence", label: "Instrument licence", value: (r) => r.outcomes.instrument.licence || "Not given" },
  { path: "outcomes.instrument.scoring", label: "Instrument scoring", value: (r) => (r.outcomes.instrument.scoring === "sum" ? "Sum of items" : "Mean of items") },
  {
    path: "feedback.minResponsesForText",
    label: "Responses before free text is shown",
    value: (r) => String(r.feedback.minResponsesForText),
  },
  { path: "remuneration.kind", label: "Mentor payment", value: (r) => remunerationKindLabels[r.remuneration.kind] },
  {
    path: "remuneration.feePence",
    label: "Mentor fee",
    value: (r) =>
      r.remuneration.kind === "per_meeting" || r.remuneration.kind === "annual_fee"
        ? formatPence(r.remuneration.feePence)
        : undefined,
  },
  {
    path: "remuneration.expensesAllowed",
    label: "Expenses paid",
    value: (r) => (r.remuneration.kind === "per_meeting" ? yesNo(r.remuneration.expensesAllowed) : undefined),
  },
  {
    path: "remuneration.capMeetings",
    label: "Most meetings paid",
    value: (r) => (r.remuneration.kind === "per_meeting" ? optional(r.remuneration.capMeetings, String, "No cap") : undefined),
  },
  {
    path: "remuneration.expensesCapPence",
    label: "Most expenses on a claim",
    value: (r) => (r.remuneration.kind === "per_meeting" ? optional(r.remuneration.expensesCapPence, formatPence, "No cap") : undefined),
  },
  {
    path: "remuneration.costCentre",
    label: "Cost centre",
    value: (r) => (r.remuneration.kind === "per_meeting" ? r.remuneration.costCentre || "Not set" : undefined),
  },
  {
    path: "remuneration.hoursPerMonth",
    label: "Job plan hours a month",
    value: (r) => (r.remuneration.kind === "job_plan" ? optional(r.remuneration.hoursPerMonth, String, "Not set") : undefined),
  },
  { path: "participantFee.kind", label: "Participant fee", value: (r) => participantFeeKindLabels[r.participantFee.kind] },
  {
    path: "participantFee.feePence",
    label: "Participant fee a year",
    value: (r) => (r.participantFee.kind === "annual" ? formatPence(r.participantFee.feePence) : undefined),
  },
  {
    path: "participantFee.plusVat",
    label: "Participant fee plus VAT",
    value: (r) => (r.participantFee.kind === "annual" ? yesNo(r.participantFee.plusVat) : undefined),
  },
  { path: "publicity.listed", label: "Listed in the public directory", value: (r) => yesNo(r.publicity.listed) },
  { path: "publicity.description.summary", label: "Description", value: (r) => r.publicity.description.summary },
  {
    path: "publicity.description.mentorRole",
    label: "What a mentor does and does not do",
    value: (r) => r.publicity.description.mentorRole,
  },
  {
    path: "publicity.description.confidentiality",
    label: "Confidentiality and its limits",
    value: (r) => r.publicity.description.confidentiality,
  },
  { path: "publicity.contact.name", label: "Contact name", value: (r) => r.publicity.contact.name },
  { path: "publicity.contact.email", label: "Contact email", value: (r) => r.publicity.contact.email },
  { path: "publicity.contact.phone", label: "Contact phone", value: (r) => r.publicity.contact.phone ?? "" },
];

const sectionLabels: [string, string][] = [
  ["audience", "Audience"],
  ["capacity", "Places"],
  ["application", "Application"],
  ["format", "Format"],
  ["matching", "Matching"],
  ["matching.criteria", "Matching criteria"],
  ["matching.criteria.specialty", "Specialty"],
  ["matching.criteria.organisation", "Organisation"],
  ["matching.criteria.distance", "Distance"],
  ["matching.criteria.topics", "Topics"],
  ["matching.criteria.availability", "Availability"],
  ["matching.criteria.seniorityGap", "Seniority gap"],
  ["meetings", "Meetings"],
  ["meetings.minutes", "Meeting length"],
  ["relationship", "Relationship"],
  ["notes", "Notes"],
  ["mentors", "Mentors"],
  ["mentors.support", "Mentor support"],
  ["mentees", "Mentees"],
  ["feedback", "Feedback"],
  ["outcomes", "Outcome questionnaire"],
  ["remuneration", "Mentor payment"],
  ["participantFee", "Participant fee"],
  ["publicity", "Publicity"],
  ["publicity.description", "Description"],
  ["publicity.contact", "Contact"],
];

const labelsByPath = new Map([...sectionLabels, ...ruleFields.map((f): [string, string] => [f.path, f.label])]);

/** The label of a path or of its nearest labelled ancestor ("application.questions.0.label" -> "Application questions"). */
export function ruleFieldLabel(path: string): string | undefined {
  const parts = path.split(".").filter((p) => !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const label = labelsByPath.get(parts.slice(0, n).join("."));
    if (label) return label;
  }
  return undefined;
}
