// "My mentoring": every relationship the person is in, across organisations, with what is next in
// each (the next meeting first), what they have been asked to answer, and the ended ones. Each live
// relationship's own page is fetched too: it gives the scheme's meeting cap, and is then ready offline.
import { Table, Tag } from "@tandem/ui";
import { useQueries, useQuery } from "@tanstack/react-query";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { claimsPath } from "../claims/claim-words";
import { FeedbackToGive } from "../feedback/feedback-due";
import { feedbackListPath } from "../feedback/feedback-words";
import { matchesPath } from "../matching/matching-words";
import { CalendarFeed } from "../reminders/calendar-feed";
import { ReminderSettings } from "../reminders/reminder-settings";
import { formatInstant } from "../preparation/preparation-words";
import type { Summary } from "./relationship-types";
import {
  describeNext,
  describeProgress,
  describeState,
  listNames,
  relationshipPath,
  roleWords,
} from "./relationship-words";

export function summaryTitle(rel: Pick<Summary, "kind" | "others" | "schemeName">): string {
  const names = listNames(rel.others.map((o) => o.name));
  if (rel.kind === "group") return `${rel.schemeName}: your group`;
  if (!names) return rel.schemeName;
  return rel.kind === "co_mentoring" ? `Co-mentoring with ${names}` : names;
}

export function MyRelationships() {
  const trpc = useTRPC();
  // What is cached shows at once (and offline); a match made elsewhere since appears as the list refreshes.
  const mine = useQuery({ ...trpc.relationships.mine.queryOptions(), refetchOnMount: "always" });
  usePageTitle("My mentoring");
  return (
    <>
      <PageHeading>My mentoring</PageHeading>
      {mine.data ? (
        <Relationships relationships={mine.data} />
      ) : mine.isError ? (
        <QueryProblem onRetry={() => void mine.refetch()} />
      ) : (
        <QueryPending what="your mentoring" />
      )}
      <ReminderSettings />
      <CalendarFeed />
    </>
  );
}

function Relationships({ relationships }: { relationships: readonly Summary[] }) {
  const trpc = useTRPC();
  const live = relationships.filter((r) => r.status === "active" || r.status === "paused");
  const ended = relationships.filter((r) => r.status === "closed");
  const details = useQueries({
    queries: live.map((r) =>
      trpc.relationships.get.queryOptions({
        organisationId: r.organisationId,
        relationshipId: r.id,
      }),
    ),
  });
  const maxOf = new Map(
    details.flatMap((d) => (d.data ? [[d.data.id, d.data.plan.max] as const] : [])),
  );
  const mentors = relationships.some((r) => r.myRole === "mentor" || r.myRole === "facilitator");

  return (
    <>
      <FeedbackToGive />
      {relationships.length === 0 ? (
        <>
          <p>You are not in a mentoring relationship yet.</p>
          <p>
            Once you are matched, your mentor (or mentee) appears here with their contact details,
            and you arrange your meetings here.
          </p>
          <ul className="nhsuk-list nhsuk-list--bullet">
            <li>
              <Link href={matchesPath}>See your matches and requests</Link>
            </li>
            <li>
              <Link href={`${BASE}/schemes/find`}>Find a mentoring scheme to join</Link>
            </li>
          </ul>
        </>
      ) : null}
      {live.length > 0 ? (
        <section aria-labelledby="current">
          <h2 className="nhsuk-heading-m" id="current">
            Current
          </h2>
          {live.map((r) => (
            <RelationshipCard key={r.id} rel={r} max={maxOf.get(r.id)} />
          ))}
        </section>
      ) : null}
      {ended.length > 0 ? (
        <section aria-labelledby="ended">
          <h2 className="nhsuk-heading-m" id="ended">
            Ended
          </h2>
          <Table
            caption={<span className="nhsuk-u-visually-hidden">Ended mentoring</span>}
            head={["With", "Scheme", "Ended", "Meetings held", "How it ended"]}
            firstCellIsHeader
            rowKeys={ended.map((r) => r.id)}
            rows={ended.map((r) => [
              <Link key="link" href={relationshipPath(r.id)}>
                {summaryTitle(r)}
              </Link>,
              r.schemeName,
              r.endedAt ? formatInstant(r.endedAt) : "Not known",
              String(r.held),
              describeState(r).text,
            ])}
          />
        </section>
      ) : null}
      <ul className="nhsuk-list">
        <li>
          <Link href={feedbackListPath}>Feedback and questionnaires</Link>
        </li>
        {mentors ? (
          <li>
            <Link href={claimsPath}>My claims</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}

function RelationshipCard({ rel, max }: { rel: Summary; max: number | null | undefined }) {
  const state = describeState(rel);
  const next = describeNext(rel);
  const headingId = `rel-${rel.id}`;
  const others = rel.others.map((o) => `${o.name} (${roleWords[o.role]})`);
  return (
    <article className="nhsuk-card nhsuk-card--clickable" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          <Link className="nhsuk-card__link" href={relationshipPath(rel.id)}>
            {summaryTitle(rel)}
          </Link>
        </h3>
        <p className="nhsuk-u-margin-bottom-2">
          {rel.schemeName} ({rel.organisationName}). You are the {roleWords[rel.myRole]}
          {rel.kind !== "pair" && others.length > 0 ? `, with ${listNames(others)}` : ""}.
        </p>
        <p className="nhsuk-u-margin-bottom-2">
          <Tag colour={state.colour}>{state.text}</Tag>
        </p>
        {next ? (
          <p className="nhsuk-body-l nhsuk-u-margin-bottom-2">
            <strong>{next}</strong>
          </p>
        ) : null}
        <p className="nhsuk-u-margin-bottom-0">{describeProgress(rel.held, max)}</p>
      </div>
    </article>
  );
}
