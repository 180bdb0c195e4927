// The request form: up to three mentors in order, with a message, checked by the API's own schema.
import { Button, ErrorSummary, Textarea } from "@tandem/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { errorCode, mapTrpcError, messages, NO_ERRORS, toFormErrors, type FormErrors } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";
import { MAX_CHOICES, requestFields, validateRequest, type RequestField } from "./matching-forms";
import { moveChoice } from "./matching-words";
import type { Pool } from "./pool-types";

export function RequestForm({
  pool,
  choices,
  names,
  onChoicesChange,
  onErrorsChange,
  onSent,
}: {
  pool: Pool;
  choices: string[];
  names: Record<string, string>;
  onChoicesChange: (choices: string[]) => void;
  onErrorsChange: (hasErrors: boolean) => void;
  onSent: (text: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<FormErrors<RequestField>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const max = Math.min(pool.maxChoices, MAX_CHOICES);

  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);
  // Choosing a mentor answers "Choose at least one mentor": the message goes once it is no longer true.
  useEffect(() => {
    if (choices.length === 0) return;
    setErrors((previous) => {
      if (!previous.fields.mentorEnrolmentIds) return previous;
      const { mentorEnrolmentIds: _answered, ...rest } = previous.fields;
      return toFormErrors(requestFields, rest);
    });
  }, [choices]);

  const request = useMutation(
    trpc.matching.request.mutationOptions({
      networkMode: "always",
      onSuccess: async (_result, variables) => {
        const first = names[variables.mentorEnrolmentIds[0]!] ?? "your first choice";
        setErrors(NO_ERRORS);
        setMessage("");
        onSent(
          `Your request has gone to ${first}. They have ${pool.requestExpiryDays} days to answer; if they cannot take you on, it goes to your next choice. We will email you.`,
        );
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
        ]);
      },
      onError: async (error) => {
        setErrors(
          mapTrpcError(error, requestFields, {
            online: navigator.onLine,
            showMessageFor: ["CONFLICT", "FORBIDDEN"],
            unauthorised: messages.signedOut,
          }),
        );
        setAttempt((n) => n + 1);
        const code = errorCode(error);
        if (code === "CONFLICT" || code === "BAD_REQUEST")
          await queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() });
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateRequest({ choices, message });
    setErrors(found);
    if (found.summary.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const text = message.trim();
    request.mutate({
      organisationId: pool.scheme.organisationId,
      schemeId: pool.scheme.id,
      mentorEnrolmentIds: choices,
      ...(text ? { message: text } : {}),
    });
  }

  return (
    <section aria-labelledby="mentorEnrolmentIds" className="nhsuk-u-margin-top-5">
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <h2 className="nhsuk-heading-m" id="mentorEnrolmentIds" tabIndex={-1}>
        Your choices
      </h2>
      <p>
        Choose up to {max} mentors, in the order you prefer. Your request goes to your first choice.
        If they cannot take you on, or do not answer within {pool.requestExpiryDays} days, it goes
        to your next choice.
      </p>
      <div
        className={
          errors.fields.mentorEnrolmentIds ? "nhsuk-form-group nhsuk-form-group--error" : undefined
        }
      >
        {errors.fields.mentorEnrolmentIds ? (
          <span className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span>{" "}
            {errors.fields.mentorEnrolmentIds}
          </span>
        ) : null}
        {choices.length === 0 ? (
          <p>You have not chosen a mentor yet. Use the Choose button on a mentor above.</p>
        ) : (
          <ol className="nhsuk-list nhsuk-list--number">
            {choices.map((id, index) => {
              const name = names[id] ?? "A mentor";
              return (
                <li key={id}>
                  <strong>{name}</strong>
                  <div className="nhsuk-button-group nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-2">
                    {index > 0 ? (
                      <Button
                        type="button"
                        variant="secondary"
                        small
                        onClick={() => onChoicesChange(moveChoice(choices, index, -1))}
                      >
                        Move up<span className="nhsuk-u-visually-hidden"> {name}</span>
                      </Button>
                    ) : null}
                    {index < choices.length - 1 ? (
                      <Button
                        type="button"
                        variant="secondary"
                        small
                        onClick={() => onChoicesChange(moveChoice(choices, index, 1))}
                      >
                        Move down<span className="nhsuk-u-visually-hidden"> {name}</span>
                      </Button>
                    ) : null}
                    <Button
                      type="button"
                      variant="secondary"
                      small
                      onClick={() => onChoicesChange(choices.filter((c) => c !== id))}
                    >
                      Remove<span className="nhsuk-u-visually-hidden"> {name}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id="message"
          name="message"
          label="A message for the mentor (optional)"
          hint="Say briefly what you would like help with. Only the mentor you ask sees it."
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={errors.fields.message}
          rows={4}
        />
        <Button
          type="submit"
          disabled={request.isPending}
          aria-disabled={request.isPending || undefined}
        >
          Send request
        </Button>
        {!online ? <p>You can send your request when you are back online.</p> : null}
      </form>
    </section>
  );
}
