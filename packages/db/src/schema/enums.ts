// Enumerations shared by the schema, the API and the apps (values are SPEC section 2 and 3 words).
import { pgEnum } from "drizzle-orm/pg-core";

export const organisationKinds = ["trust", "deanery", "royal_college", "pcn", "icb", "other"] as const;
export const organisationKind = pgEnum("organisation_kind", organisationKinds);

/** Roles a person holds inside one organisation. */
export const membershipRoles = ["org_admin", "coordinator", "convenor", "participant"] as const;
export const membershipRole = pgEnum("membership_role", membershipRoles);

/** Roles that span the installation rather than one organisation. */
export const platformRoleNames = ["platform_admin", "central_analyst"] as const;
export const platformRoleName = pgEnum("platform_role_name", platformRoleNames);

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
export const staffGroup = pgEnum("staff_group", staffGroups);

export const membershipStatuses = ["active", "suspended"] as const;
export const membershipStatus = pgEnum("membership_status", membershipStatuses);
