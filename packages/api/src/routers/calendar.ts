// A person's private calendar feed: see whether one is on, make a new link (the old one stops), stop
// it; and the feed itself, which a calendar fetches with the token in its URL and no session.
import { withPerson } from "@tandem/db";
import { z } from "zod";
import { Ok, Timestamp } from "../schemas";
import { createFeed, feedCalendar, feedStatus, revokeFeed } from "../services/relationships/feed";
import { publicProcedure, router, signedInProcedure } from "../trpc";

const ShowDetails = z.object({ showDetails: z.boolean({ invalid_type_error: "Say whether names and places go in your calendar" }) });

export const calendarRouter = router({
  feedStatus: signedInProcedure
    .output(z.object({ active: z.boolean(), showDetails: z.boolean(), createdAt: Timestamp.nullable() }))
    .query(({ ctx }) => withPerson(ctx.db, ctx.person.id, (tx) => feedStatus(tx, ctx.person.id))),
  createFeed: signedInProcedure
    .input(ShowDetails)
    .output(z.object({ url: z.string() }))
    .mutation(({ ctx, input }) => withPerson(ctx.db, ctx.person.id, (tx) => createFeed(tx, { personId: ctx.person.id, showDetails: input.showDetails, publicUrl: ctx.publicUrl, now: ctx.now() }))),
  revokeFeed: signedInProcedure.output(Ok).mutation(({ ctx }) => withPerson(ctx.db, ctx.person.id, (tx) => revokeFeed(tx, ctx.person.id))),
  feed: publicProcedure
    .input(z.object({ token: z.string({ invalid_type_error: "Give the calendar link's token" }).max(100, "That is not a calendar link") }))
    .output(z.object({ content: z.string(), contentType: z.string() }))
    .query(({ ctx, input }) => feedCalendar(ctx.db, { token: input.token, publicUrl: ctx.publicUrl, now: ctx.now() })),
});
