// A meeting as an iCalendar invitation (SPEC section 6), made with the `ics` library: a stable UID per
// meeting, SEQUENCE raised each time it moves, METHOD:CANCEL once it is cancelled, so Outlook
// (NHSmail) and Google Calendar update the one event. The title says only "Mentoring meeting" and the
// way of meeting: nobody glancing at a shared calendar learns who is being mentored. The place or
// link is there, since the member downloading it needs it to attend; no names, no notes.
import { createEvent, type EventAttributes } from "ics";
import { meetingModeWords } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { meetings, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { appLink } from "../notify";
import type { RelationshipInHand } from "./load";

const kindWords = { contract: "first (contract) meeting", regular: "meeting", review: "review meeting" } as const;

/** The calendar UID of a meeting: the same for every version of it. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@tandem`;
}

export async function meetingCalendar(tx: Tx, options: { organisationId: string; hand: RelationshipInHand; meetingId: string; publicUrl: string }) {
  const [meeting] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.organisationId, options.organisationId), eq(meetings.id, options.meetingId), eq(meetings.relationshipId, options.hand.relationship.id)));
  if (!meeting) throw new AppError("NOT_FOUND", "That meeting is not in this relationship");
  if (!meeting.startsAt) throw new AppError("CONFLICT", "This meeting has no time yet: it can be added to a calendar once a time is picked");
  const cancelled = meeting.status === "cancelled";
  const link = appLink(options.publicUrl, `relationships/${options.hand.relationship.id}`);
  const event: EventAttributes = {
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    method: cancelled ? "CANCEL" : "PUBLISH",
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    productId: "tandem/mentoring",
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: meeting.minutes },
    title: `Mentoring meeting (${meetingModeWords[meeting.mode]})`,
    description: [`Your ${kindWords[meeting.kind]} in ${options.hand.scheme.name}.`, meeting.link ? `Join: ${meeting.link}` : null, `Details in Tandem: ${link}`].filter(Boolean).join("\n"),
    ...(meeting.mode === "in_person" && meeting.place ? { location: meeting.place } : {}),
    ...(meeting.mode === "video" && meeting.link ? { location: meeting.link } : {}),
    classification: "PRIVATE",
    busyStatus: "BUSY",
    lastModified: meeting.updatedAt.getTime(),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw new Error(`could not write the calendar entry: ${error?.name ?? "unknown"}`);
  return { filename: `mentoring-meeting-${meeting.startsAt.toISOString().slice(0, 10)}.ics`, contentType: "text/calendar; charset=utf-8", content: value };
}
