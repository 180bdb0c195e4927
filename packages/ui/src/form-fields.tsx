// Form fields in the NHS.UK pattern: label, hint, inline error, with aria-describedby wiring
// so a screen reader announces the hint and the error with the field.
import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { cx } from "./layout";

interface FieldTextProps {
  id: string;
  hint?: ReactNode;
  error?: ReactNode;
}

/** The ids a field points at: hint first, then error (the order NHS.UK frontend uses). */
export function describedBy({ id, hint, error }: FieldTextProps, extra?: string): string | undefined {
  const ids = [extra, hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="nhsuk-hint" id={id}>
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {children}
    </span>
  );
}

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  id: string;
  name: string;
  label: ReactNode;
  /** Render the label as the page heading (one-question pages). */
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  width?: InputWidth;
}

export const TextInput = forwardRef<HTMLInputElement, TextInputProps>(function TextInput(
  { id, name, label, labelIsPageHeading, hint, error, width, className, type = "text", ...rest },
  ref,
) {
  const labelElement = (
    <label className={cx("nhsuk-label", labelIsPageHeading && "nhsuk-label--l")} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      {labelIsPageHeading ? <h1 className="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        ref={ref}
        id={id}
        name={name}
        type={type}
        className={cx(
          "nhsuk-input",
          width && `nhsuk-input--width-${width}`,
          error ? "nhsuk-input--error" : undefined,
          className,
        )}
        aria-describedby={describedBy({ id, hint, error }, rest["aria-describedby"])}
        aria-invalid={error ? true : undefined}
        {...withoutDescribedBy(rest)}
      />
    </div>
  );
});

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> {
  id: string;
  name: string;
  label: ReactNode;
  options: SelectOption[];
  hint?: ReactNode;
  error?: ReactNode;
}

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { id, name, label, options, hint, error, className, ...rest },
  ref,
) {
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <select
        ref={ref}
        id={id}
        name={name}
        className={cx("nhsuk-select", error ? "nhsuk-select--error" : undefined, className)}
        aria-describedby={describedBy({ id, hint, error }, rest["aria-describedby"])}
        aria-invalid={error ? true : undefined}
        {...withoutDescribedBy(rest)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
});

export interface CheckboxItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Controlled: pair with onChange. */
  checked?: boolean;
  defaultChecked?: boolean;
  disabled?: boolean;
}

export interface CheckboxesProps {
  /** Used as the first item's id (so an error summary link lands on it) and as the prefix of the rest. */
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  items: CheckboxItem[];
  hint?: ReactNode;
  error?: ReactNode;
  small?: boolean;
  onChange?: (value: string, checked: boolean) => void;
}

export function Checkboxes({
  idPrefix,
  name,
  legend,
  legendIsPageHeading,
  items,
  hint,
  error,
  small,
  onChange,
}: CheckboxesProps) {
  const legendClass = cx("nhsuk-fieldset__legend", legendIsPageHeading && "nhsuk-fieldset__legend--l");
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy({ id: idPrefix, hint, error })}>
        <legend className={legendClass}>
          {legendIsPageHeading ? <h1 className="nhsuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? <Hint id={`${idPrefix}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${idPrefix}-error`}>{error}</ErrorMessage> : null}
        <div className={cx("nhsuk-checkboxes", small && "nhsuk-checkboxes--small")}>
          {items.map((item, index) => {
            const itemId = index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            return (
              <div className="nhsuk-checkboxes__item" key={item.value}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={itemId}
                  name={name}
                  type="checkbox"
                  value={item.value}
                  checked={item.checked}
                  defaultChecked={item.defaultChecked}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                  onChange={onChange ? (event) => onChange(item.value, event.currentTarget.checked) : undefined}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={itemId}>
                  {item.label}
                </label>
                {item.hint && itemHintId ? (
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={itemHintId}>
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

function withoutDescribedBy<T extends { "aria-describedby"?: string }>(props: T): Omit<T, "aria-describedby"> {
  const { "aria-describedby": _ignored, ...rest } = props;
  return rest;
}
