// The sign-in email address field (signing in, asking for a password reset): what was typed comes
// back after a failed submit.
import { TextInput } from "@tandem/ui";
import { fieldError } from "../lib/forms";

export function EmailField({ field }: { field: { name: string; initialValue?: unknown; errors?: string[] } }) {
  return (
    <TextInput
      id="email"
      name={field.name}
      label="Email address"
      type="email"
      autoComplete="email"
      spellCheck={false}
      defaultValue={typeof field.initialValue === "string" ? field.initialValue : undefined}
      error={fieldError(field.errors)}
      width={30}
    />
  );
}
