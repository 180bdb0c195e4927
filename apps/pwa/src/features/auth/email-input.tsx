// The sign-in email address field (signing in, asking for a password reset).
import { TextInput } from "@tandem/ui";

export function EmailInput({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  return (
    <TextInput
      id="email"
      name="email"
      type="email"
      label="Email address"
      autoComplete="email"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
