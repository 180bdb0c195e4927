// The signed-in mentor's CPD evidence as CSV (linked from the PWA; same origin, same session).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard, requireSignedIn } from "../lib/api.server";
import { cpdDownload } from "../lib/download.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSignedIn(request, context);
  return guard(request, session.headers, () => cpdDownload(session, "csv"));
}
