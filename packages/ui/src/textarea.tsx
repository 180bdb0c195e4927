// NHS.UK textarea with its label, hint and error wired for assistive technology.
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { ErrorMessage, Hint, describedBy } from "./form-fields";
import { cx } from "./layout";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: "s" | "m";
  hint?: ReactNode;
  error?: ReactNode;
}

export function Textarea({ id, name, label, labelSize, hint, error, className, rows = 5, ...rest }: TextareaProps) {
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <label className={cx("nhsuk-label", labelSize && `nhsuk-label--${labelSize}`)} htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        className={cx("nhsuk-textarea", error ? "nhsuk-textarea--error" : undefined, className)}
        aria-describedby={describedBy({ id, hint, error })}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
}
