// What participants send about matching (a request, a no-fault change, their matching profile, pool
// filters): one set of zod schemas, used by the PWA's forms and by the API's procedures, so a message
// reads the same whichever side finds the problem. Browser-safe: imports only zod.
import { z } from "zod";

const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);

/** Mentees choose up to this many mentors, in order; each choice is asked in turn. */
export const maxMentorChoices = 3;

export const MentorFiltersFields = z
  .object({
    specialty: z.string().trim().max(80, "Keep the specialty to 80 characters or fewer").optional(),
    topic: z.string().trim().max(80, "Keep the topic to 80 characters or fewer").optional(),
    maxKm: z
      .number({ invalid_type_error: "Enter the distance as a number" })
      .positive("Enter a distance above 0")
      .max(2000, "Enter 2000 km or less")
      .optional(),
    availability: z.string().trim().max(40, "Keep the time to 40 characters or fewer").optional(),
  })
  .default({});

export const MentorRequestFields = z.object({
  mentorEnrolmentIds: z
    .array(Id("a mentor"), { required_error: "Choose at least one mentor" })
    .min(1, "Choose at least one mentor")
    .max(maxMentorChoices, `Choose up to ${maxMentorChoices} mentors, in order`)
    .refine((ids) => new Set(ids).size === ids.length, "Choose each mentor once"),
  message: z.string().trim().max(500, "Keep your message to 500 characters or fewer").optional(),
});

/** SPEC principle 2: a mentee may ask for a different mentor without giving a reason. */
export const NoFaultChangeFields = z.object({
  reason: z
    .string()
    .trim()
    .max(1000, "Keep the reason to 1000 characters or fewer")
    .optional()
    .transform((text) => (text ? text : undefined)),
});

const Topic = z.string().trim().min(1, "Enter each topic").max(80, "Keep each topic to 80 characters or fewer");
const Slot = z
  .string()
  .trim()
  .min(1, "Enter each time you are free")
  .max(40, "Keep each time to 40 characters or fewer");

export const participantRoles = ["mentee", "mentor", "peer"] as const;

export const MatchingProfileFields = z.object({
  role: z.enum(participantRoles, { errorMap: () => ({ message: "Choose mentee, mentor or peer" }) }),
  topics: z.array(Topic).max(20, "List 20 topics or fewer"),
  availability: z.array(Slot).max(21, "List 21 times or fewer"),
  /** Times the person can never meet (a rota pattern: nights, on-call days); shown to whoever proposes a meeting. */
  unavailable: z
    .array(z.string().trim().min(1, "Enter each time you cannot meet").max(60, "Keep each time you cannot meet to 60 characters or fewer"))
    .max(21, "List 21 times or fewer")
    .default([]),
  remoteOk: z.boolean({ invalid_type_error: "Choose whether remote meetings suit you" }),
  bio: z.string().trim().max(1000, "Keep your introduction to 1000 characters or fewer").nullable(),
  capacity: z
    .number({ invalid_type_error: "Enter a whole number, like 2" })
    .int("Enter a whole number, like 2")
    .min(0, "Enter 0 or more")
    .max(50, "Enter 50 or fewer")
    .nullable()
    .optional(),
});

export type MentorFiltersFields = z.input<typeof MentorFiltersFields>;
export type MentorRequestFields = z.input<typeof MentorRequestFields>;
export type MatchingProfileFields = z.input<typeof MatchingProfileFields>;
