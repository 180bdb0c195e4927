// Giving feedback on a relationship (SPEC section 6), at the midpoint or the end, from the questions of
// the rules version it was asked under. Answers can be changed until the round closes. The address
// names only the request (as the email's link does); "My feedback" gives its organisation.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import type { FormErrors } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { queuedWords, useOutboxWrite, type QueuedBecause } from "../offline/use-outbox";
import { formatInstant } from "../preparation/preparation-words";
import { mapServerError } from "../relationships/meeting-forms";
import { relationshipPath, relationshipsPath } from "../relationships/relationship-words";
import { AnswersForm } from "./answers-form";
import { feedbackListPath, feedbackTitle, fromAnswers } from "./feedback-words";

type Form = RouterOutputs["feedback"]["form"];
const PREFIX = "feedback";

export const privacyWords =
  "Your answers are never shown with your name. The coordinator sees totals, and written answers only once enough people have answered. Nobody you are matched with sees your own answers.";

export function FeedbackFormPage({ requestId }: { requestId: string }) {
  const trpc = useTRPC();
  // Fetched afresh on arrival: the email's link may name a request the cached list has not seen yet.
  const mine = useQuery({ ...trpc.feedback.mine.queryOptions(), refetchOnMount: "always" });
  const request = mine.data?.find((r) => r.requestId === requestId);
  const form = useQuery({
    ...trpc.feedback.form.queryOptions({
      organisationId: request?.organisationId ?? "",
      requestId,
    }),
    enabled: request !== undefined,
  });
  const [hasError, setHasError] = useState(false);
  // The answers start the form: kept on the device, they may be older than the person's last
  // change, so online the form waits for the first fetch to finish (offline it shows what is kept).
  // Latched, so a later refetch never clears what is being typed.
  const settled = useRef(false);
  if (form.data && form.fetchStatus !== "fetching") settled.current = true;
  const title = form.data ? feedbackTitle(form.data.point) : "Feedback";
  usePageTitle(title, hasError);

  const failed = mine.isError ? mine : form.isError ? form : undefined;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {mine.data && !request && !mine.isFetching ? (
        <>
          <p>This feedback request is not yours, or no longer exists.</p>
          <p>
            <Link href={feedbackListPath}>See the feedback you have been asked for</Link>
          </p>
        </>
      ) : form.data && request && settled.current ? (
        <Feedback
          form={form.data}
          relationshipId={request.relationshipId}
          onErrorsChange={setHasError}
        />
      ) : failed ? (
        <QueryProblem onRetry={() => void failed.refetch()} />
      ) : (
        <QueryPending what="the questions" />
      )}
    </>
  );
}

function Feedback({
  form,
  relationshipId,
  onErrorsChange,
}: {
  form: Form;
  relationshipId: string;
  onErrorsChange: (has: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [serverErrors, setServerErrors] = useState<FormErrors | null>(null);
  const [sent, setSent] = useState(false);
  const [queued, setQueued] = useState<QueuedBecause>();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (sent || queued) panelRef.current?.focus();
  }, [sent, queued]);
  const submit = useOutboxWrite("feedback.submit", {
    describe: () =>
      `Send your ${form.point === "midpoint" ? "midpoint" : "end"} feedback for ${form.schemeName}`,
    onQueued: (because) => {
      setServerErrors(null);
      onErrorsChange(false);
      setQueued(because);
    },
    onSuccess: async () => {
      setServerErrors(null);
      onErrorsChange(false);
      setSent(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.feedback.mine.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.feedback.form.queryKey() }),
      ]);
    },
    onError: (error) =>
      setServerErrors(
        mapServerError(
          error,
          PREFIX,
          form.questions.map((q) => `${PREFIX}-answers-${q.id}`),
          navigator.onLine,
        ),
      ),
  });

  if (queued) {
    return (
      <>
        <div className="nhsuk-inset-text" tabIndex={-1} ref={panelRef}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{queuedWords(queued)}</p>
        </div>
        <p>
          <Link href={relationshipPath(relationshipId)}>Back to your mentoring</Link>
        </p>
      </>
    );
  }

  if (sent) {
    return (
      <>
        <div className="nhsuk-panel" tabIndex={-1} ref={panelRef}>
          <h2 className="nhsuk-panel__title">Thank you for your feedback</h2>
          <div className="nhsuk-panel__body">{form.schemeName}</div>
        </div>
        <p>You can change your answers until the scheme closes this round of feedback.</p>
        <p>
          <Link href={relationshipPath(relationshipId)}>Back to your mentoring</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p className="nhsuk-caption-m">{form.schemeName}</p>
      <p>{privacyWords}</p>
      {form.submittedAt ? (
        <p>
          You gave your feedback on {formatInstant(form.submittedAt)}.
          {form.open ? " You can change your answers until the round closes." : ""}
        </p>
      ) : null}
      {form.questions.length === 0 ? (
        <p>This scheme asks no feedback questions. There is nothing to do.</p>
      ) : form.open ? (
        <AnswersForm
          prefix={PREFIX}
          questions={form.questions}
          initial={fromAnswers(form.questions, form.answers)}
          submitText={form.submittedAt ? "Save my changes" : "Send my feedback"}
          pending={submit.isPending}
          serverErrors={serverErrors}
          onSubmit={(answers) =>
            submit.mutate({
              organisationId: form.organisationId,
              requestId: form.requestId,
              answers,
            })
          }
          onErrorsChange={onErrorsChange}
        />
      ) : (
        <p>This round of feedback has closed, so answers can no longer be given or changed.</p>
      )}
      <p>
        <Link href={relationshipsPath}>Back to my mentoring</Link>
      </p>
    </>
  );
}
