// Dates and role lists in words, the same on the server and in the browser (fixed time zone, so
// hydration never disagrees).
import { membershipRoleLabels, staffGroups, type MembershipRoleName, type StaffGroup } from "@tandem/core";

const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

const dateOnly = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

/** "5 March 2026 at 14:30" */
export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value)).replace(", ", " at ");
}

/** "5 March 2026" */
export function formatDate(value: Date | string): string {
  return dateOnly.format(new Date(value));
}

export function roleLabel(role: string): string {
  return membershipRoleLabels[role as MembershipRoleName] ?? role;
}

/** "Org admin, Coordinator" */
export function roleList(roles: readonly string[]): string {
  return roles.length ? roles.map(roleLabel).join(", ") : "No roles";
}

const staffGroupWords: Record<StaffGroup, string> = {
  consultant: "Consultant",
  new_consultant: "New consultant",
  sas_doctor: "SAS doctor",
  gp_partner: "GP partner",
  salaried_gp: "Salaried GP",
  gp_non_principal: "GP non-principal or locum",
  trainee: "Trainee",
  medical_student: "Medical student",
  pcn_clinical_director: "PCN clinical director",
  medical_director: "Medical director",
  practice_manager: "Practice manager",
  nurse: "Nurse",
  pharmacist: "Pharmacist",
  other: "Other",
};

export function staffGroupLabel(group: string | null | undefined): string {
  if (!group) return "Not recorded";
  return (staffGroups as readonly string[]).includes(group) ? staffGroupWords[group as StaffGroup] : group;
}
