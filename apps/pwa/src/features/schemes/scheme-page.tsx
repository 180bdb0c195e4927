// One scheme's public page: what mentoring means here, who it is for, how matching works and who to
// contact. Signed in, the person sees whether they can join and joins with consent on this page.
import { menteePreparationWords } from "@tandem/core";
import { splitLead } from "./scheme-lead";
import { SummaryList } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { errorCode } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, schemePath, signInPath } from "../../lib/router";
import { describeKind } from "../../lib/role-words";
import { useTRPC } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";
import { ContactDetails, type Contact } from "./contact-details";
import { describeFreePlaces } from "./directory-filter";
import { JoinScheme } from "./join-scheme";

export type DirectorySchemePage = RouterOutputs["directory"]["scheme"];

/** Whether someone is signed in: undefined while we do not know yet (loading, or offline). */
export type SignedIn = boolean | undefined;

export function SchemePage({
  organisationSlug,
  schemeSlug,
  signedIn,
}: {
  organisationSlug: string;
  schemeSlug: string;
  signedIn: SignedIn;
}) {
  const trpc = useTRPC();
  const page = useQuery(trpc.directory.scheme.queryOptions({ organisationSlug, schemeSlug }));
  const [hasError, setHasError] = useState(false);
  usePageTitle(
    page.data?.scheme.name ??
      (page.isError && errorCode(page.error) === "NOT_FOUND" ? "Scheme not found" : "Scheme"),
    hasError,
  );

  if (page.data)
    return <SchemeDetails page={page.data} signedIn={signedIn} onErrorsChange={setHasError} />;
  if (page.isError && errorCode(page.error) === "NOT_FOUND") return <SchemeNotFound />;
  return (
    <>
      <PageHeading>Scheme</PageHeading>
      {page.isError ? (
        <QueryProblem onRetry={() => void page.refetch()} />
      ) : (
        <QueryPending what="the scheme" />
      )}
    </>
  );
}

function SchemeNotFound() {
  return (
    <>
      <PageHeading>Scheme not found</PageHeading>
      <p>
        This scheme is not in the directory. It may have closed, or the web address may be wrong.
      </p>
      <p>
        <Link href={`${BASE}/schemes/find`}>Find a mentoring scheme</Link>
      </p>
    </>
  );
}

const hasContact = (contact: Contact) =>
  Boolean(contact.name.trim() || contact.email.trim() || contact.phone?.trim());
const sameContact = (a: Contact, b: Contact) =>
  a.name.trim() === b.name.trim() &&
  a.email.trim().toLowerCase() === b.email.trim().toLowerCase() &&
  (a.phone ?? "").trim() === (b.phone ?? "").trim();

function SchemeDetails({
  page,
  signedIn,
  onErrorsChange,
}: {
  page: DirectorySchemePage;
  signedIn: SignedIn;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const { organisation, scheme } = page;
  const contact = hasContact(scheme.contact) ? scheme.contact : organisation.contact;

  return (
    <>
      <span className="nhsuk-caption-l">{organisation.name}</span>
      <PageHeading>{scheme.name}</PageHeading>
      <SchemeLead summary={scheme.summary ?? ""} />

      <SummaryList
        rows={[
          {
            id: "organisation",
            key: "Run by",
            value: `${organisation.name} (${describeKind(organisation.kind)}${organisation.region ? `, ${organisation.region}` : ""})`,
          },
          { id: "for", key: "Who it is for", value: capitalise(scheme.audience) },
          { id: "format", key: "Format", value: scheme.formatLabel },
          {
            id: "places",
            key: "Free places",
            value: describeFreePlaces(scheme.mentorsWithFreePlaces),
          },
          {
            id: "preparation",
            key: "Preparation for mentees",
            value: menteePreparationWords[scheme.menteePreparation],
          },
          {
            id: "application",
            key: "Application",
            value:
              scheme.application.kind === "form"
                ? "A short form, reviewed by the coordinator"
                : "No application form",
          },
        ]}
      />

      <Section heading="What mentoring means here" text={scheme.description.summary} />
      <Section heading="What a mentor does and does not do" text={scheme.description.mentorRole} />
      <Section heading="Confidentiality and its limits" text={scheme.description.confidentiality} />

      <h2 className="nhsuk-heading-m">How matching works</h2>
      <p>{scheme.matching}.</p>

      <h2 className="nhsuk-heading-m">Contact</h2>
      <p>Ask about this scheme:</p>
      <ContactDetails contact={contact} />
      {!sameContact(contact, organisation.contact) && hasContact(organisation.contact) ? (
        <>
          <p className="nhsuk-u-margin-top-4">The contact point for {organisation.name}:</p>
          <ContactDetails contact={organisation.contact} />
        </>
      ) : null}

      <h2 className="nhsuk-heading-m nhsuk-u-margin-top-6">Join this scheme</h2>
      <JoinArea page={page} contact={contact} signedIn={signedIn} onErrorsChange={onErrorsChange} />
    </>
  );
}

function JoinArea({
  page,
  contact,
  signedIn,
  onErrorsChange,
}: {
  page: DirectorySchemePage;
  contact: Contact;
  signedIn: SignedIn;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const online = useOnlineStatus();
  const here = schemePath(page.organisation.slug, page.scheme.slug);
  if (signedIn === true)
    return <JoinScheme page={page} contact={contact} onErrorsChange={onErrorsChange} />;
  if (signedIn === undefined) {
    return (
      <p>
        {online
          ? "Checking whether you are signed in…"
          : "You can join this scheme when you are back online."}
      </p>
    );
  }
  return (
    <>
      <p>
        Sign in to see whether you can join and to join. Taking part is voluntary: you can leave at
        any time.
      </p>
      <p>
        <Link className="nhsuk-button" href={signInPath(here)} draggable={false}>
          Sign in to join
        </Link>
      </p>
    </>
  );
}

function Section({ heading, text }: { heading: string; text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      <h2 className="nhsuk-heading-m">{heading}</h2>
      {paragraphs.length === 0 ? (
        <p>The scheme has not written this yet. Ask the contact below.</p>
      ) : (
        paragraphs.map((paragraph, index) => (
          <p key={index} style={{ whiteSpace: "pre-line" }}>
            {paragraph}
          </p>
        ))
      )}
    </>
  );
}

/** A short lead in large type, then the rest of the summary as body text. */
function SchemeLead({ summary }: { summary: string }) {
  const { lead, rest } = splitLead(summary);
  return (
    <div data-testid="scheme-summary">
      {lead ? <p className="nhsuk-lede-text">{lead}</p> : null}
      {rest.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
    </div>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
