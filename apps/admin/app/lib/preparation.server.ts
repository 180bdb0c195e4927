// Shared by the mentor preparation pages: who may use them, ids from the URL, uploaded files and
// the organisation's mentors (everyone taking part as a mentor in any of its schemes).
import type { AppLoadContext } from "@remix-run/node";
import type { MembershipRoleName } from "@tandem/core";
import { guard, requireOrganisation } from "./api.server";

/** Org admins and coordinators run preparation: catalogue, records, imports, pools, approvals. */
export const preparationRunners: MembershipRoleName[] = ["org_admin", "coordinator"];
/** Convenors also see support events, keep registers and record peer appraisals. */
export const supportConvenors: MembershipRoleName[] = ["org_admin", "coordinator", "convenor"];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuid.test(value);
}

/** The active organisation for one of `roles`, with the `{ organisationId }` every procedure takes. */
export async function requirePreparation(request: Request, context: AppLoadContext, roles = preparationRunners) {
  const session = await requireOrganisation(request, context, roles);
  const organisationId = session.organisation.organisationId;
  return { ...session, organisationId, org: { organisationId } };
}

export type PreparationSession = Awaited<ReturnType<typeof requirePreparation>>;

/** An id from the URL that cannot be a row is "Page not found", not an input error from the API. */
export function idOr404(value: string | undefined, headers: Headers): string {
  if (!isUuid(value)) throw new Response(null, { status: 404, statusText: "Not Found", headers });
  return value;
}

/** A chosen file from a multipart form, or null when none was chosen. */
export function chosenFile(value: FormDataEntryValue | null): File | null {
  if (value === null || typeof value === "string") return null;
  return value.size > 0 || value.name ? value : null;
}

export async function fileAsBase64(file: File): Promise<string> {
  return Buffer.from(await file.arrayBuffer()).toString("base64");
}

/** Each scheme's mentor pool (readiness included), for pages that look across schemes. */
export async function allPools(request: Request, session: PreparationSession, options: { openOnly?: boolean } = {}) {
  const schemes = await guard(request, session.headers, () => session.caller.scheme.list(session.org));
  const chosen = schemes.filter((s) => (options.openOnly ? s.status === "open" : s.status !== "archived"));
  return Promise.all(
    chosen.map(async (scheme) => ({
      scheme,
      pool: await guard(request, session.headers, () => session.caller.preparation.pool({ ...session.org, schemeId: scheme.id })),
    })),
  );
}

/** "YYYY-MM-DD" for today (UTC, as readiness and the API count days). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
