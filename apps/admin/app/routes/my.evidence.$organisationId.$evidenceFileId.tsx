// A mentor downloads evidence they uploaded (only their own, only from that organisation).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard, requireSignedIn } from "../lib/api.server";
import { fromBase64 } from "../lib/download.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const session = await requireSignedIn(request, context);
  const file = await guard(request, session.headers, () =>
    session.caller.preparation.myEvidence({ organisationId: params.organisationId ?? "", evidenceFileId: params.evidenceFileId ?? "" }),
  ).catch((error: unknown) => {
    throw error instanceof Response ? error : new Response(null, { status: 404, headers: session.headers });
  });
  return fromBase64(file, session.headers);
}
