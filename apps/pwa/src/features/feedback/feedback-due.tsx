// What the person has been asked to answer: feedback on a relationship (at the midpoint or the end)
// and outcome questionnaires. Shown on "My mentoring" and, for one relationship, on its page.
import { useQuery } from "@tanstack/react-query";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import {
  feedbackPath,
  feedbackTitle,
  questionnairePath,
  questionnaireTitle,
} from "./feedback-words";

/** Feedback still to give (and questionnaires due), or nothing at all when there is none. */
export function FeedbackToGive() {
  const trpc = useTRPC();
  const feedback = useQuery(trpc.feedback.mine.queryOptions());
  const outcomes = useQuery(trpc.feedback.outcomesDue.queryOptions());
  const waiting = (feedback.data ?? []).filter((r) => r.open && !r.given);
  const due = outcomes.data ?? [];
  if (waiting.length === 0 && due.length === 0) return null;
  return (
    <section aria-labelledby="to-answer">
      <h2 className="nhsuk-heading-m" id="to-answer">
        Waiting for your answers
      </h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {waiting.map((r) => (
          <li key={r.requestId}>
            <Link href={feedbackPath(r.requestId)}>
              {feedbackTitle(r.point)}
              <span className="nhsuk-u-visually-hidden"> ({r.schemeName})</span>
            </Link>{" "}
            ({r.schemeName}). It takes a few minutes.
          </li>
        ))}
        {due.map((q) => (
          <li key={`${q.enrolmentId}-${q.point}`}>
            <Link href={questionnairePath(q.enrolmentId)}>
              {questionnaireTitle(q.point)}
              <span className="nhsuk-u-visually-hidden"> ({q.schemeName})</span>
            </Link>{" "}
            ({q.schemeName})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a relationship's page: feedback the person has been asked to give about it. */
export function FeedbackForRelationship({ relationshipId }: { relationshipId: string }) {
  const trpc = useTRPC();
  const feedback = useQuery(trpc.feedback.mine.queryOptions());
  const waiting = (feedback.data ?? []).filter(
    (r) => r.relationshipId === relationshipId && r.open,
  );
  if (waiting.length === 0) return null;
  return (
    <>
      {waiting.map((r) => (
        <div className="nhsuk-inset-text" key={r.requestId}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            <strong>{feedbackTitle(r.point)}</strong>{" "}
            {r.given
              ? "You have given your feedback, and can change it until the round closes. "
              : "The scheme would like your feedback. It takes a few minutes. "}
            <Link href={feedbackPath(r.requestId)}>
              {r.given ? "Change your feedback" : "Give your feedback"}
            </Link>
          </p>
        </div>
      ))}
    </>
  );
}
