// Relationships after the match in a coordinator's words: states, why one closed, who is in it and
// what kind of meeting happened when. Dates and counts only: nothing here names what a pair discuss.
import { Tag, type TagColour } from "@tandem/ui";
import { closedReasonWords } from "../matching/words";
import { formatDate } from "../../lib/format";

/** The states a coordinator filters by, as the API names them. */
export const relationshipFilterStates = ["active", "paused", "closed", "stalled"] as const;
export type RelationshipFilterState = (typeof relationshipFilterStates)[number];

const stateWords: Record<string, { text: string; colour: TagColour }> = {
  active: { text: "Active", colour: "green" },
  paused: { text: "Paused", colour: "yellow" },
  closed: { text: "Ended", colour: "grey" },
  stalled: { text: "Stalled", colour: "orange" },
};

export function stateName(state: string): string {
  return stateWords[state]?.text ?? state;
}

export function RelationshipStateTag({ state }: { state: string }) {
  const words = stateWords[state] ?? { text: state, colour: "grey" as const };
  return <Tag colour={words.colour}>{words.text}</Tag>;
}

/** "Completed"; "None" while the relationship is open. */
export function closureText(closedReason: string | null): string {
  return closedReason ? (closedReasonWords[closedReason] ?? closedReason) : "None";
}

const roleWords: Record<string, string> = {
  mentee: "Mentee",
  mentor: "Mentor",
  peer: "Peer",
  member: "Member",
  facilitator: "Facilitator",
};

export function memberRoleName(role: string): string {
  return roleWords[role] ?? role;
}

interface Member {
  name: string;
  role: string;
  left: boolean;
}

/** "Dr Zoe Clarke (mentee) and Dr Helen Marsh (mentor)": the row's name, in plain text. */
export function membersText(members: readonly Member[]): string {
  if (members.length === 0) return "No members";
  const parts = members.map(
    (m) => `${m.name} (${memberRoleName(m.role).toLowerCase()}${m.left ? ", left" : ""})`,
  );
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)!}`;
}

export function MembersList({ members }: { members: readonly Member[] }) {
  if (members.length === 0) return <>No members</>;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {members.map((m, i) => (
        <li key={`${m.name}-${i}`}>
          {m.name} ({memberRoleName(m.role).toLowerCase()}
          {m.left ? ", left" : ""})
        </li>
      ))}
    </ul>
  );
}

export const kindWords: Record<string, string> = {
  pair: "One to one",
  co_mentoring: "Co-mentoring",
  group: "Group",
};

export const meetingKindWords: Record<string, string> = {
  contract: "First meeting (contract)",
  regular: "Meeting",
  review: "Final review",
};

export const meetingStatusWords: Record<string, string> = {
  proposed: "Time not yet picked",
  scheduled: "Scheduled",
  held: "Held",
  missed: "Did not happen",
  cancelled: "Cancelled",
};

export const meetingModeWords: Record<string, string> = {
  in_person: "In person",
  phone: "Phone",
  video: "Video",
};

/** A date, or what to say when there is none. */
export function dateOr(value: string | Date | null | undefined, none: string): string {
  return value ? formatDate(value) : none;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
