// An export batch's remittance summary as PDF: a page per mentor with their claims and total.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { claimsExportFile } from "../components/claims/export-download.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return claimsExportFile(request, context, params, "pdf");
}
