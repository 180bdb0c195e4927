// Filters claims by status with a plain GET form (the choice lives in the address).
import { Form } from "@remix-run/react";
import { Button, Radios } from "@tandem/ui";
import { claimFilterStatuses, claimStatusName } from "./words";

export function ClaimStatusFilter({ status, error }: { status: string; error?: string | undefined }) {
  return (
    <Form method="get">
      <Radios
        key={status}
        idPrefix="status"
        name="status"
        legend="Show claims that are"
        legendSize="s"
        inline
        small
        error={error}
        defaultValue={status}
        items={[{ value: "", label: "Any status" }, ...claimFilterStatuses.map((s) => ({ value: s, label: claimStatusName(s) }))]}
      />
      <Button variant="secondary">Show claims</Button>
    </Form>
  );
}
