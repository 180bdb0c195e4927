// The scheme's relationships as a responsive table: who, state, dates and meeting counts, each row
// linking to its detail.
import { Table } from "@tandem/ui";
import { closureText, dateOr, membersText, RelationshipStateTag } from "./words";

export interface RelationshipRow {
  id: string;
  status: string;
  closedReason: string | null;
  startedAt: Date | string | null;
  members: { name: string; role: string; left: boolean }[];
  meetingsHeld: number;
  meetingsScheduled: number;
  lastMeetingAt: Date | string | null;
  nextMeetingAt: Date | string | null;
  /** Gone quiet past the scheme's stalled weeks. */
  stalled: boolean;
}

export function RelationshipsTable({
  caption,
  rows,
  base,
}: {
  caption: string;
  rows: RelationshipRow[];
  base: string;
}) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[
        "Members",
        "State",
        "Started",
        "Meetings held",
        "Meetings scheduled",
        "Last meeting",
        "Next meeting",
        "Closure reason",
      ]}
      firstCellIsHeader
      rowKeys={rows.map((r) => r.id)}
      rows={rows.map((r) => [
        <a key="detail" href={`${base}/relationships/${r.id}`}>
          {membersText(r.members)}
        </a>,
        <span key="state">
          <RelationshipStateTag state={r.status} />
          {r.stalled ? (
            <>
              {" "}
              <RelationshipStateTag state="stalled" />
            </>
          ) : null}
        </span>,
        dateOr(r.startedAt, "Not started"),
        String(r.meetingsHeld),
        String(r.meetingsScheduled),
        dateOr(r.lastMeetingAt, "None yet"),
        dateOr(r.nextMeetingAt, "None arranged"),
        closureText(r.closedReason),
      ])}
    />
  );
}
