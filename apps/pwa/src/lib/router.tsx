// A tiny client-side router over location under /app/. Enough for a handful of screens without a new
// dependency; links are real <a href>, and same-origin clicks under /app/ are handled here so the
// TanStack Query cache (and so what works offline) survives moving between screens.
import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

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

function notify() {
  for (const listener of listeners) listener();
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => `${BASE}/`,
  );
}

/** The query string, including its "?" (or ""). */
export function useSearch(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => "",
  );
}

const here = () => window.location.pathname + window.location.search + window.location.hash;

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === here()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
}

/** Changes the query string in place (no new history entry), e.g. for filters. */
export function replaceSearch(search: string) {
  const query = search && !search.startsWith("?") ? `?${search}` : search;
  navigate(window.location.pathname + query + window.location.hash, { replace: true });
}

export type Route =
  | { name: "home" }
  | { name: "organisations" }
  | { name: "sign-in" }
  | { name: "forgot-password" }
  | { name: "reset-password"; token: string }
  | { name: "accessibility" }
  | { name: "privacy" }
  | { name: "contact" }
  | { name: "find-schemes" }
  | { name: "my-schemes" }
  | { name: "scheme"; organisationSlug: string; schemeSlug: string }
  | { name: "preparation" }
  | { name: "recognition" }
  | { name: "support-events" }
  | { name: "cpd" }
  | { name: "matches" }
  | { name: "choose-mentor"; organisationSlug: string; schemeSlug: string }
  | { name: "matching-profile"; organisationSlug: string; schemeSlug: string }
  | { name: "mentee-course"; organisationSlug: string; schemeSlug: string }
  | { name: "relationships" }
  | { name: "relationship"; relationshipId: string }
  | { name: "feedback" }
  | { name: "feedback-form"; requestId: string }
  | { name: "questionnaire"; enrolmentId: string }
  | { name: "claims" }
  | { name: "not-found" };

/** Ids in addresses are UUIDs (as the API takes them); anything else is not a page. */
const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const relationshipPattern = new RegExp(`^/app/relationships/(${UUID})$`);
const feedbackPattern = new RegExp(`^/app/feedback/(${UUID})$`);
const questionnairePattern = new RegExp(`^/app/questionnaires/(${UUID})$`);

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Maps a pathname to a route; trailing slashes do not matter. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, "");
  if (path === BASE) return { name: "home" };
  if (path === `${BASE}/sign-in`) return { name: "sign-in" };
  if (path === `${BASE}/organisations`) return { name: "organisations" };
  if (path === `${BASE}/forgot-password`) return { name: "forgot-password" };
  if (path === `${BASE}/accessibility`) return { name: "accessibility" };
  if (path === `${BASE}/privacy`) return { name: "privacy" };
  if (path === `${BASE}/contact`) return { name: "contact" };
  const reset = /^\/app\/reset-password\/([a-z2-7]{16,64})$/.exec(path);
  if (reset) return { name: "reset-password", token: reset[1]! };
  if (path === `${BASE}/schemes`) return { name: "my-schemes" };
  if (path === `${BASE}/schemes/find`) return { name: "find-schemes" };
  if (path === `${BASE}/preparation`) return { name: "preparation" };
  if (path === `${BASE}/preparation/recognition`) return { name: "recognition" };
  if (path === `${BASE}/preparation/events`) return { name: "support-events" };
  if (path === `${BASE}/cpd`) return { name: "cpd" };
  if (path === `${BASE}/matches`) return { name: "matches" };
  if (path === `${BASE}/relationships`) return { name: "relationships" };
  if (path === `${BASE}/feedback`) return { name: "feedback" };
  if (path === `${BASE}/claims`) return { name: "claims" };
  const relationship = relationshipPattern.exec(path);
  if (relationship) return { name: "relationship", relationshipId: relationship[1]!.toLowerCase() };
  const feedback = feedbackPattern.exec(path);
  if (feedback) return { name: "feedback-form", requestId: feedback[1]!.toLowerCase() };
  const questionnaire = questionnairePattern.exec(path);
  if (questionnaire) return { name: "questionnaire", enrolmentId: questionnaire[1]!.toLowerCase() };
  const matching = /^\/app\/schemes\/([^/]+)\/([^/]+)\/(choose|profile|preparation)$/.exec(path);
  if (matching) {
    const organisationSlug = decode(matching[1]!);
    const schemeSlug = decode(matching[2]!);
    const name = ({ choose: "choose-mentor", profile: "matching-profile", preparation: "mentee-course" } as const)[matching[3] as "choose" | "profile" | "preparation"];
    if (organisationSlug && schemeSlug) return { name, organisationSlug, schemeSlug };
  }
  const scheme = /^\/app\/schemes\/([^/]+)\/([^/]+)$/.exec(path);
  if (scheme) {
    const organisationSlug = decode(scheme[1]!);
    const schemeSlug = decode(scheme[2]!);
    if (organisationSlug && schemeSlug) return { name: "scheme", organisationSlug, schemeSlug };
  }
  return { name: "not-found" };
}

export function schemePath(organisationSlug: string, schemeSlug: string): string {
  return `${BASE}/schemes/${encodeURIComponent(organisationSlug)}/${encodeURIComponent(schemeSlug)}`;
}

/** A scheme's mentee preparation course: its contents, or one of its pages. */
export function menteeCoursePath(organisationSlug: string, schemeSlug: string, pageKey?: string): string {
  return `${schemePath(organisationSlug, schemeSlug)}/preparation${pageKey ? `?${new URLSearchParams({ page: pageKey }).toString()}` : ""}`;
}

/** The sign-in page, coming back to `returnTo` afterwards. */
export function signInPath(returnTo: string): string {
  return `${BASE}/sign-in?${new URLSearchParams({ returnTo }).toString()}`;
}

/**
 * Where to go after signing in. Only paths inside the app are followed, so a crafted link cannot
 * send someone to another site ("//evil.example", "/app/../", "https://...").
 */
export function safeReturnTo(value: string | null | undefined): string {
  const fallback = `${BASE}/`;
  if (!value || !value.startsWith(`${BASE}/`)) return fallback;
  if (value.includes("//") || value.includes("\\") || /(^|\/)\.\.?(\/|$)/.test(value))
    return fallback;
  return value;
}

function isPlainClick(event: {
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  button: number;
}) {
  return !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0);
}

/** A same-origin link under /app/ that the router can follow without reloading the page. */
function appHref(anchor: HTMLAnchorElement): string | null {
  if (anchor.target && anchor.target !== "_self") return null;
  if (anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`)) return null;
  // Files served beside the app (icons, the manifest, offline.html) are not screens.
  if (/\.[a-z0-9]+$/i.test(url.pathname)) return null;
  // A link to a fragment of this page (e.g. the skip link) keeps the browser's own behaviour.
  if (
    url.pathname === window.location.pathname &&
    url.search === window.location.search &&
    url.hash
  )
    return null;
  return url.pathname + url.search + url.hash;
}

/** Follows clicks on any app link in the page (including ones rendered by @tandem/ui) in place. */
export function useLinkInterception() {
  useEffect(() => {
    function handleClick(event: globalThis.MouseEvent) {
      if (event.defaultPrevented || !isPlainClick(event)) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const href = appHref(anchor);
      if (href === null) return;
      event.preventDefault();
      navigate(href);
    }
    document.addEventListener("click", handleClick);
    return () => document.removeEventListener("click", handleClick);
  }, []);
}

export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainClick(event) || !href.startsWith(`${BASE}/`)) return;
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
