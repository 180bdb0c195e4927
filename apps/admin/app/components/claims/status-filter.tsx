// Filters claims by status with a plain GET form (the choice lives in the address).
import { Form } from "@remix-run/react";
import { Button, Select } from "@tandem/ui";
import { claimFilterStatuses, claimStatusName } from "./words";

export function ClaimStatusFilter({
  status,
  error,
}: {
  status: string;
  error?: string | undefined;
}) {
  return (
    <Form method="get" key={status}>
      <Select
        id="status"
        name="status"
        label="Show claims that are"
        error={error}
        defaultValue={status}
        options={[
          { value: "", text: "Of any status" },
          ...claimFilterStatuses.map((s) => ({ value: s, text: claimStatusName(s) })),
        ]}
      />
      <Button variant="secondary">Show claims</Button>
    </Form>
  );
}
