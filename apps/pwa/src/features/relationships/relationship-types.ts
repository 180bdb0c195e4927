// Relationships as the API returns them, named once for the screens that show them.
import type { RouterOutputs } from "../../lib/api-types";

export type Summary = RouterOutputs["relationships"]["mine"][number];
export type Detail = RouterOutputs["relationships"]["get"];
export type Meeting = Detail["meetings"][number];
export type Member = Detail["members"][number];
export type AgreedAction = NonNullable<Detail["actions"]>[number];
export type MeetingKind = Meeting["kind"];
export type MeetingMode = Meeting["mode"];
export type Role = Member["role"];

/** Which form or confirmation is open on the relationship page: one at a time, so field ids stay unique. */
export type MeetingFormKind =
  "pick" | "suggest" | "reschedule" | "cancel" | "record" | "attendance" | "notes";

export type Open =
  | { kind: "propose" }
  | { kind: MeetingFormKind; meetingId: string }
  | { kind: "add-action" }
  | { kind: "edit-action" | "remove-action"; actionId: string }
  | { kind: "pause" | "withdraw" }
  | { kind: "claim"; claimMeetingId: string }
  | { kind: "answer-query"; claimId: string }
  | null;

/** What a form on the relationship page is given: where it acts, and how it reports back. */
export interface Scope {
  organisationId: string;
  relationshipId: string;
}
