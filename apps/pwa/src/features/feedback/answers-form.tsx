// A form built from a scheme's questions: a rating from 1 to 5, yes or no, or a written answer. Used
// for feedback and for outcome questionnaires; the page says where the answers go.
import { Button, ErrorSummary, Radios, Textarea } from "@tandem/ui";
import { useEffect, useState, type FormEvent } from "react";
import { NO_ERRORS, type FormErrors } from "../../lib/form-errors";
import { useOnlineStatus } from "../offline/use-online-status";
import {
  answerId,
  ratingHint,
  ratingOptions,
  readAnswers,
  type AnswerValues,
  type Question,
} from "./feedback-words";
import type { Answers } from "@tandem/core";

export function AnswersForm({
  prefix,
  questions,
  initial,
  submitText,
  pending,
  serverErrors,
  onSubmit,
  onErrorsChange,
}: {
  prefix: string;
  questions: readonly Question[];
  initial: AnswerValues;
  submitText: string;
  pending: boolean;
  /** Errors the API gave for the last attempt, on the same field ids. */
  serverErrors: FormErrors | null;
  onSubmit: (answers: Answers) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const online = useOnlineStatus();
  const [values, setValues] = useState<AnswerValues>(initial);
  const [found, setFound] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const errors: FormErrors = found.summary.length > 0 ? found : (serverErrors ?? NO_ERRORS);
  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);
  useEffect(() => {
    if (serverErrors) setAttempt((n) => n + 1);
  }, [serverErrors]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readAnswers(prefix, questions, values);
    setFound(read.errors);
    if (!read.answers) {
      setAttempt((n) => n + 1);
      return;
    }
    onSubmit(read.answers);
  }

  const set = (id: string) => (value: string) => setValues((v) => ({ ...v, [id]: value }));
  return (
    <>
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form onSubmit={handleSubmit} noValidate>
        {questions.map((q) => {
          const id = answerId(prefix, q.id);
          const label = `${q.label}${q.required === false || q.required === undefined ? " (optional)" : ""}`;
          if (q.kind === "free_text") {
            return (
              <Textarea
                key={q.id}
                id={id}
                name={q.id}
                label={label}
                labelSize="s"
                value={values[q.id] ?? ""}
                onChange={(event) => set(q.id)(event.currentTarget.value)}
                error={errors.fields[id]}
                rows={4}
              />
            );
          }
          return (
            <Radios
              key={q.id}
              idPrefix={id}
              name={q.id}
              legend={label}
              legendSize="s"
              hint={q.kind === "likert" ? ratingHint : undefined}
              inline
              value={values[q.id] ?? ""}
              onChange={set(q.id)}
              error={errors.fields[id]}
              items={
                q.kind === "likert"
                  ? ratingOptions
                  : [
                      { value: "yes", label: "Yes" },
                      { value: "no", label: "No" },
                    ]
              }
            />
          );
        })}
        <Button type="submit" disabled={pending} aria-disabled={pending || undefined}>
          {submitText}
        </Button>
        {!online ? <p>You can send your answers when you are back online.</p> : null}
      </form>
    </>
  );
}
