// The seven scheme templates of SPEC section 4, drawn from the seed documents. A coordinator starts from one
// and edits it; fees, contacts and partner organisations are left for them to fill in.
import { SchemeRules, type SchemeRulesInput } from "./schema";

export interface SchemeTemplate {
  id: string;
  name: string;
  summary: string;
  rules: SchemeRules;
}

const gps = ["gp_partner", "salaried_gp", "gp_non_principal"] as const;
const doctors = [
  "consultant",
  "new_consultant",
  "sas_doctor",
  ...gps,
  "trainee",
  "pcn_clinical_director",
  "medical_director",
] as const;

const confidentiality =
  "What you discuss stays between you. The coordinator sees only that meetings happened. The one limit is the duty every doctor shares: if patients or others are at serious risk, that cannot be kept confidential.";

const templates: { id: string; name: string; summary: string; rules: SchemeRulesInput }[] = [
  {
    id: "deanery-gp",
    name: "Deanery GP mentoring",
    summary:
      "For all GPs in the deanery. Mentees choose their mentor; mentors complete a three-module course, attend support groups and an annual conference, and are peer appraised by convenors.",
    rules: {
      audience: { groups: [...gps], outsiders: "on_request", organisations: "own" },
      format: { kind: "one_to_one" },
      matching: {
        mode: "free_choice",
        firstContact: "mentee",
        criteria: {
          distance: { maxKm: 40, remoteAllowed: true, weight: 0.3 },
          topics: { weight: 0.4 },
          availability: { weight: 0.3 },
          honourPreferences: ["gender"],
        },
        mentorPool: "own",
        trialMeeting: true,
        mentorCapacityDefault: 2,
      },
      meetings: { max: null, cadenceWeeks: 6, minutes: { min: 60, max: 90 }, firstIsContract: true, lastIsReview: false },
      notes: { policy: "none" },
      mentors: {
        requiredModules: [
          { id: "course-module-1", name: "Mentoring course module 1: the mentoring relationship" },
          { id: "course-module-2", name: "Mentoring course module 2: skills practice" },
          { id: "course-module-3", name: "Mentoring course module 3: ethics and difficult situations" },
        ],
        approval: true,
        // Local support-group meetings plus the annual conference.
        support: { minEventsPer12Months: 4, peerAppraisalEveryMonths: 12, supervision: false },
        maxMentees: 4,
      },
      mentees: { preparation: "offered" },
      publicity: {
        description: {
          summary:
            "Mentoring here is a culture in which peers confidentially enable personal and professional development in protected time. It may help at a career crossroads, when things are going fast, or when you are temporarily finding your role hard.",
          mentorRole:
            "A mentor is a senior practitioner or respected peer who listens, helps you reflect on current concerns, learning needs and career, and helps you find your own solutions. A mentor does not assess you, report on you or act as your appraiser.",
          confidentiality,
        },
      },
    },
  },
  {
    id: "multi-professional",
    name: "Multi-professional mentoring programme",
    summary:
      "Open to doctors, dentists, managers, nurses and pharmacists. Everyone completes a 4–5 day mentoring skills programme, then participants co-mentor each other in pairs or threes. Dentists and other professions join under the staff group 'other'.",
    rules: {
      audience: { groups: [...doctors, "practice_manager", "nurse", "pharmacist", "other"], outsiders: "open", organisations: "anyone" },
      format: { kind: "co_mentoring", groupSizes: [2, 3] },
      matching: { mode: "free_choice", firstContact: "mentee", mentorPool: "own", trialMeeting: true, mentorCapacityDefault: 1 },
      meetings: { max: null, cadenceWeeks: 4, minutes: { min: 60, max: 120 }, firstIsContract: true },
      notes: { policy: "none" },
      mentors: {
        requiredModules: [{ id: "skills-programme", name: "the 4–5 day mentoring skills programme" }],
        approval: true,
        support: { minEventsPer12Months: 2, supervision: false },
        maxMentees: 2,
      },
      mentees: { preparation: "offered" },
      publicity: {
        description: {
          summary:
            "Based on Egan's Skilled Helper model: respect, empathy and genuineness, with a balance of support and challenge. About half the programme is skills practice, using your own current issues, so you learn as both mentor and mentee.",
          mentorRole:
            "A mentor listens actively, challenges and helps you manage your own problems. A mentor does not give you the answer, supervise or assess you.",
          confidentiality,
        },
      },
    },
  },
  {
    id: "new-consultant",
    name: "New consultant mentoring (trust)",
    summary:
      "For consultants in their first 24 months. The coordinator allocates a mentor from the same trust but a different specialty; mentors complete the 1.5-day Masterclass in Mentoring.",
    rules: {
      audience: { groups: ["consultant", "new_consultant"], withinMonthsOfStart: 24, outsiders: "on_request", organisations: "own" },
      format: { kind: "one_to_one" },
      matching: {
        mode: "allocation",
        firstContact: "mentor",
        criteria: {
          specialty: { direction: "different", weight: 0.4 },
          organisation: { direction: "same", weight: 0.2 },
          topics: { weight: 0.2 },
          availability: { weight: 0.2 },
          honourPreferences: ["gender"],
        },
        avoidSameDepartment: true,
        mentorPool: "own",
        trialMeeting: true,
        mentorCapacityDefault: 2,
      },
      meetings: { max: null, cadenceWeeks: 6, minutes: { min: 60, max: 90 }, firstIsContract: true, lastIsReview: false },
      relationship: { maxMonths: 24 },
      notes: { policy: "actions_only" },
      mentors: {
        requiredModules: [{ id: "masterclass", name: "the 1.5-day Masterclass in Mentoring" }],
        approval: true,
        support: { minEventsPer12Months: 2, supervision: false },
        maxMentees: 3,
      },
      mentees: { preparation: "offered" },
      remuneration: { kind: "job_plan", hoursPerMonth: 2 },
      publicity: {
        description: {
          summary:
            "The move from specialist registrar to consultant is a big one, and many new consultants find the first two years hard. An experienced consultant from another specialty gives you time to think things through as they happen.",
          mentorRole:
            "Your mentor is a source of support, knowledge and challenge who helps you become effective in the new job. Your mentor is not your line manager, does not assess you and is never from your own department.",
          confidentiality,
        },
      },
    },
  },
  {
    id: "gp-non-principal",
    name: "GP non-principal mentoring",
    summary:
      "For GP non-principals and locums: up to six meetings with a GP mentor, who is paid per meeting. A defined end makes feedback on each mentor possible.",
    rules: {
      audience: { groups: ["gp_non_principal"], outsiders: "on_request", organisations: "own" },
      format: { kind: "one_to_one" },
      matching: {
        mode: "shortlist",
        shortlistSize: 3,
        firstContact: "mentee",
        criteria: {
          distance: { maxKm: 30, remoteAllowed: true, weight: 0.3 },
          topics: { weight: 0.5 },
          availability: { weight: 0.2 },
          honourPreferences: ["gender"],
        },
        mentorPool: "own",
        trialMeeting: true,
        mentorCapacityDefault: 2,
      },
      meetings: { max: 6, cadenceWeeks: 4, minutes: { min: 60, max: 90 }, firstIsContract: true, lastIsReview: true },
      relationship: { maxMonths: 12 },
      notes: { policy: "actions_only" },
      mentors: {
        requiredModules: [{ id: "mentor-skills", name: "mentor skills training", validityMonths: 36 }],
        approval: true,
        support: { minEventsPer12Months: 3, supervision: false },
        maxMentees: 4,
      },
      mentees: { preparation: "offered" },
      // An example fee: the seeds give none, so each coordinator sets their own.
      remuneration: { kind: "per_meeting", feePence: 15_000, expensesAllowed: true, capMeetings: 6 },
      feedback: { midpoint: false },
      publicity: {
        description: {
          summary:
            "Working as a non-principal can be isolating, and learning and careers are more and more your own to shape. A GP mentor helps you plan your learning, your portfolio and your next steps.",
          mentorRole:
            "Your mentor is a listener and a support, and can help with learning and career questions. Your mentor does not employ, supervise or assess you.",
          confidentiality,
        },
      },
    },
  },
  {
    id: "co-tutoring",
    name: "Co-tutoring",
    summary:
      "GPs who have done a shared co-tutoring course form dyads or triads and mentor each other, taking turns as speaker and listener in each session.",
    rules: {
      audience: { groups: [...gps], outsiders: "on_request", organisations: "anyone" },
      format: { kind: "co_mentoring", groupSizes: [2, 3] },
      matching: { mode: "free_choice", firstContact: "mentee", mentorPool: "own", trialMeeting: true, mentorCapacityDefault: 1 },
      meetings: { max: null, cadenceWeeks: 4, minutes: { min: 60, max: 90 }, firstIsContract: true, lastIsReview: false },
      notes: { policy: "none" },
      mentors: {
        requiredModules: [{ id: "co-tutoring-course", name: "the co-tutoring training course" }],
        approval: false,
        support: { minEventsPer12Months: 1, supervision: false },
        maxMentees: 2,
      },
      mentees: { preparation: "offered" },
      publicity: {
        description: {
          summary:
            "Co-tutoring is co-mentoring between equals: in each session you both take a turn as speaker and as listener. You get to know each other on the training course and form your pair or three there.",
          mentorRole:
            "The listener helps the speaker explore their own concern at their own pace, without interrupting and without giving advice. The listener responds only to what the speaker raises.",
          confidentiality:
            "No notes are kept, and nothing from a session is referred to later unless the speaker raises it again. " +
            "The one limit is the duty every doctor shares if patients or others are at serious risk.",
        },
      },
    },
  },
  {
    id: "pcn-mastermind",
    name: "PCN clinical director mastermind",
    summary:
      "A facilitated peer group of at most 12 PCN clinical directors, meeting every 6 weeks for 2 hours. Places are by application form and members pay a yearly fee.",
    rules: {
      audience: { groups: ["pcn_clinical_director"], outsiders: "closed", organisations: "anyone" },
      capacity: { maxMentees: 12 },
      application: {
        kind: "form",
        questions: [
          { id: "pcn", label: "Which PCN are you clinical director of?", kind: "short_text", required: true },
          { id: "since", label: "When did you become clinical director?", kind: "short_text", required: true },
          { id: "goal", label: "What would you most like to achieve in the coming year?", kind: "long_text", required: true },
          { id: "dates", label: "Can you attend every meeting (Thursdays, 1pm to 3pm)?", kind: "yes_no", required: true },
        ],
      },
      format: { kind: "group", maxSize: 12, facilitators: 2 },
      matching: {
        mode: "allocation",
        firstContact: "mentor",
        criteria: {
          organisation: { direction: "different", weight: 0.5 },
          availability: { weight: 0.5 },
          topics: { weight: 0 },
          honourPreferences: [],
        },
        mentorPool: "external",
        trialMeeting: false,
        mentorCapacityDefault: 12,
      },
      meetings: {
        max: 9,
        cadenceWeeks: 6,
        minutes: { min: 120, max: 120 },
        modes: ["in_person", "video"],
        firstIsContract: true,
        lastIsReview: true,
      },
      relationship: { maxMonths: 12 },
      notes: { policy: "actions_only" },
      mentors: { requiredModules: [], approval: true, support: { minEventsPer12Months: 0, supervision: true }, maxMentees: 12 },
      mentees: { preparation: "none" },
      feedback: { midpoint: true },
      remuneration: { kind: "none" },
      // The seed's programme charged £1,995 plus VAT for a year's membership.
      participantFee: { kind: "annual", feePence: 199_500, plusVat: true },
      publicity: {
        description: {
          summary:
            "A mastermind group is a group of peers who support and challenge each other. You set a goal and a plan, bring successes and problems to the group, and the group helps with ideas, decisions and accountability.",
          mentorRole:
            "The facilitators run the meetings, give input and challenge tailored to each member, and make sure everyone gets what they need. They do not manage or assess you.",
          confidentiality:
            "Members commit to confidentiality: what is said in the group stays in the group. The coordinator sees only attendance.",
        },
      },
    },
  },
  {
    id: "coach-mentoring-leaders",
    name: "Coach-mentoring for clinical leaders",
    summary:
      "Six meetings of 1–2 hours at monthly intervals: the first agrees the contract, the last reviews what was learned. For clinical leaders working on time management, influence, negotiation, delegation, teams and strategy.",
    rules: {
      audience: {
        groups: ["pcn_clinical_director", "medical_director", "gp_partner", "consultant"],
        outsiders: "on_request",
        organisations: "own",
      },
      format: { kind: "one_to_one" },
      topics: [
        "Time management",
        "Influencing clinical behaviour change",
        "Increasing clinical engagement",
        "Negotiating with providers",
        "Working with managers",
        "Staying strategic",
        "Developing partnerships",
        "Building a team",
        "Delegating",
      ],
      matching: {
        mode: "shortlist",
        shortlistSize: 3,
        firstContact: "mentee",
        criteria: {
          organisation: { direction: "different", weight: 0.2 },
          distance: { maxKm: 50, remoteAllowed: true, weight: 0.2 },
          topics: { weight: 0.6 },
          availability: { weight: 0 },
          honourPreferences: ["gender"],
        },
        mentorPool: "external",
        trialMeeting: true,
        mentorCapacityDefault: 3,
      },
      meetings: {
        max: 6,
        cadenceWeeks: 4,
        minutes: { min: 60, max: 120 },
        modes: ["in_person", "phone", "video"],
        firstIsContract: true,
        lastIsReview: true,
      },
      relationship: { maxMonths: 8 },
      notes: { policy: "actions_only" },
      mentors: {
        requiredModules: [{ id: "coach-mentor-training", name: "coach-mentor training", validityMonths: 36 }],
        approval: true,
        support: { minEventsPer12Months: 2, supervision: true },
        maxMentees: 5,
      },
      mentees: { preparation: "offered" },
      publicity: {
        description: {
          summary:
            "Coach-mentoring is a learning relationship that helps you take charge of your own development as a leader: protected time for reflection on real challenges, with an agenda you set.",
          mentorRole:
            "Your coach mentor asks questions that raise your understanding and self-awareness, and gives feedback. They do not tell you what to do. Each meeting ends with what you will do before the next.",
          confidentiality,
        },
      },
    },
  },
];

export const schemeTemplates: readonly SchemeTemplate[] = templates.map((t) => ({ ...t, rules: SchemeRules.parse(t.rules) }));

/** A fresh copy of a template, safe to edit. */
export function findSchemeTemplate(id: string): SchemeTemplate | undefined {
  const template = schemeTemplates.find((t) => t.id === id);
  return template && (JSON.parse(JSON.stringify(template)) as SchemeTemplate);
}
