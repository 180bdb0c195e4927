// The error summary at the top of a form. It takes focus when it appears so keyboard and
// screen reader users hear what went wrong; each link jumps to the field at fault.
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";

export interface ErrorSummaryItem {
  /** "#" + the field's id. */
  href: string;
  text: ReactNode;
}

export interface ErrorSummaryProps {
  title?: ReactNode;
  description?: ReactNode;
  errors: ErrorSummaryItem[];
  /** Turn off focusing on mount (e.g. when the page is re-rendered without a new submit). */
  disableAutoFocus?: boolean;
}

export function ErrorSummary({
  title = "There is a problem",
  description,
  errors,
  disableAutoFocus,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!disableAutoFocus) ref.current?.focus();
  }, [disableAutoFocus]);

  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id="error-summary-title">
          {title}
        </h2>
        <div className="nhsuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href}>
                <a href={error.href} onClick={focusTarget}>
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Move focus to the field itself (not just scroll to it), as NHS.UK frontend's script does, with its
 * form group (label or legend, hint and message) in view: scrolling the input itself to the top of
 * the window would hide the words that say what is wrong.
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const hash = event.currentTarget.hash;
  if (!hash) return;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  const group = target.closest(".nhsuk-form-group") ?? target;
  group.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}
