// A person's private calendar feed, /calendar/<token>.ics: fetched by a calendar app with no session,
// the token in the address is the only key. A stopped or replaced link answers 404 at once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { api, guard } from "../lib/api.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const match = /^([a-z2-7]{32})\.ics$/.exec(params.file ?? "");
  const session = await api(request, context);
  if (!match) throw new Response(null, { status: 404, statusText: "Not Found" });
  const feed = await guard(request, session.headers, () => session.caller.calendar.feed({ token: match[1]! }));
  return new Response(feed.content, {
    headers: {
      "Content-Type": feed.contentType,
      "Content-Disposition": 'inline; filename="mentoring.ics"',
      // The feed is personal: never kept by a shared cache, never indexed.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
