// Words for rule values, shared by descriptions, diffs and comparisons so a value reads the same everywhere.
import type { StaffGroup } from "../accounts/roles";
import type {
  audienceOrganisations,
  feedbackQuestionKinds,
  firstContacts,
  formatKinds,
  honourablePreferences,
  matchingModes,
  meetingModes,
  menteePreparations,
  mentorPools,
  notesPolicies,
  organisationDirections,
  outsiderPolicies,
  participantFeeKinds,
  questionKinds,
  remunerationKinds,
  specialtyDirections,
} from "./schema";

type Labels<T extends readonly string[]> = Record<T[number], string>;

/** Staff groups as plural phrases for sentences ("For new consultants ..."). */
export const staffGroupPlurals: Record<StaffGroup, string> = {
  consultant: "consultants",
  new_consultant: "new consultants",
  sas_doctor: "SAS doctors",
  gp_partner: "GP partners",
  salaried_gp: "salaried GPs",
  gp_non_principal: "GP non-principals (including locums)",
  trainee: "doctors in training",
  medical_student: "medical students",
  pcn_clinical_director: "PCN clinical directors",
  medical_director: "medical directors",
  practice_manager: "practice managers",
  nurse: "nurses",
  pharmacist: "pharmacists",
  other: "other healthcare staff",
};

export const outsiderPolicyLabels: Labels<typeof outsiderPolicies> = {
  closed: "Cannot join",
  on_request: "May ask; the coordinator decides",
  open: "Welcome to join",
};

export const audienceOrganisationLabels: Labels<typeof audienceOrganisations> = {
  own: "This organisation only",
  partners: "This organisation and its partners",
  anyone: "Any organisation",
};

export const questionKindLabels: Labels<typeof questionKinds> = {
  short_text: "short answer",
  long_text: "long answer",
  yes_no: "yes or no",
};

export const formatKindLabels: Labels<typeof formatKinds> = {
  one_to_one: "One to one",
  co_mentoring: "Co-mentoring",
  group: "Group",
};

export const matchingModeLabels: Labels<typeof matchingModes> = {
  free_choice: "Mentee chooses freely",
  shortlist: "Mentee chooses from a shortlist",
  allocation: "Coordinator allocates",
  auto: "Automatic allocation, confirmed by the coordinator",
  next_available: "Next available mentor",
};

export const firstContactLabels: Labels<typeof firstContacts> = { mentee: "Mentee", mentor: "Mentor" };

export const specialtyDirectionLabels: Labels<typeof specialtyDirections> = {
  same: "Same specialty",
  different: "Different specialty",
  ignore: "Not considered",
};

export const organisationDirectionLabels: Labels<typeof organisationDirections> = {
  same: "Same organisation",
  different: "Different organisation",
  any: "Not considered",
};

export const honourablePreferenceLabels: Labels<typeof honourablePreferences> = {
  gender: "Gender",
  ethnicity: "Ethnicity",
  language: "Language",
};

export const mentorPoolLabels: Labels<typeof mentorPools> = {
  own: "This organisation's mentors",
  partners: "This organisation's and partners' mentors",
  external: "External mentors",
};

export const meetingModeLabels: Labels<typeof meetingModes> = {
  in_person: "In person",
  phone: "Phone",
  video: "Video",
};

export const notesPolicyLabels: Labels<typeof notesPolicies> = {
  none: "No notes (private reflections only)",
  actions_only: "Agreed actions only",
  shared_notes: "Shared notes",
};

export const menteePreparationLabels: Labels<typeof menteePreparations> = {
  none: "None",
  offered: "Offered",
  required: "Required before matching",
};

export const feedbackQuestionKindLabels: Labels<typeof feedbackQuestionKinds> = {
  likert: "rating scale",
  free_text: "free text",
};

export const remunerationKindLabels: Labels<typeof remunerationKinds> = {
  none: "Not paid",
  per_meeting: "Paid per meeting",
  job_plan: "Time in job plan",
  annual_fee: "Annual fee",
};

export const participantFeeKindLabels: Labels<typeof participantFeeKinds> = {
  none: "Free",
  annual: "Yearly fee",
};

/** "£1,995.00" from pence; plain string work so it reads the same in every runtime. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(Math.round(pence));
  const pounds = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}£${pounds}.${(abs % 100).toString().padStart(2, "0")}`;
}

/** "a, b and c" */
export function joinWords(words: readonly string[], last = "and"): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${last} ${words[words.length - 1] ?? ""}`;
}
