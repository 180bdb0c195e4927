// Feedback invitations on a device (SPEC section 6, issue: "invited by email, push and a card"): the
// invitation's transaction enqueues a `feedback.push` job per person, so nothing is pushed unless the
// invitation commits. The job pushes only to someone whose reminder choice includes notifications,
// only while the request is still unanswered in an open round, and says nothing but that feedback is
// asked for: no names, no scheme. A retried job may push again; the tag makes the device replace the
// first notification rather than show two.
import { and, eq } from "drizzle-orm";
import { type Database, feedbackRequests, feedbackResponses, feedbackRounds, type Tx, withPerson, withTenant } from "@tandem/db";
import { enqueueJob, type JobHandler } from "../jobs";
import { type PushMessage, type Pusher, subscriptionIdsOf } from "../push";
import { reminderPreferencesOf } from "../relationships/reminders";

const week = 7 * 86_400;

/** In the invitation's transaction: a push to follow once it commits. */
export async function enqueueFeedbackPush(tx: Tx, options: { organisationId: string; requestId: string }) {
  await enqueueJob(tx, { kind: "feedback.push", payload: { organisationId: options.organisationId, requestId: options.requestId }, dedupeKey: options.requestId });
}

export function feedbackPushMessage(options: { requestId: string; point: "midpoint" | "end" }): PushMessage {
  return {
    title: options.point === "end" ? "How did mentoring go?" : "Halfway: how is mentoring going?",
    body: "Your scheme asks for a few minutes of feedback. Your answers are never shown with your name.",
    path: `/app/feedback/${options.requestId}`,
    tag: `feedback-${options.requestId}`,
  };
}

/** Pushes one invitation to each of its person's devices, if they take notifications and it is still open. Returns how many were accepted. */
export async function pushFeedbackInvitation(db: Database, options: { organisationId: string; requestId: string; pusher: Pusher }) {
  const request = await withTenant(db, { organisationId: options.organisationId }, async (tx) => {
    const [row] = await tx
      .select({ personId: feedbackRequests.personId, point: feedbackRequests.point, closedAt: feedbackRounds.closedAt, answered: feedbackResponses.requestId })
      .from(feedbackRequests)
      .innerJoin(feedbackRounds, and(eq(feedbackRounds.organisationId, feedbackRequests.organisationId), eq(feedbackRounds.id, feedbackRequests.roundId)))
      .leftJoin(feedbackResponses, and(eq(feedbackResponses.organisationId, feedbackRequests.organisationId), eq(feedbackResponses.requestId, feedbackRequests.id)))
      .where(and(eq(feedbackRequests.organisationId, options.organisationId), eq(feedbackRequests.id, options.requestId)));
    return row;
  });
  if (!request || request.closedAt !== null || request.answered !== null) return 0;
  const { prefs, devices } = await withPerson(db, request.personId, async (tx) => ({
    prefs: await reminderPreferencesOf(tx, request.personId),
    devices: await subscriptionIdsOf(tx, request.personId),
  }));
  if (prefs.channel !== "push" && prefs.channel !== "both") return 0;
  let accepted = 0;
  for (const subscriptionId of devices) {
    const sent = await options.pusher.send({
      personId: request.personId,
      subscriptionId,
      message: feedbackPushMessage({ requestId: options.requestId, point: request.point }),
      ttlSeconds: week,
    });
    if (sent) accepted += 1;
  }
  return accepted;
}

export function feedbackPushHandlers(db: Database, options: { pusher?: Pusher }): Record<string, JobHandler> {
  const pusher = options.pusher;
  if (!pusher) return {};
  return {
    "feedback.push": async (payload) => {
      await pushFeedbackInvitation(db, { organisationId: String(payload.organisationId), requestId: String(payload.requestId), pusher });
    },
  };
}
