// Relationships' background work: the daily settle (complete what has passed its longest time, resume
// what was paused until today, nudge, warn and close what has gone quiet, ask about unrecorded
// meetings), so that reads never have to change anything.
import type { Database } from "@tandem/db";
import type { JobHandler } from "../jobs";
import type { Mailer } from "../mail";
import type { Pusher } from "../push";
import { settleDueRelationships } from "./lifecycle";
import { settleQuietRelationships } from "./quiet";
import { feedbackPushHandlers } from "../feedback/push";
import { reminderHandlers } from "./reminders";

export function relationshipHandlers(db: Database, options: { mailer: Mailer; publicUrl: string; pusher?: Pusher; now?: () => Date }): Record<string, JobHandler> {
  const now = options.now ?? (() => new Date());
  return {
    ...feedbackPushHandlers(db, { pusher: options.pusher }),
    ...reminderHandlers(db, { mailer: options.mailer, publicUrl: options.publicUrl, ...(options.pusher ? { pusher: options.pusher } : {}), now }),
    "relationships.settle": async () => {
      const at = now();
      await settleDueRelationships(db, { now: at, mailer: options.mailer, publicUrl: options.publicUrl });
      await settleQuietRelationships(db, { now: at, mailer: options.mailer, publicUrl: options.publicUrl });
    },
  };
}
