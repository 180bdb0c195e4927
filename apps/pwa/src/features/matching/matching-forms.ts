// The checks on the matching forms (a request, a no-fault change, the matching profile) are the API's
// own input schemas from core, so a message reads the same whichever side finds it. Field names are
// the API's input paths, so server errors land on the same fields.
import { MatchingProfileFields, maxMentorChoices, MentorRequestFields, NoFaultChangeFields } from "@tandem/core";
import type { RouterOutputs } from "../../lib/api-types";
import { schemaFormErrors, toFormErrors, type FormErrors } from "../../lib/form-errors";

export const MAX_CHOICES = maxMentorChoices;

export type RequestField = "mentorEnrolmentIds" | "message";
export const requestFields: readonly RequestField[] = ["mentorEnrolmentIds", "message"];

export function validateRequest(values: {
  choices: readonly string[];
  message: string;
}): FormErrors<RequestField> {
  const parsed = MentorRequestFields.safeParse({ mentorEnrolmentIds: values.choices, message: values.message });
  return parsed.success ? toFormErrors(requestFields, {}) : schemaFormErrors(requestFields, parsed.error);
}

export type ReasonField = "reason";

/**
 * A no-fault change's reason is optional (SPEC principle 2): a mentee may ask for a different
 * mentor without saying why. `reason` is what the API takes (left out when nothing was written).
 */
export function validateReason(reason: string): {
  errors: FormErrors<ReasonField>;
  reason?: string;
} {
  const parsed = NoFaultChangeFields.safeParse({ reason });
  if (!parsed.success) return { errors: schemaFormErrors(["reason"], parsed.error) };
  const errors = toFormErrors<ReasonField>(["reason"], {});
  return parsed.data.reason ? { errors, reason: parsed.data.reason } : { errors };
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

/**
 * Checks the profile and, when it is fine, returns what the API takes. Lists are split here and the
 * capacity read as a number; everything else is checked by the API's own schema.
 */
export function readProfile(
  values: ProfileValues,
  options: { mentor: boolean; maxMentees?: number | null },
): { errors: FormErrors<ProfileField>; input?: ProfileInputValues } {
  const fields: Partial<Record<ProfileField, string>> = {};
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
  const input: ProfileInputValues = {
    topics: splitList(values.topics),
    availability: splitList(values.availability),
    remoteOk: values.remoteOk,
    bio: values.bio.trim() || null,
    ...(options.mentor ? { capacity: capacity ?? null } : {}),
  };
  const parsed = MatchingProfileFields.omit({ role: true }).safeParse(input);
  const found = parsed.success ? toFormErrors(profileFields, {}) : schemaFormErrors(profileFields, parsed.error);
  const errors = toFormErrors(profileFields, { ...found.fields, ...fields });
  return errors.summary.length > 0 ? { errors } : { errors, input };
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
