// Choosing a mentor (SPEC sections 5 and 9): a mentee browses every mentor who can take them on (free
// choice) or their shortlist, filtered by specialty, topic and distance (kept in the URL), each with
// a profile and the score's explanation; chooses up to 3 in order and sends one request. While the
// request is open they see who has it and until when, and can cancel it.
import { InsetText } from "@tandem/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorCode, plainMessage } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, menteeCoursePath, schemePath, useSearch } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { MAX_CHOICES } from "./matching-forms";
import { countMentors, matchesPath, ordinal, profilePath, toggleChoice } from "./matching-words";
import { hasPoolFilters, parsePoolFilters, toApiFilters, type PoolFilters } from "./pool-filters";
import { useMyScheme, type MyScheme } from "./use-my-scheme";
import { MentorCard, NoMentors } from "./mentor-card";
import { RequestForm } from "./request-form";
import { OpenRequest, SentPanel } from "./open-request";
import { FilterForm } from "./pool-filter-form";
import type { Pool, Mentor } from "./pool-types";


export function ChooseMentor({
  organisationSlug,
  schemeSlug,
}: {
  organisationSlug: string;
  schemeSlug: string;
}) {
  const { query, scheme } = useMyScheme(organisationSlug, schemeSlug);
  const [hasError, setHasError] = useState(false);
  usePageTitle(scheme ? `Choose a mentor: ${scheme.schemeName}` : "Choose a mentor", hasError);

  if (scheme && scheme.roles.includes("mentee"))
    return <ChooseIn scheme={scheme} onErrorsChange={setHasError} />;
  return (
    <>
      <PageHeading>Choose a mentor</PageHeading>
      {query.isError ? (
        <QueryProblem onRetry={() => void query.refetch()} />
      ) : scheme === undefined ? (
        <QueryPending what="your schemes" />
      ) : (
        <>
          <p>
            You can choose a mentor once you have joined this scheme as a mentee and the coordinator
            has accepted you.
          </p>
          <p>
            <Link href={schemePath(organisationSlug, schemeSlug)}>
              See the scheme and how to join
            </Link>
          </p>
          <p>
            <Link href={`${BASE}/schemes`}>My schemes</Link>
          </p>
        </>
      )}
    </>
  );
}

function ChooseIn({
  scheme,
  onErrorsChange,
}: {
  scheme: MyScheme;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const search = useSearch();
  const filters = parsePoolFilters(search);
  const at = { organisationId: scheme.organisationId, schemeId: scheme.schemeId };
  const pool = useQuery({
    ...trpc.matching.pool.queryOptions({ ...at, filters: toApiFilters(filters) }),
    // Changing a filter keeps the last list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
  const shortlist = pool.data?.mode === "shortlist";

  return (
    <>
      <span className="nhsuk-caption-l">{scheme.schemeName}</span>
      <PageHeading>{shortlist ? "Your shortlist of mentors" : "Choose your mentor"}</PageHeading>
      {pool.data ? (
        <PoolView
          pool={pool.data}
          scheme={scheme}
          filters={filters}
          onErrorsChange={onErrorsChange}
        />
      ) : pool.isError ? (
        <PoolProblem error={pool.error} scheme={scheme} onRetry={() => void pool.refetch()} />
      ) : (
        <QueryPending what="the mentors you can choose from" />
      )}
    </>
  );
}

function PoolProblem({
  error,
  scheme,
  onRetry,
}: {
  error: unknown;
  scheme: MyScheme;
  onRetry: () => void;
}) {
  const code = errorCode(error);
  // CONFLICT: the coordinator matches in this scheme; FORBIDDEN: not an active mentee. Both are written for people.
  if (code === "CONFLICT" || code === "FORBIDDEN") {
    const message = plainMessage((error as { message?: unknown }).message);
    return (
      <>
        <InsetText>
          <p>{message ?? "You cannot choose a mentor in this scheme."}</p>
        </InsetText>
        <p>
          <Link href={matchesPath}>See my matches</Link>
        </p>
        <p>
          <Link href={profilePath(scheme.organisationSlug, scheme.schemeSlug)}>
            Update what you would like from mentoring
          </Link>
        </p>
      </>
    );
  }
  return <QueryProblem onRetry={onRetry} />;
}

function PoolView({
  pool,
  scheme,
  filters,
  onErrorsChange,
}: {
  pool: Pool;
  scheme: MyScheme;
  filters: PoolFilters;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const [choices, setChoices] = useState<string[]>([]);
  // Names of chosen mentors, kept so a filter that hides one does not lose it from the list.
  const [names, setNames] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const [sent, setSent] = useState<string>();
  const canChoose = pool.request === null && pool.matchedWith.length === 0;
  const max = Math.min(pool.maxChoices, MAX_CHOICES);

  function toggle(mentor: Mentor) {
    const next = toggleChoice(choices, mentor.enrolmentId, max);
    setChoices(next);
    setNames((previous) => ({ ...previous, [mentor.enrolmentId]: mentor.name }));
    const place = next.indexOf(mentor.enrolmentId);
    setAnnouncement(
      place >= 0
        ? `${mentor.name} is your ${ordinal(place)} choice.`
        : `${mentor.name} is no longer one of your choices.`,
    );
    setSent(undefined);
  }

  if (pool.preparationHold) return <PreparationHold text={pool.preparationHold} scheme={scheme} />;
  return (
    <>
      {sent ? <SentPanel text={sent} /> : null}
      <Intro pool={pool} />
      {pool.matchedWith.length > 0 ? (
        <InsetText>
          <p>
            {pool.matchedWith.length === 1
              ? `Your mentor is ${pool.matchedWith[0]!.name}.`
              : `Your mentors are ${pool.matchedWith.map((m) => m.name).join(" and ")}.`}
          </p>
          <p>
            <Link href={matchesPath}>See my matches</Link>
          </p>
        </InsetText>
      ) : null}
      {pool.request ? <OpenRequest request={pool.request} scheme={scheme} /> : null}
      <p>
        <Link href={profilePath(scheme.organisationSlug, scheme.schemeSlug)}>
          Change the topics and times you gave
        </Link>{" "}
        to change who matches you best.
      </p>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <FilterForm pool={pool} filters={filters} />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <div role="status" aria-live="polite" aria-atomic="true">
            <h2 className="nhsuk-heading-m">{countMentors(pool.mentors.length)}</h2>
          </div>
          <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          {pool.mentors.length === 0 ? (
            <NoMentors filtered={hasPoolFilters(filters)} requestOpen={pool.request !== null || sent !== undefined} />
          ) : (
            <ul className="nhsuk-list">
              {pool.mentors.map((mentor) => (
                <li key={mentor.enrolmentId}>
                  <MentorCard
                    mentor={mentor}
                    place={choices.indexOf(mentor.enrolmentId)}
                    canChoose={canChoose}
                    full={choices.length >= max}
                    max={max}
                    onToggle={() => toggle(mentor)}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {canChoose ? (
        <RequestForm
          pool={pool}
          choices={choices}
          names={names}
          onChoicesChange={setChoices}
          onErrorsChange={onErrorsChange}
          onSent={(text) => {
            setChoices([]);
            setAnnouncement("");
            setSent(text);
          }}
        />
      ) : null}
    </>
  );
}

/** A required preparation course not yet done: no mentors are offered until it is. */
function PreparationHold({ text, scheme }: { text: string; scheme: MyScheme }) {
  return (
    <>
      <InsetText>
        <p>{text}</p>
      </InsetText>
      <p>
        <Link className="nhsuk-button" href={menteeCoursePath(scheme.organisationSlug, scheme.schemeSlug)}>
          Go to the preparation course
        </Link>
      </p>
    </>
  );
}

function Intro({ pool }: { pool: Pool }) {
  if (pool.mode === "shortlist") {
    return (
      <p>
        These are the {pool.shortlistSize ?? pool.mentors.length} mentors who match best what you
        asked for, best first. The score (out of 1) shows how well each one matches you, and why.
      </p>
    );
  }
  return (
    <p>
      Every mentor who can take you on is listed, best match first. The score (out of 1) shows how
      well each one matches what you asked for, and why. You choose: the score is only a guide.
    </p>
  );
}
