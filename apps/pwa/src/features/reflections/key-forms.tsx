// The key behind private reflections (decision 017), its forms: set it up (a passphrase and a
// recovery code shown once, with the warning that losing both loses the reflections), unlock it on
// this device, and change the passphrase. `ReflectionKeyGate` shows whichever form is needed and
// then its children with the unlocked key, so any page that reads reflections unlocks them one way.
import { Button, Checkboxes, TextInput, WarningCallout } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { keepReflectionKey, useReflectionKey, type UnlockedKey } from "./key-store";
import { Problem, type SetKeyStatus } from "./key-status";
import { PasskeyUnlock } from "./passkey-forms";
import { createPersonKey, normaliseRecoveryCode, rewrapWithPassphrase, unwrapForRewrap, unwrapKey, WrongSecretError } from "./reflection-crypto";

export const minPassphraseLength = 12;

export const lossWarning =
  "Only you can read your reflections. If you lose both your passphrase and your recovery code, your reflections are lost: nobody, not even the Tandem team, can read or recover them.";

/** Shows the set-up or unlock form until this device holds the person's key, then `children`. */
export function ReflectionKeyGate({ children }: { children: (unlocked: UnlockedKey, status: SetKeyStatus) => ReactNode }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const status = useQuery(trpc.reflections.keyStatus.queryOptions());
  const personId = me.data?.person.id ?? "";
  const unlocked = useReflectionKey(personId);
  if (status.isError || me.isError) return <p>Your private reflections cannot be loaded at the moment. Try again later.</p>;
  if (!status.data || !personId) return <p>Loading your private reflections…</p>;
  if (!status.data.set) return <SetUp personId={personId} />;
  if (!unlocked) return <Unlock personId={personId} status={status.data} />;
  return <>{children(unlocked, status.data)}</>;
}

function SetUp({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<{ field: string; text: string }>();
  const [made, setMade] = useState<{ key: CryptoKey; keyVersion: number; recoveryCode: string }>();
  const [kept, setKept] = useState(false);
  const [keptError, setKeptError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const setUp = useMutation(trpc.reflections.setUpKey.mutationOptions());

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (passphrase.length < minPassphraseLength) return setError({ field: "reflections-passphrase", text: `Enter a passphrase of at least ${minPassphraseLength} characters` });
    if (again !== passphrase) return setError({ field: "reflections-passphrase-again", text: "The passphrases do not match: enter the same passphrase twice" });
    setError(undefined);
    setBusy(true);
    try {
      const key = await createPersonKey(passphrase);
      const { keyVersion } = await setUp.mutateAsync({ passphrase: key.passphrase, recovery: key.recovery });
      setMade({ key: key.key, keyVersion, recoveryCode: key.recoveryCode });
    } catch (e) {
      setError({ field: "reflections-passphrase", text: actionProblem(e, { online: navigator.onLine, showMessageFor: ["CONFLICT", "BAD_REQUEST"] }) });
    } finally {
      setBusy(false);
    }
  }

  function handleKept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!made) return;
    if (!kept) return setKeptError("Confirm that you have kept your recovery code somewhere safe");
    keepReflectionKey({ personId, key: made.key, keyVersion: made.keyVersion });
    void queryClient.invalidateQueries({ queryKey: trpc.reflections.keyStatus.queryKey() });
  }

  if (made) {
    return (
      <form onSubmit={handleKept} noValidate>
        <Problem id="reflections-kept" text={keptError} />
        <h3>Your recovery code</h3>
        <p>This is shown once. Write it down or keep it in a password manager. With it you can open your reflections on a new device, or if you forget your passphrase.</p>
        <p className="nhsuk-heading-m" data-testid="recovery-code" style={{ fontFamily: "monospace", letterSpacing: "0.1em" }}>
          {made.recoveryCode}
        </p>
        <WarningCallout heading="Keep it safe">
          <p>{lossWarning}</p>
        </WarningCallout>
        <Checkboxes
          idPrefix="reflections-kept"
          name="kept"
          legend="Your recovery code"
          error={keptError}
          items={[{ value: "kept", label: "I have kept my recovery code somewhere safe", checked: kept }]}
          onChange={(_value, checked) => setKept(checked)}
        />
        <Button>Continue</Button>
      </form>
    );
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Problem id={error?.field ?? ""} text={error?.text} />
      <WarningCallout heading="Before you write a reflection">
        <p>{lossWarning}</p>
      </WarningCallout>
      <h3>Set up your private reflections</h3>
      <TextInput
        id="reflections-passphrase"
        name="passphrase"
        type="password"
        autoComplete="new-password"
        label="Choose a passphrase"
        hint={`At least ${minPassphraseLength} characters. A few unrelated words are easy to remember and hard to guess. It is not your Tandem password.`}
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        error={error?.field === "reflections-passphrase" ? error.text : undefined}
      />
      <TextInput
        id="reflections-passphrase-again"
        name="passphraseAgain"
        type="password"
        autoComplete="new-password"
        label="Enter the passphrase again"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        error={error?.field === "reflections-passphrase-again" ? error.text : undefined}
      />
      <Button disabled={busy}>{busy ? "Setting up…" : "Set up private reflections"}</Button>
    </form>
  );
}

function Unlock({ personId, status }: { personId: string; status: SetKeyStatus }) {
  const [withCode, setWithCode] = useState(false);
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = withCode ? "reflections-recovery-code" : "reflections-unlock-passphrase";

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!secret.trim()) return setError(withCode ? "Enter your recovery code" : "Enter your reflections passphrase");
    setError(undefined);
    setBusy(true);
    try {
      const key = withCode ? await unwrapKey(status.recovery, normaliseRecoveryCode(secret), "recovery code") : await unwrapKey(status.passphrase, secret, "passphrase");
      keepReflectionKey({ personId, key, keyVersion: status.keyVersion });
    } catch (e) {
      setError(e instanceof WrongSecretError ? e.message : "Your reflections could not be unlocked on this device. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Problem id={field} text={error} />
      <p>Your reflections are locked on this device.</p>
      <PasskeyUnlock personId={personId} status={status} />
      {withCode ? (
        <TextInput id={field} name="recoveryCode" autoComplete="off" spellCheck={false} label="Your recovery code" hint="25 letters and numbers, for example ABCDE-FGHJK-MNPQR-STVWX-YZ012" value={secret} onChange={(e) => setSecret(e.target.value)} error={error} />
      ) : (
        <TextInput id={field} name="passphrase" type="password" autoComplete="current-password" label="Your reflections passphrase" value={secret} onChange={(e) => setSecret(e.target.value)} error={error} />
      )}
      <Button disabled={busy}>{busy ? "Unlocking…" : "Unlock my reflections"}</Button>
      <p>
        <button
          type="button"
          className="nhsuk-link-button"
          style={{ background: "none", border: 0, padding: 0, color: "#005eb8", textDecoration: "underline", cursor: "pointer", font: "inherit" }}
          onClick={() => {
            setWithCode(!withCode);
            setSecret("");
            setError(undefined);
          }}
        >
          {withCode ? "Use my passphrase instead" : "I have forgotten my passphrase: use my recovery code"}
        </button>
      </p>
    </form>
  );
}

export function ChangePassphrase({ status, onDone }: { status: SetKeyStatus; onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showing, setShowing] = useState(false);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState<{ field: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const rewrap = useMutation(trpc.reflections.rewrap.mutationOptions());

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current) return setError({ field: "reflections-current", text: "Enter your current passphrase or your recovery code" });
    if (next.length < minPassphraseLength) return setError({ field: "reflections-new", text: `Enter a new passphrase of at least ${minPassphraseLength} characters` });
    if (again !== next) return setError({ field: "reflections-new-again", text: "The new passphrases do not match: enter the same passphrase twice" });
    setError(undefined);
    setBusy(true);
    try {
      const wrapped = await rewrapWithPassphrase(await unwrapForRewrap(status, current), next);
      await rewrap.mutateAsync({ keyVersion: status.keyVersion, passphrase: wrapped });
      await queryClient.invalidateQueries({ queryKey: trpc.reflections.keyStatus.queryKey() });
      setShowing(false);
      setCurrent("");
      setNext("");
      setAgain("");
      onDone("Your reflections passphrase is changed. Use the new one from now on; your recovery code still works.");
    } catch (e) {
      setError({ field: "reflections-current", text: e instanceof WrongSecretError ? "That passphrase or recovery code is not right" : actionProblem(e, { online: navigator.onLine, showMessageFor: ["CONFLICT"] }) });
    } finally {
      setBusy(false);
    }
  }

  if (!showing) {
    return (
      <p>
        <Button type="button" variant="secondary" onClick={() => setShowing(true)}>
          Change my reflections passphrase
        </Button>
      </p>
    );
  }
  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Problem id={error?.field ?? ""} text={error?.text} />
      <h3>Change your reflections passphrase</h3>
      <TextInput id="reflections-current" name="current" type="password" autoComplete="current-password" label="Your current passphrase, or your recovery code" value={current} onChange={(e) => setCurrent(e.target.value)} error={error?.field === "reflections-current" ? error.text : undefined} />
      <TextInput id="reflections-new" name="next" type="password" autoComplete="new-password" label="New passphrase" hint={`At least ${minPassphraseLength} characters`} value={next} onChange={(e) => setNext(e.target.value)} error={error?.field === "reflections-new" ? error.text : undefined} />
      <TextInput id="reflections-new-again" name="nextAgain" type="password" autoComplete="new-password" label="Enter the new passphrase again" value={again} onChange={(e) => setAgain(e.target.value)} error={error?.field === "reflections-new-again" ? error.text : undefined} />
      <Button disabled={busy}>{busy ? "Changing…" : "Change the passphrase"}</Button>{" "}
      <Button type="button" variant="secondary" onClick={() => setShowing(false)}>
        Cancel
      </Button>
    </form>
  );
}
