// A new password typed twice (accepting an invitation, resetting, changing it): the one pair of
// fields, hint and autocomplete every such form uses.
import { TextInput } from "@tandem/ui";
import { fieldError } from "../lib/forms";

interface Field {
  name: string;
  errors?: string[];
}

export function NewPasswordFields({
  password,
  confirm,
  id = "password",
  label = "New password",
  confirmLabel = "Confirm new password",
  hint = "Your password must be 8 to 128 characters. A few unrelated words make a strong one.",
}: {
  password: Field;
  confirm: Field;
  id?: string;
  label?: string;
  confirmLabel?: string;
  hint?: string;
}) {
  return (
    <>
      <TextInput id={id} name={password.name} label={label} hint={hint} type="password" autoComplete="new-password" error={fieldError(password.errors)} width={20} />
      <TextInput id="confirm-password" name={confirm.name} label={confirmLabel} type="password" autoComplete="new-password" error={fieldError(confirm.errors)} width={20} />
    </>
  );
}
