// "My matches" (SPEC sections 1, 6 and 9): requests a mentor has to answer (accept or decline), the
// person's mentor and mentees, a mentee's no-fault change (no reason needed, SPEC principle 2; any
// reason given goes to the coordinator only; the mentor is told just that the match ended), ending after the trial meeting where the scheme has
// one, ended matches, and co-mentoring groups.
import { Table } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { choosePath, describeClosed, menteeChooses, profilePath } from "./matching-words";
import { RequestCard } from "./request-card";
import { ActiveCard, GroupCard } from "./match-cards";
import type { Match, Group, Enrolment, Open, Organisation } from "./match-types";


export function MyMatches() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.matching.mine.queryOptions());
  const enrolments = useQuery(trpc.enrolment.mine.queryOptions());
  const [hasError, setHasError] = useState(false);
  usePageTitle("My matches", hasError);

  return (
    <>
      <PageHeading>My matches</PageHeading>
      {mine.data ? (
        <Matches
          organisations={mine.data}
          enrolments={enrolments.data ?? []}
          onErrorsChange={setHasError}
        />
      ) : mine.isError ? (
        <QueryProblem onRetry={() => void mine.refetch()} />
      ) : (
        <QueryPending what="your matches" />
      )}
    </>
  );
}

function Matches({
  organisations,
  enrolments,
  onErrorsChange,
}: {
  organisations: readonly Organisation[];
  enrolments: readonly Enrolment[];
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string>();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const matches: Match[] = organisations.flatMap((o) =>
    o.relationships.map((r) => ({
      ...r,
      organisationId: o.organisationId,
      organisationName: o.organisationName,
    })),
  );
  const groups: Group[] = organisations.flatMap((o) =>
    o.groups.map((g) => ({ ...g, organisationId: o.organisationId })),
  );
  const toAnswer = matches.filter((m) => m.role === "mentor" && m.status === "requested");
  const myMentors = matches.filter((m) => m.role === "mentee" && m.status === "active");
  const myRequests = matches.filter((m) => m.role === "mentee" && m.status === "requested");
  const myMentees = matches.filter((m) => m.role === "mentor" && m.status === "active");
  const ended = matches.filter((m) => m.status === "closed");
  // Schemes where the person is a mentee with no mentor and no request: where to find one, or
  // (where the coordinator matches mentees) that one is coming.
  const busy = new Set([...myMentors, ...myRequests].map((m) => m.schemeId));
  const waiting = enrolments.filter(
    (e) => e.role === "mentee" && e.status === "active" && !busy.has(e.schemeId),
  );
  const toChoose = waiting.filter((e) => menteeChooses(e.matchingMode));
  const toBeMatched = waiting.filter((e) => !menteeChooses(e.matchingMode));
  const nothing = matches.length === 0 && groups.length === 0;

  function finish(text: string) {
    setOpen(null);
    setDone(text);
    onErrorsChange(false);
  }
  const common = { open, setOpen, onDone: finish, onErrorsChange };

  return (
    <>
      {done ? (
        <div className="nhsuk-inset-text" tabIndex={-1} ref={doneRef} role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{done}</p>
        </div>
      ) : null}

      {nothing ? (
        <>
          <p>You have no mentoring matches yet.</p>
          <p>When you are matched, or a mentee asks you to mentor them, it appears here.</p>
        </>
      ) : null}

      {toAnswer.length > 0 ? (
        <section aria-labelledby="to-answer">
          <h2 className="nhsuk-heading-m" id="to-answer">
            Requests to answer
          </h2>
          <p>You can accept or decline. You do not need to give a reason for declining.</p>
          {toAnswer.map((m) => (
            <RequestCard key={m.id} match={m} onDone={finish} />
          ))}
        </section>
      ) : null}

      {myMentors.length > 0 ? (
        <section aria-labelledby="my-mentor">
          <h2 className="nhsuk-heading-m" id="my-mentor">
            {myMentors.length === 1 ? "Your mentor" : "Your mentors"}
          </h2>
          {myMentors.map((m) => (
            <ActiveCard key={m.id} match={m} {...common} />
          ))}
        </section>
      ) : null}

      {myRequests.length > 0 ? (
        <section aria-labelledby="my-requests">
          <h2 className="nhsuk-heading-m" id="my-requests">
            Your request for a mentor
          </h2>
          {myRequests.map((m) => (
            <p key={m.id}>
              {m.schemeName}: waiting for {m.otherName} to answer
              {m.expiresAt ? ` by ${formatInstant(m.expiresAt)}` : ""}.{" "}
              <SchemeLinks schemeId={m.schemeId} enrolments={enrolments} what="choose" />
            </p>
          ))}
        </section>
      ) : null}

      {myMentees.length > 0 ? (
        <section aria-labelledby="my-mentees">
          <h2 className="nhsuk-heading-m" id="my-mentees">
            {myMentees.length === 1 ? "Your mentee" : "Your mentees"}
          </h2>
          {myMentees.map((m) => (
            <ActiveCard key={m.id} match={m} {...common} />
          ))}
        </section>
      ) : null}

      {groups.length > 0 ? (
        <section aria-labelledby="my-groups">
          <h2 className="nhsuk-heading-m" id="my-groups">
            {groups.length === 1 ? "Your co-mentoring group" : "Your co-mentoring groups"}
          </h2>
          {groups.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </section>
      ) : null}

      {toChoose.length > 0 ? (
        <section aria-labelledby="find-mentor">
          <h2 className="nhsuk-heading-m" id="find-mentor">
            Find a mentor
          </h2>
          <ul>
            {toChoose.map((e) => (
              <li key={e.enrolmentId}>
                <Link href={choosePath(e.organisationSlug, e.schemeSlug)}>
                  Choose a mentor<span className="nhsuk-u-visually-hidden"> in {e.schemeName}</span>
                </Link>{" "}
                ({e.schemeName})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {toBeMatched.length > 0 ? (
        <section aria-labelledby="to-be-matched">
          <h2 className="nhsuk-heading-m" id="to-be-matched">
            Waiting for a mentor
          </h2>
          <p>The coordinator matches mentees with mentors in these schemes:</p>
          <ul>
            {toBeMatched.map((e) => (
              <li key={e.enrolmentId}>
                {e.schemeName} ({e.organisationName}). Your match will appear here. Keep{" "}
                <Link href={profilePath(e.organisationSlug, e.schemeSlug)}>
                  your matching profile
                  <span className="nhsuk-u-visually-hidden"> in {e.schemeName}</span>
                </Link>{" "}
                up to date so matching can suit you.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {ended.length > 0 ? (
        <section aria-labelledby="ended">
          <h2 className="nhsuk-heading-m" id="ended">
            Ended matches
          </h2>
          <Table
            caption={<span className="nhsuk-u-visually-hidden">Ended matches</span>}
            head={["Name", "Scheme", "Who", "Ended", "What happened"]}
            firstCellIsHeader
            rowKeys={ended.map((m) => m.id)}
            rows={ended.map((m) => [
              m.otherName,
              m.schemeName,
              m.role === "mentee" ? "Your mentor" : "Your mentee",
              m.endedAt ? formatInstant(m.endedAt) : "Not known",
              describeClosed(m.closedReason, m.role),
            ])}
          />
        </section>
      ) : null}

      <p>
        <Link href={`${BASE}/schemes`}>My schemes</Link>
      </p>
    </>
  );
}

function SchemeLinks({
  schemeId,
  enrolments,
  what,
}: {
  schemeId: string;
  enrolments: readonly Enrolment[];
  what: "choose" | "profile";
}) {
  const e = enrolments.find((x) => x.schemeId === schemeId);
  if (!e) return null;
  return what === "choose" ? (
    <Link href={choosePath(e.organisationSlug, e.schemeSlug)}>See or cancel your request</Link>
  ) : (
    <Link href={profilePath(e.organisationSlug, e.schemeSlug)}>Your matching profile</Link>
  );
}
