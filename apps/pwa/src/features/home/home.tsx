// The participant's home (SPEC section 9): where they land after signing in. Their next meeting,
// what is waiting for them (a request to answer, a meeting time to pick, feedback to give,
// preparation due), and their schemes, each linking to the page where they act on it.
import { InsetText } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "../../lib/api-types";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, menteeCoursePath, schemePath } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { feedbackPath, feedbackTitle } from "../feedback/feedback-words";
import { choosePath } from "../matching/matching-words";
import { formatInstant } from "../preparation/preparation-words";
import { formatMeetingTime, relationshipPath } from "../relationships/relationship-words";
import { describeEnrolmentRole, describeStatus } from "../schemes/enrolment-words";

type Home = RouterOutputs["me"]["home"];

const names = (list: readonly string[]) =>
  list.length <= 1 ? (list[0] ?? "your group") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;

export function HomePage({ name }: { name: string }) {
  usePageTitle("Home");
  const trpc = useTRPC();
  const home = useQuery(trpc.me.home.queryOptions());
  return (
    <>
      <PageHeading>Hello, {name}</PageHeading>
      {home.data ? (
        <HomeSections home={home.data} />
      ) : home.isError ? (
        <QueryProblem onRetry={() => void home.refetch()} />
      ) : (
        <QueryPending what="what is next for you" />
      )}
    </>
  );
}

function HomeSections({ home }: { home: Home }) {
  const waiting = home.requests.length + home.meetingTimesToPick.length + home.feedback.length + home.preparation.length;
  return (
    <>
      <h2 className="nhsuk-heading-m">Your next meeting</h2>
      {home.nextMeeting ? (
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <p className="nhsuk-card__heading nhsuk-heading-s">{formatMeetingTime(home.nextMeeting.at)}</p>
            <p className="nhsuk-card__description">
              With {names(home.nextMeeting.with)}, {home.nextMeeting.schemeName}.
            </p>
            <Link href={relationshipPath(home.nextMeeting.relationshipId)}>
              See the meeting<span className="nhsuk-u-visually-hidden"> with {names(home.nextMeeting.with)}</span>
            </Link>
          </div>
        </div>
      ) : (
        <p>You have no meetings arranged.</p>
      )}

      <h2 className="nhsuk-heading-m">Waiting for you</h2>
      {waiting === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {home.requests.map((r) => (
            <li key={r.relationshipId}>
              <Link href={`${BASE}/matches`}>Answer {r.menteeName}&apos;s request</Link> to be their mentor in {r.schemeName}
              {r.expiresAt ? `, by ${formatInstant(r.expiresAt)}` : ""}.
            </li>
          ))}
          {home.meetingTimesToPick.map((m) => (
            <li key={m.relationshipId}>
              <Link href={relationshipPath(m.relationshipId)}>Pick a meeting time</Link> with {names(m.with)}, {m.schemeName}.
            </li>
          ))}
          {home.feedback.map((f) => (
            <li key={f.requestId}>
              <Link href={feedbackPath(f.requestId)}>Give feedback: {feedbackTitle(f.point)}</Link> ({f.schemeName})
            </li>
          ))}
          {home.preparation.map((p) => (
            <li key={`${p.organisationSlug}/${p.schemeSlug}`}>
              <Link href={menteeCoursePath(p.organisationSlug, p.schemeSlug)}>Take the mentee preparation course</Link> for {p.schemeName}:{" "}
              {p.pagesDone} of {p.pages} pages done
              {p.required ? ". You are matched once you have finished it." : "."}
            </li>
          ))}
        </ul>
      )}

      <h2 className="nhsuk-heading-m">Your schemes</h2>
      {home.schemes.length === 0 ? (
        <InsetText>
          <p>You have not joined a mentoring scheme yet.</p>
          <p>
            <Link href={`${BASE}/schemes/find`}>Find a mentoring scheme</Link>
          </p>
        </InsetText>
      ) : (
        <>
          <ul className="nhsuk-list nhsuk-list--border">
            {home.schemes.map((s) => (
              <li key={s.enrolmentId}>
                <Link href={schemePath(s.organisationSlug, s.schemeSlug)}>{s.schemeName}</Link>
                <br />
                <span className="nhsuk-body-s">
                  {describeEnrolmentRole(s.role)}, {describeStatus(s.status).toLowerCase()} · {s.organisationName}
                </span>
                {s.canChooseMentor ? (
                  <>
                    <br />
                    <Link href={choosePath(s.organisationSlug, s.schemeSlug)}>
                      Choose a mentor<span className="nhsuk-u-visually-hidden"> in {s.schemeName}</span>
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link href={`${BASE}/schemes`}>All my schemes</Link>
          </p>
        </>
      )}
    </>
  );
}
