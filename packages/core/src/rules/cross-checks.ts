// Checks that span fields of the scheme rules. Each message says what to change, in the coordinator's words.
import { z } from "zod";
import type { SchemeRulesShape } from "./schema";

type Shape = z.output<typeof SchemeRulesShape>;
type Path = (string | number)[];

const weeksPerMonth = 52 / 12;

function repeated<T>(values: readonly T[], key: (value: T) => string = String): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    const k = key(value);
    if (seen.has(k)) return k;
    seen.add(k);
  }
  return undefined;
}

export function checkRules(rules: Shape, ctx: z.RefinementCtx): void {
  const issue = (path: Path, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const { audience, matching, meetings, mentors, feedback, remuneration, publicity, format, application } = rules;

  const group = repeated(audience.groups);
  if (group) issue(["audience", "groups"], `Remove the repeated staff group "${group}"`);

  const partnersNeeded =
    audience.organisations === "partners" ? "audience.organisations" : matching.mentorPool === "partners" ? "matching.mentorPool" : null;
  if (partnersNeeded && rules.partnerOrganisationIds.length === 0) {
    issue(
      ["partnerOrganisationIds"],
      `Add at least one partner organisation, or change ${partnersNeeded} so it does not use partners`,
    );
  }
  const partner = repeated(rules.partnerOrganisationIds);
  if (partner) issue(["partnerOrganisationIds"], "Remove the repeated partner organisation");

  if (application.kind === "form") {
    const id = repeated(application.questions, (q) => q.id);
    if (id) issue(["application", "questions"], `Give each application question its own id ("${id}" is used twice)`);
  }

  if (format.kind === "co_mentoring" && repeated(format.groupSizes)) {
    issue(["format", "groupSizes"], "Choose pairs, threes or both, each once");
  }
  if (format.kind === "group" && format.facilitators >= format.maxSize) {
    issue(["format", "facilitators"], `Have fewer facilitators than the largest group size (${format.maxSize})`);
  }

  const topic = repeated(rules.topics, (t) => t.toLowerCase());
  if (topic) issue(["topics"], `Remove the repeated topic "${topic}"`);

  if (matching.mode === "shortlist" && matching.shortlistSize === undefined) {
    issue(["matching", "shortlistSize"], "Enter how many suggestions a mentee sees, for example 5");
  }
  const { criteria } = matching;
  if (criteria.specialty.direction === "ignore" && criteria.specialty.weight > 0) {
    issue(["matching", "criteria", "specialty", "weight"], "Set the specialty weight to 0, or choose same or different specialty");
  }
  if (criteria.organisation.direction === "any" && criteria.organisation.weight > 0) {
    issue(
      ["matching", "criteria", "organisation", "weight"],
      "Set the organisation weight to 0, or choose same or different organisation",
    );
  }
  const weights = [
    criteria.specialty.weight,
    criteria.organisation.weight,
    criteria.distance.weight,
    criteria.topics.weight,
    criteria.availability.weight,
    criteria.seniorityGap.weight,
  ];
  if (matching.mode !== "next_available" && matching.mode !== "free_choice" && weights.every((w) => w === 0)) {
    issue(
      ["matching", "criteria"],
      "Give at least one matching criterion a weight above 0 so suggestions can be ranked, or choose free choice or next available",
    );
  }
  const preference = repeated(criteria.honourPreferences);
  if (preference) issue(["matching", "criteria", "honourPreferences"], `Remove the repeated preference "${preference}"`);
  if (matching.mentorCapacityDefault > mentors.maxMentees) {
    issue(
      ["matching", "mentorCapacityDefault"],
      `Set the usual number of mentees per mentor no higher than the most a mentor may take (${mentors.maxMentees})`,
    );
  }

  if (meetings.minutes.min > meetings.minutes.max) {
    issue(["meetings", "minutes", "max"], `Set the longest meeting to at least the shortest (${meetings.minutes.min} minutes)`);
  }
  if (repeated(meetings.modes)) issue(["meetings", "modes"], "Choose each way to meet once");
  if (meetings.lastIsReview && (meetings.max === null || meetings.max < 2)) {
    issue(
      ["meetings", "max"],
      "Set a maximum of at least 2 meetings so the last can be the review, or untick 'last meeting is the review'",
    );
  }
  const maxMonths = rules.relationship.maxMonths;
  if (maxMonths !== null && meetings.max !== null && meetings.max > 1) {
    const needed = Math.ceil(((meetings.max - 1) * meetings.cadenceWeeks) / weeksPerMonth);
    if (needed > maxMonths) {
      issue(
        ["relationship", "maxMonths"],
        `${meetings.max} meetings every ${meetings.cadenceWeeks} weeks need about ${needed} months: allow at least ${needed} months, or fewer or more frequent meetings`,
      );
    }
  }

  const moduleId = repeated(mentors.requiredModules, (m) => m.id);
  if (moduleId) issue(["mentors", "requiredModules"], `Give each module its own id ("${moduleId}" is used twice)`);
  const questionId = repeated(feedback.endOfRelationship, (q) => q.id);
  if (questionId) issue(["feedback", "endOfRelationship"], `Give each feedback question its own id ("${questionId}" is used twice)`);
  const outcomeId = repeated(rules.outcomes.items, (q) => q.id);
  if (outcomeId) issue(["outcomes", "items"], `Give each outcome question its own id ("${outcomeId}" is used twice)`);
  const instrumentItems = rules.outcomes.items.filter((q) => q.instrument);
  const named = rules.outcomes.instrument.name !== "";
  if (named && instrumentItems.length === 0) issue(["outcomes", "items"], "Mark the questions that belong to the licensed instrument");
  if (!named && instrumentItems.length > 0) issue(["outcomes", "instrument", "name"], "Name the licensed instrument its questions belong to");
  if (instrumentItems.some((q) => q.kind !== "likert")) issue(["outcomes", "items"], "A licensed instrument's questions are rating scales");

  if (remuneration.kind === "per_meeting" && remuneration.capMeetings !== undefined && meetings.max !== null) {
    if (remuneration.capMeetings > meetings.max) {
      issue(
        ["remuneration", "capMeetings"],
        `Set the paid meetings cap no higher than the maximum meetings (${meetings.max}), or leave it empty`,
      );
    }
  }

  const email = publicity.contact.email;
  if (email !== "" && !z.string().email().safeParse(email).success) {
    issue(["publicity", "contact", "email"], "Enter an email address in the correct format, like name@example.com");
  }
  const phone = publicity.contact.phone;
  if (phone !== undefined && phone !== "" && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) {
    issue(["publicity", "contact", "phone"], "Enter a phone number, like 01632 960 001 or +44 808 157 0192");
  }
  if (publicity.listed) {
    const missing: [Path, string][] = [
      [["publicity", "description", "summary"], "Enter a summary of what mentoring means in this scheme before listing it"],
      [["publicity", "description", "mentorRole"], "Say what a mentor does and does not do before listing the scheme"],
      [["publicity", "description", "confidentiality"], "Say what stays confidential, and its limits, before listing the scheme"],
      [["publicity", "contact", "name"], "Enter a contact name so people can ask about the scheme"],
      [["publicity", "contact", "email"], "Enter a contact email so people can ask about the scheme"],
    ];
    const values = [
      publicity.description.summary,
      publicity.description.mentorRole,
      publicity.description.confidentiality,
      publicity.contact.name,
      email,
    ];
    missing.forEach(([path, message], i) => {
      if (values[i] === "") issue(path, message);
    });
  }
}
