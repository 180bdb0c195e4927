// A coordinator downloads a mentor's evidence file held by the active organisation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard, requireOrganisation } from "../lib/api.server";
import { fromBase64 } from "../lib/download.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const session = await requireOrganisation(request, context, ["org_admin", "coordinator"]);
  const file = await guard(request, session.headers, () =>
    session.caller.preparation.evidence({ organisationId: session.organisation.organisationId, evidenceFileId: params.evidenceFileId ?? "" }),
  ).catch((error: unknown) => {
    throw error instanceof Response ? error : new Response(null, { status: 404, headers: session.headers });
  });
  return fromBase64(file, session.headers);
}
