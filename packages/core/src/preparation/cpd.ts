// CPD evidence for appraisal (SPEC section 7, issue 14 point 8): what a participant did in mentoring
// as supporting information (the GMC's "continuing professional development", "feedback" and
// "reflective practice"). One document model, so the server's PDF and the one the browser makes
// with chosen reflections read the same. Dates and lengths of meetings only, never their content.

/** A person's part in a scheme: their enrolment's role, or their role in a relationship. */
export type CpdRole = "mentor" | "mentee" | "peer" | "facilitator" | "member";

export const cpdRoleWords: Record<CpdRole, string> = {
  mentor: "Mentor",
  mentee: "Mentee",
  peer: "Co-mentoring peer",
  facilitator: "Group facilitator",
  member: "Group member",
};

/** Roles in which a person gives mentoring (a co-mentoring peer gives and receives). */
export const mentoringRoles: readonly CpdRole[] = ["mentor", "peer", "facilitator"];

export interface CpdEvidence {
  person: { name: string; email: string; registrationNumber: string | null };
  generatedOn: string;
  /** Each scheme and role, with the meetings held in that role. */
  schemes: { organisationName: string; schemeName: string; role: CpdRole; since: string; meetingsHeld: number; hours: number }[];
  /** Every meeting held, oldest first: its date and length only. */
  meetings: { organisationName: string; schemeName: string; role: CpdRole; date: string; hours: number }[];
  /**
   * Feedback about the person's mentoring, per scheme, only where it is shown to them: once it covers
   * the scheme's minimum number of mentees, and only ratings with enough answers. Never one answer.
   */
  feedback: { organisationName: string; schemeName: string; mentees: number; ratings: { label: string; answered: number; mean: number }[] }[];
  training: { organisationName: string; module: string; kind: string; hours: number; completedOn: string; verified: boolean }[];
  support: { organisationName: string; title: string; kind: string; heldOn: string }[];
  totals: { trainingHours: number; supportEvents: number; mentoringMeetings: number; mentoringHours: number; mentoredMeetings: number; mentoredHours: number };
}

/** A reflection the person chose to add, decrypted on their device. */
export interface CpdReflection {
  writtenOn: string;
  schemeName: string;
  organisationName: string;
  meetingOn: string | null;
  text: string;
}

export const cpdKindWords: Record<string, string> = {
  course_module: "Course module",
  masterclass: "Masterclass",
  programme: "Programme",
  taster: "Taster",
  cpd: "CPD",
  support_group: "Support group",
  development_event: "Development event",
  conference: "Conference",
  supervision: "Supervision",
};

export const cpdKind = (kind: string) => cpdKindWords[kind] ?? kind;

/** "14 March 2026" from an ISO date. */
export function cpdLongDate(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** Hours to one decimal place, as the evidence shows them. */
export function cpdHours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

const hoursWords = (hours: number) => `${hours} ${hours === 1 ? "hour" : "hours"}`;
const meetingsWords = (count: number) => `${count} ${count === 1 ? "meeting" : "meetings"}`;

export interface CpdSection {
  heading: string;
  lines: string[];
  /** Reflections: a title line each, then the text with its own line breaks. */
  entries?: { title: string; body: string }[];
}

export interface CpdDocument {
  title: string;
  intro: string[];
  sections: CpdSection[];
  footer: string;
}

export function cpdDocument(evidence: CpdEvidence, options: { reflections?: readonly CpdReflection[] } = {}): CpdDocument {
  const reflections = options.reflections ?? [];
  const { totals } = evidence;
  const mentors = evidence.schemes.some((s) => s.role === "mentor" || s.role === "facilitator") || evidence.feedback.length > 0;
  const types = ["continuing professional development", ...(mentors ? ["feedback"] : []), ...(reflections.length > 0 ? ["reflective practice"] : [])];
  const sections: CpdSection[] = [
    {
      heading: "Summary",
      lines: [
        `Meetings held as mentor, co-mentoring peer or facilitator: ${meetingsWords(totals.mentoringMeetings)} (${hoursWords(totals.mentoringHours)})`,
        `Meetings held as mentee or group member: ${meetingsWords(totals.mentoredMeetings)} (${hoursWords(totals.mentoredHours)})`,
        `Verified training: ${hoursWords(totals.trainingHours)}`,
        `Support events attended: ${totals.supportEvents}`,
      ],
    },
    {
      heading: "Schemes and roles",
      lines:
        evidence.schemes.length === 0
          ? ["Not taking part in a scheme."]
          : evidence.schemes.map(
              (s) => `${s.schemeName}, ${s.organisationName}: ${cpdRoleWords[s.role]} since ${cpdLongDate(s.since)}; ${meetingsWords(s.meetingsHeld)} held (${hoursWords(s.hours)})`,
            ),
    },
    {
      heading: "Meetings held (dates and length only)",
      lines:
        evidence.meetings.length === 0
          ? ["No meetings recorded yet."]
          : evidence.meetings.map((m) => `${cpdLongDate(m.date)}: ${m.schemeName}, as ${cpdRoleWords[m.role].toLowerCase()} (${hoursWords(m.hours)})`),
    },
    {
      heading: "Training",
      lines:
        evidence.training.length === 0
          ? ["No training recorded."]
          : evidence.training.map(
              (t) => `${cpdLongDate(t.completedOn)}: ${t.module} (${cpdKind(t.kind)}, ${hoursWords(t.hours)})${t.verified ? "" : ", awaiting verification"}, ${t.organisationName}`,
            ),
    },
    {
      heading: "Support and supervision attended",
      lines: evidence.support.length === 0 ? ["No support events recorded."] : evidence.support.map((s) => `${cpdLongDate(s.heldOn)}: ${s.title} (${cpdKind(s.kind)}), ${s.organisationName}`),
    },
  ];
  if (mentors) {
    sections.push({
      heading: "Feedback",
      lines:
        evidence.feedback.length === 0
          ? ["Feedback from mentees about your mentoring is added once enough of them have answered in a scheme (the scheme sets how many), and never one person's answers."]
          : evidence.feedback.flatMap((f) => [
              `${f.schemeName}, ${f.organisationName}: from ${f.mentees} mentees, shown together`,
              ...f.ratings.map((r) => `${r.label}: ${r.mean} out of 5 on average (${r.answered} answers)`),
            ]),
    });
  }
  if (reflections.length > 0) {
    sections.push({
      heading: "Reflective practice",
      lines: ["Reflections chosen by me, decrypted and added on my own device."],
      entries: reflections.map((r) => ({
        title: `${cpdLongDate(r.writtenOn)}, ${r.schemeName} (${r.organisationName})${r.meetingOn ? `, about the meeting on ${cpdLongDate(r.meetingOn)}` : ""}`,
        body: r.text,
      })),
    });
  }
  return {
    title: "Mentoring CPD evidence",
    intro: [
      `${evidence.person.name}${evidence.person.registrationNumber ? `, GMC ${evidence.person.registrationNumber}` : ""}`,
      `Produced by Tandem on ${cpdLongDate(evidence.generatedOn)}`,
      `Supporting information for appraisal: ${types.join(", ").replace(/, ([^,]*)$/, " and $1")}.`,
    ],
    sections,
    footer:
      reflections.length > 0
        ? "This record shows that mentoring took place and what preparation and support were attended. Apart from the reflections chosen above, it never contains what was discussed in mentoring."
        : "This record shows that mentoring took place and what preparation and support were attended. It never contains what was discussed in mentoring.",
  };
}
