// Input schemas for mentor preparation and support, shared by forms and procedures.
import { z } from "zod";
import { readDate } from "./attendance-import";

const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);

export const CalendarDate = (what: string) =>
  z
    .string({ required_error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .transform((value, ctx) => {
      const date = readDate(value);
      if (!date) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Enter ${what} as a real date, like 2026-03-14 or 14/03/2026` });
        return z.NEVER;
      }
      return date;
    });

export const moduleKindValues = ["course_module", "masterclass", "programme", "taster", "cpd"] as const;
export const moduleKindLabels: Record<(typeof moduleKindValues)[number], string> = {
  course_module: "Course module",
  masterclass: "Masterclass",
  programme: "Programme",
  taster: "Taster",
  cpd: "CPD",
};

export const ModuleFields = z.object({
  code: z
    .string({ required_error: "Enter a code" })
    .trim()
    .min(2, "Code must be 2 characters or more")
    .max(60, "Code must be 60 characters or fewer")
    .regex(/^[a-z0-9-]+$/, "Use lower-case letters, numbers and hyphens in the code, like masterclass-1"),
  name: z.string({ required_error: "Enter the module's name" }).trim().min(2, "Enter the module's name").max(120, "Name must be 120 characters or fewer"),
  kind: z.enum(moduleKindValues, { errorMap: () => ({ message: "Choose the kind of module" }) }),
  hours: z.coerce
    .number({ invalid_type_error: "Enter the hours as a number, like 7.5" })
    .min(0.25, "Enter at least a quarter of an hour")
    .max(500, "Enter 500 hours or fewer"),
  validityMonths: z.coerce
    .number({ invalid_type_error: "Enter the months as a whole number" })
    .int("Enter the months as a whole number")
    .min(1, "Enter at least 1 month, or leave it empty if it never expires")
    .max(240, "Enter 240 months or fewer")
    .nullable()
    .optional(),
  description: z.string().trim().max(2000, "Keep the description to 2000 characters or fewer").nullable().optional(),
  schemeId: Id("a scheme").nullable().optional(),
});

export const RecordCompletionFields = z.object({
  personId: Id("a mentor"),
  moduleId: Id("a module"),
  completedOn: CalendarDate("the date it was completed"),
  evidenceNote: z.string().trim().max(500, "Keep the evidence note to 500 characters or fewer").optional(),
  evidenceFileId: Id("an evidence file").optional(),
});

export const RecognitionRequestFields = z.object({
  organisationId: Id("an organisation"),
  moduleId: Id("the module it matches"),
  completedOn: CalendarDate("the date you completed it"),
  provider: z.string({ required_error: "Enter who ran the training" }).trim().min(2, "Enter who ran the training").max(200, "Keep it to 200 characters or fewer"),
  evidenceNote: z.string().trim().max(500, "Keep the note to 500 characters or fewer").optional(),
  evidenceFileId: Id("an evidence file").optional(),
});

export const AttendanceCsv = z.object({
  csv: z.string({ required_error: "Choose a CSV file" }).min(1, "The selected file is empty").max(1_000_000, "The selected file must be smaller than 1 MB"),
});

export const supportEventKindValues = ["support_group", "development_event", "conference", "supervision"] as const;
export const supportEventKindLabels: Record<(typeof supportEventKindValues)[number], string> = {
  support_group: "Support group",
  development_event: "Development event",
  conference: "Conference",
  supervision: "Supervision",
};

export const EventFields = z.object({
  kind: z.enum(supportEventKindValues, { errorMap: () => ({ message: "Choose the kind of event" }) }),
  title: z.string({ required_error: "Enter a title" }).trim().min(2, "Enter a title").max(160, "Keep the title to 160 characters or fewer"),
  heldOn: CalendarDate("the date of the event"),
  location: z.string().trim().max(200, "Keep the place to 200 characters or fewer").nullable().optional(),
  schemeId: Id("a scheme").nullable().optional(),
  convenorPersonId: Id("a convenor").nullable().optional(),
  places: z.coerce.number().int("Enter the places as a whole number").min(1, "Enter at least 1 place").max(10_000).nullable().optional(),
});

export const AttendanceFields = z.object({
  eventId: Id("an event"),
  entries: z
    .array(z.object({ personId: Id("a person"), status: z.enum(["signed_up", "attended", "absent"], { errorMap: () => ({ message: "Choose attended, absent or signed up" }) }) }))
    .min(1, "Mark at least one person")
    .max(500, "Record at most 500 people at once"),
});

export const AppraisalFields = z.object({
  mentorPersonId: Id("a mentor"),
  appraisedOn: CalendarDate("the date of the appraisal"),
});

export const MentorDecisionFields = z.object({
  schemeId: Id("a scheme"),
  personId: Id("a mentor"),
  decision: z.enum(["approved", "declined"], { errorMap: () => ({ message: "Choose approve or decline" }) }),
  note: z.string().trim().max(2000, "Keep the note to 2000 characters or fewer").optional(),
});
