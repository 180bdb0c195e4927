// tRPC setup and the procedure tiers. A tier narrows the context so a handler cannot forget who calls.
import type { EnrolmentRole } from "@tandem/core";
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { enrolments, memberships, type Tx, withTenant } from "@tandem/db";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { CallerPerson, Context } from "./context";
import type { SessionRecord } from "./services/sessions";
import { AppError, toTRPCError } from "./errors";
import { claimKey, IdempotencyError, IdempotencyFields, type KeyedWrite, payloadHash, storeResponse } from "./idempotency";
import { loadForMember } from "./services/relationships/load";
import type { MembershipRoleName, PlatformRoleName } from "./roles";

/**
 * Who a procedure is for. Staff procedures (organisation roles, central analysts, platform admins)
 * never return what a relationship's members keep; a test walks their output schemas to hold it.
 */
export interface ProcedureMeta {
  audience?: "staff";
}

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
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
        /** Set when a keyed write was refused: still in flight (409) or its key reused for another payload (422). */
        idempotency: cause instanceof IdempotencyError ? cause.problem : null,
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
  return signedInProcedure.meta({ audience: "staff" }).use(({ ctx, next }) => {
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

const SchemeScope = z.object({
  schemeId: z.string({ required_error: "Choose a scheme" }).uuid("Choose a scheme"),
});

export interface OrgScope {
  id: string;
  roles: MembershipRoleName[];
}

/** Queues work for after the transaction commits (mail and push are already outbox rows; this wakes workers). */
export type AfterCommit = (fn: () => void) => void;

/**
 * Runs `next` inside ONE tenant transaction for the caller: `app.organisation_id` and `app.person_id`
 * are set, so row-level security stands under every query the handler makes. A failed handler rolls
 * the transaction back; work queued with `afterCommit` runs only once it has committed.
 */
async function inTenantTransaction<R extends { ok: boolean }>(
  ctx: Context & { person: CallerPerson },
  organisationId: string,
  run: (tx: Tx, afterCommit: AfterCommit) => Promise<R>,
): Promise<R> {
  const queued: (() => void)[] = [];
  const committed = await withTenant(ctx.db, { organisationId, personId: ctx.person.id }, async (tx) => {
    const result = await run(tx as Tx, (fn) => queued.push(fn));
    // Roll back the transaction when the handler failed, so nothing half-done is kept.
    if (!result.ok) throw (result as unknown as { error: unknown }).error;
    return result;
  });
  for (const fn of queued) fn();
  return committed;
}

/**
 * An organisation-scoped procedure for staff: the organisation named in the input is only a hint; the
 * caller's membership and roles are checked on the server, and the handler runs in ONE transaction
 * with the tenant setting made.
 */
export function orgProcedure(...allowed: MembershipRoleName[]) {
  return signedInProcedure.meta({ audience: "staff" }).input(OrganisationScope).use(({ ctx, input, next }) => {
    const { organisationId } = input as z.infer<typeof OrganisationScope>;
    return inTenantTransaction(ctx, organisationId, async (tx, afterCommit) => {
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
      return next({ ctx: { ...ctx, tx, org: { id: organisationId, roles } as OrgScope, afterCommit } });
    });
  });
}

/**
 * A participant's procedure in the organisation that runs a scheme. No membership is needed (a doctor
 * may join another organisation's scheme, SPEC principle 4): what the person may touch is decided by
 * their own enrolments and relationships, which the next tiers and the services check, and which
 * row-level security (keyed on `app.person_id`) stands under.
 */
export const participantProcedure = signedInProcedure.input(OrganisationScope).use(({ ctx, input, next }) => {
  const { organisationId } = input as z.infer<typeof OrganisationScope>;
  return inTenantTransaction(ctx, organisationId, (tx, afterCommit) => next({ ctx: { ...ctx, tx, organisationId, afterCommit } }));
});

/**
 * A participant's procedure inside one scheme: the caller's active enrolment is resolved and checked
 * (in the named role, when one is given) before the handler runs. `missing` is what to tell someone
 * who is not taking part that way.
 */
export function enrolmentProcedure(options: { role?: EnrolmentRole; missing?: string } = {}) {
  return participantProcedure.input(SchemeScope).use(async ({ ctx, input, next }) => {
    const { schemeId } = input as z.infer<typeof SchemeScope>;
    const rows = await ctx.tx
      .select()
      .from(enrolments)
      .where(
        and(
          eq(enrolments.organisationId, ctx.organisationId),
          eq(enrolments.schemeId, schemeId),
          eq(enrolments.personId, ctx.person.id),
          eq(enrolments.status, "active"),
          options.role ? eq(enrolments.role, options.role) : undefined,
        ),
      );
    if (rows.length === 0) {
      const message = options.missing ?? (options.role ? `Join this scheme as a ${options.role} to continue` : "You are not taking part in this scheme");
      throw new AppError("FORBIDDEN", message);
    }
    return next({ ctx: { ...ctx, schemeId, enrolments: rows, enrolment: rows[0]! } });
  });
}

const RelationshipScope = z.object({
  relationshipId: z.string({ required_error: "Choose a relationship" }).uuid("Choose a relationship"),
});

/**
 * A member's procedure on one relationship: the caller must be one of its current members (anyone else
 * is told it does not exist), and the handler gets the relationship, its members, the caller's own
 * membership and the rules of the version the relationship started under.
 */
export const relationshipProcedure = participantProcedure.input(RelationshipScope).use(async ({ ctx, input, next }) => {
  const { relationshipId } = input as z.infer<typeof RelationshipScope>;
  const hand = await loadForMember(ctx.tx, { organisationId: ctx.organisationId, relationshipId, personId: ctx.person.id });
  return next({ ctx: { ...ctx, hand } });
});

/**
 * A participant's write that may have been made offline and replayed (decision record 016): an optional
 * `idempotencyKey` input field, held and stored in the write's own tenant transaction. A replay returns
 * the first response without running the handler again. Use `.use(idempotent)` on a tier that has a
 * tenant transaction (`participantProcedure`, `relationshipProcedure`), before `.output()`.
 */
const idempotent = t.middleware(async ({ ctx, input, path, getRawInput, next }) => {
  const key = (input as { idempotencyKey?: string }).idempotencyKey;
  if (!key) return next();
  const scoped = ctx as Context & { tx?: Tx; organisationId?: string };
  if (!scoped.tx || !scoped.organisationId || !scoped.person) throw new Error("idempotent writes need a tenant transaction");
  const write: KeyedWrite = { tx: scoped.tx, organisationId: scoped.organisationId, personId: scoped.person.id, key, procedure: path, hash: payloadHash(path, await getRawInput()), now: ctx.now() };
  let claimed: Awaited<ReturnType<typeof claimKey>>;
  try {
    claimed = await claimKey(write);
  } catch (error) {
    if (!(error instanceof IdempotencyError)) throw error;
    throw new TRPCError({ code: error.problem === "in_flight" ? "CONFLICT" : "UNPROCESSABLE_CONTENT", message: error.message, cause: error });
  }
  // The first response, as the handler and its output schema gave it; nothing runs again.
  if (claimed.replay) return { ok: true as const, data: claimed.response, marker: "middlewareMarker" as Awaited<ReturnType<typeof next>>["marker"] };
  const result = await next();
  if (result.ok) await storeResponse(write, result.data);
  return result;
});

/** A participant's write in an organisation, replayable with an idempotency key. */
export const participantWrite = participantProcedure.input(IdempotencyFields).use(idempotent);

/** A member's write on a relationship, replayable with an idempotency key. */
export const relationshipWrite = relationshipProcedure.input(IdempotencyFields).use(idempotent);
