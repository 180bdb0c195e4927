// Key–value pairs (e.g. "Organisation: Leeds Teaching Hospitals"), with optional change links.
import type { ReactNode } from "react";
import { cx } from "./layout";

export interface SummaryListAction {
  href: string;
  text: string;
  /** Completes the link text for screen readers, e.g. "Change" + " email address". */
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
  /** A stable React key; defaults to the row index. */
  id?: string;
}

export interface SummaryListProps {
  rows: SummaryListRow[];
  noBorder?: boolean;
}

export function SummaryList({ rows, noBorder }: SummaryListProps) {
  const anyActions = rows.some((row) => row.actions?.length);
  return (
    <dl className={cx("nhsuk-summary-list", noBorder && "nhsuk-summary-list--no-border")}>
      {rows.map((row, index) => (
        <div
          key={row.id ?? index}
          className={cx("nhsuk-summary-list__row", anyActions && !row.actions?.length && "nhsuk-summary-list__row--no-actions")}
        >
          <dt className="nhsuk-summary-list__key">{row.key}</dt>
          <dd className="nhsuk-summary-list__value">{row.value}</dd>
          {row.actions?.length ? (
            <dd className="nhsuk-summary-list__actions">
              {row.actions.map((action) => (
                <a key={action.href} href={action.href}>
                  {action.text}
                  {action.visuallyHiddenText ? (
                    <span className="nhsuk-u-visually-hidden"> {action.visuallyHiddenText}</span>
                  ) : null}
                </a>
              ))}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
