// "Feedback and questionnaires": every feedback request the person has had (to give, given and
// changeable while its round is open, closed) and the outcome questionnaires due now.
import { Table } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { relationshipsPath } from "../relationships/relationship-words";
import { FeedbackToGive } from "./feedback-due";
import { feedbackPath, feedbackTitle } from "./feedback-words";

export function MyFeedback() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.feedback.mine.queryOptions());
  usePageTitle("Feedback and questionnaires");
  return (
    <>
      <PageHeading>Feedback and questionnaires</PageHeading>
      {mine.data ? (
        <>
          <FeedbackToGive />
          {mine.data.length === 0 ? (
            <p>
              You have not been asked for feedback yet. The scheme asks when your mentoring ends
              (and, in some schemes, halfway through). You will get an email, and it will appear
              here.
            </p>
          ) : (
            <section aria-labelledby="all-feedback">
              <h2 className="nhsuk-heading-m" id="all-feedback">
                Feedback you have been asked for
              </h2>
              <Table
                caption={
                  <span className="nhsuk-u-visually-hidden">Feedback you have been asked for</span>
                }
                head={["Feedback", "Scheme", "Asked on", "Your answers"]}
                firstCellIsHeader
                rowKeys={mine.data.map((r) => r.requestId)}
                rows={mine.data.map((r) => [
                  r.open ? (
                    <Link href={feedbackPath(r.requestId)}>{feedbackTitle(r.point)}</Link>
                  ) : (
                    feedbackTitle(r.point)
                  ),
                  r.schemeName,
                  formatInstant(r.invitedAt),
                  r.given
                    ? r.open
                      ? "Given: you can still change them"
                      : "Given"
                    : r.open
                      ? "Not given yet"
                      : "Not given: the round has closed",
                ])}
              />
            </section>
          )}
        </>
      ) : mine.isError ? (
        <QueryProblem onRetry={() => void mine.refetch()} />
      ) : (
        <QueryPending what="your feedback" />
      )}
      <p>
        <Link href={relationshipsPath}>Go to my mentoring</Link>
      </p>
    </>
  );
}
