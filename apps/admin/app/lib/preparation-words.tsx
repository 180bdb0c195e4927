// Words and small pieces for the mentor preparation pages: readiness tags, what falls due next,
// attendance, and dates held as "YYYY-MM-DD".
import { moduleKindLabels, readinessStatusLabels, supportEventKindLabels, type ReadinessStatus } from "@tandem/core";
import { Tag } from "@tandem/ui";
import { formatDate } from "./format";

const statusColours = { ready: "green", full: "blue", not_ready: "orange" } as const;

export function ReadinessTag({ status }: { status: ReadinessStatus }) {
  return <Tag colour={statusColours[status]}>{readinessStatusLabels[status]}</Tag>;
}

/** "14 March 2026" for a calendar date; "Not recorded" when there is none. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return "Not recorded";
  const date = new Date(`${value.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : formatDate(date);
}

export interface DueItem {
  code: "module_expires" | "support_lapses" | "appraisal_due" | "supervision_due";
  on: string;
  moduleName?: string | undefined;
  moduleId?: string | undefined;
}

/** What falls due, in a coordinator's words: "Masterclass expires on 3 May 2026". */
export function dueLabel(item: DueItem): string {
  const on = formatDay(item.on);
  switch (item.code) {
    case "module_expires":
      return `${item.moduleName ?? item.moduleId ?? "A module"} expires on ${on}`;
    case "support_lapses":
      return `Support lapses on ${on}`;
    case "appraisal_due":
      return `Peer appraisal due on ${on}`;
    case "supervision_due":
      return `Supervision due on ${on}`;
  }
}

/** Reasons that mean something has run out (as opposed to never done, or waiting for a decision). */
export const lapsedCodes: ReadonlySet<string> = new Set(["support_lapsed", "module_expired", "appraisal_due", "supervision_due"]);

export function moduleKindLabel(kind: string): string {
  return moduleKindLabels[kind as keyof typeof moduleKindLabels] ?? kind;
}

export function eventKindLabel(kind: string): string {
  return supportEventKindLabels[kind as keyof typeof supportEventKindLabels] ?? kind;
}

export const attendanceWords: Record<string, string> = { signed_up: "Signed up", attended: "Attended", absent: "Absent" };

export const decisionWords: Record<string, string> = { approved: "Approved", declined: "Declined" };

export const recordSourceWords: Record<string, string> = {
  coordinator: "Recorded by a coordinator",
  csv_import: "Imported from a course list",
  mentor_request: "Asked for by the mentor",
};

/** "7.5 hours", "1 hour" */
export function hoursLabel(hours: number | string): string {
  const n = Number(hours);
  return `${n} ${n === 1 ? "hour" : "hours"}`;
}

/** "Never expires", "12 months" */
export function validityLabel(months: number | null | undefined): string {
  if (!months) return "Never expires";
  return `${months} ${months === 1 ? "month" : "months"}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
