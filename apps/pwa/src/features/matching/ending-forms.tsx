// Ending a match early: the mentee's no-fault change (no reason needed) and ending after the trial meeting.
import { Button, ErrorSummary, InsetText, Textarea } from "@tandem/ui";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { errorCode, mapTrpcError, messages, NO_ERRORS, type FormErrors } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";
import { validateReason, type ReasonField } from "./matching-forms";
import { PEOPLE_CODES, problemText, useInvalidateMatches } from "./match-actions";
import type { Match } from "./match-types";

export function NoFaultForm({
  match,
  onCancel,
  onDone,
  onErrorsChange,
}: {
  match: Match;
  onCancel: () => void;
  onDone: (text: string) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const invalidate = useInvalidateMatches();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors<ReasonField>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);

  const change = useMutation(
    trpc.matching.noFaultChange.mutationOptions({
      networkMode: "always",
      onSuccess: async () => {
        onDone(
          `Your match with ${match.otherName} has ended. You will not be matched with them again. ${match.otherName} has been told only that the match has ended, not why. You can now choose or be matched with another mentor.`,
        );
        await invalidate();
      },
      onError: async (error) => {
        setErrors(
          mapTrpcError(error, ["reason"], {
            online: navigator.onLine,
            showMessageFor: PEOPLE_CODES,
            unauthorised: messages.signedOut,
          }),
        );
        setAttempt((n) => n + 1);
        if (errorCode(error) === "CONFLICT") await invalidate();
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateReason(reason);
    setErrors(checked.errors);
    if (checked.errors.summary.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    change.mutate({
      organisationId: match.organisationId,
      relationshipId: match.id,
      ...(checked.reason ? { reason: checked.reason } : {}),
    });
  }

  return (
    <div className="nhsuk-u-margin-top-4">
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
        Ask for a no-fault change
      </h4>
      <p>
        You can ask for a different mentor at any time, and you do not have to say why. It is
        nobody&apos;s fault: sometimes a match does not work out. Your match with {match.otherName}{" "}
        ends now, and you will not be matched with them again.
      </p>
      <InsetText>
        <p>
          <strong>Only you and the scheme coordinator will see what you write here.</strong>{" "}
          {match.otherName} will never see it: they are told only that the match has ended.
        </p>
      </InsetText>
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id="reason"
          name="reason"
          label="Reason (optional)"
          hint={`Seen only by you and the coordinator, never by ${match.otherName}. A few words can help the coordinator find you a better match. Up to 1000 characters.`}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.fields.reason}
          rows={4}
        />
        <div className="nhsuk-button-group">
          <Button
            type="submit"
            variant="warning"
            disabled={change.isPending}
            aria-disabled={change.isPending || undefined}
          >
            End this match and ask for a change
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
        {!online ? <p>You can ask for a change when you are back online.</p> : null}
      </form>
    </div>
  );
}

export function EndAfterTrial({
  match,
  onCancel,
  onDone,
}: {
  match: Match;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const invalidate = useInvalidateMatches();
  const [problem, setProblem] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const end = useMutation(
    trpc.matching.endAfterTrial.mutationOptions({
      networkMode: "always",
      onSuccess: async () => {
        onDone(
          `Your match with ${match.otherName} has ended after the trial meeting. No reason is needed and none is recorded.`,
        );
        await invalidate();
      },
      onError: async (error) => {
        const code = errorCode(error);
        const mapped = mapTrpcError(error, [], {
          online: navigator.onLine,
          showMessageFor: PEOPLE_CODES,
          unauthorised: messages.signedOut,
        });
        setProblem(code ? (mapped.summary[0]?.text ?? problemText(error)) : problemText(error));
        if (code === "CONFLICT") await invalidate();
      },
    }),
  );

  return (
    <div className="nhsuk-u-margin-top-4">
      <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
        End your match with {match.otherName} after the trial meeting?
      </h4>
      <p>
        The scheme lets either of you end the match after the trial meeting. No reason is needed and
        none is recorded. {match.otherName} will be told that the match has ended.
      </p>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <div className="nhsuk-button-group">
        <Button
          type="button"
          variant="warning"
          disabled={end.isPending}
          aria-disabled={end.isPending || undefined}
          onClick={() =>
            end.mutate({ organisationId: match.organisationId, relationshipId: match.id })
          }
        >
          Yes, end the match
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          No, keep it
        </Button>
      </div>
      {!online ? <p>You can end the match when you are back online.</p> : null}
    </div>
  );
}
