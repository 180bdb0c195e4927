// Scheme rules (SPEC section 4) as one zod schema: typed data, validated on save, versioned by the caller.
// Every field has a default, so `SchemeRules.parse({})` is a complete (if plain) set of rules.
import { z } from "zod";
import { staffGroups } from "../accounts/roles";
import { checkRules } from "./cross-checks";

export const outsiderPolicies = ["closed", "on_request", "open"] as const;
export const audienceOrganisations = ["own", "partners", "anyone"] as const;
export const questionKinds = ["short_text", "long_text", "yes_no"] as const;
export const formatKinds = ["one_to_one", "co_mentoring", "group"] as const;
export const matchingModes = ["free_choice", "shortlist", "allocation", "auto", "next_available"] as const;
export const firstContacts = ["mentee", "mentor"] as const;
export const specialtyDirections = ["same", "different", "ignore"] as const;
export const organisationDirections = ["same", "different", "any"] as const;
/** Preferences a mentee may ask to have honoured. Psychometric types are deliberately absent. */
export const honourablePreferences = ["gender", "ethnicity", "language"] as const;
export const mentorPools = ["own", "partners", "external"] as const;
export const meetingModes = ["in_person", "phone", "video"] as const;
export const notesPolicies = ["none", "actions_only", "shared_notes"] as const;
export const stalledClosings = ["off", "completed", "withdrawn"] as const;
export const menteePreparations = ["none", "offered", "required"] as const;
export const feedbackQuestionKinds = ["likert", "free_text"] as const;
export const remunerationKinds = ["none", "per_meeting", "job_plan", "annual_fee"] as const;
export const participantFeeKinds = ["none", "annual"] as const;

const choose = (what: string) => ({ errorMap: () => ({ message: what }) });

const capitalise = (text: string) => `${text[0]?.toUpperCase() ?? ""}${text.slice(1)}`;

/** A whole number with messages that say what to enter; `example` is added to the "missing" message. */
const wholeNumber = (label: string, min: number, max: number, example?: string) =>
  z
    .number({
      required_error: `Enter ${label}${example ? `, for example ${example}` : ""}`,
      invalid_type_error: `Enter ${label} as a number`,
    })
    .int(`Enter ${label} as a whole number`)
    .min(min, `${capitalise(label)} must be ${min} or more`)
    .max(max, `${capitalise(label)} must be ${max} or fewer`);

/** A matching weight; the message names which one, since the form shows six of them. */
const Weight = (which: string) => {
  const message = `Enter the ${which} weight as a number between 0 and 1, for example 0.5`;
  return z.number({ required_error: message, invalid_type_error: message }).min(0, message).max(1, message);
};

const Text = (label: string, max: number) =>
  z
    .string({ invalid_type_error: `Enter ${label} as text` })
    .trim()
    .max(max, `${capitalise(label)} must be ${max} characters or fewer`);

/** One line of text (a label, a name): runs of spaces and line breaks become one space. */
const Line = (label: string, max: number) => Text(label, max).transform((s) => s.replace(/\s+/g, " "));

const RequiredText = (label: string, max: number) => Line(label, max).pipe(z.string().min(1, `Enter ${label}`));

const Slug = z
  .string({ required_error: "Enter an id", invalid_type_error: "Enter an id as text" })
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Use an id of lower-case letters, digits, - or _ (at most 40 characters)");

const OrganisationId = z
  .string({ invalid_type_error: "Choose an organisation" })
  .uuid("Choose an organisation from the list");

export const StaffGroupName = z.enum(staffGroups, choose("Choose a staff group from the list"));

export const ApplicationQuestion = z.object({
  id: Slug,
  label: RequiredText("the question", 300),
  kind: z.enum(questionKinds, choose("Choose a question type: short answer, long answer or yes/no")),
  required: z.boolean().default(true),
});

export const FeedbackQuestion = z.object({
  id: Slug,
  label: RequiredText("the question", 300),
  kind: z.enum(feedbackQuestionKinds, choose("Choose a question type: rating scale or free text")),
  /** Answers are optional unless the scheme marks the question required. */
  required: z.boolean().default(false),
});

export const outcomeItemKinds = ["likert", "yes_no", "free_text"] as const;

/** One item of an outcome questionnaire: the product's default set, the scheme's own, or a licensed instrument's. */
export const OutcomeItem = z.object({
  id: Slug,
  label: RequiredText("the question", 300),
  kind: z.enum(outcomeItemKinds, choose("Choose a question type: rating scale, yes/no or free text")),
  /** A rating item whose high end is the worse outcome (e.g. thinking of leaving): scores are reversed. */
  reverse: z.boolean().default(false),
  /** Part of the licensed instrument, scored together. */
  instrument: z.boolean().default(false),
});

export const RequiredModule = z.object({
  id: Slug,
  name: RequiredText("the module name", 200),
  validityMonths: wholeNumber("how many months the module stays valid", 1, 240).optional(),
});

const Application = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.literal("form"),
      questions: z
        .array(ApplicationQuestion)
        .min(1, "Add at least one question to the application form, or choose no application")
        .max(20, "Keep the application form to 20 questions or fewer"),
    }),
  ],
  choose("Choose whether people apply with a form"),
);

const Format = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("one_to_one") }),
    z.object({
      kind: z.literal("co_mentoring"),
      groupSizes: z
        .array(z.union([z.literal(2), z.literal(3)], choose("Co-mentoring groups are pairs (2) or threes (3)")))
        .min(1, "Choose pairs, threes or both")
        .default([2]),
    }),
    z.object({
      kind: z.literal("group"),
      maxSize: wholeNumber("the largest group size", 3, 50, "12"),
      facilitators: wholeNumber("the number of facilitators", 0, 10).default(1),
    }),
  ],
  choose("Choose a format: one to one, co-mentoring or group"),
);

const Criteria = z
  .object({
    specialty: z
      .object({
        direction: z
          .enum(specialtyDirections, choose("Choose same specialty, different specialty or ignore"))
          .default("ignore"),
        weight: Weight("specialty").default(0),
      })
      .default({}),
    organisation: z
      .object({
        direction: z
          .enum(organisationDirections, choose("Choose same organisation, different organisation or any"))
          .default("any"),
        weight: Weight("organisation").default(0),
      })
      .default({}),
    distance: z
      .object({
        maxKm: wholeNumber("the furthest distance in kilometres", 1, 1000).nullable().default(null),
        remoteAllowed: z.boolean().default(true),
        weight: Weight("distance").default(0),
      })
      .default({}),
    topics: z.object({ weight: Weight("topics").default(0.5) }).default({}),
    availability: z.object({ weight: Weight("availability").default(0.3) }).default({}),
    seniorityGap: z.object({ weight: Weight("seniority gap").default(0) }).default({}),
    honourPreferences: z
      .array(z.enum(honourablePreferences, choose("Choose gender, ethnicity or language")))
      .default((): "gender"[] => ["gender"]),
  })
  .default({});

const Matching = z
  .object({
    mode: z
      .enum(matchingModes, choose("Choose how matching works: free choice, shortlist, allocation, automatic or next available"))
      .default("free_choice"),
    shortlistSize: wholeNumber("how many suggestions a mentee sees", 2, 20).optional(),
    firstContact: z.enum(firstContacts, choose("Choose who arranges the first meeting: mentee or mentor")).default("mentee"),
    criteria: Criteria,
    /** Never propose a mentor from the mentee's own department (the line manager is always excluded). */
    avoidSameDepartment: z.boolean().default(true),
    mentorPool: z
      .enum(mentorPools, choose("Choose where mentors come from: this organisation, partners or external"))
      .default("own"),
    trialMeeting: z.boolean().default(true),
    mentorCapacityDefault: wholeNumber("the usual number of mentees per mentor", 1, 50).default(2),
    requestExpiryDays: wholeNumber("the days a request waits for an answer", 1, 90).default(14),
  })
  .default({});

const Meetings = z
  .object({
    max: wholeNumber("the maximum number of meetings", 1, 100).nullable().default(null),
    cadenceWeeks: wholeNumber("the weeks between meetings", 1, 52).default(4),
    minutes: z
      .object({
        min: wholeNumber("the shortest meeting in minutes", 10, 480).default(60),
        max: wholeNumber("the longest meeting in minutes", 10, 480).default(90),
      })
      .default({}),
    modes: z
      .array(z.enum(meetingModes, choose("Choose in person, phone or video")))
      .min(1, "Choose at least one way to meet: in person, phone or video")
      .default(() => [...meetingModes]),
    firstIsContract: z.boolean().default(true),
    lastIsReview: z.boolean().default(false),
    /** The scheme's own guide for each kind of meeting; empty means the product's default. */
    guides: z
      .object({
        contract: Text("the contract meeting's guide", 2000).optional(),
        regular: Text("the regular meeting's guide", 2000).optional(),
        review: Text("the review meeting's guide", 2000).optional(),
      })
      .default({}),
  })
  .default({});

const Remuneration = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.literal("per_meeting"),
      feePence: wholeNumber("the fee per meeting in pence", 1, 10_000_000, "15000 for £150"),
      expensesAllowed: z.boolean().default(false),
      capMeetings: wholeNumber("the most meetings paid for", 1, 100).optional(),
      /** The most expenses paid on one claim, in pence. */
      expensesCapPence: wholeNumber("the most expenses paid on a claim in pence", 1, 10_000_000).optional(),
      /** Finance's cost centre for the scheme's payments, printed on the export. */
      costCentre: Text("the cost centre", 40).optional(),
    }),
    z.object({
      kind: z.literal("job_plan"),
      hoursPerMonth: wholeNumber("the hours a month recognised in the job plan", 1, 160).optional(),
    }),
    z.object({
      kind: z.literal("annual_fee"),
      feePence: wholeNumber("the annual fee in pence", 1, 100_000_000, "100000 for £1,000"),
    }),
  ],
  choose("Choose how mentors are paid: not paid, per meeting, job plan time or an annual fee"),
);

/** What participants pay to take part (e.g. a mastermind group's yearly membership). */
const ParticipantFee = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.literal("annual"),
      feePence: wholeNumber("the yearly fee in pence", 1, 100_000_000, "199500 for £1,995"),
      plusVat: z.boolean().default(false),
    }),
  ],
  choose("Choose whether participants pay a yearly fee"),
);

/** The product's outcome questionnaire, asked at joining, at the end and at a follow-up. */
export const defaultOutcomeItems = (): z.input<typeof OutcomeItem>[] => [
  { id: "confidence", label: "How confident do you feel in your role?", kind: "likert" },
  { id: "supported", label: "How supported do you feel at work?", kind: "likert" },
  { id: "leaving", label: "How likely are you to leave your organisation in the next 12 months?", kind: "likert", reverse: true },
  { id: "changed", label: "What, if anything, has changed for you?", kind: "free_text" },
];

export const defaultFeedbackQuestions = (): z.input<typeof FeedbackQuestion>[] => [
  { id: "useful", label: "How useful was mentoring to you?", kind: "likert" },
  { id: "recommend", label: "Would you recommend this scheme to a colleague?", kind: "likert" },
  { id: "changed", label: "What, if anything, has changed for you?", kind: "free_text" },
];

const Publicity = z
  .object({
    listed: z.boolean().default(false),
    /** What mentoring means here. Format and matching are described from the rules themselves (describeRules). */
    description: z
      .object({
        summary: Text("the summary", 2000).default(""),
        mentorRole: Text("what a mentor does and does not do", 2000).default(""),
        confidentiality: Text("confidentiality and its limits", 2000).default(""),
      })
      .default({}),
    contact: z
      .object({
        name: Line("the contact's name", 120).default(""),
        email: Text("the contact email", 254).default(""),
        phone: Text("the contact phone number", 40).optional(),
      })
      .default({}),
  })
  .default({});

export const SchemeRulesShape = z.object({
  audience: z
    .object({
      groups: z.array(StaffGroupName).default(() => []),
      withinMonthsOfStart: wholeNumber("the months since starting in the role", 1, 600).optional(),
      outsiders: z
        .enum(outsiderPolicies, choose("Choose what happens to people outside the target groups: closed, on request or open"))
        .default("on_request"),
      organisations: z
        .enum(audienceOrganisations, choose("Choose which organisations' members can join: own, partners or anyone"))
        .default("own"),
    })
    .default({}),
  /** Partner organisations, used when the audience or the mentor pool includes partners. */
  partnerOrganisationIds: z.array(OrganisationId).max(200, "List 200 partner organisations or fewer").default(() => []),
  capacity: z
    .object({ maxMentees: wholeNumber("the number of places", 1, 100_000).optional() })
    .default({}),
  application: Application.default({ kind: "none" }),
  format: Format.default({ kind: "one_to_one" }),
  /** Suggested topics: mentees pick what they want, mentors what they offer. */
  topics: z.array(RequiredText("the topic", 80)).max(50, "Keep to 50 topics or fewer").default(() => []),
  matching: Matching,
  meetings: Meetings,
  relationship: z
    .object({
      maxMonths: wholeNumber("the longest relationship in months", 1, 120).nullable().default(null),
      /** Weeks past the nudge (the cadence and two weeks with no meeting) before the coordinator sees it as stalled. */
      stalledAfterWeeks: wholeNumber("the weeks before a quiet relationship shows as stalled", 1, 104).default(12),
      /** What happens to a stalled relationship after a last warning to its members: nothing, or it closes. */
      closeWhenStalled: z.enum(stalledClosings, choose("Choose what happens to a stalled relationship: nothing, completed or withdrawn")).default("off"),
    })
    .default({}),
  notes: z
    .object({
      policy: z
        .enum(notesPolicies, choose("Choose a notes policy: none, agreed actions only or shared notes"))
        .default("actions_only"),
    })
    .default({}),
  mentors: z
    .object({
      requiredModules: z.array(RequiredModule).max(20, "List 20 modules or fewer").default(() => []),
      approval: z.boolean().default(true),
      support: z
        .object({
          minEventsPer12Months: wholeNumber("the support events a mentor attends each year", 0, 52).default(0),
          peerAppraisalEveryMonths: wholeNumber("the months between peer appraisals", 1, 120).optional(),
          supervision: z.boolean().default(false),
        })
        .default({}),
      maxMentees: wholeNumber("the most mentees a mentor may take", 1, 50).default(4),
    })
    .default({}),
  mentees: z
    .object({
      preparation: z
        .enum(menteePreparations, choose("Choose mentee preparation: none, offered or required"))
        .default("offered"),
    })
    .default({}),
  feedback: z
    .object({
      endOfRelationship: z.array(FeedbackQuestion).max(30, "Keep to 30 questions or fewer").default(defaultFeedbackQuestions),
      midpoint: z.boolean().default(false),
      /** Mentors are asked too (the mentee always is). */
      askMentors: z.boolean().default(false),
      minResponsesForText: wholeNumber("the responses needed before free text is shown", 3, 1000).default(5),
    })
    .default({}),
  outcomes: z
    .object({
      enabled: z.boolean().default(false),
      /** Months after the end for the follow-up questionnaire; none when null. */
      followUpMonths: wholeNumber("the months until the follow-up questionnaire", 1, 36).nullable().default(6),
      items: z.array(OutcomeItem).min(1, "Keep at least one outcome question").max(40, "Keep to 40 outcome questions or fewer").default(defaultOutcomeItems),
      /** A validated instrument the scheme holds a licence for, entered as items marked `instrument` (no name: none). */
      instrument: z
        .object({
          name: Line("the instrument's name", 200).default(""),
          licence: Text("the licence", 500).default(""),
          scoring: z.enum(["sum", "mean"], choose("Choose how the instrument is scored: sum or mean")).default("sum"),
        })
        .default({}),
    })
    .default({}),
  remuneration: Remuneration.default({ kind: "none" }),
  participantFee: ParticipantFee.default({ kind: "none" }),
  publicity: Publicity,
});

export const SchemeRules = SchemeRulesShape.superRefine(checkRules);

export type SchemeRules = z.output<typeof SchemeRules>;
export type SchemeRulesInput = z.input<typeof SchemeRules>;
export type StaffGroupName = z.output<typeof StaffGroupName>;
export type ApplicationQuestion = z.output<typeof ApplicationQuestion>;
export type FeedbackQuestion = z.output<typeof FeedbackQuestion>;
export type OutcomeItem = z.output<typeof OutcomeItem>;
export type RequiredModule = z.output<typeof RequiredModule>;
export type MatchingMode = (typeof matchingModes)[number];
export type FormatKind = (typeof formatKinds)[number];
export type NotesPolicy = (typeof notesPolicies)[number];
export type MeetingMode = (typeof meetingModes)[number];
export type OutsiderPolicy = (typeof outsiderPolicies)[number];
export type RemunerationKind = (typeof remunerationKinds)[number];
