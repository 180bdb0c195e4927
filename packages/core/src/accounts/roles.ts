// Organisation kinds, staff groups and roles (SPEC sections 2 and 3): the words used everywhere.
import { z } from "zod";

export const organisationKinds = ["trust", "deanery", "royal_college", "pcn", "icb", "other"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Roles a person holds inside one organisation. */
export const membershipRoles = ["org_admin", "coordinator", "convenor", "participant"] as const;
export type MembershipRoleName = (typeof membershipRoles)[number];

/** Roles that span the installation rather than one organisation. */
export const platformRoleNames = ["platform_admin", "central_analyst"] as const;
export type PlatformRoleName = (typeof platformRoleNames)[number];

export const staffGroups = [
  "consultant",
  "new_consultant",
  "sas_doctor",
  "gp_partner",
  "salaried_gp",
  "gp_non_principal",
  "trainee",
  "medical_student",
  "pcn_clinical_director",
  "medical_director",
  "practice_manager",
  "nurse",
  "pharmacist",
  "other",
] as const;
export type StaffGroup = (typeof staffGroups)[number];

export const membershipRoleLabels: Record<MembershipRoleName, string> = {
  org_admin: "Org admin",
  coordinator: "Coordinator",
  convenor: "Convenor",
  participant: "Participant",
};

export const platformRoleLabels: Record<PlatformRoleName, string> = {
  platform_admin: "Platform admin",
  central_analyst: "Central analyst",
};

export const organisationKindLabels: Record<OrganisationKind, string> = {
  trust: "NHS trust",
  deanery: "Deanery",
  royal_college: "Royal college",
  pcn: "Primary care network (PCN)",
  icb: "Integrated care board (ICB)",
  other: "Other organisation",
};

export const MembershipRole = z.enum(membershipRoles, {
  errorMap: () => ({ message: "Choose a role: org admin, coordinator, convenor or participant" }),
});
