// An export batch of approved claims as CSV, in finance's layout (columns in the admin README).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { claimsExportFile } from "../components/claims/export-download.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return claimsExportFile(request, context, params, "csv");
}
