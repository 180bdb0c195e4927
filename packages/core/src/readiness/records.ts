// The mentor records readiness is computed from (SPEC section 7), as the API loads them for one mentor in one scheme.
import { z } from "zod";
import { supportEventKindValues } from "../preparation/inputs";

export const approvalDecisions = ["approved", "declined"] as const;

// Dates are plain strings here on purpose: readiness ignores a record whose date it cannot read rather than failing.
export const MentorRecords = z.object({
  modules: z
    .array(z.object({ moduleId: z.string(), completedOn: z.string(), verified: z.boolean() }))
    .default(() => []),
  supportEvents: z
    .array(
      z.object({ kind: z.enum(supportEventKindValues), date: z.string(), attended: z.boolean() }),
    )
    .default(() => []),
  /** Peer appraisals by convenors. */
  appraisals: z.array(z.object({ date: z.string() })).default(() => []),
  /** The coordinator's latest decision, or null if none has been made. */
  approval: z
    .object({ decision: z.enum(approvalDecisions), decidedOn: z.string() })
    .nullable()
    .default(null),
  activeMentees: z.number().int().min(0).default(0),
  /** The mentor's own capacity; the scheme's `mentors.maxMentees` still caps it. */
  capacity: z.number().int().min(0).optional(),
});

export type MentorRecords = z.output<typeof MentorRecords>;
export type MentorRecordsInput = z.input<typeof MentorRecords>;
/** Supervision is counted on its own, never towards the minimum number of support events. */
export type SupportEventKind = (typeof supportEventKindValues)[number];
