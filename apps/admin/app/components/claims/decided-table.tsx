// Claims already decided, as a responsive table.
import { Table } from "@tandem/ui";
import { formatDate } from "../../lib/format";
import type { ClaimView } from "./types";
import { ClaimStatusTag, formatMoney, meetingText } from "./words";

export function DecidedClaimsTable({ claims }: { claims: ClaimView[] }) {
  return (
    <Table
      caption="Decided claims"
      captionSize="m"
      head={["Mentor", "Meeting", "Fee", "Expenses", "Status", "Decided", "Exported"]}
      firstCellIsHeader
      rowKeys={claims.map((c) => c.id)}
      rows={claims.map((c) => [
        c.mentorName,
        meetingText(c),
        formatMoney(c.feePence),
        formatMoney(c.expensesPence),
        <span key="status">
          <ClaimStatusTag status={c.status} />
          {c.status === "rejected" && c.decisionMessage ? (
            <span className="nhsuk-body-s nhsuk-u-display-block">{c.decisionMessage}</span>
          ) : null}
        </span>,
        c.decidedAt ? formatDate(c.decidedAt) : "Not recorded",
        c.exportedAt
          ? formatDate(c.exportedAt)
          : c.status === "approved"
            ? "Not yet"
            : "Not exported",
      ])}
    />
  );
}
