// What the audit log can be narrowed to: one action, one person, one scheme, a date range. Shared by
// the portal (read from the page's URL) and the procedure.
import { z } from "zod";
import { CalendarDate } from "../preparation/inputs";

export const AuditFilters = z
  .object({
    action: z.string().trim().min(1, "Choose an action").max(100, "Choose an action from the list").optional(),
    actorPersonId: z.string().uuid("Choose a person from the list").optional(),
    schemeId: z.string().uuid("Choose a scheme from the list").optional(),
    /** London calendar days, inclusive. */
    from: CalendarDate("the first day").optional(),
    to: CalendarDate("the last day").optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    path: ["to"],
    message: "Enter a last day on or after the first day",
  });

export type AuditFilters = z.output<typeof AuditFilters>;
