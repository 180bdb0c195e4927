// What every form on the relationship page shares: the page's one open form, its errors (an NHS
// error summary linked to the fields, and "Error:" in the title), the done message, and refreshing
// after a change. A refused change (CONFLICT: someone else changed it first) refreshes the page too.
import { Button, ErrorSummary } from "@tandem/ui";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { errorCode, NO_ERRORS, type FormErrors } from "../../lib/form-errors";
import { useOnlineStatus } from "../offline/use-online-status";
import { queuedWords, type QueuedBecause } from "../offline/use-outbox";
import { mapServerError } from "./meeting-forms";
import type { Open, Scope } from "./relationship-types";
import { useRefreshRelationship } from "./use-relationship";

export interface PageControls {
  scope: Scope;
  open: Open;
  /** Opens a form; focus goes back to `fromId` (the button that opened it) when it is cancelled. */
  show: (open: Exclude<Open, null>, fromId: string) => void;
  cancel: () => void;
  /** A change went through: close the form and say what happened. */
  done: (text: string) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}

export function usePageForm(controls: PageControls, prefix: string, order: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const refresh = useRefreshRelationship();
  const { onErrorsChange } = controls;
  // Only a form that has shown errors changes the page title, so mounting another form leaves it alone.
  const showing = useRef(false);
  useEffect(() => {
    if (errors === NO_ERRORS && !showing.current) return;
    showing.current = errors.summary.length > 0;
    onErrorsChange(showing.current);
  }, [errors, onErrorsChange]);
  useEffect(
    () => () => {
      if (showing.current) onErrorsChange(false);
    },
    [onErrorsChange],
  );

  return {
    errors,
    attempt,
    /** Shows errors found before sending; true when there were any. */
    check(found: FormErrors): boolean {
      setErrors(found);
      if (found.summary.length > 0) setAttempt((n) => n + 1);
      return found.summary.length > 0;
    },
    async failed(error: unknown) {
      setErrors(mapServerError(error, prefix, order, navigator.onLine));
      setAttempt((n) => n + 1);
      if (errorCode(error) === "CONFLICT") await refresh();
    },
    async succeeded(text: string) {
      setErrors(NO_ERRORS);
      controls.done(text);
      await refresh();
    },
    /** The change waits in the outbox (offline, or signed out): say so; the outbox panel lists it. */
    queued(because: QueuedBecause) {
      setErrors(NO_ERRORS);
      controls.done(queuedWords(because));
    },
  };
}

export function FormProblems({ form }: { form: { errors: FormErrors; attempt: number } }) {
  return form.errors.summary.length > 0 ? (
    <ErrorSummary key={form.attempt} errors={form.errors.summary} />
  ) : null;
}

export type HeadingLevel = 3 | 4 | 5;

/** The level a form's heading takes where it is shown: a form inside a meeting's card sits below the card's heading. */
export const FormHeadingLevel = createContext<HeadingLevel>(3);

/** A form's heading, which takes focus when the form opens. */
export function FormHeading({ children }: { children: ReactNode }) {
  const level = useContext(FormHeadingLevel);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const Tag = `h${level}` as "h3" | "h4" | "h5";
  return (
    <Tag className="nhsuk-heading-s" tabIndex={-1} ref={ref}>
      {children}
    </Tag>
  );
}

export function FormButtons({
  submit,
  pending,
  onCancel,
  warning,
  offlineText,
}: {
  submit: ReactNode;
  pending: boolean;
  onCancel: () => void;
  warning?: boolean;
  offlineText: string;
}) {
  const online = useOnlineStatus();
  return (
    <>
      <div className="nhsuk-button-group">
        <Button
          type="submit"
          variant={warning ? "warning" : "primary"}
          disabled={pending}
          aria-disabled={pending || undefined}
        >
          {submit}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {!online ? <p>{offlineText}</p> : null}
    </>
  );
}
