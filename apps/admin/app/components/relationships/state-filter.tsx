// Filters the relationships list by state with a plain GET form, so the choice lives in the address
// and works without JavaScript.
import { Form } from "@remix-run/react";
import { Button, Select } from "@tandem/ui";
import { relationshipFilterStates, stateName } from "./words";

export function StateFilter({
  state,
  counts,
  error,
}: {
  state: string;
  counts: Record<string, number>;
  error?: string | undefined;
}) {
  // Stalled relationships are active ones gone quiet: counted among the active, not again.
  const total = (counts.active ?? 0) + (counts.paused ?? 0) + (counts.closed ?? 0);
  return (
    <Form method="get" key={state}>
      <Select
        id="state"
        name="state"
        label="Show relationships that are"
        error={error}
        defaultValue={state}
        options={[
          { value: "", text: `In any state (${total})` },
          ...relationshipFilterStates.map((s) => ({
            value: s,
            text: `${stateName(s)} (${counts[s] ?? 0})`,
          })),
        ]}
      />
      <Button variant="secondary">Show relationships</Button>
    </Form>
  );
}
