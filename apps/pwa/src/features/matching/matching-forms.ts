// The checks on the matching forms (a request, a no-fault change, the matching profile), in the
// same words as the API's zod schemas so a message reads the same whichever side finds it. Field
// names are the API's input paths, so server errors land on the same fields.
import type { RouterOutputs } from "../../lib/api-types";
import { toFormErrors, type FormErrors } from "../../lib/form-errors";

export const MAX_CHOICES = 3;

export type RequestField = "mentorEnrolmentIds" | "message";
export const requestFields: readonly RequestField[] = ["mentorEnrolmentIds", "message"];

export function validateRequest(values: {
  choices: readonly string[];
  message: string;
}): FormErrors<RequestField> {
  const fields: Partial<Record<RequestField, string>> = {};
  if (values.choices.length === 0) fields.mentorEnrolmentIds = "Choose at least one mentor";
  else if (values.choices.length > MAX_CHOICES)
    fields.mentorEnrolmentIds = "Choose up to 3 mentors, in order";
  if (values.message.trim().length > 500)
    fields.message = "Keep your message to 500 characters or fewer";
  return toFormErrors(requestFields, fields);
}

export type ReasonField = "reason";

/**
 * A no-fault change's reason is optional (SPEC principle 2): a mentee may ask for a different
 * mentor without saying why. Only its length is checked; `reason` is what the API takes (left out
 * when nothing was written).
 */
export function validateReason(reason: string): {
  errors: FormErrors<ReasonField>;
  reason?: string;
} {
  const text = reason.trim();
  const fields: Partial<Record<ReasonField, string>> = {};
  if (text.length > 1000) fields.reason = "Keep the reason to 1000 characters or fewer";
  const errors = toFormErrors(["reason"], fields);
  return errors.summary.length > 0 || !text ? { errors } : { errors, reason: text };
}

export type ProfileField = "topics" | "availability" | "bio" | "capacity";
export const profileFields: readonly ProfileField[] = ["topics", "availability", "bio", "capacity"];

export interface ProfileValues {
  topics: string;
  availability: string;
  remoteOk: boolean;
  bio: string;
  capacity: string;
}

/** One item per line (or comma), trimmed, blanks and repeats dropped, first spelling kept. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const item = raw.trim();
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

export const joinList = (items: readonly string[]) => items.join("\n");

export interface ProfileInputValues {
  topics: string[];
  availability: string[];
  remoteOk: boolean;
  bio: string | null;
  capacity?: number | null;
}

/** Checks the profile and, when it is fine, returns what the API takes. */
export function readProfile(
  values: ProfileValues,
  options: { mentor: boolean; maxMentees?: number | null },
): { errors: FormErrors<ProfileField>; input?: ProfileInputValues } {
  const fields: Partial<Record<ProfileField, string>> = {};
  const topics = splitList(values.topics);
  const availability = splitList(values.availability);
  if (topics.length > 20) fields.topics = "List 20 topics or fewer";
  else if (topics.some((t) => t.length > 80))
    fields.topics = "Keep each topic to 80 characters or fewer";
  if (availability.length > 21) fields.availability = "List 21 times or fewer";
  else if (availability.some((t) => t.length > 40))
    fields.availability = "Keep each time to 40 characters or fewer";
  const bio = values.bio.trim();
  if (bio.length > 1000) fields.bio = "Keep your introduction to 1000 characters or fewer";
  let capacity: number | null | undefined;
  if (options.mentor) {
    const text = values.capacity.trim();
    if (!text) fields.capacity = "Enter how many mentees you can take, or 0 for none at the moment";
    else if (!/^\d+$/.test(text)) fields.capacity = "Enter a whole number, like 2";
    else {
      capacity = Number(text);
      const max = options.maxMentees ?? 50;
      if (capacity > max) fields.capacity = `Enter ${max} or fewer`;
    }
  }
  const errors = toFormErrors(profileFields, fields);
  if (errors.summary.length > 0) return { errors };
  return {
    errors,
    input: {
      topics,
      availability,
      remoteOk: values.remoteOk,
      bio: bio || null,
      ...(options.mentor ? { capacity: capacity ?? null } : {}),
    },
  };
}

const EMPTY_PROFILE: ProfileValues = {
  topics: "",
  availability: "",
  remoteOk: false,
  bio: "",
  capacity: "",
};

/** The form's starting values for one role from what the person saved before (`matching.myProfile`). */
export function savedValues(
  profile: Pick<RouterOutputs["matching"]["myProfile"], "roles">,
  role: string,
): ProfileValues {
  const saved = profile.roles.find((r) => r.role === role);
  if (!saved) return EMPTY_PROFILE;
  return {
    topics: joinList(saved.topics),
    availability: joinList(saved.availability),
    remoteOk: saved.remoteOk,
    bio: saved.bio ?? "",
    capacity: role === "mentor" && saved.capacity !== null ? String(saved.capacity) : "",
  };
}

/** Whether `topic` is in the list (one a line or comma), ignoring case as the list does. */
export function hasTopic(text: string, topic: string): boolean {
  const key = topic.trim().toLowerCase();
  return splitList(text).some((t) => t.toLowerCase() === key);
}

/** Adds a suggested topic to the end of the list, or takes it out if it is there already. */
export function toggleTopic(text: string, topic: string): string {
  const key = topic.trim().toLowerCase();
  const items = splitList(text);
  return hasTopic(text, topic)
    ? joinList(items.filter((t) => t.toLowerCase() !== key))
    : joinList([...items, topic.trim()]);
}
