// The scheme rules editor's form, in both directions: rules to form values (formDefaults) and form data
// to a rules object for `validateRules` (rulesFromForm), plus where each rule error shows on the page.
// Browser-safe: the editor recomputes its plain-English summary with these as fields change.
import { meetingModes, questionKinds, SchemeRules } from "@tandem/core";

/** Form values by field name: one string, or a list for checkbox groups. */
export type FormValues = Record<string, string | string[]>;

/** Form fields whose value is a list (checkbox groups). */
export const listFields = [
  "audience.groups",
  "partnerOrganisationIds",
  "format.groupSizes",
  "matching.criteria.honourPreferences",
  "meetings.modes",
] as const;

/** Single checkboxes: present ("yes") when ticked, absent when not. */
export const booleanFields = [
  "publicity.listed",
  "matching.trialMeeting",
  "matching.avoidSameDepartment",
  "matching.criteria.distance.remoteAllowed",
  "meetings.firstIsContract",
  "meetings.lastIsReview",
  "mentors.approval",
  "mentors.support.supervision",
  "feedback.midpoint",
  "remuneration.expensesAllowed",
  "participantFee.plusVat",
] as const;

/** The element id of a field (dots are awkward in ids): "meetings.max" -> "meetings-max". */
export function fieldId(name: string): string {
  return name.replace(/\./g, "-");
}

// ---------------------------------------------------------------------------------------------
// Reading form data

type Source = Pick<FormData, "get" | "getAll">;

function text(source: Source, name: string): string {
  const value = source.get(name);
  return typeof value === "string" ? value.trim() : "";
}

function list(source: Source, name: string): string[] {
  return source.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");
}

const ticked = (source: Source, name: string) => text(source, name) !== "";

/** Commas only as thousands separators ("1,995"), so "12,5" is not read as 125. */
const withoutThousands = (value: string) => (/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(value) ? value.replace(/,/g, "") : value);

/** A number the person typed; NaN when it is not one, so validation says "enter … as a number". */
function number(value: string): number {
  const cleaned = withoutThousands(value);
  return cleaned === "" || !/^-?\d*\.?\d+$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

/** Required numbers: empty is an error, not the schema default. */
const required = (source: Source, name: string) => number(text(source, name));
/** Nullable numbers: empty means "no limit" (null). */
const orNull = (source: Source, name: string) => (text(source, name) === "" ? null : number(text(source, name)));
/** Optional numbers: empty means not set (undefined). */
const orUndefined = (source: Source, name: string) => (text(source, name) === "" ? undefined : number(text(source, name)));

/** "£1,995.50" -> 199550 pence; NaN when it is not an amount of money. */
export function penceFromPounds(value: string): number {
  const cleaned = withoutThousands(value.trim().replace(/^£\s*/, ""));
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  return Math.round(Number(cleaned) * 100);
}

/** 199550 -> "1995.50", 15000 -> "150". */
export function poundsFromPence(pence: number): string {
  return pence % 100 === 0 ? String(pence / 100) : (pence / 100).toFixed(2);
}

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** A rule id from words: "What do you hope to gain?" -> "what-do-you-hope-to-gain". */
export function slugId(words: string, taken: Set<string>, fallback: string): string {
  const base =
    words
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 36)
      .replace(/-+$/, "") || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Trailing "(…)" markers on a line: "Why now? (yes or no) (optional)" -> ["Why now?", ["yes or no", "optional"]]. */
function markers(line: string): [string, string[]] {
  const found: string[] = [];
  let rest = line;
  for (;;) {
    const match = /\s*\(([^()]*)\)\s*$/.exec(rest);
    if (!match?.[1] || match.index === 0) break;
    found.unshift(match[1].trim().toLowerCase());
    rest = rest.slice(0, match.index);
  }
  return [rest.trim(), found];
}

const questionKindWords: Record<(typeof questionKinds)[number], string> = {
  short_text: "short answer",
  long_text: "long answer",
  yes_no: "yes or no",
};

function applicationQuestions(value: string, previous: SchemeRules) {
  const before = previous.application.kind === "form" ? previous.application.questions : [];
  const taken = new Set<string>();
  return lines(value).map((line, index) => {
    const [label, marks] = markers(line);
    const kind =
      questionKinds.find((k) => marks.includes(questionKindWords[k])) ??
      before.find((q) => q.label === label)?.kind ??
      "long_text";
    const kept = before.find((q) => q.label === label && !taken.has(q.id));
    const id = kept ? (taken.add(kept.id), kept.id) : slugId(label, taken, `question-${index + 1}`);
    return { id, label, kind, required: !marks.includes("optional") };
  });
}

function feedbackQuestions(value: string, previous: SchemeRules) {
  const taken = new Set<string>();
  return lines(value).map((line, index) => {
    const [label, marks] = markers(line);
    const kind = marks.includes("free text") ? ("free_text" as const) : ("likert" as const);
    const kept = previous.feedback.endOfRelationship.find((q) => q.label === label && !taken.has(q.id));
    const id = kept ? (taken.add(kept.id), kept.id) : slugId(label, taken, `question-${index + 1}`);
    return { id, label, kind };
  });
}

function requiredModules(value: string, previous: SchemeRules) {
  const taken = new Set<string>();
  return lines(value).map((line, index) => {
    const [name, marks] = markers(line);
    const renew = marks.map((m) => /^renew every (.+?) months?$/.exec(m)?.[1]).find((m) => m !== undefined);
    const kept = previous.mentors.requiredModules.find((m) => m.name === name && !taken.has(m.id));
    const id = kept ? (taken.add(kept.id), kept.id) : slugId(name, taken, `module-${index + 1}`);
    return { id, name, ...(renew === undefined ? {} : { validityMonths: number(renew) }) };
  });
}

/**
 * The rules the form describes, not yet validated (pass the result to `validateRules`). Settings the
 * form does not show are kept from `previous`; list items keep their ids when their wording is unchanged.
 */
export function rulesFromForm(source: Source, previous: SchemeRules): Record<string, unknown> {
  const formatKind = text(source, "format.kind");
  const remunerationKind = text(source, "remuneration.kind");
  const mode = text(source, "matching.mode");
  const phone = text(source, "publicity.contact.phone");

  return {
    audience: {
      groups: list(source, "audience.groups"),
      withinMonthsOfStart: orUndefined(source, "audience.withinMonthsOfStart"),
      outsiders: text(source, "audience.outsiders"),
      organisations: text(source, "audience.organisations"),
    },
    partnerOrganisationIds: list(source, "partnerOrganisationIds"),
    capacity: { maxMentees: orUndefined(source, "capacity.maxMentees") },
    application:
      text(source, "application.kind") === "form"
        ? { kind: "form", questions: applicationQuestions(text(source, "application.questions"), previous) }
        : { kind: text(source, "application.kind") },
    format:
      formatKind === "co_mentoring"
        ? { kind: formatKind, groupSizes: list(source, "format.groupSizes").map(Number) }
        : formatKind === "group"
          ? {
              kind: formatKind,
              maxSize: required(source, "format.maxSize"),
              facilitators: required(source, "format.facilitators"),
            }
          : { kind: formatKind },
    topics: lines(text(source, "topics")),
    matching: {
      mode,
      shortlistSize: mode === "shortlist" ? orUndefined(source, "matching.shortlistSize") : undefined,
      firstContact: text(source, "matching.firstContact"),
      criteria: {
        specialty: {
          direction: text(source, "matching.criteria.specialty.direction"),
          weight: required(source, "matching.criteria.specialty.weight"),
        },
        organisation: {
          direction: text(source, "matching.criteria.organisation.direction"),
          weight: required(source, "matching.criteria.organisation.weight"),
        },
        distance: {
          maxKm: orNull(source, "matching.criteria.distance.maxKm"),
          remoteAllowed: ticked(source, "matching.criteria.distance.remoteAllowed"),
          weight: required(source, "matching.criteria.distance.weight"),
        },
        topics: { weight: required(source, "matching.criteria.topics.weight") },
        availability: { weight: required(source, "matching.criteria.availability.weight") },
        seniorityGap: { weight: required(source, "matching.criteria.seniorityGap.weight") },
        honourPreferences: list(source, "matching.criteria.honourPreferences"),
      },
      avoidSameDepartment: ticked(source, "matching.avoidSameDepartment"),
      mentorPool: text(source, "matching.mentorPool"),
      trialMeeting: ticked(source, "matching.trialMeeting"),
      mentorCapacityDefault: required(source, "matching.mentorCapacityDefault"),
      requestExpiryDays: required(source, "matching.requestExpiryDays"),
    },
    meetings: {
      max: orNull(source, "meetings.max"),
      cadenceWeeks: required(source, "meetings.cadenceWeeks"),
      minutes: { min: required(source, "meetings.minutes.min"), max: required(source, "meetings.minutes.max") },
      modes: list(source, "meetings.modes"),
      firstIsContract: ticked(source, "meetings.firstIsContract"),
      lastIsReview: ticked(source, "meetings.lastIsReview"),
    },
    relationship: { maxMonths: orNull(source, "relationship.maxMonths") },
    notes: { policy: text(source, "notes.policy") },
    mentors: {
      requiredModules: requiredModules(text(source, "mentors.requiredModules"), previous),
      approval: ticked(source, "mentors.approval"),
      support: {
        minEventsPer12Months: required(source, "mentors.support.minEventsPer12Months"),
        peerAppraisalEveryMonths: orUndefined(source, "mentors.support.peerAppraisalEveryMonths"),
        supervision: ticked(source, "mentors.support.supervision"),
      },
      maxMentees: required(source, "mentors.maxMentees"),
    },
    mentees: { preparation: text(source, "mentees.preparation") },
    feedback: {
      endOfRelationship: feedbackQuestions(text(source, "feedback.endOfRelationship"), previous),
      midpoint: ticked(source, "feedback.midpoint"),
      minResponsesForText: required(source, "feedback.minResponsesForText"),
    },
    remuneration:
      remunerationKind === "per_meeting"
        ? {
            kind: remunerationKind,
            feePence: penceFromPounds(text(source, "remuneration.perMeetingFee")),
            expensesAllowed: ticked(source, "remuneration.expensesAllowed"),
            capMeetings: orUndefined(source, "remuneration.capMeetings"),
          }
        : remunerationKind === "job_plan"
          ? { kind: remunerationKind, hoursPerMonth: orUndefined(source, "remuneration.hoursPerMonth") }
          : remunerationKind === "annual_fee"
            ? { kind: remunerationKind, feePence: penceFromPounds(text(source, "remuneration.annualFee")) }
            : { kind: remunerationKind },
    participantFee:
      text(source, "participantFee.kind") === "annual"
        ? {
            kind: "annual",
            feePence: penceFromPounds(text(source, "participantFee.fee")),
            plusVat: ticked(source, "participantFee.plusVat"),
          }
        : { kind: text(source, "participantFee.kind") },
    publicity: {
      listed: ticked(source, "publicity.listed"),
      description: {
        summary: text(source, "publicity.description.summary"),
        mentorRole: text(source, "publicity.description.mentorRole"),
        confidentiality: text(source, "publicity.description.confidentiality"),
      },
      contact: {
        name: text(source, "publicity.contact.name"),
        email: text(source, "publicity.contact.email"),
        ...(phone === "" ? {} : { phone }),
      },
    },
  };
}

/** Form data as plain values, to show a form again exactly as it was sent. */
export function formValuesFromFormData(source: Source & Pick<FormData, "keys">): FormValues {
  const values: FormValues = {};
  for (const name of new Set(source.keys())) {
    if ((listFields as readonly string[]).includes(name)) values[name] = list(source, name);
    else {
      const value = source.get(name);
      values[name] = typeof value === "string" ? value : "";
    }
  }
  for (const name of listFields) values[name] ??= [];
  return values;
}

// ---------------------------------------------------------------------------------------------
// Writing form values

const yes = (value: boolean) => (value ? "yes" : "");
const str = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** The form's starting values for a set of rules. */
export function formDefaults(rules: SchemeRules): FormValues {
  const { audience, format, matching, meetings, mentors, feedback, remuneration, participantFee, publicity, application } = rules;
  const { criteria } = matching;
  return {
    "audience.groups": [...audience.groups],
    "audience.withinMonthsOfStart": str(audience.withinMonthsOfStart),
    "audience.outsiders": audience.outsiders,
    "audience.organisations": audience.organisations,
    partnerOrganisationIds: [...rules.partnerOrganisationIds],
    "capacity.maxMentees": str(rules.capacity.maxMentees),
    "application.kind": application.kind,
    "application.questions":
      application.kind === "form"
        ? application.questions
            .map((q) =>
              [q.label, q.kind === "long_text" ? "" : ` (${questionKindWords[q.kind]})`, q.required ? "" : " (optional)"].join(""),
            )
            .join("\n")
        : "",
    "format.kind": format.kind,
    "format.groupSizes": format.kind === "co_mentoring" ? format.groupSizes.map(String) : ["2"],
    "format.maxSize": format.kind === "group" ? String(format.maxSize) : "",
    "format.facilitators": format.kind === "group" ? String(format.facilitators) : "1",
    "matching.mode": matching.mode,
    "matching.shortlistSize": str(matching.shortlistSize),
    "matching.firstContact": matching.firstContact,
    // In the order the page shows them, which is the error summary's order.
    "matching.mentorPool": matching.mentorPool,
    "matching.trialMeeting": yes(matching.trialMeeting),
    "matching.avoidSameDepartment": yes(matching.avoidSameDepartment),
    "matching.mentorCapacityDefault": String(matching.mentorCapacityDefault),
    "matching.requestExpiryDays": String(matching.requestExpiryDays),
    topics: rules.topics.join("\n"),
    "matching.criteria.specialty.direction": criteria.specialty.direction,
    "matching.criteria.specialty.weight": String(criteria.specialty.weight),
    "matching.criteria.organisation.direction": criteria.organisation.direction,
    "matching.criteria.organisation.weight": String(criteria.organisation.weight),
    "matching.criteria.distance.maxKm": str(criteria.distance.maxKm),
    "matching.criteria.distance.remoteAllowed": yes(criteria.distance.remoteAllowed),
    "matching.criteria.distance.weight": String(criteria.distance.weight),
    "matching.criteria.topics.weight": String(criteria.topics.weight),
    "matching.criteria.availability.weight": String(criteria.availability.weight),
    "matching.criteria.seniorityGap.weight": String(criteria.seniorityGap.weight),
    "matching.criteria.honourPreferences": [...criteria.honourPreferences],
    "meetings.max": str(meetings.max),
    "meetings.cadenceWeeks": String(meetings.cadenceWeeks),
    "meetings.minutes.min": String(meetings.minutes.min),
    "meetings.minutes.max": String(meetings.minutes.max),
    "meetings.modes": meetingModes.filter((m) => meetings.modes.includes(m)),
    "meetings.firstIsContract": yes(meetings.firstIsContract),
    "meetings.lastIsReview": yes(meetings.lastIsReview),
    "relationship.maxMonths": str(rules.relationship.maxMonths),
    "notes.policy": rules.notes.policy,
    "mentors.requiredModules": mentors.requiredModules
      .map((m) => (m.validityMonths === undefined ? m.name : `${m.name} (renew every ${m.validityMonths} months)`))
      .join("\n"),
    "mentors.approval": yes(mentors.approval),
    "mentors.support.minEventsPer12Months": String(mentors.support.minEventsPer12Months),
    "mentors.support.peerAppraisalEveryMonths": str(mentors.support.peerAppraisalEveryMonths),
    "mentors.support.supervision": yes(mentors.support.supervision),
    "mentors.maxMentees": String(mentors.maxMentees),
    "mentees.preparation": rules.mentees.preparation,
    "feedback.endOfRelationship": feedback.endOfRelationship
      .map((q) => (q.kind === "free_text" ? `${q.label} (free text)` : q.label))
      .join("\n"),
    "feedback.midpoint": yes(feedback.midpoint),
    "feedback.minResponsesForText": String(feedback.minResponsesForText),
    "remuneration.kind": remuneration.kind,
    "remuneration.perMeetingFee": remuneration.kind === "per_meeting" ? poundsFromPence(remuneration.feePence) : "",
    "remuneration.expensesAllowed": yes(remuneration.kind === "per_meeting" && remuneration.expensesAllowed),
    "remuneration.capMeetings": remuneration.kind === "per_meeting" ? str(remuneration.capMeetings) : "",
    "remuneration.hoursPerMonth": remuneration.kind === "job_plan" ? str(remuneration.hoursPerMonth) : "",
    "remuneration.annualFee": remuneration.kind === "annual_fee" ? poundsFromPence(remuneration.feePence) : "",
    "participantFee.kind": participantFee.kind,
    "participantFee.fee": participantFee.kind === "annual" ? poundsFromPence(participantFee.feePence) : "",
    "participantFee.plusVat": yes(participantFee.kind === "annual" && participantFee.plusVat),
    "publicity.listed": yes(publicity.listed),
    "publicity.description.summary": publicity.description.summary,
    "publicity.description.mentorRole": publicity.description.mentorRole,
    "publicity.description.confidentiality": publicity.description.confidentiality,
    "publicity.contact.name": publicity.contact.name,
    "publicity.contact.email": publicity.contact.email,
    "publicity.contact.phone": publicity.contact.phone ?? "",
  };
}

// ---------------------------------------------------------------------------------------------
// Errors in place

/** Every field of the form, in page order (the order of the error summary). */
export const formFieldOrder = ["name", ...Object.keys(formDefaults(SchemeRules.parse({}))), "note"];

const formFields = new Set(formFieldOrder);

/** Rule paths that have no field of their own, and the field that answers them. */
const pathAliases: Record<string, string> = {
  "matching.criteria": "matching.criteria.specialty.weight",
};

/**
 * The form field that shows an error for a rule path ("meetings.max", "application.questions.2.label",
 * "remuneration.feePence"); null for errors about the rules as a whole.
 */
export function fieldForRulePath(path: string, values: FormValues): string | null {
  if (path === "" || path === "rules") return null;
  if (path === "remuneration.feePence") {
    return values["remuneration.kind"] === "annual_fee" ? "remuneration.annualFee" : "remuneration.perMeetingFee";
  }
  if (path === "participantFee.feePence") return "participantFee.fee";
  const alias = pathAliases[path];
  if (alias) return alias;
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (formFields.has(candidate)) return candidate;
  }
  return null;
}

const moneyMessages: Record<string, string> = {
  "remuneration.perMeetingFee": "Enter the fee per meeting in pounds, for example 150",
  "remuneration.annualFee": "Enter the mentor's annual fee in pounds, for example 1000",
  "participantFee.fee": "Enter the yearly fee in pounds, for example 1995",
};

/**
 * Rule errors (keyed by dotted rule path, as the API and `validateRules` give them) as messages by
 * form field, plus messages about the rules as a whole.
 */
export function errorsForForm(
  errors: Record<string, string[]>,
  values: FormValues,
): { fieldErrors: Record<string, string>; formErrors: string[] } {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const message = messages.find((m) => m !== "");
    if (!message) continue;
    const field = fieldForRulePath(path, values);
    if (field === null) formErrors.push(message);
    else fieldErrors[field] ??= moneyMessages[field] ?? message;
  }
  return { fieldErrors, formErrors };
}

/** The error summary's items in page order, each linking to its field's element id. */
export function orderedErrors(fieldErrors: Record<string, string>): { field: string; message: string }[] {
  return formFieldOrder.filter((f) => fieldErrors[f]).map((field) => ({ field, message: fieldErrors[field]! }));
}
