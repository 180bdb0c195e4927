// Notifications on a person's devices (web push): the key a browser subscribes with, and keeping or
// forgetting that browser's subscription. What is sent, and when, is the reminder job's business.
import { withPerson } from "@tandem/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Ok } from "../schemas";
import { removeSubscription, saveSubscription, subscriptionInput, vapidPublicKey } from "../services/push";
import { router, signedInProcedure } from "../trpc";

// The shape, for the client's types and a first check; the endpoint rule that depends on the
// installation (loopback allowed or not) is checked again in the procedure.
const AnySubscription = subscriptionInput({ allowLoopback: true });

export const pushRouter = router({
  /** Null while no server has made the installation's key pair (it is made on start). */
  publicKey: signedInProcedure.output(z.object({ publicKey: z.string().nullable() })).query(async ({ ctx }) => ({ publicKey: await vapidPublicKey(ctx.db) })),
  subscribe: signedInProcedure
    .input(AnySubscription)
    .output(Ok)
    .mutation(({ ctx, input }) => {
      const checked = subscriptionInput({ allowLoopback: ctx.allowLoopbackPush ?? false }).safeParse(input);
      if (!checked.success) throw new TRPCError({ code: "BAD_REQUEST", message: checked.error.issues[0]?.message ?? "That is not a push subscription", cause: checked.error });
      return withPerson(ctx.db, ctx.person.id, (tx) => saveSubscription(tx, { personId: ctx.person.id, subscription: checked.data, now: ctx.now() }));
    }),
  unsubscribe: signedInProcedure
    .input(z.object({ endpoint: z.string({ required_error: "Give the subscription's endpoint" }).max(2048, "The endpoint is too long") }))
    .output(Ok)
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => removeSubscription(tx, { personId: ctx.person.id, endpoint: input.endpoint }))),
});
