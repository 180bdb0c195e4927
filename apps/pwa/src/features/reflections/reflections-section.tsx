// "Private reflections" on a relationship page (decision 017): set up a key (a passphrase and a
// recovery code shown once, with the warning that losing both loses the reflections), unlock it on
// this device, then write, change, delete and export reflections. Everything is encrypted and
// decrypted here in the browser: the server is sent ciphertext only.
import { Button, Checkboxes, ErrorSummary, InsetText, Select, Textarea, TextInput, WarningCallout } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import type { Detail, Scope } from "../relationships/relationship-types";
import { keepReflectionKey, useReflectionKey, type UnlockedKey } from "./key-store";
import { createPersonKey, normaliseRecoveryCode, openReflection, rewrapWithPassphrase, sealReflection, unwrapKey, WrongSecretError, type WrappedKey } from "./reflection-crypto";
import { exportFileName, reflectionsMarkdown } from "./reflections-export";

export const minPassphraseLength = 12;
const maxReflectionLength = 20_000;

const lossWarning =
  "Only you can read your reflections. If you lose both your passphrase and your recovery code, your reflections are lost: nobody, not even the Tandem team, can read or recover them.";

type KeyStatus = { set: false } | { set: true; keyVersion: number; passphrase: WrappedKey; recovery: WrappedKey };

function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? <ErrorSummary errors={[{ href: `#${id}`, text }]} /> : null;
}

export function PrivateReflections({ detail, scope }: { detail: Detail; scope: Scope }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const status = useQuery(trpc.reflections.keyStatus.queryOptions());
  const personId = me.data?.person.id ?? "";
  const unlocked = useReflectionKey(personId);
  let body: ReactNode;
  if (status.isError || me.isError) body = <p>Your private reflections cannot be loaded at the moment. Try again later.</p>;
  else if (!status.data || !personId) body = <p>Loading your private reflections…</p>;
  else if (!status.data.set) body = <SetUp personId={personId} />;
  else if (!unlocked) body = <Unlock personId={personId} status={status.data} />;
  else body = <Reflections detail={detail} scope={scope} unlocked={unlocked} status={status.data} />;
  return (
    <section aria-labelledby="reflections-heading">
      <h2 id="reflections-heading">Private reflections</h2>
      <p>Notes for yourself about this relationship and its meetings. They are encrypted on your device before they are saved: the other people in this relationship, your coordinator and Tandem staff cannot read them.</p>
      {body}
    </section>
  );
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
        {keptError ? <ErrorSummary errors={[{ href: "#reflections-kept", text: keptError }]} /> : null}
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

function Unlock({ personId, status }: { personId: string; status: Extract<KeyStatus, { set: true }> }) {
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

interface Opened {
  id: string;
  meetingId: string | null;
  createdAt: Date;
  updatedAt: Date;
  text: string | null;
}

function meetingLabel(detail: Detail, meetingId: string | null) {
  if (!meetingId) return null;
  const m = detail.meetings.find((x) => x.id === meetingId);
  return m?.startsAt ? `About the meeting on ${formatInstant(m.startsAt)}` : "About a meeting";
}

function Reflections({ detail, scope, unlocked, status }: { detail: Detail; scope: Scope; unlocked: UnlockedKey; status: Extract<KeyStatus, { set: true }> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.reflections.list.queryOptions(scope));
  const [opened, setOpened] = useState<Opened[]>();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [done, setDone] = useState<string>();
  const open = detail.status === "active" || detail.status === "paused";

  useEffect(() => {
    let stale = false;
    if (!list.data) return;
    void Promise.all(
      list.data.map(async (r) => ({
        id: r.id,
        meetingId: r.meetingId,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        text: r.keyVersion === unlocked.keyVersion ? await openReflection(unlocked.key, scope.relationshipId, r).catch(() => null) : null,
      })),
    ).then((result) => {
      if (!stale) setOpened(result);
    });
    return () => {
      stale = true;
    };
  }, [list.data, unlocked, scope.relationshipId]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reflections.list.queryKey(scope) });
  const remove = useMutation(trpc.reflections.remove.mutationOptions());

  function exportFile() {
    if (!opened) return;
    const text = reflectionsMarkdown({
      title: `Private reflections: ${detail.scheme.name}`,
      exportedAt: new Date(),
      reflections: opened.map((r) => ({ ...r, about: meetingLabel(detail, r.meetingId) })),
    });
    const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = exportFileName(new Date());
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      {done ? (
        <InsetText>
          <p role="status">{done}</p>
        </InsetText>
      ) : null}
      {list.isError ? <p>Your reflections cannot be loaded at the moment. Try again later.</p> : null}
      {opened && opened.length === 0 ? <p>You have not written any reflections on this relationship yet.</p> : null}
      {opened?.map((r) => (
        <div key={r.id} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
              Written {formatInstant(r.createdAt)}
              {r.updatedAt.getTime() !== r.createdAt.getTime() ? `, changed ${formatInstant(r.updatedAt)}` : ""}
              {meetingLabel(detail, r.meetingId) ? `. ${meetingLabel(detail, r.meetingId)}` : ""}
            </p>
            {editing === r.id && r.text !== null ? (
              <ReflectionForm
                detail={detail}
                scope={scope}
                unlocked={unlocked}
                existing={{ id: r.id, text: r.text }}
                onDone={async (message) => {
                  setEditing(null);
                  setDone(message);
                  await refresh();
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p style={{ whiteSpace: "pre-line" }}>{r.text ?? "This reflection cannot be read with your key."}</p>
                {removing === r.id ? (
                  <>
                    <p>Delete this reflection? It cannot be brought back.</p>
                    <Button
                      type="button"
                      variant="warning"
                      small
                      onClick={() =>
                        remove.mutate(
                          { organisationId: scope.organisationId, reflectionId: r.id },
                          {
                            onSuccess: async () => {
                              setRemoving(null);
                              setDone("The reflection is deleted.");
                              await refresh();
                            },
                            onError: (e) => setDone(actionProblem(e, { online: navigator.onLine })),
                          },
                        )
                      }
                    >
                      Yes, delete it
                    </Button>{" "}
                    <Button type="button" variant="secondary" small onClick={() => setRemoving(null)}>
                      No, keep it
                    </Button>
                  </>
                ) : (
                  <>
                    {open && r.text !== null ? (
                      <>
                        <Button type="button" variant="secondary" small onClick={() => setEditing(r.id)}>
                          Change<span className="nhsuk-u-visually-hidden"> the reflection written {formatInstant(r.createdAt)}</span>
                        </Button>{" "}
                      </>
                    ) : null}
                    <Button type="button" variant="secondary" small onClick={() => setRemoving(r.id)}>
                      Delete<span className="nhsuk-u-visually-hidden"> the reflection written {formatInstant(r.createdAt)}</span>
                    </Button>
                  </>
                )}
              </>
            )}
          </div>
        </div>
      ))}
      {open && editing === null ? (
        <ReflectionForm
          detail={detail}
          scope={scope}
          unlocked={unlocked}
          onDone={async (message) => {
            setDone(message);
            await refresh();
          }}
        />
      ) : null}
      {opened && opened.length > 0 ? (
        <p>
          <Button type="button" variant="secondary" onClick={exportFile}>
            Download my reflections
          </Button>
        </p>
      ) : null}
      <ChangePassphrase status={status} onDone={setDone} />
    </>
  );
}

function ReflectionForm({
  detail,
  scope,
  unlocked,
  existing,
  onDone,
  onCancel,
}: {
  detail: Detail;
  scope: Scope;
  unlocked: UnlockedKey;
  existing?: { id: string; text: string };
  onDone: (message: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const id = existing ? `reflection-${existing.id}` : "reflection-new";
  const [text, setText] = useState(existing?.text ?? "");
  const [meetingId, setMeetingId] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const add = useMutation(trpc.reflections.add.mutationOptions());
  const update = useMutation(trpc.reflections.update.mutationOptions());
  const meetings = detail.meetings.filter((m) => m.startsAt !== null && m.status !== "cancelled");

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return setError("Write your reflection");
    if (text.length > maxReflectionLength) return setError(`Write at most ${maxReflectionLength.toLocaleString("en-GB")} characters`);
    setError(undefined);
    setBusy(true);
    try {
      const sealed = await sealReflection(unlocked.key, unlocked.keyVersion, scope.relationshipId, text);
      if (existing) await update.mutateAsync({ ...scope, reflectionId: existing.id, sealed });
      else await add.mutateAsync({ ...scope, meetingId: meetingId || null, sealed });
      if (!existing) {
        setText("");
        setMeetingId("");
      }
      await onDone(existing ? "Your reflection is changed." : "Your reflection is saved. Only you can read it.");
    } catch (e) {
      setError(actionProblem(e, { online: navigator.onLine, showMessageFor: ["CONFLICT", "BAD_REQUEST", "NOT_FOUND"] }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      <Problem id={`${id}-text`} text={error} />
      {existing ? null : <h3>Write a reflection</h3>}
      <Textarea id={`${id}-text`} name="text" label={existing ? "Your reflection" : "What do you want to remember?"} value={text} onChange={(e) => setText(e.target.value)} error={error} rows={6} />
      {existing || meetings.length === 0 ? null : (
        <Select
          id={`${id}-meeting`}
          name="meetingId"
          label="Is it about a meeting? (optional)"
          value={meetingId}
          onChange={(e) => setMeetingId(e.target.value)}
          options={[{ value: "", text: "Not about one meeting" }, ...meetings.map((m) => ({ value: m.id, text: formatInstant(m.startsAt!) }))]}
        />
      )}
      <Button disabled={busy}>{busy ? "Saving…" : existing ? "Save the change" : "Save my reflection"}</Button>{" "}
      {onCancel ? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </form>
  );
}

function ChangePassphrase({ status, onDone }: { status: Extract<KeyStatus, { set: true }>; onDone: (message: string) => void }) {
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
      // The current passphrase first; a recovery code (25 characters in groups) if that does not unwrap.
      const wrapped = await rewrapWithPassphrase(status.passphrase, current, "passphrase", next).catch(async (e: unknown) => {
        if (!(e instanceof WrongSecretError) || normaliseRecoveryCode(current).length !== 29) throw e;
        return rewrapWithPassphrase(status.recovery, normaliseRecoveryCode(current), "recovery code", next).catch(() => {
          throw new WrongSecretError("passphrase");
        });
      });
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
