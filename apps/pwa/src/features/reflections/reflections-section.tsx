// "Private reflections" on a relationship page (decision 017): once the key is set up and unlocked
// on this device (key-forms.tsx), write, change, delete and export reflections. Everything is
// encrypted and decrypted here in the browser: the server is sent ciphertext only.
import { Button, InsetText, Select, Textarea } from "@tandem/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import type { Detail, Scope } from "../relationships/relationship-types";
import { OFFLINE_SAVED, queuedWords, useOutboxWrite, type QueuedBecause } from "../offline/use-outbox";
import { ChangePassphrase, ReflectionKeyGate } from "./key-forms";
import { Problem, type SetKeyStatus } from "./key-status";
import type { UnlockedKey } from "./key-store";
import { openReflection, sealReflection } from "./reflection-crypto";
import { exportFileName, reflectionsMarkdown } from "./reflections-export";
import { ReflectionPasskeys } from "./passkey-forms";
import { useWaitingReflections } from "./waiting-reflections";
import { useOnlineStatus } from "../offline/use-online-status";

const maxReflectionLength = 20_000;

export function PrivateReflections({ detail, scope }: { detail: Detail; scope: Scope }) {
  return (
    <section aria-labelledby="reflections-heading">
      <h2 id="reflections-heading">Private reflections</h2>
      <p>Notes for yourself about this relationship and its meetings. They are encrypted on your device before they are saved: the other people in this relationship, your coordinator and Tandem staff cannot read them.</p>
      <ReflectionKeyGate>{(unlocked, status) => <Reflections detail={detail} scope={scope} unlocked={unlocked} status={status} />}</ReflectionKeyGate>
    </section>
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

function Reflections({ detail, scope, unlocked, status }: { detail: Detail; scope: Scope; unlocked: UnlockedKey; status: SetKeyStatus }) {
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
  const remove = useOutboxWrite("reflections.remove", {
    describe: () => "Delete a private reflection",
    onSuccess: async () => {
      setRemoving(null);
      setDone("The reflection is deleted.");
      await refresh();
    },
    onError: (e) => setDone(actionProblem(e, { online: navigator.onLine })),
    onQueued: (because) => {
      setRemoving(null);
      setDone(queuedWords(because));
    },
  });
  const waiting = useWaitingReflections(scope, unlocked);

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
      {opened && opened.length === 0 && waiting.added.length === 0 ? <p>You have not written any reflections on this relationship yet.</p> : null}
      {waiting.added.map((w) => (
        <div key={w.key} className="nhsuk-card">
          <div className="nhsuk-card__content">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
              <strong className="nhsuk-tag nhsuk-tag--grey">{w.problem ? "Not sent" : "Waiting to send"}</strong> Written {formatInstant(w.createdAt)}
              {meetingLabel(detail, w.meetingId) ? `. ${meetingLabel(detail, w.meetingId)}` : ""}
            </p>
            <p style={{ whiteSpace: "pre-line" }}>{w.text ?? "This reflection cannot be read with your key."}</p>
            {w.problem ? <p>{w.problem} You can discard it in the list of changes waiting to send.</p> : null}
          </div>
        </div>
      ))}
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
                {waiting.removed.has(r.id) || waiting.changed.has(r.id) ? (
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                    <strong className="nhsuk-tag nhsuk-tag--grey">{waiting.removed.has(r.id) ? "Deletion waiting to send" : "Change waiting to send"}</strong>
                  </p>
                ) : null}
                <p style={{ whiteSpace: "pre-line" }}>{(waiting.changed.has(r.id) ? waiting.changed.get(r.id) : r.text) ?? "This reflection cannot be read with your key."}</p>
                {removing === r.id ? (
                  <>
                    <p>Delete this reflection? It cannot be brought back.</p>
                    <Button
                      type="button"
                      variant="warning"
                      small
                      onClick={() =>
remove.mutate({ organisationId: scope.organisationId, reflectionId: r.id })}
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
      <ReflectionPasskeys status={status} onDone={setDone} />
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
  const id = existing ? `reflection-${existing.id}` : "reflection-new";
  const [text, setText] = useState(existing?.text ?? "");
  const [meetingId, setMeetingId] = useState("");
  const [error, setError] = useState<string>();
  const [sealing, setSealing] = useState(false);
  const online = useOnlineStatus();
  const meetings = detail.meetings.filter((m) => m.startsAt !== null && m.status !== "cancelled");
  const written = () => {
    if (existing) return;
    setText("");
    setMeetingId("");
  };
  const outcomes = {
    // What the outbox shows while it waits: never the text, which is sealed before it is kept.
    describe: () => (existing ? "Change a private reflection (encrypted on this device)" : "Save a private reflection (encrypted on this device)"),
    onSuccess: async () => {
      written();
      await onDone(existing ? "Your reflection is changed." : "Your reflection is saved. Only you can read it.");
    },
    onError: (e: unknown) => setError(actionProblem(e, { online: navigator.onLine, showMessageFor: ["CONFLICT", "BAD_REQUEST", "NOT_FOUND"] })),
    onQueued: async (because: QueuedBecause) => {
      written();
      await onDone(`${queuedWords(because)} It is encrypted: only you can read it.`);
    },
  };
  const add = useOutboxWrite("reflections.add", outcomes);
  const update = useOutboxWrite("reflections.update", outcomes);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return setError("Write your reflection");
    if (text.length > maxReflectionLength) return setError(`Write at most ${maxReflectionLength.toLocaleString("en-GB")} characters`);
    setError(undefined);
    setSealing(true);
    try {
      const sealed = await sealReflection(unlocked.key, unlocked.keyVersion, scope.relationshipId, text);
      if (existing) update.mutate({ ...scope, reflectionId: existing.id, sealed });
      else add.mutate({ ...scope, meetingId: meetingId || null, sealed });
    } finally {
      setSealing(false);
    }
  }
  const busy = sealing || add.isPending || update.isPending;

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
      {online ? null : <p className="nhsuk-body-s">{OFFLINE_SAVED}</p>}
      <Button disabled={busy}>{busy ? "Saving…" : existing ? "Save the change" : "Save my reflection"}</Button>{" "}
      {onCancel ? (
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </form>
  );
}
