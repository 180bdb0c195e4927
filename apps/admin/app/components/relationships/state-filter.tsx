// Filters the relationships list by state with a plain GET form, so the choice lives in the address
// and works without JavaScript.
import { Form } from "@remix-run/react";
import { Button, Radios } from "@tandem/ui";
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
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <Form method="get" id="filter">
      <Radios
        key={state}
        idPrefix="state"
        name="state"
        legend="Show relationships that are"
        legendSize="s"
        inline
        small
        error={error}
        defaultValue={state}
        items={[
          { value: "", label: `Any state (${total})` },
          ...relationshipFilterStates.map((s) => ({ value: s, label: `${stateName(s)} (${counts[s] ?? 0})` })),
        ]}
      />
      <Button variant="secondary">Show relationships</Button>
    </Form>
  );
}
