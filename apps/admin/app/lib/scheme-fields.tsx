// NHS.UK form pieces the scheme pages need beyond @tandem/ui: a single yes/no checkbox, and words
// for scheme and enrolment states.
import { ErrorMessage, Tag, cx, type TagColour } from "@tandem/ui";
import type { ReactNode } from "react";

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
