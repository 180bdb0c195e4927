// Glue between conform and the NHS.UK error pattern: one error summary at the top that takes focus
// after each failed submit, with a link to each field at fault.
import { ErrorSummary, type ErrorSummaryItem } from "@tandem/ui";
import { useEffect, useState, type FormEvent } from "react";

/**
 * The summary's items: form-level messages link to `formErrorTarget` (usually the first field),
 * field messages to `#<id>` where `ids` maps field names to element ids (default: the name).
 */
export function errorItems(
  form: { errors?: string[] | undefined; allErrors: Record<string, string[]> },
  options: { order: string[]; ids?: Record<string, string>; formErrorTarget: string },
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const message of form.errors ?? []) items.push({ href: `#${options.formErrorTarget}`, text: message });
  const all = form.allErrors;
  for (const name of options.order) {
    const first = all[name]?.[0];
    if (first) items.push({ href: `#${options.ids?.[name] ?? name}`, text: first });
  }
  return items;
}

/**
 * A key for the error summary that changes on every submit attempt and every new server reply, so
 * the summary remounts and takes focus each time (not only the first).
 */
export function useSubmitAttempt(lastResult: unknown) {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (lastResult) setAttempt((n) => n + 1);
  }, [lastResult]);
  const wrap =
    (onSubmit: (event: FormEvent<HTMLFormElement>) => void) => (event: FormEvent<HTMLFormElement>) => {
      setAttempt((n) => n + 1);
      onSubmit(event);
    };
  return { attempt, wrap };
}

export function FormErrorSummary({ items, attempt }: { items: ErrorSummaryItem[]; attempt: number }) {
  if (items.length === 0) return null;
  return <ErrorSummary key={attempt} errors={items} />;
}

/** The first error of a field, for the message shown in place. */
export function fieldError(errors: string[] | undefined): string | undefined {
  return errors?.[0];
}
