// Database enums. The value lists live in @tandem/core, the one place domain words are defined.
import { pgEnum } from "drizzle-orm/pg-core";

import {
  membershipRoles,
  organisationKinds,
  platformRoleNames,
  staffGroups,
} from "@tandem/core";

export { membershipRoles, organisationKinds, platformRoleNames, staffGroups };

export const organisationKind = pgEnum("organisation_kind", organisationKinds);
export const membershipRole = pgEnum("membership_role", membershipRoles);
export const platformRoleName = pgEnum("platform_role_name", platformRoleNames);
export const staffGroup = pgEnum("staff_group", staffGroups);

export const membershipStatuses = ["active", "suspended"] as const;
export const membershipStatus = pgEnum("membership_status", membershipStatuses);
