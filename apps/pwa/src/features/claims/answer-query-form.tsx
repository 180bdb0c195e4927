// Answering the coordinator's question on a claim; the claim then goes back to them.
import { AnswerClaimQueryFields } from "@tandem/core";
import { Textarea } from "@tandem/ui";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../../lib/trpc";
import { fieldId, issuesToErrors } from "../relationships/meeting-forms";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "../relationships/page-form";

const QUERY = "query";
const ANSWER = fieldId(QUERY, "answer");

export function AnswerQueryForm({
  claimId,
  question,
  controls,
}: {
  claimId: string;
  question: string | null;
  controls: PageControls;
}) {
  const trpc = useTRPC();
  const [answer, setAnswer] = useState("");
  const form = usePageForm(controls, QUERY, [ANSWER]);
  const send = useMutation(
    trpc.claims.answerQuery.mutationOptions({
      networkMode: "always",
      onSuccess: () => form.succeeded("Your answer has gone to the coordinator, with your claim."),
      onError: (error) => form.failed(error),
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = AnswerClaimQueryFields.safeParse({ claimId, answer });
    if (!parsed.success) {
      form.check(issuesToErrors(QUERY, [ANSWER], parsed.error.issues));
      return;
    }
    form.check(issuesToErrors(QUERY, [ANSWER], []));
    send.mutate({ organisationId: controls.scope.organisationId, ...parsed.data });
  }

  return (
    <div className="nhsuk-u-margin-top-2">
      <FormProblems form={form} />
      <FormHeading>Answer the coordinator&apos;s question</FormHeading>
      {question ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">The question: </span>
          <p style={{ whiteSpace: "pre-line" }}>{question}</p>
        </div>
      ) : null}
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id={ANSWER}
          name="answer"
          label="Your answer"
          hint="Up to 1,000 characters. Say nothing of what was discussed in the meeting."
          value={answer}
          onChange={(event) => setAnswer(event.currentTarget.value)}
          error={form.errors.fields[ANSWER]}
          rows={3}
        />
        <FormButtons
          submit="Send my answer"
          pending={send.isPending}
          onCancel={controls.cancel}
          offlineText="You can answer when you are back online."
        />
      </form>
    </div>
  );
}
