// Every screen has one h1 and a document title; the h1 can take focus after a route change.
import { useEffect, type ReactNode } from "react";

export const SERVICE_NAME = "Tandem mentoring";

export function usePageTitle(title: string, hasError = false) {
  useEffect(() => {
    document.title = `${hasError ? "Error: " : ""}${title} – ${SERVICE_NAME}`;
  }, [title, hasError]);
}

export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="nhsuk-heading-l" tabIndex={-1}>
      {children}
    </h1>
  );
}
