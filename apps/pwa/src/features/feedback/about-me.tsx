// A mentor's own feedback in a scheme: average ratings from their mentees' answers, shown only once
// enough different mentees have answered that nobody's can be picked out (never written answers).
import { Table } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { describeMean } from "./feedback-words";

export function FeedbackAboutMe({
  organisationId,
  schemeId,
}: {
  organisationId: string;
  schemeId: string;
}) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.feedback.aboutMe.queryOptions({ organisationId, schemeId }));
  // Only mentors with an active enrolment have a summary; anyone else (or a failed request) sees nothing here.
  if (!summary.data) return null;
  const { mentees, threshold, shown, ratings } = summary.data;
  return (
    <section aria-labelledby="about-me">
      <h2 className="nhsuk-heading-m" id="about-me">
        Feedback on your mentoring
      </h2>
      {shown ? (
        <>
          <p>
            Average ratings from {mentees} mentees in this scheme. Answers are shown together so no
            one mentee&apos;s can be picked out, and written answers are never shown to mentors.
          </p>
          <Table
            caption={
              <span className="nhsuk-u-visually-hidden">Average ratings from your mentees</span>
            }
            head={["Question", "Average", "Answered"]}
            firstCellIsHeader
            rowKeys={ratings.map((r) => r.questionId)}
            rows={ratings.map((r) => [r.label, describeMean(r.mean), String(r.answered)])}
          />
        </>
      ) : (
        <p>
          Your feedback appears here once at least {threshold} different mentees in this scheme have
          given it, so that no one mentee&apos;s answers can be picked out.
        </p>
      )}
    </section>
  );
}
