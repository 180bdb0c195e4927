// NHS.UK radios: controlled (value + onChange) or not (defaultValue), with optional conditional
// questions revealed under the chosen answer once script has loaded.
import { useEffect, useState, type ReactNode } from "react";
import { ErrorMessage, Hint, describedBy } from "./form-fields";
import { cx } from "./layout";

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

export interface RadiosProps {
  /** The first radio's id (the error summary links to it); the rest are `${idPrefix}-2`, … */
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendSize?: "s" | "m";
  hint?: ReactNode;
  error?: ReactNode;
  items: RadioItem[];
  /** Controlled: the chosen value and what to do when it changes. */
  value?: string;
  onChange?: (value: string) => void;
  /** Uncontrolled (server-rendered forms): the value chosen at first. */
  defaultValue?: string | undefined;
  inline?: boolean;
  small?: boolean;
}

export function Radios({ idPrefix, name, legend, legendSize, hint, error, items, value, onChange, defaultValue, inline, small }: RadiosProps) {
  const [chosenHere, setChosenHere] = useState(defaultValue);
  const chosen = value ?? chosenHere;
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
            const checked = value !== undefined ? { checked: value === item.value } : { defaultChecked: defaultValue === item.value };
            return (
              <div key={item.value}>
                <div className="nhsuk-radios__item">
                  <input
                    className="nhsuk-radios__input"
                    id={itemId}
                    name={name}
                    type="radio"
                    value={item.value}
                    {...checked}
                    aria-describedby={itemHintId}
                    aria-controls={hydrated ? conditionalId : undefined}
                    onChange={(event) => {
                      if (!event.currentTarget.checked) return;
                      setChosenHere(item.value);
                      onChange?.(item.value);
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
                    className={cx("nhsuk-radios__conditional", hydrated && chosen !== item.value && "nhsuk-radios__conditional--hidden")}
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
