// "Find a mentoring scheme": the public directory, searched and filtered in the browser. Filters
// live in the URL so they survive a reload; the number of results is announced as it changes.
import { formatKindLabels, organisationKindLabels } from "@tandem/core";
import { Button, Select, SummaryList, TextInput } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, replaceSearch, schemePath, useSearch } from "../../lib/router";
import { describeKind } from "../../lib/role-words";
import { useTRPC } from "../../lib/trpc";
import { ContactDetails } from "./contact-details";
import {
  countSchemes,
  describeFreePlaces,
  excerpt,
  filterSchemes,
  hasFilters,
  NO_FILTERS,
  organisationMatches,
  parseFilters,
  regionsOf,
  serialiseFilters,
  staffGroupOptions,
  type DirectoryFilters,
  type DirectoryOrganisation,
  type SchemeResult,
} from "./directory-filter";

export function FindSchemes() {
  usePageTitle("Find a mentoring scheme");
  const trpc = useTRPC();
  const directory = useQuery(trpc.directory.list.queryOptions());

  return (
    <>
      <PageHeading>Find a mentoring scheme</PageHeading>
      <p className="nhsuk-lede-text">
        Mentoring schemes for doctors and other healthcare staff. You can join schemes run by
        organisations other than your employer.
      </p>
      {directory.data ? (
        <Directory directory={directory.data} />
      ) : directory.isError ? (
        <QueryProblem onRetry={() => void directory.refetch()} />
      ) : (
        <QueryPending what="the schemes" />
      )}
    </>
  );
}

function Directory({ directory }: { directory: readonly DirectoryOrganisation[] }) {
  const search = useSearch();
  const filters = parseFilters(search);
  const results = filterSchemes(directory, filters);
  const organisations = directory.filter((organisation) =>
    organisationMatches(organisation, filters),
  );

  function change(key: keyof DirectoryFilters, value: string) {
    replaceSearch(serialiseFilters({ ...filters, [key]: value }));
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-one-third">
        <FilterForm directory={directory} filters={filters} onChange={change} />
      </div>
      <div className="nhsuk-grid-column-two-thirds">
        <div role="status" aria-live="polite" aria-atomic="true">
          <h2 className="nhsuk-heading-m">{countSchemes(results.length)}</h2>
        </div>
        {results.length === 0 ? (
          <NoResults filtered={hasFilters(filters)} />
        ) : (
          <ul className="nhsuk-list">
            {results.map((result) => (
              <li key={result.scheme.id}>
                <SchemeCard result={result} />
              </li>
            ))}
          </ul>
        )}

        <h2 className="nhsuk-heading-m">Organisations and their contact points</h2>
        <p>
          Every organisation has a contact point. Ask them about mentoring, even if no scheme is
          listed here.
        </p>
        {organisations.length === 0 ? (
          <p>No organisations match the organisation type and region you chose.</p>
        ) : (
          <ul className="nhsuk-list">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <OrganisationContact organisation={organisation} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function FilterForm({
  directory,
  filters,
  onChange,
}: {
  directory: readonly DirectoryOrganisation[];
  filters: DirectoryFilters;
  onChange: (key: keyof DirectoryFilters, value: string) => void;
}) {
  const regions = regionsOf(directory);
  // A region from an old link that no longer exists stays selectable, so the select shows the truth.
  if (filters.region && !regions.includes(filters.region)) regions.push(filters.region);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    // Results update as you type and choose; submitting only keeps the page where it is.
    event.preventDefault();
  }

  return (
    <form role="search" aria-label="Schemes" onSubmit={handleSubmit} noValidate>
      <TextInput
        id="search"
        name="q"
        type="search"
        label="Search schemes"
        hint="For example, consultant, GP or leadership"
        autoComplete="off"
        spellCheck={false}
        value={filters.q}
        onChange={(event) => onChange("q", event.currentTarget.value)}
      />
      <Select
        id="type"
        name="type"
        label="Organisation type"
        value={filters.type}
        onChange={(event) => onChange("type", event.currentTarget.value)}
        options={[
          { value: "", text: "Any type" },
          ...Object.entries(organisationKindLabels).map(([value, text]) => ({ value, text })),
        ]}
      />
      <Select
        id="region"
        name="region"
        label="Region"
        value={filters.region}
        onChange={(event) => onChange("region", event.currentTarget.value)}
        options={[
          { value: "", text: "Any region" },
          ...regions.map((region) => ({ value: region, text: region })),
        ]}
      />
      <Select
        id="for"
        name="for"
        label="Who it is for"
        value={filters.for}
        onChange={(event) => onChange("for", event.currentTarget.value)}
        options={[{ value: "", text: "Anyone" }, ...staffGroupOptions()]}
      />
      <Select
        id="format"
        name="format"
        label="Format"
        value={filters.format}
        onChange={(event) => onChange("format", event.currentTarget.value)}
        options={[
          { value: "", text: "Any format" },
          ...Object.entries(formatKindLabels).map(([value, text]) => ({ value, text })),
        ]}
      />
      {hasFilters(filters) ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => replaceSearch(serialiseFilters(NO_FILTERS))}
        >
          Clear search and filters
        </Button>
      ) : null}
    </form>
  );
}

function SchemeCard({ result }: { result: SchemeResult }) {
  const { organisation, scheme } = result;
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m">
          <Link href={schemePath(organisation.slug, scheme.slug)}>{scheme.name}</Link>
        </h3>
        <p className="nhsuk-card__description">
          Run by {organisation.name} ({describeKind(organisation.kind)})
        </p>
        {scheme.summary ? <p>{excerpt(scheme.summary)}</p> : null}
        <SummaryList
          noBorder
          rows={[
            { id: "for", key: "Who it is for", value: capitalise(scheme.audience) },
            { id: "format", key: "Format", value: scheme.formatLabel },
            { id: "matching", key: "How matching works", value: scheme.matching },
            {
              id: "places",
              key: "Free places",
              value: describeFreePlaces(scheme.mentorsWithFreePlaces),
            },
          ]}
        />
      </div>
    </div>
  );
}

function OrganisationContact({ organisation }: { organisation: DirectoryOrganisation }) {
  const listed = organisation.schemes.length;
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s">{organisation.name}</h3>
        <p className="nhsuk-card__description">
          {describeKind(organisation.kind)}
          {organisation.region ? `, ${organisation.region}` : ""}.{" "}
          {listed === 0
            ? "No schemes listed at the moment."
            : listed === 1
              ? "1 scheme listed."
              : `${listed} schemes listed.`}
        </p>
        <ContactDetails contact={organisation.contact} />
      </div>
    </div>
  );
}

function NoResults({ filtered }: { filtered: boolean }) {
  return filtered ? (
    <>
      <p>No schemes match your search and filters.</p>
      <p>You could:</p>
      <ul>
        <li>check your spelling</li>
        <li>search for fewer words, or choose fewer filters</li>
        <li>
          <Link href={`${BASE}/schemes/find`}>see every scheme</Link>
        </li>
        <li>ask an organisation&apos;s contact point below</li>
      </ul>
    </>
  ) : (
    <p>
      No schemes are listed at the moment. Ask an organisation&apos;s contact point below about
      mentoring.
    </p>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
