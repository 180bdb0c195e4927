// Form fields @tandem/ui does not have yet, in the same NHS.UK markup: radios and a textarea.
import { ErrorMessage, Hint, cx, describedBy } from "@tandem/ui";
import type { ReactNode, TextareaHTMLAttributes } from "react";

export interface RadioItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadiosProps {
  /** The first item's id (so an error summary link lands on it) and the prefix of the rest. */
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendSize?: "s" | "m";
  items: RadioItem[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  inline?: boolean;
}

export function Radios({
  idPrefix,
  name,
  legend,
  legendSize,
  items,
  value,
  onChange,
  hint,
  error,
  inline,
}: RadiosProps) {
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <fieldset
        className="nhsuk-fieldset"
        aria-describedby={describedBy({ id: idPrefix, hint, error })}
      >
        <legend
          className={cx(
            "nhsuk-fieldset__legend",
            legendSize && `nhsuk-fieldset__legend--${legendSize}`,
          )}
        >
          {legend}
        </legend>
        {hint ? <Hint id={`${idPrefix}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${idPrefix}-error`}>{error}</ErrorMessage> : null}
        <div className={cx("nhsuk-radios", inline && "nhsuk-radios--inline")}>
          {items.map((item, index) => {
            const itemId = index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div className="nhsuk-radios__item" key={item.value}>
                <input
                  className="nhsuk-radios__input"
                  id={itemId}
                  name={name}
                  type="radio"
                  value={item.value}
                  checked={value === item.value}
                  aria-describedby={itemHintId}
                  onChange={(event) => {
                    if (event.currentTarget.checked) onChange(item.value);
                  }}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint && itemHintId ? (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={itemHintId}>
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface TextareaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "id" | "name"
> {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

export function Textarea({
  id,
  name,
  label,
  hint,
  error,
  className,
  rows = 5,
  ...rest
}: TextareaProps) {
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <label className="nhsuk-label" htmlFor={id}>
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
