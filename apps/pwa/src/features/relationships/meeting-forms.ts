// The relationship page's forms as values and checks: meeting times (propose up to three, suggest
// others, move one), what happened at a meeting, agreed actions, notes and a pause. The checks are the
// API's own input schemas from core, so a message reads the same whichever side finds it. A field's
// id is its API input path with the form's prefix ("times.0.minutes" -> "propose-times-0-minutes"),
// so the server's errors land on the same fields as the browser's.
import {
  AgreedActionFields,
  londonWallClock,
  maxProposedTimes,
  MeetingNoteFields,
  MeetingTimeFields,
  PauseRelationshipFields,
  ProposeMeetingFields,
  RecordMeetingFields,
} from "@tandem/core";
import { mapTrpcError, messages, toFormErrors, type FormErrors } from "../../lib/form-errors";
import type { MeetingMode } from "./relationship-types";

export const MAX_TIMES = maxProposedTimes;

/** The API's messages for these codes are written for people ("This meeting already has its time"). */
export const PEOPLE_CODES = ["CONFLICT", "NOT_FOUND", "FORBIDDEN"] as const;

type Path = string | readonly (string | number)[];

/** A field's id: the form's prefix and the API input path, joined with dashes. */
export function fieldId(prefix: string, path: Path): string {
  const parts = typeof path === "string" ? path.split(".") : path.map(String);
  return [prefix, ...parts].filter(Boolean).join("-");
}

type Issue = { path: readonly (string | number)[]; message: string };

/** Form errors from schema issues: the first message for each field, in the order the fields appear. */
export function issuesToErrors(
  prefix: string,
  order: readonly string[],
  issues: readonly Issue[],
  base: Path = [],
): FormErrors {
  const fields: Record<string, string> = {};
  const formErrors: string[] = [];
  const baseParts = typeof base === "string" ? base.split(".") : [...base];
  for (const issue of issues) {
    const id = fieldId(prefix, [...baseParts, ...issue.path]);
    if (order.includes(id)) fields[id] ??= issue.message;
    else if (!formErrors.includes(issue.message)) formErrors.push(issue.message);
  }
  return toFormErrors(order, fields, formErrors);
}

/**
 * Maps a failed mutation to form errors on the page's fields: the API's field errors are keyed by
 * input path ("times.1.mode"), turned into the form's ids here.
 */
export function mapServerError(
  error: unknown,
  prefix: string,
  order: readonly string[],
  online: boolean,
): FormErrors {
  const shape = (typeof error === "object" && error !== null ? error : {}) as {
    message?: unknown;
    data?: { fieldErrors?: Record<string, string[] | undefined> | null; zodError?: unknown } | null;
  };
  const raw = shape.data?.fieldErrors ?? null;
  const renamed = raw
    ? Object.fromEntries(Object.entries(raw).map(([path, list]) => [fieldId(prefix, path), list]))
    : null;
  const withIds = shape.data
    ? { ...shape, data: { ...shape.data, zodError: null, fieldErrors: renamed } }
    : error;
  const mapped = mapTrpcError(withIds, order, {
    online,
    showMessageFor: PEOPLE_CODES,
    unauthorised: messages.signedOut,
  });
  // A BAD_REQUEST without field errors still has a sentence written for people: show it, not "check your answers".
  const message = typeof shape.message === "string" ? shape.message : "";
  if (
    mapped.summary.length === 1 &&
    mapped.summary[0]!.text === messages.checkAnswers &&
    message &&
    !/[{}]/.test(message)
  )
    return toFormErrors(order, {}, [message.replace(/^[\w.]+: /, "")]);
  return mapped;
}

export interface TimeValues {
  date: string;
  start: string;
  minutes: string;
  mode: MeetingMode | "";
  place: string;
  link: string;
}

export const timeFields = ["date", "start", "minutes", "mode", "place", "link"] as const;

/** A new time: the scheme's shortest meeting, and its only mode when it has just one. */
export function blankTime(rules: {
  minutes: { min: number };
  modes: readonly MeetingMode[];
}): TimeValues {
  return {
    date: "",
    start: "",
    minutes: String(rules.minutes.min),
    mode: rules.modes.length === 1 ? rules.modes[0]! : "",
    place: "",
    link: "",
  };
}

/** A meeting's own time, as the form to move it starts. */
export function timeOf(meeting: {
  startsAt: Date | null;
  minutes: number;
  mode: MeetingMode;
  place: string | null;
  link: string | null;
}): TimeValues {
  const clock = meeting.startsAt ? londonWallClock(meeting.startsAt) : { date: "", time: "" };
  return {
    date: clock.date,
    start: clock.time,
    minutes: String(meeting.minutes),
    mode: meeting.mode,
    place: meeting.place ?? "",
    link: meeting.link ?? "",
  };
}

/** What the API takes for one time: a place only in person, a link only by video. */
export function toTimeInput(values: TimeValues) {
  const minutes = values.minutes.trim();
  // A field left empty is sent as missing, so its message asks for it ("Enter the date").
  return {
    date: (values.date.trim() || undefined) as string,
    start: (values.start.trim() || undefined) as string,
    minutes: (minutes === "" ? undefined : Number(minutes)) as number,
    mode: values.mode as MeetingMode,
    ...(values.mode === "in_person" && values.place.trim() ? { place: values.place.trim() } : {}),
    ...(values.mode === "video" && values.link.trim() ? { link: values.link.trim() } : {}),
  };
}

/** Every field id of a form with `count` times under `base` ("times" or "time"), in page order. */
export function timeFieldIds(prefix: string, base: "times" | "time", count: number): string[] {
  const one = (at: (string | number)[]) => timeFields.map((f) => fieldId(prefix, [...at, f]));
  return base === "time"
    ? one(["time"])
    : Array.from({ length: count }, (_, i) => one(["times", i])).flat();
}

/** Checks up to three times; when they are fine, returns what the API takes. */
export function readTimes(prefix: string, values: readonly TimeValues[]) {
  const order = timeFieldIds(prefix, "times", values.length);
  const times = values.map(toTimeInput);
  const parsed = ProposeMeetingFields.safeParse({ times });
  if (!parsed.success) return { errors: issuesToErrors(prefix, order, parsed.error.issues) };
  return { errors: toFormErrors(order, {}), times };
}

/** Checks the one time a meeting moves to. */
export function readTime(prefix: string, values: TimeValues) {
  const order = timeFieldIds(prefix, "time", 1);
  const time = toTimeInput(values);
  const parsed = MeetingTimeFields.safeParse(time);
  if (!parsed.success)
    return { errors: issuesToErrors(prefix, order, parsed.error.issues, ["time"]) };
  return { errors: toFormErrors(order, {}), time };
}

export interface RecordValues {
  outcome: "held" | "missed" | "";
  minutes: string;
  speakerPersonIds: string[];
}

export const recordFieldIds = (prefix: string) =>
  ["outcome", "minutes", "speakerPersonIds"].map((f) => fieldId(prefix, f));

/** What happened at a meeting: held (with how long it really lasted) or missed. */
export function readRecord(prefix: string, meetingId: string, values: RecordValues) {
  const order = recordFieldIds(prefix);
  const minutes = values.minutes.trim();
  const held = values.outcome === "held";
  const input = {
    meetingId,
    outcome: values.outcome as "held" | "missed",
    ...(held && minutes ? { minutes: Number(minutes) } : {}),
    ...(held && values.speakerPersonIds.length > 0
      ? { speakerPersonIds: values.speakerPersonIds }
      : {}),
  };
  const parsed = RecordMeetingFields.safeParse(input);
  if (!parsed.success) return { errors: issuesToErrors(prefix, order, parsed.error.issues) };
  return { errors: toFormErrors(order, {}), input };
}

export interface ActionValues {
  text: string;
  ownerPersonId: string;
  dueOn: string;
}

export const actionFieldIds = (prefix: string) =>
  ["text", "ownerPersonId", "dueOn"].map((f) => fieldId(prefix, f));

/** An agreed action: what, who (optional) and by when (optional). */
export function readAction(prefix: string, values: ActionValues) {
  const order = actionFieldIds(prefix);
  const input = {
    text: values.text.trim(),
    ownerPersonId: values.ownerPersonId || null,
    dueOn: values.dueOn.trim() || null,
  };
  const parsed = AgreedActionFields.safeParse(input);
  if (!parsed.success) return { errors: issuesToErrors(prefix, order, parsed.error.issues) };
  return { errors: toFormErrors(order, {}), input };
}

/** A meeting's shared notes (an empty text removes them). */
export function readNotes(prefix: string, meetingId: string, text: string) {
  const order = [fieldId(prefix, "text")];
  const parsed = MeetingNoteFields.safeParse({ meetingId, text });
  if (!parsed.success) return { errors: issuesToErrors(prefix, order, parsed.error.issues) };
  return { errors: toFormErrors(order, {}), input: parsed.data };
}

/** A pause, with a date to resume if the person gives one. */
export function readPause(prefix: string, resumeOn: string) {
  const order = [fieldId(prefix, "resumeOn")];
  const input = { resumeOn: resumeOn.trim() || null };
  const parsed = PauseRelationshipFields.safeParse(input);
  if (!parsed.success) return { errors: issuesToErrors(prefix, order, parsed.error.issues) };
  return { errors: toFormErrors(order, {}), input };
}
