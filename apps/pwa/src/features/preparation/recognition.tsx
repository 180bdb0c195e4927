// "Ask for training done elsewhere to be recognised": the mentor names the module it matches, when and
// who ran it, and may attach a certificate. The file is uploaded first; the request then goes to the
// coordinator, who verifies it. Upload problems are shown on the file field, where they can be fixed.
import { Button, cx, describedBy, ErrorMessage, ErrorSummary, Hint, Select, Textarea, TextInput } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { errorCode, NO_ERRORS, type FormErrors } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import type { Me } from "../me/my-organisations";
import { useOnlineStatus } from "../offline/use-online-status";
import { NotAMentor, preparationPaths } from "./my-preparation";
import {
  dataUrlToBase64,
  evidenceMessages,
  mapRecognitionError,
  mapUploadError,
  toRecognitionRequest,
  validateRecognition,
  type RecognitionField,
  type RecognitionValues,
} from "./recognition-form";

type Catalogue = RouterOutputs["preparation"]["myCatalogues"];
type Status = RouterOutputs["preparation"]["myStatus"];

interface Organisation {
  id: string;
  name: string;
}

/** Every organisation the person mentors in, named from their memberships or, failing that, its schemes. */
function mentorOrganisations(status: Status, me: Me): Organisation[] {
  const seen = new Map<string, string[]>();
  for (const scheme of status)
    seen.set(scheme.organisationId, [
      ...(seen.get(scheme.organisationId) ?? []),
      scheme.schemeName,
    ]);
  return [...seen].map(([id, schemes]) => ({
    id,
    name:
      me.memberships.find((m) => m.organisationId === id)?.organisationName ??
      `The organisation that runs ${schemes.join(" and ")}`,
  }));
}

export function RecognitionRequest({ me }: { me: Me }) {
  const [hasError, setHasError] = useState(false);
  usePageTitle("Ask for training done elsewhere to be recognised", hasError);
  const trpc = useTRPC();
  const status = useQuery(trpc.preparation.myStatus.queryOptions());
  const catalogues = useQuery(trpc.preparation.myCatalogues.queryOptions());
  const [sent, setSent] = useState<{ moduleName: string; organisationName: string }>();

  const failed = status.isError ? status : catalogues.isError ? catalogues : undefined;
  return (
    <>
      <PageHeading>Ask for training done elsewhere to be recognised</PageHeading>
      {sent ? (
        <Sent {...sent} onAnother={() => setSent(undefined)} />
      ) : status.data && catalogues.data ? (
        status.data.length === 0 ? (
          <NotAMentor />
        ) : (
          <RecognitionForm
            organisations={mentorOrganisations(status.data, me)}
            catalogue={catalogues.data}
            onErrorsChange={setHasError}
            onSent={setSent}
          />
        )
      ) : failed ? (
        <QueryProblem onRetry={() => void failed.refetch()} />
      ) : (
        <QueryPending what="the training you can ask about" />
      )}
    </>
  );
}

function Sent({
  moduleName,
  organisationName,
  onAnother,
}: {
  moduleName: string;
  organisationName: string;
  onAnother: () => void;
}) {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  return (
    <>
      <div className="nhsuk-panel" tabIndex={-1} ref={panelRef}>
        <h2 className="nhsuk-panel__title">Sent to your coordinator to verify</h2>
        <div className="nhsuk-panel__body">
          {moduleName}, {organisationName}
        </div>
      </div>
      <p>
        It shows in your training records as &ldquo;Waiting for your coordinator to verify&rdquo;
        until they have checked it. Once verified it counts towards being ready to mentor.
      </p>
      <p>
        <Link href={preparationPaths.home}>Go to my preparation and support</Link>
      </p>
      <p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onAnother}>
          Ask about other training
        </button>
      </p>
    </>
  );
}

const emptyValues = (organisationId: string): RecognitionValues => ({
  organisationId,
  moduleId: "",
  completedOn: "",
  provider: "",
  evidenceNote: "",
});

/** Reads a chosen file as base64 for the JSON upload. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error("unreadable"));
    reader.onload = () => {
      const base64 = typeof reader.result === "string" ? dataUrlToBase64(reader.result) : null;
      if (base64 === null) reject(new Error("unreadable"));
      else resolve(base64);
    };
    reader.readAsDataURL(file);
  });
}

function today(): string {
  // The server compares with the UTC date, so the browser does too.
  return new Date().toISOString().slice(0, 10);
}

function RecognitionForm({
  organisations,
  catalogue,
  onErrorsChange,
  onSent,
}: {
  organisations: readonly Organisation[];
  catalogue: Catalogue;
  onErrorsChange: (hasErrors: boolean) => void;
  onSent: (sent: { moduleName: string; organisationName: string }) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const single = organisations.length === 1 ? organisations[0] : undefined;
  const [values, setValues] = useState<RecognitionValues>(() => emptyValues(single?.id ?? ""));
  const [file, setFile] = useState<File>();
  // A file already uploaded for this form, so a retry after a failed request does not upload it twice.
  const uploaded = useRef<{ file: File; organisationId: string; evidenceFileId: string }>();
  const [errors, setErrors] = useState<FormErrors<RecognitionField>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<"uploading" | "sending">();

  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);

  const upload = useMutation(
    trpc.preparation.uploadMyEvidence.mutationOptions({ networkMode: "always" }),
  );
  const request = useMutation(
    trpc.preparation.requestRecognition.mutationOptions({ networkMode: "always" }),
  );

  const modules = catalogue.filter((m) => m.organisationId === values.organisationId);
  const organisation = organisations.find((o) => o.id === values.organisationId);
  const set = (field: keyof RecognitionValues) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));

  function fail(found: FormErrors<RecognitionField>) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = validateRecognition(values, file, { today: today() });
    if (found.summary.length > 0) return fail(found);
    setErrors(NO_ERRORS);

    let evidenceFileId: string | undefined;
    if (file) {
      const previous = uploaded.current;
      if (previous && previous.file === file && previous.organisationId === values.organisationId) {
        evidenceFileId = previous.evidenceFileId;
      } else {
        setBusy("uploading");
        try {
          const contentBase64 = await readAsBase64(file);
          const result = await upload.mutateAsync({
            organisationId: values.organisationId,
            filename: file.name,
            contentBase64,
          });
          evidenceFileId = result.evidenceFileId;
          uploaded.current = { file, organisationId: values.organisationId, evidenceFileId };
        } catch (error) {
          setBusy(undefined);
          if (error instanceof Error && error.message === "unreadable") {
            return fail({
              fields: { evidence: evidenceMessages.unreadable },
              summary: [{ href: "#evidence", text: evidenceMessages.unreadable }],
            });
          }
          await afterError(error);
          return fail(mapUploadError(error, navigator.onLine));
        }
      }
    }

    setBusy("sending");
    try {
      await request.mutateAsync(toRecognitionRequest(values, evidenceFileId));
    } catch (error) {
      setBusy(undefined);
      await afterError(error);
      return fail(mapRecognitionError(error, navigator.onLine));
    }
    setBusy(undefined);
    onErrorsChange(false);
    onSent({
      moduleName: modules.find((m) => m.moduleId === values.moduleId)?.name ?? "Your training",
      organisationName: organisation?.name ?? "",
    });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.preparation.myRecords.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.preparation.myStatus.queryKey() }),
    ]);
  }

  async function afterError(error: unknown) {
    if (errorCode(error) === "UNAUTHORIZED")
      await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
  }

  if (catalogue.length === 0) {
    return (
      <>
        <p>
          Your coordinator has not listed any training modules yet, so there is nothing to match
          your training to.
        </p>
        <p>
          Ask your scheme&apos;s coordinator to add the module, or to record the training for you.
        </p>
        <p>
          <Link href={preparationPaths.home}>Go to my preparation and support</Link>
        </p>
      </>
    );
  }

  return (
    <>
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <p>
        If you did training with another organisation that matches a module your scheme asks for,
        send the details here. Your coordinator checks them and, once verified, the training counts
        towards being ready to mentor.
      </p>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        {single ? (
          <p>
            For <strong>{single.name}</strong>
          </p>
        ) : (
          <Select
            id="organisationId"
            name="organisationId"
            label="Organisation"
            hint="The organisation whose scheme you mentor in"
            options={[
              { value: "", text: "Choose an organisation" },
              ...organisations.map((o) => ({ value: o.id, text: o.name })),
            ]}
            value={values.organisationId}
            onChange={(event) => {
              const organisationId = event.currentTarget.value;
              // Modules belong to one organisation: a module chosen for another no longer applies.
              setValues((previous) => ({ ...previous, organisationId, moduleId: "" }));
            }}
            error={errors.fields.organisationId}
          />
        )}

        {values.organisationId && modules.length === 0 ? (
          <div className="nhsuk-form-group">
            <p className="nhsuk-label">Which module does it match?</p>
            <p>
              {organisation?.name ?? "This organisation"} has not listed any training modules yet.
              Ask its coordinator to add the module, or choose another organisation.
            </p>
          </div>
        ) : (
          <Select
            id="moduleId"
            name="moduleId"
            label="Which module does it match?"
            hint={values.organisationId ? undefined : "Choose the organisation first"}
            options={[
              { value: "", text: "Choose a module" },
              ...modules.map((m) => ({ value: m.moduleId, text: m.name })),
            ]}
            value={values.moduleId}
            onChange={(event) => set("moduleId")(event.currentTarget.value)}
            error={errors.fields.moduleId}
          />
        )}

        <TextInput
          id="completedOn"
          name="completedOn"
          label="Date you completed it"
          hint="For example, 14/03/2026"
          width={10}
          inputMode="numeric"
          autoComplete="off"
          value={values.completedOn}
          onChange={(event) => set("completedOn")(event.currentTarget.value)}
          error={errors.fields.completedOn}
        />

        <TextInput
          id="provider"
          name="provider"
          label="Who ran the training"
          hint="For example, a deanery, a royal college or a university"
          maxLength={200}
          value={values.provider}
          onChange={(event) => set("provider")(event.currentTarget.value)}
          error={errors.fields.provider}
        />

        <EvidenceInput
          error={errors.fields.evidence}
          onChange={(chosen) => {
            setFile(chosen);
            // A new choice clears an old problem with the file.
            if (errors.fields.evidence)
              setErrors((previous) => ({
                fields: { ...previous.fields, evidence: undefined },
                summary: previous.summary.filter((s) => s.href !== "#evidence"),
              }));
          }}
        />

        <Textarea
          id="evidenceNote"
          name="evidenceNote"
          label="Note (optional)"
          hint="For example, what the training covered, or where the certificate can be checked"
          rows={3}
          maxLength={500}
          value={values.evidenceNote}
          onChange={(event) => set("evidenceNote")(event.currentTarget.value)}
          error={errors.fields.evidenceNote}
        />

        <Button type="submit" aria-disabled={busy ? true : undefined}>
          Send for verification
        </Button>
        <p role="status" className="nhsuk-body-s">
          {busy === "uploading" ? "Uploading your evidence…" : busy === "sending" ? "Sending…" : ""}
        </p>
        {!online ? <p>You can send this when you are back online.</p> : null}
      </form>
    </>
  );
}

function EvidenceInput({
  error,
  onChange,
}: {
  error?: string;
  onChange: (file: File | undefined) => void;
}) {
  const hint = "A certificate or letter as a PDF, PNG or JPG, smaller than 5 MB";
  return (
    <div className={cx("nhsuk-form-group", error ? "nhsuk-form-group--error" : undefined)}>
      <label className="nhsuk-label" htmlFor="evidence">
        Evidence (optional)
      </label>
      <Hint id="evidence-hint">{hint}</Hint>
      {error ? <ErrorMessage id="evidence-error">{error}</ErrorMessage> : null}
      <input
        className={cx("nhsuk-file-upload", error ? "nhsuk-file-upload--error" : undefined)}
        id="evidence"
        name="evidence"
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-describedby={describedBy({ id: "evidence", hint, error })}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? undefined)}
      />
    </div>
  );
}
