// The words a person agrees to when joining a scheme (SPEC principle 1 and section 12): stored with
// the enrolment exactly as shown, with the time.
import type { SchemeRules } from "../rules/schema";
import type { enrolmentRoleValues } from "./inputs";

export type EnrolmentRole = (typeof enrolmentRoleValues)[number];

export const enrolmentRoleWords: Record<EnrolmentRole, string> = {
  mentee: "a mentee",
  mentor: "a mentor",
  peer: "a peer (co-mentoring)",
};

export function consentWording(options: { schemeName: string; organisationName: string; role: EnrolmentRole }): string {
  return (
    `I want to join ${options.schemeName}, run by ${options.organisationName}, as ${enrolmentRoleWords[options.role]}. ` +
    "I understand that taking part is voluntary and that I can withdraw at any time without giving a reason. " +
    "The scheme's coordinators will see that I have joined, who I am matched with and when meetings take place, " +
    "but never what is discussed."
  );
}

/** Roles a scheme offers: peers for co-mentoring, peers and facilitating mentors for groups. */
export function rolesOffered(rules: SchemeRules): EnrolmentRole[] {
  if (rules.format.kind === "one_to_one") return ["mentee", "mentor"];
  if (rules.format.kind === "group") return ["peer", "mentor"];
  return ["peer"];
}
