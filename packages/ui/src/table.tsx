// NHS.UK table. Responsive tables stack into cards on small screens, each cell labelled with its column.
import { Fragment, type ReactNode } from "react";
import { cx } from "./layout";

export interface TableProps {
  caption: ReactNode;
  captionSize?: "s" | "m" | "l" | "xl";
  /** Column headings; plain text because responsive cells repeat them as labels. */
  head: string[];
  rows: ReactNode[][];
  /** Marks the first cell of each row as its row header. */
  firstCellIsHeader?: boolean;
  responsive?: boolean;
  /** A stable key per row (defaults to the row index). */
  rowKeys?: string[];
}

export function Table({
  caption,
  captionSize = "m",
  head,
  rows,
  firstCellIsHeader,
  responsive = true,
  rowKeys,
}: TableProps) {
  const role = (value: string) => (responsive ? value : undefined);
  return (
    <table className={cx("nhsuk-table", responsive && "nhsuk-table--responsive")} role={role("table")}>
      <caption className={cx("nhsuk-table__caption", `nhsuk-table__caption--${captionSize}`)}>{caption}</caption>
      <thead className="nhsuk-table__head" role={role("rowgroup")}>
        <tr className="nhsuk-table__row" role={role("row")}>
          {head.map((text) => (
            <th key={text} className="nhsuk-table__header" scope="col" role={role("columnheader")}>
              {text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr key={rowKeys?.[rowIndex] ?? rowIndex} className="nhsuk-table__row" role={role("row")}>
            {row.map((cell, cellIndex) => {
              const isRowHeader = firstCellIsHeader && cellIndex === 0;
              const label = responsive ? head[cellIndex] : undefined;
              const content = (
                <Fragment>
                  {label ? (
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {label}{" "}
                    </span>
                  ) : null}
                  {cell}
                </Fragment>
              );
              return isRowHeader ? (
                <th key={cellIndex} className="nhsuk-table__header" scope="row" role={role("rowheader")}>
                  {content}
                </th>
              ) : (
                <td key={cellIndex} className="nhsuk-table__cell" role={role("cell")}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
