// The service pages in the app (public, and kept for offline reading like any screen): the
// accessibility statement, the privacy notice and the contact page, with the portal's words.
import { AccessibilityStatement, ContactPage, PrivacyNotice, servicePageTitles } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";

export type ServicePage = keyof typeof servicePageTitles;

export function ServicePageScreen({ page }: { page: ServicePage }) {
  const title = servicePageTitles[page];
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {page === "accessibility" ? <AccessibilityStatement base={BASE} /> : null}
      {page === "privacy" ? <PrivacyNotice base={BASE} /> : null}
      {page === "contact" ? <Contact /> : null}
    </>
  );
}

function Contact() {
  const trpc = useTRPC();
  const directory = useQuery(trpc.directory.list.queryOptions());
  const organisations = directory.data?.map(({ id, name, contact }) => ({ id, name, contact })) ?? null;
  return (
    <ContactPage
      base={BASE}
      organisations={organisations}
      whileUnavailable={
        directory.isError ? <QueryProblem onRetry={() => void directory.refetch()} /> : <QueryPending what="contact details" />
      }
    />
  );
}
