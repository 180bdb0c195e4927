// Element types of the schema's enumerations, for typing seed data.
import type { membershipRoles, organisationKinds, platformRoleNames, staffGroups } from "../schema";

export type OrganisationKind = (typeof organisationKinds)[number];
export type MembershipRole = (typeof membershipRoles)[number];
export type PlatformRoleName = (typeof platformRoleNames)[number];
export type StaffGroup = (typeof staffGroups)[number];
