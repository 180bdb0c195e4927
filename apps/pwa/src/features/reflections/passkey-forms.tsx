// Passkeys for private reflections (decision 017): unlock with one instead of the passphrase, and,
// once unlocked, add one on this device (the passphrase or recovery code confirms it) or remove one.
import { Button, InsetText, TextInput } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { Problem, type SetKeyStatus } from "./key-status";
import { keepReflectionKey } from "./key-store";
import { createPasskeySlot, PasskeyError, passkeysAvailable, unlockWithPasskey } from "./passkey-crypto";
import { unwrapForRewrap, WrongSecretError } from "./reflection-crypto";

/** "Unlock with a passkey", where the person has one and this browser can use passkeys. */
export function PasskeyUnlock({ personId, status }: { personId: string; status: SetKeyStatus }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (status.passkeys.length === 0 || !passkeysAvailable()) return null;

  async function unlock() {
    setError(undefined);
    setBusy(true);
    try {
      keepReflectionKey({ personId, key: await unlockWithPasskey(status.passkeys), keyVersion: status.keyVersion });
    } catch (e) {
      setError(e instanceof PasskeyError ? e.message : "Your reflections could not be unlocked with a passkey. Use your passphrase.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="nhsuk-u-margin-bottom-4">
      {error ? (
        <p className="nhsuk-error-message" id="reflections-passkey-error" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <Button type="button" variant="secondary" disabled={busy} onClick={() => void unlock()} aria-describedby={error ? "reflections-passkey-error" : undefined}>
        {busy ? "Waiting for your passkey…" : "Unlock with a passkey"}
      </Button>
      <p>Or use your passphrase:</p>
    </div>
  );
}

/** The passkeys that unlock the key: listed, removable, and one more added on this device. */
export function ReflectionPasskeys({ status, onDone }: { status: SetKeyStatus; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.me.get.queryOptions());
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState("");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<{ field: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const add = useMutation(trpc.reflections.addPasskey.mutationOptions());
  const remove = useMutation(trpc.reflections.removePasskey.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reflections.keyStatus.queryKey() });
  if (!passkeysAvailable() && status.passkeys.length === 0) return null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const person = me.data?.person;
    if (!label.trim()) return setError({ field: "reflections-passkey-label", text: "Give the passkey a name, for example My phone" });
    if (!secret) return setError({ field: "reflections-passkey-secret", text: "Enter your reflections passphrase or your recovery code" });
    if (!person) return setError({ field: "reflections-passkey-label", text: "Sign in again to add a passkey" });
    setError(undefined);
    setBusy(true);
    try {
      const extractableKey = await unwrapForRewrap(status, secret);
      const slot = await createPasskeySlot({ extractableKey, keyVersion: status.keyVersion, label: label.trim(), person });
      await add.mutateAsync(slot);
      await refresh();
      setAdding(false);
      setLabel("");
      setSecret("");
      onDone(`Your passkey “${slot.label}” now unlocks your reflections on this device.`);
    } catch (e) {
      if (e instanceof WrongSecretError) setError({ field: "reflections-passkey-secret", text: "That passphrase or recovery code is not right" });
      else if (e instanceof PasskeyError) setError({ field: "reflections-passkey-label", text: e.message });
      else setError({ field: "reflections-passkey-label", text: actionProblem(e, { online: navigator.onLine, showMessageFor: ["CONFLICT", "BAD_REQUEST"] }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="reflections-passkeys">
      <h3 id="reflections-passkeys">Passkeys</h3>
      <p>A passkey on your phone or computer can unlock your reflections instead of your passphrase. Your passphrase and recovery code still work.</p>
      {status.passkeys.length === 0 ? <p>No passkey unlocks your reflections yet.</p> : null}
      {status.passkeys.length > 0 ? (
        <ul className="nhsuk-list">
          {status.passkeys.map((p) => (
            <li key={p.id}>
              {p.label}, added {formatInstant(p.createdAt)}{" "}
              <Button
                type="button"
                variant="secondary"
                small
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { passkeyId: p.id },
                    {
                      onSuccess: async () => {
                        await refresh();
                        onDone(`The passkey “${p.label}” no longer unlocks your reflections.`);
                      },
                      onError: (e) => onDone(actionProblem(e, { online: navigator.onLine })),
                    },
                  )
                }
              >
                Remove<span className="nhsuk-u-visually-hidden"> the passkey {p.label}</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {!passkeysAvailable() ? (
        <InsetText>
          <p>This browser cannot use passkeys.</p>
        </InsetText>
      ) : adding ? (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <Problem id={error?.field ?? ""} text={error?.text} />
          <TextInput id="reflections-passkey-label" name="label" label="A name for the passkey" hint="For example My phone, or Work laptop" value={label} onChange={(e) => setLabel(e.target.value)} error={error?.field === "reflections-passkey-label" ? error.text : undefined} />
          <TextInput
            id="reflections-passkey-secret"
            name="secret"
            type="password"
            autoComplete="current-password"
            label="Your reflections passphrase, or your recovery code"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            error={error?.field === "reflections-passkey-secret" ? error.text : undefined}
          />
          <Button disabled={busy}>{busy ? "Waiting for your passkey…" : "Add the passkey"}</Button>{" "}
          <Button type="button" variant="secondary" onClick={() => setAdding(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <p>
          <Button type="button" variant="secondary" onClick={() => setAdding(true)}>
            Add a passkey
          </Button>
        </p>
      )}
    </section>
  );
}
