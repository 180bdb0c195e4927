// A relationship's meetings as a coordinator may see them: when, what kind, whether it happened, how
// long and how (never where, the link, or what was said).
import { Table } from "@tandem/ui";
import { formatDateTime } from "../../lib/format";
import { meetingKindWords, meetingModeWords, meetingStatusWords } from "./words";

export interface MeetingRow {
  id: string;
  kind: string;
  status: string;
  startsAt: Date | string | null;
  minutes: number;
  mode: string;
  attended: number;
  attendanceRecorded: number;
}

export function MeetingsTable({ meetings, group }: { meetings: MeetingRow[]; group: boolean }) {
  const head = ["Date", "Meeting", "Status", "Length", "How"];
  return (
    <Table
      caption="Meetings"
      captionSize="m"
      head={group ? [...head, "Attendance"] : head}
      firstCellIsHeader
      rowKeys={meetings.map((m) => m.id)}
      rows={meetings.map((m) => {
        const cells = [
          m.startsAt ? formatDateTime(m.startsAt) : "No time yet",
          meetingKindWords[m.kind] ?? m.kind,
          meetingStatusWords[m.status] ?? m.status,
          `${m.minutes} minutes`,
          meetingModeWords[m.mode] ?? m.mode,
        ];
        return group
          ? [
              ...cells,
              m.attendanceRecorded
                ? `${m.attended} of ${m.attendanceRecorded} attended`
                : "Not recorded",
            ]
          : cells;
      })}
    />
  );
}
