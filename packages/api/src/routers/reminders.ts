// A person's choice of meeting reminders: by email, a notification on their devices (web push), both,
// or not at all; and also on the morning of the day.
import { withPerson } from "@tandem/db";
import { z } from "zod";
import { Ok } from "../schemas";
import { reminderPreferencesOf, saveReminderPreferences } from "../services/relationships/reminders";
import { router, signedInProcedure } from "../trpc";

const Channel = z.enum(["email", "push", "both", "none"], { errorMap: () => ({ message: "Choose email, a notification, both or no reminders" }) });
const Preferences = z.object({ channel: Channel, morning: z.boolean({ invalid_type_error: "Say whether to be reminded on the morning too" }) });

export const remindersRouter = router({
  preferences: signedInProcedure.output(Preferences).query(({ ctx }) => withPerson(ctx.db, ctx.person.id, (tx) => reminderPreferencesOf(tx, ctx.person.id))),
  setPreferences: signedInProcedure
    .input(Preferences)
    .output(Ok)
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => saveReminderPreferences(tx, { personId: ctx.person.id, ...input, now: ctx.now() }))),
});
