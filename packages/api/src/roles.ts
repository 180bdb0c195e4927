// Role names (SPEC section 3) as the API speaks them; defined once in @tandem/core.
export {
  MembershipRole,
  type MembershipRoleName,
  type PlatformRoleName,
} from "@tandem/core";
