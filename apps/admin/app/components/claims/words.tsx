// Claims in a coordinator's words: statuses, the meeting a claim is for, and money.
import { formatMoney } from "@tandem/core";
import { Tag, type TagColour } from "@tandem/ui";
import { formatDate } from "../../lib/format";
import { meetingKindWords } from "../relationships/words";

export const claimFilterStatuses = ["submitted", "queried", "approved", "rejected"] as const;

const statusWords: Record<string, { text: string; colour: TagColour }> = {
  submitted: { text: "Waiting for a decision", colour: "blue" },
  queried: { text: "Queried", colour: "yellow" },
  approved: { text: "Approved", colour: "green" },
  rejected: { text: "Rejected", colour: "red" },
};

export function claimStatusName(status: string): string {
  return statusWords[status]?.text ?? status;
}

export function ClaimStatusTag({ status }: { status: string }) {
  const words = statusWords[status] ?? { text: status, colour: "grey" as const };
  return <Tag colour={words.colour}>{words.text}</Tag>;
}

/** "First meeting (contract) on 5 March 2026, 60 minutes" */
export function meetingText(claim: {
  meetingKind: string;
  meetingDate: Date | string | null;
  meetingMinutes: number;
}): string {
  const kind = meetingKindWords[claim.meetingKind] ?? claim.meetingKind;
  const when = claim.meetingDate ? ` on ${formatDate(claim.meetingDate)}` : "";
  return `${kind}${when}, ${claim.meetingMinutes} minutes`;
}

export { formatMoney };
