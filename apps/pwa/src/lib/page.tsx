// Every screen has one h1 and a document title; the h1 can take focus after a route change.
import { useEffect, useRef, type ReactNode } from "react";

export const SERVICE_NAME = "Tandem mentoring";

export function usePageTitle(title: string, hasError = false) {
  useEffect(() => {
    document.title = `${hasError ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
  }, [title, hasError]);
}

let focusHeadingUntil = 0;

/**
 * Called on a route change. A screen often shows a "loading" heading first and its real heading when
 * the data arrives; the new h1 replaces the old one, so focus would fall back to the page. For a short
 * while, a heading that mounts while nothing else has focus takes it.
 */
export function expectHeadingFocus(ms = 10_000) {
  focusHeadingUntil = Date.now() + ms;
}

export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (Date.now() < focusHeadingUntil && (active === null || active === document.body)) ref.current?.focus();
  }, []);
  return (
    <h1 className="nhsuk-heading-l" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
