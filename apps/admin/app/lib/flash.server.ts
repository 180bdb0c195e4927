// A one-time success message carried across a redirect in a short-lived cookie, read (and cleared)
// by the next page's loader.
import { createCookie, type AppLoadContext } from "@remix-run/node";

const flashCookie = createCookie("tandem_flash", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 60,
});

export async function setFlash(headers: Headers, context: AppLoadContext, message: string): Promise<void> {
  headers.append("Set-Cookie", await flashCookie.serialize(message, { secure: context.deps.secureCookies }));
}

/** The pending message, if any; appends the header that clears it. */
export async function takeFlash(request: Request, headers: Headers, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await flashCookie.parse(request.headers.get("Cookie"));
  if (typeof value !== "string" || value === "") return null;
  headers.append(
    "Set-Cookie",
    await flashCookie.serialize("", { maxAge: 0, expires: new Date(0), secure: context.deps.secureCookies }),
  );
  return value.slice(0, 300);
}
