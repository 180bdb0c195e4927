// HTTP entry points: the tRPC fetch handler and the cross-origin guard, shared by the Node server.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { ApiDeps } from "./config";
import { createContext } from "./context";
import { appRouter } from "./root";

/**
 * Refuse state-changing requests from other sites before routing (CSRF defence in depth on top of
 * SameSite=Lax): a non-GET/HEAD request whose Origin is not ours, or that the browser marks
 * cross-site, is rejected.
 */
export function isForeignRequest(options: {
  method: string;
  origin: string | null;
  secFetchSite: string | null;
  host: string | null;
  allowedOrigins: string[];
}): boolean {
  if (options.method === "GET" || options.method === "HEAD" || options.method === "OPTIONS") return false;
  if (options.secFetchSite === "cross-site") return true;
  if (options.origin === null) return false;
  if (options.allowedOrigins.includes(options.origin)) return false;
  if (options.host !== null) {
    try {
      if (new URL(options.origin).host === options.host) return false;
    } catch {
      return true;
    }
  }
  return true;
}

export function handleTrpcRequest(
  deps: ApiDeps,
  request: Request,
  options: { address: string; endpoint?: string; onError?: (error: unknown, path: string | undefined) => void },
): Promise<Response> {
  return fetchRequestHandler({
    endpoint: options.endpoint ?? "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createContext(deps, {
        headers: request.headers,
        address: options.address,
        setCookie: (cookie) => resHeaders.append("Set-Cookie", cookie),
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") options.onError?.(error.cause ?? error, path);
    },
  });
}
