// Signing in and out, invitations, passwords. Bad input gets field messages, never a 500.
import { AcceptInvitationInput, ChangePasswordInput, InvitationRef, SignInInput } from "@tandem/core";
import { serializeBlankSessionCookie, serializeSessionCookie } from "../auth/cookies";
import { changePassword, signIn } from "../services/auth";
import { acceptInvitation, describeInvitation } from "../services/invitations";
import { invalidateAllSessions, invalidateSession } from "../services/sessions";
import { publicProcedure, router, signedInProcedure } from "../trpc";

export const authRouter = router({
  signIn: publicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    const { token, session } = await signIn(ctx.db, {
      ...input,
      address: ctx.req.address,
      userAgent: ctx.req.headers.get("user-agent"),
      now: ctx.now(),
    });
    ctx.req.setCookie(serializeSessionCookie(token, session.expiresAt, ctx.secureCookies));
    return { personId: session.personId };
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.session) await invalidateSession(ctx.db, ctx.session.id);
    ctx.req.setCookie(serializeBlankSessionCookie(ctx.secureCookies));
    return { ok: true as const };
  }),

  signOutEverywhere: signedInProcedure.mutation(async ({ ctx }) => {
    await invalidateAllSessions(ctx.db, ctx.person.id);
    ctx.req.setCookie(serializeBlankSessionCookie(ctx.secureCookies));
    return { ok: true as const };
  }),

  changePassword: signedInProcedure.input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    const { token, session } = await changePassword(ctx.db, {
      personId: ctx.person.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      now: ctx.now(),
    });
    ctx.req.setCookie(serializeSessionCookie(token, session.expiresAt, ctx.secureCookies));
    return { ok: true as const };
  }),

  invitation: publicProcedure
    .input(InvitationRef)
    .query(({ ctx, input }) => describeInvitation(ctx.db, { ...input, now: ctx.now() })),

  acceptInvitation: publicProcedure
    .input(AcceptInvitationInput)
    .mutation(({ ctx, input }) =>
      acceptInvitation(ctx.db, {
        organisationId: input.organisationId,
        token: input.token,
        password: input.password,
        now: ctx.now(),
      }),
    ),
});
