// NHS.UK form pieces the scheme pages need beyond @tandem/ui: radios (with conditional questions),
// a single yes/no checkbox, textareas, and words for scheme and enrolment states.
import { ErrorMessage, Hint, Tag, cx, describedBy, type TagColour } from "@tandem/ui";
import { useEffect, useState, type ReactNode, type TextareaHTMLAttributes } from "react";

/** True after hydration: conditional questions are only hidden when script can reveal them again. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export interface RadioItem {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Questions shown under this answer while it is chosen. */
  conditional?: ReactNode;
}

export function Radios({
  idPrefix,
  name,
  legend,
  legendSize,
  hint,
  error,
  items,
  defaultValue,
  inline,
  small,
}: {
  /** The first radio's id (the error summary links to it); the rest are `${idPrefix}-2`, … */
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendSize?: "s" | "m";
  hint?: ReactNode;
  error?: string | undefined;
  items: RadioItem[];
  defaultValue?: string | undefined;
  inline?: boolean;
  small?: boolean;
}) {
  const [chosen, setChosen] = useState(defaultValue);
  const hydrated = useHydrated();
  const anyConditional = items.some((item) => item.conditional);
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy({ id: idPrefix, hint, error })}>
        <legend className={cx("nhsuk-fieldset__legend", legendSize && `nhsuk-fieldset__legend--${legendSize}`)}>{legend}</legend>
        {hint ? <Hint id={`${idPrefix}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${idPrefix}-error`}>{error}</ErrorMessage> : null}
        <div
          className={cx(
            "nhsuk-radios",
            inline && "nhsuk-radios--inline",
            small && "nhsuk-radios--small",
            anyConditional && "nhsuk-radios--conditional",
          )}
        >
          {items.map((item, index) => {
            const itemId = index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
            const itemHintId = item.hint ? `${itemId}-item-hint` : undefined;
            const conditionalId = item.conditional ? `${itemId}-conditional` : undefined;
            return (
              <div key={item.value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={itemId}
                    name={name}
                    type="radio"
                    value={item.value}
                    defaultChecked={defaultValue === item.value}
                    aria-describedby={itemHintId}
                    aria-controls={hydrated ? conditionalId : undefined}
                    onChange={(event) => {
                      if (event.currentTarget.checked) setChosen(item.value);
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
                {item.conditional ? (
                  <div
                    className={cx(
                      "nhsuk-radios__conditional",
                      hydrated && chosen !== item.value && "nhsuk-radios__conditional--hidden",
                    )}
                    id={conditionalId}
                  >
                    {item.conditional}
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

/** One yes/no checkbox whose label says what ticking it means. Unticked sends nothing. */
export function YesNoCheckbox({
  id,
  name,
  label,
  hint,
  error,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  defaultChecked: boolean;
}) {
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            value="yes"
            defaultChecked={defaultChecked}
            aria-describedby={[hint ? `${id}-item-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || undefined}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-item-hint`}>
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function TextArea({
  id,
  name,
  label,
  labelSize,
  hint,
  error,
  rows = 5,
  ...rest
}: {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: "s" | "m";
  hint?: ReactNode;
  error?: string | undefined;
  rows?: number;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
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
        className={cx("nhsuk-textarea", error ? "nhsuk-textarea--error" : undefined)}
        aria-describedby={describedBy({ id, hint, error })}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
}

const schemeStatusWords: Record<string, { text: string; colour: TagColour }> = {
  draft: { text: "Draft", colour: "grey" },
  open: { text: "Open", colour: "green" },
  closed: { text: "Closed", colour: "orange" },
  archived: { text: "Archived", colour: "grey" },
};

export function SchemeStatusTag({ status }: { status: string }) {
  const words = schemeStatusWords[status] ?? { text: status, colour: "grey" as const };
  return <Tag colour={words.colour}>{words.text}</Tag>;
}

export const enrolmentRoleWords: Record<string, string> = { mentee: "Mentee", mentor: "Mentor", peer: "Peer" };

export const enrolmentStatusWords: Record<string, string> = {
  requested: "Awaiting review",
  waiting: "On the waiting list",
  active: "Taking part",
  declined: "Declined",
  withdrawn: "Withdrawn",
};
