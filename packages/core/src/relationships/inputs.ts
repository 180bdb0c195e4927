// What members of a relationship send: meeting times (proposed, picked, moved), the outcome of a
// meeting, attendance at group sessions, agreed actions, shared notes, a pause. One set of zod schemas
// for the PWA's forms and the API. Browser-safe: imports only zod and core's lists.
import { z } from "zod";
import { meetingModes } from "../rules/schema";

const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);

const isRealDate = (text: string) => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};

export const DateText = (what: string) =>
  z
    .string({ required_error: `Enter ${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${what} as a real date, like 2026-03-14`)
    .refine(isRealDate, `Enter ${what} as a real date, like 2026-03-14`)
    .refine((text) => text >= "2000-01-01" && text <= "2100-12-31", `Enter ${what} between 2000 and 2100`);

export const MeetingTimeFields = z.object({
  date: DateText("the date"),
  start: z
    .string({ required_error: "Enter the start time" })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as hours and minutes, like 09:30 or 17:00"),
  minutes: z
    .number({ required_error: "Enter how long the meeting is, in minutes", invalid_type_error: "Enter how long the meeting is, in minutes" })
    .int("Enter the length as a whole number of minutes")
    .min(5, "A meeting lasts at least 5 minutes")
    .max(600, "A meeting lasts at most 600 minutes"),
  mode: z.enum(meetingModes, { errorMap: () => ({ message: "Choose in person, phone or video" }) }),
  place: z.string().trim().max(200, "Keep the place to 200 characters or fewer").optional(),
  link: z
    .string()
    .trim()
    .max(500, "Keep the link to 500 characters or fewer")
    .refine((text) => text === "" || /^https:\/\/[^\s]+$/.test(text), "Enter the video link as a web address starting https://")
    .optional(),
});

export const maxProposedTimes = 3;

const Times = z
  .array(MeetingTimeFields, { required_error: "Suggest at least one time" })
  .min(1, "Suggest at least one time")
  .max(maxProposedTimes, `Suggest up to ${maxProposedTimes} times`);

export const ProposeMeetingFields = z.object({
  times: Times,
  /** The pair's last meeting: it becomes the review where the scheme has one. */
  final: z.boolean().default(false),
});

export const CounterProposeMeetingFields = z.object({ meetingId: Id("a meeting"), times: Times });
export const PickMeetingTimeFields = z.object({
  meetingId: Id("a meeting"),
  choice: z.number({ required_error: "Choose one of the times" }).int("Choose one of the times").min(0, "Choose one of the times").max(maxProposedTimes - 1, "Choose one of the times"),
});
export const RescheduleMeetingFields = z.object({ meetingId: Id("a meeting"), time: MeetingTimeFields });
export const MeetingRef = z.object({ meetingId: Id("a meeting") });
export const SetFinalMeetingFields = z.object({ meetingId: Id("a meeting"), final: z.boolean() });

export const meetingOutcomes = ["held", "missed"] as const;
export const RecordMeetingFields = z.object({
  meetingId: Id("a meeting"),
  outcome: z.enum(meetingOutcomes, { errorMap: () => ({ message: "Choose whether the meeting happened" }) }),
  /** How long it really lasted, when different from planned. */
  minutes: z.number({ invalid_type_error: "Enter the length in minutes" }).int("Enter the length as a whole number of minutes").min(1, "Enter the length in minutes").max(600, "A meeting lasts at most 600 minutes").optional(),
  /** Co-mentoring: who took the speaker's turn. */
  speakerPersonIds: z.array(Id("who spoke")).max(3, "Choose up to 3 speakers").optional(),
});

export const MeetingAttendanceFields = z.object({
  meetingId: Id("a session"),
  entries: z
    .array(z.object({ personId: Id("a member"), attended: z.boolean() }))
    .min(1, "Record at least one member")
    .max(60, "Record up to 60 members"),
});

export const AgreedActionText = z.string({ required_error: "Enter the action" }).trim().min(1, "Enter the action").max(500, "Keep the action to 500 characters or fewer");

export const AgreedActionFields = z.object({
  text: AgreedActionText,
  ownerPersonId: Id("who will do it").nullable().optional(),
  dueOn: DateText("the due date").nullable().optional(),
  meetingId: Id("a meeting").nullable().optional(),
});

export const UpdateAgreedActionFields = z.object({
  actionId: Id("an action"),
  text: AgreedActionText.optional(),
  ownerPersonId: Id("who will do it").nullable().optional(),
  dueOn: DateText("the due date").nullable().optional(),
  done: z.boolean().optional(),
});

export const AgreedActionRef = z.object({ actionId: Id("an action") });

export const MeetingNoteFields = z.object({
  meetingId: Id("a meeting"),
  text: z.string().trim().max(10_000, "Keep the notes to 10,000 characters or fewer"),
});

export const PauseRelationshipFields = z.object({ resumeOn: DateText("the date to resume").nullable().optional() });

export type MeetingTimeFields = z.input<typeof MeetingTimeFields>;
export type ProposeMeetingFields = z.input<typeof ProposeMeetingFields>;
export type RecordMeetingFields = z.input<typeof RecordMeetingFields>;
export type AgreedActionFields = z.input<typeof AgreedActionFields>;
