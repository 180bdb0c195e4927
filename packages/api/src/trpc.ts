// tRPC setup and the procedure tiers. A tier narrows the context so a handler cannot forget who calls.
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { memberships, type Tx, withTenant } from "@tandem/db";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { CallerPerson, Context } from "./context";
import type { SessionRecord } from "./services/sessions";
import { AppError, toTRPCError } from "./errors";
import type { MembershipRoleName, PlatformRoleName } from "./roles";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodError = cause instanceof ZodError ? cause.flatten() : null;
    const fieldErrors =
      zodError?.fieldErrors ?? (cause instanceof AppError ? cause.fieldErrors ?? null : null);
    // Never echo internals: an unexpected error reaches the client as a plain sentence.
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side. Try again later."
        : zodError
          ? firstZodMessage(cause as ZodError)
          : shape.message;
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        zodError: zodError ? { fieldErrors: zodError.fieldErrors, formErrors: zodError.formErrors } : null,
        fieldErrors,
      },
    };
  },
});

function firstZodMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Check your answers";
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Maps AppError to its tRPC code; anything else stays an internal error. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session || !ctx.person) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  }
  return next({ ctx: { ...ctx, session: ctx.session as SessionRecord, person: ctx.person as CallerPerson } });
});

function platformTier(role: PlatformRoleName) {
  return signedInProcedure.use(({ ctx, next }) => {
    if (!ctx.person.platformRoles.includes(role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this" });
    }
    return next();
  });
}

export const platformProcedure = platformTier("platform_admin");
export const centralProcedure = platformTier("central_analyst");

export const OrganisationScope = z.object({
  organisationId: z.string({ required_error: "Choose an organisation" }).uuid("Choose an organisation"),
});

export interface OrgScope {
  id: string;
  roles: MembershipRoleName[];
}

/**
 * An organisation-scoped procedure: the organisation named in the input is only a hint; the caller's
 * membership and roles are checked on the server, and the handler runs in ONE transaction with the
 * tenant setting made, so row-level security stands under every query it makes.
 */
export function orgProcedure(...allowed: MembershipRoleName[]) {
  return signedInProcedure.input(OrganisationScope).use(async ({ ctx, input, next }) => {
    const { organisationId } = input as z.infer<typeof OrganisationScope>;
    // Work to start once the transaction has committed (e.g. waking the job worker for a queued job).
    const afterCommit: (() => void)[] = [];
    const committed = await withTenant(ctx.db, { organisationId, personId: ctx.person.id }, async (tx) => {
      const [membership] = await tx
        .select({ roles: memberships.roles, status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.personId, ctx.person.id)))
        .limit(1);
      const roles = membership?.status === "active" ? membership.roles : [];
      const permitted = allowed.length === 0 ? roles.length > 0 : roles.some((r) => allowed.includes(r));
      if (!permitted) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this organisation" });
      }
      const result = await next({
        ctx: { ...ctx, tx: tx as Tx, org: { id: organisationId, roles } as OrgScope, afterCommit: (fn: () => void) => afterCommit.push(fn) },
      });
      // Roll back the transaction when the handler failed, so nothing half-done is kept.
      if (!result.ok) throw result.error;
      return result;
    });
    for (const fn of afterCommit) fn();
    return committed;
  });
}
