// Plain-English words for the codes the API returns (organisation kinds and roles).
import { membershipRoleLabels, organisationKindLabels, platformRoleLabels } from "@tandem/core";
import type { TagColour } from "@tandem/ui";

type OrganisationKind = keyof typeof organisationKindLabels;
type MembershipRole = keyof typeof membershipRoleLabels;
type PlatformRole = keyof typeof platformRoleLabels;

const kindWords = organisationKindLabels;
const roleWords: Record<MembershipRole | PlatformRole, string> = { ...membershipRoleLabels, ...platformRoleLabels };

const roleColours: Record<MembershipRole | PlatformRole, TagColour> = {
  org_admin: "purple",
  coordinator: "blue",
  convenor: "aqua-green",
  participant: "green",
  platform_admin: "orange",
  central_analyst: "yellow",
};

/** Unknown codes (a newer server than this app) fall back to a readable form of the code itself. */
function humanise(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeKind(kind: string): string {
  return kindWords[kind as OrganisationKind] ?? humanise(kind);
}

export function describeRole(role: string): string {
  return roleWords[role as MembershipRole | PlatformRole] ?? humanise(role);
}

export function roleColour(role: string): TagColour {
  return roleColours[role as MembershipRole | PlatformRole] ?? "grey";
}

/** Roles in a stable order, most responsibility first. */
export function sortRoles<T extends string>(roles: readonly T[]): T[] {
  const order = Object.keys(roleWords);
  return [...roles].sort((a, b) => rank(order, a) - rank(order, b));
}

function rank(order: string[], role: string): number {
  const index = order.indexOf(role);
  return index === -1 ? order.length : index;
}
