// Each rating question's answers: how many answered, the average and how the answers spread from 1
// to 5. The API leaves out the average and spread until enough people answered it.
import { Table } from "@tandem/ui";

export interface Rating {
  questionId: string;
  label: string;
  answered: number;
  mean: number | null;
  distribution: number[] | null;
}

function Spread({ counts }: { counts: number[] }) {
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {counts.map((n, i) => (
        <li key={i}>
          {i + 1}: {n} {n === 1 ? "person" : "people"}
        </li>
      ))}
    </ul>
  );
}

export function RatingsTable({ ratings, threshold }: { ratings: Rating[]; threshold: number }) {
  const hidden = `Shown from ${threshold} answers`;
  return (
    <Table
      caption="Ratings"
      captionSize="m"
      head={["Question", "Answered", "Average (1 to 5)", "Answers from 1 to 5"]}
      firstCellIsHeader
      rowKeys={ratings.map((r) => r.questionId)}
      rows={ratings.map((r) => [
        r.label,
        String(r.answered),
        r.mean === null ? hidden : r.mean.toFixed(1),
        r.distribution ? <Spread key="spread" counts={r.distribution} /> : hidden,
      ])}
    />
  );
}
