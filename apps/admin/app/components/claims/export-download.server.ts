// One export batch's file (finance's CSV or the PDF remittance), named by `?export=` in the address.
import type { AppLoadContext } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { guard } from "../../lib/api.server";
import { fromBase64 } from "../../lib/download.server";
import { requireSchemeRunner } from "../../lib/scheme-route.server";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function claimsExportFile(
  request: Request,
  context: AppLoadContext,
  params: Params,
  format: "csv" | "pdf",
) {
  const runner = await requireSchemeRunner(request, context, params);
  const exportId = new URL(request.url).searchParams.get("export") ?? "";
  if (!uuid.test(exportId))
    throw new Response(null, { status: 404, statusText: "Not Found", headers: runner.headers });
  const file = await guard(request, runner.headers, () =>
    runner.caller.claims.exportFile({ ...runner.ref, exportId, format }),
  );
  return fromBase64(file, runner.headers);
}
