// Shared by the scheme pages: who may run schemes, and the scheme named in the URL.
import type { AppLoadContext } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { MembershipRoleName } from "@tandem/core";
import { guard, requireOrganisation } from "./api.server";

export const schemeRunners: MembershipRoleName[] = ["org_admin", "coordinator"];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The active organisation (for org admins and coordinators) and the scheme id from the URL. An id that
 * cannot be a scheme is "Page not found" rather than an input error from the API.
 */
export async function requireSchemeRunner(request: Request, context: AppLoadContext, params: Params) {
  const session = await requireOrganisation(request, context, schemeRunners);
  const schemeId = params.schemeId ?? "";
  if (!uuid.test(schemeId)) throw new Response(null, { status: 404, statusText: "Not Found", headers: session.headers });
  const organisationId = session.organisation.organisationId;
  return { ...session, schemeId, organisationId, ref: { organisationId, schemeId } };
}

/** The scheme with its current rules, summary and history; 404 when it is not this organisation's. */
export async function loadScheme(request: Request, runner: Awaited<ReturnType<typeof requireSchemeRunner>>) {
  return guard(request, runner.headers, () => runner.caller.scheme.get(runner.ref));
}

/** True when the signed-in person holds the central analyst platform role. */
export function isCentralAnalyst(me: { platformRoles: readonly string[] }): boolean {
  return me.platformRoles.includes("central_analyst");
}
