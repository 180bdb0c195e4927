// A tiny client-side router over location.pathname under /app/. Enough for a handful of screens
// without a new dependency; links are real <a href> so they work without JavaScript routing too.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

export const BASE = "/app";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => `${BASE}/`,
  );
}

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  for (const listener of listeners) listener();
}

/** Maps a pathname to a route name; trailing slashes do not matter. */
export type Route = "home" | "sign-in" | "not-found";

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "");
  if (path === BASE) return "home";
  if (path === `${BASE}/sign-in`) return "sign-in";
  return "not-found";
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified || !href.startsWith(`${BASE}/`)) return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
