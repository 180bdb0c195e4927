// The roles a person holds in an organisation, as NHS.UK checkboxes labelled in words.
import { membershipRoleLabels, membershipRoles, type MembershipRoleName } from "@tandem/core";
import { Checkboxes } from "@tandem/ui";

const roleHints: Record<MembershipRoleName, string> = {
  org_admin: "Manages people, roles and organisation settings",
  coordinator: "Runs schemes: rules, mentor approval, matching and reports",
  convenor: "Runs a scheme's support-group meetings",
  participant: "Takes part in schemes as a mentor or mentee",
};

export function RoleCheckboxes({
  name,
  selected,
  error,
  legend = "Roles",
}: {
  name: string;
  selected: readonly (string | undefined)[];
  error?: string | undefined;
  legend?: string;
}) {
  return (
    <Checkboxes
      idPrefix="roles"
      name={name}
      legend={legend}
      hint="Select all that apply."
      error={error}
      items={membershipRoles.map((role) => ({
        value: role,
        label: membershipRoleLabels[role],
        hint: roleHints[role],
        defaultChecked: selected.includes(role),
      }))}
    />
  );
}
