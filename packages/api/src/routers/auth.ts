// Signing in and out, invitations, passwords. Bad input gets field messages, never a 500.
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  InvitationRef,
  PasswordResetRef,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignInInput,
} from "@tandem/core";
import { z } from "zod";
import { serializeBlankSessionCookie, serializeSessionCookie } from "../auth/cookies";
import { changePassword, signIn } from "../services/auth";
import { acceptInvitation, describeInvitation } from "../services/invitations";
import { describePasswordReset, requestPasswordReset, resetPassword } from "../services/password-reset";
import { Ok } from "../schemas";
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

  /** Always the same answer, whether or not the address has an account (only the rate limit refuses). */
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .output(Ok)
    .mutation(({ ctx, input }) =>
      requestPasswordReset(ctx.db, {
        email: input.email,
        app: input.app,
        address: ctx.req.address,
        mailer: ctx.mailer,
        publicUrl: ctx.publicUrl,
        now: ctx.now(),
      }),
    ),

  passwordReset: publicProcedure
    .input(PasswordResetRef)
    .output(z.object({ status: z.enum(["ready", "used", "replaced", "expired", "invalid"]) }))
    .query(({ ctx, input }) => describePasswordReset(ctx.db, { token: input.token, now: ctx.now() })),

  /** Sets the new password and ends every session of the person, this browser's included. */
  resetPassword: publicProcedure
    .input(ResetPasswordInput)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      const result = await resetPassword(ctx.db, { token: input.token, password: input.password, mailer: ctx.mailer, now: ctx.now() });
      ctx.req.setCookie(serializeBlankSessionCookie(ctx.secureCookies));
      return result;
    }),
});
