// Page titles: "People – Aire Valley Hospitals – Tandem admin".
import type { MetaDescriptor } from "@remix-run/react";

export const serviceName = "Tandem admin";

export function pageTitle(...parts: (string | null | undefined)[]): MetaDescriptor[] {
  return [{ title: [...parts.filter((p): p is string => Boolean(p)), serviceName].join(" – ") }];
}

interface RootData {
  activeOrganisationName?: string | null;
}

/** The active organisation's name from the root loader, for titles of organisation pages. */
export function organisationNameFrom(matches: readonly { id: string; data?: unknown }[]): string | null {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  return root?.activeOrganisationName ?? null;
}
