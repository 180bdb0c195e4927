// The header's organisation switcher posts here: make another membership the active one, then go back.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { apiError, requireSignedIn, safeRedirect } from "../lib/api.server";

export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { caller, headers } = await requireSignedIn(request, context);
  const organisationId = formData.get("organisationId");
  if (typeof organisationId === "string" && organisationId) {
    try {
      await caller.me.setActiveOrganisation({ organisationId });
    } catch (error) {
      // A stale or tampered choice (not a member, not an id): stay on the current organisation.
      if (!apiError(error)) throw error;
    }
  }
  return redirect(safeRedirect(formData.get("redirectTo")), { headers });
}
