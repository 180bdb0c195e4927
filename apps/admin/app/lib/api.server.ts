// Loaders and actions call the tRPC router in-process (no HTTP hop). Every response carries the
// `headers` collected here, so the API's Set-Cookie (sign-in, sliding refresh, sign-out) reaches
// the browser. TRPCError codes become redirects, error pages or form messages.
import { redirect, type AppLoadContext } from "@remix-run/node";
import { createCaller, createContext } from "@tandem/api";
import type { MembershipRoleName } from "@tandem/core";

export async function api(request: Request, context: AppLoadContext) {
  const headers = new Headers();
  const ctx = await createContext(context.deps, {
    headers: request.headers,
    address: context.address,
    setCookie: (cookie) => headers.append("Set-Cookie", cookie),
  });
  return { caller: createCaller(ctx), ctx, headers };
}

export type Api = Awaited<ReturnType<typeof api>>;
export type Me = NonNullable<Awaited<ReturnType<Api["caller"]["me"]["get"]>>>;
export type Membership = Me["memberships"][number];

/** Only a path on this site: never `//host`, `/\host` or an absolute URL. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

export function signInPath(request: Request): string {
  const url = new URL(request.url);
  const here = url.pathname + url.search;
  return here === "/" ? "/sign-in" : `/sign-in?redirectTo=${encodeURIComponent(here)}`;
}

export interface ApiErrorShape {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}

/** A TRPCError (thrown by the in-process caller) as plain data; anything else is null. */
export function apiError(error: unknown): ApiErrorShape | null {
  if (!(error instanceof Error) || error.name !== "TRPCError" || !("code" in error)) return null;
  const cause = (error as Error & { cause?: unknown }).cause;
  let fieldErrors: Record<string, string[]> = {};
  if (cause && typeof cause === "object") {
    if ("fieldErrors" in cause && cause.fieldErrors && typeof cause.fieldErrors === "object") {
      fieldErrors = cause.fieldErrors as Record<string, string[]>;
    } else if ("flatten" in cause && typeof cause.flatten === "function") {
      const flat = (cause.flatten as () => { fieldErrors: Record<string, string[] | undefined> })();
      fieldErrors = Object.fromEntries(
        Object.entries(flat.fieldErrors).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)),
      );
    }
  }
  return { code: String(error.code), message: error.message, fieldErrors };
}

/**
 * What a loader or action does with an API error it cannot show in a form: sign in again, or the
 * 403/404 page. Anything else is rethrown for the 500 page (which never shows details).
 */
export function toRouteError(error: unknown, request: Request, headers: Headers): unknown {
  const known = apiError(error);
  if (!known) return error;
  switch (known.code) {
    case "UNAUTHORIZED":
      return redirect(signInPath(request), { headers });
    case "FORBIDDEN":
      return new Response(null, { status: 403, statusText: "Forbidden", headers });
    case "NOT_FOUND":
      return new Response(null, { status: 404, statusText: "Not Found", headers });
    default:
      return error;
  }
}

/** Runs an API call; errors that are not about the form become redirects or error pages. */
export async function guard<T>(request: Request, headers: Headers, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toRouteError(error, request, headers);
  }
}

const formErrorCodes = new Set(["BAD_REQUEST", "CONFLICT", "TOO_MANY_REQUESTS"]);

/**
 * An API error a person can act on (bad input, a conflict, too many attempts) as conform's
 * `submission.reply` options; other errors are thrown as redirects or error pages.
 */
export function formErrorsOrThrow(
  error: unknown,
  request: Request,
  headers: Headers,
  extraCodes: string[] = [],
): { formErrors: string[]; fieldErrors: Record<string, string[]> } {
  const known = apiError(error);
  if (known && (formErrorCodes.has(known.code) || extraCodes.includes(known.code))) {
    const hasFieldErrors = Object.keys(known.fieldErrors).length > 0;
    return { formErrors: hasFieldErrors ? [] : [known.message], fieldErrors: known.fieldErrors };
  }
  throw toRouteError(error, request, headers);
}

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export async function requireSignedIn(request: Request, context: AppLoadContext) {
  const session = await api(request, context);
  const me = await guard(request, session.headers, () => session.caller.me.get());
  if (!me) throw redirect(signInPath(request), { headers: session.headers });
  return { ...session, me };
}

export function activeMembership(me: Me): Membership | null {
  return me.memberships.find((m) => m.organisationId === me.activeOrganisationId) ?? null;
}

export function hasRole(membership: Membership | null, ...roles: MembershipRoleName[]): boolean {
  return Boolean(membership?.roles.some((role) => roles.includes(role)));
}

/**
 * The signed-in person's active organisation, when they hold one of `roles` there. The API checks
 * again (and row-level security under it); this check only picks the page to show.
 */
export async function requireOrganisation(
  request: Request,
  context: AppLoadContext,
  roles: MembershipRoleName[],
) {
  const session = await requireSignedIn(request, context);
  const organisation = activeMembership(session.me);
  if (!organisation || !hasRole(organisation, ...roles)) {
    throw new Response(null, { status: 403, statusText: "Forbidden", headers: session.headers });
  }
  return { ...session, organisation };
}

export function requirePlatformAdmin(me: Me, headers: Headers): void {
  if (!me.platformRoles.includes("platform_admin")) {
    throw new Response(null, { status: 403, statusText: "Forbidden", headers });
  }
}
