// Matching in a coordinator's words: run modes, run and relationship states, scores and their
// explanations. Shared by the matching console and the run page.
import { Tag, type TagColour } from "@tandem/ui";

export const runModeWords: Record<string, { name: string; hint: string }> = {
  auto: {
    name: "Automatic",
    hint: "Tandem proposes the pairs with the best total score, within each mentor's free places.",
  },
  allocation: {
    name: "Allocation",
    hint: "Ranked suggestions for each mentee, with what forcing a pair would cost everyone else.",
  },
  next_available: {
    name: "Next available",
    hint: "Mentees are matched in the order they joined, each with their best available mentor.",
  },
  cohort: {
    name: "Groups",
    hint: "People are placed in co-mentoring groups by size and mix.",
  },
};

export function runModeName(mode: string): string {
  return runModeWords[mode]?.name ?? mode;
}

const runStatusWords: Record<string, { text: string; colour: TagColour }> = {
  queued: { text: "Waiting to start", colour: "grey" },
  running: { text: "Running", colour: "blue" },
  done: { text: "Ready to review", colour: "yellow" },
  failed: { text: "Failed", colour: "red" },
  confirmed: { text: "Confirmed", colour: "green" },
  superseded: { text: "Replaced by a newer run", colour: "grey" },
};

export function RunStatusTag({ status }: { status: string }) {
  const words = runStatusWords[status] ?? { text: status, colour: "grey" as const };
  return <Tag colour={words.colour}>{words.text}</Tag>;
}

export const relationshipStatusWords: Record<string, string> = {
  requested: "Requested",
  declined: "Declined",
  expired: "Request expired",
  cancelled: "Request cancelled",
  active: "Active",
  closed: "Closed",
};

export const closedReasonWords: Record<string, string> = {
  completed: "Completed",
  ended_after_trial: "Ended after the trial meeting",
  no_fault_change: "No-fault change",
  withdrawn: "Withdrawn",
};

/** "Closed: No-fault change", "Active". */
export function relationshipStatusText(status: string, closedReason: string | null): string {
  const text = relationshipStatusWords[status] ?? status;
  return closedReason ? `${text}: ${closedReasonWords[closedReason] ?? closedReason}` : text;
}

/** Scores to two places, the way the explanation terms are written. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === "number" && Number.isFinite(score) ? score.toFixed(2) : "None";
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The terms of a pair's score, one a line: "Different specialty +0.20". */
export function ScoreTerms({ terms }: { terms: readonly { label: string; points: number }[] }) {
  if (terms.length === 0) return <>No criteria scored</>;
  return (
    <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">
      {terms.map((term) => (
        <li key={term.label}>
          {term.label} {term.points >= 0 ? "+" : "−"}
          {Math.abs(term.points).toFixed(2)}
        </li>
      ))}
    </ul>
  );
}

/** The run summary stored as JSON, read defensively (older runs, failed runs). */
export function matchedOf(summary: unknown): string | null {
  if (!summary || typeof summary !== "object") return null;
  const { matched, total } = summary as { matched?: unknown; total?: unknown };
  return typeof matched === "number" && typeof total === "number"
    ? `${matched} of ${total} matched`
    : null;
}
