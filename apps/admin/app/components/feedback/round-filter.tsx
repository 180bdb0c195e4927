// Chooses the feedback round (and, where mentors are asked too, whose answers) with a GET form, so
// the view lives in the address.
import { Form } from "@remix-run/react";
import { Button, Radios, Select } from "@tandem/ui";
import { formatDate } from "../../lib/format";

export interface Round {
  id: string;
  name: string;
  openedAt: Date | string;
  closedAt: Date | string | null;
}

export function roundLabel(round: Round): string {
  return round.closedAt
    ? `${round.name} (closed ${formatDate(round.closedAt)})`
    : `${round.name} (open)`;
}

export function RoundFilter({
  rounds,
  roundId,
  role,
  askMentors,
}: {
  rounds: Round[];
  roundId: string;
  role: string;
  askMentors: boolean;
}) {
  return (
    <Form method="get" key={`${roundId}-${role}`}>
      <Select
        id="round"
        name="round"
        label="Feedback round"
        defaultValue={roundId}
        options={rounds.map((r) => ({ value: r.id, text: roundLabel(r) }))}
      />
      {askMentors ? (
        <Radios
          idPrefix="role"
          name="role"
          legend="Whose answers"
          legendSize="s"
          inline
          small
          defaultValue={role}
          items={[
            { value: "mentee", label: "Mentees'" },
            { value: "mentor", label: "Mentors'" },
          ]}
        />
      ) : null}
      <Button variant="secondary">Show feedback</Button>
    </Form>
  );
}
