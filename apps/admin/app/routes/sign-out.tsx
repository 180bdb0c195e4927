// Sign out (POST only): ends this session and clears the cookie.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { api } from "../lib/api.server";

export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller, headers } = await api(request, context);
  await caller.auth.signOut();
  return redirect("/sign-in", { headers });
}
