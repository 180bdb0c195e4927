// An outcome questionnaire (SPEC section 8): at joining, at the end and at a follow-up, so the scheme
// can see what changed. Answered once for each point; the address names the enrolment it is for.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import type { FormErrors } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { queuedWords, useOutboxWrite, type QueuedBecause } from "../offline/use-outbox";
import { mapServerError } from "../relationships/meeting-forms";
import { relationshipsPath } from "../relationships/relationship-words";
import { AnswersForm } from "./answers-form";
import { questionnaireTitle } from "./feedback-words";

type Due = RouterOutputs["feedback"]["outcomesDue"][number];
const PREFIX = "questionnaire";

export function QuestionnairePage({ enrolmentId }: { enrolmentId: string }) {
  const trpc = useTRPC();
  const due = useQuery({ ...trpc.feedback.outcomesDue.queryOptions(), refetchOnMount: "always" });
  const [hasError, setHasError] = useState(false);
  // Once sent it is no longer due: keep showing the thank-you for the one just answered.
  const [sent, setSent] = useState<Due>();
  const questionnaire = sent ?? due.data?.find((d) => d.enrolmentId === enrolmentId);
  const title = questionnaire ? questionnaireTitle(questionnaire.point) : "Questionnaire";
  usePageTitle(title, hasError);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {sent ? (
        <Sent schemeName={sent.schemeName} />
      ) : questionnaire ? (
        <Questionnaire due={questionnaire} onErrorsChange={setHasError} onSent={setSent} />
      ) : due.data && !due.isFetching ? (
        <>
          <p>No questionnaire is waiting for you in this scheme now.</p>
          <p>
            <Link href={relationshipsPath}>Go to my mentoring</Link>
          </p>
        </>
      ) : due.isError ? (
        <QueryProblem onRetry={() => void due.refetch()} />
      ) : (
        <QueryPending what="the questionnaire" />
      )}
    </>
  );
}

function Sent({ schemeName }: { schemeName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <div className="nhsuk-panel" tabIndex={-1} ref={ref}>
        <h2 className="nhsuk-panel__title">Thank you: your answers are saved</h2>
        <div className="nhsuk-panel__body">{schemeName}</div>
      </div>
      <p>
        <Link href={relationshipsPath}>Go to my mentoring</Link>
      </p>
    </>
  );
}

function Questionnaire({
  due,
  onErrorsChange,
  onSent,
}: {
  due: Due;
  onErrorsChange: (has: boolean) => void;
  onSent: (due: Due) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [serverErrors, setServerErrors] = useState<FormErrors | null>(null);
  const [queued, setQueued] = useState<QueuedBecause>();
  const queuedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (queued) queuedRef.current?.focus();
  }, [queued]);
  const submit = useOutboxWrite("feedback.submitOutcome", {
    describe: () =>
      `Send your answers to the ${questionnaireTitle(due.point).toLowerCase()} for ${due.schemeName}`,
    onQueued: (because) => {
      setServerErrors(null);
      onErrorsChange(false);
      setQueued(because);
    },
    onSuccess: async () => {
      onErrorsChange(false);
      onSent(due);
      await queryClient.invalidateQueries({ queryKey: trpc.feedback.outcomesDue.queryKey() });
    },
    onError: (error) =>
      setServerErrors(
        mapServerError(
          error,
          PREFIX,
          due.items.map((q) => `${PREFIX}-answers-${q.id}`),
          navigator.onLine,
        ),
      ),
  });

  if (queued) {
    return (
      <div className="nhsuk-inset-text" tabIndex={-1} ref={queuedRef}>
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{queuedWords(queued)}</p>
      </div>
    );
  }

  return (
    <>
      <p className="nhsuk-caption-m">
        {due.schemeName} ({due.organisationName})
      </p>
      <p>
        The scheme asks everyone the same questions at the start, at the end and some time later, to
        see what mentoring changes. Your answers are counted with everyone else&apos;s and never
        shown with your name.
      </p>
      <AnswersForm
        prefix={PREFIX}
        questions={due.items}
        initial={{}}
        submitText="Send my answers"
        pending={submit.isPending}
        serverErrors={serverErrors}
        onSubmit={(answers) =>
          submit.mutate({
            organisationId: due.organisationId,
            enrolmentId: due.enrolmentId,
            point: due.point,
            answers,
          })
        }
        onErrorsChange={onErrorsChange}
      />
    </>
  );
}
