// A mentor's claim for one held meeting: the scheme's fee, and expenses with a receipt where the
// scheme pays them. The receipt is uploaded first (as training evidence is), then the claim is sent.
import { ErrorMessage, Hint, Textarea, TextInput } from "@tandem/ui";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { toFormErrors } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import {
  checkEvidenceFile,
  dataUrlToBase64,
  evidenceMessages,
} from "../preparation/recognition-form";
import { fieldId } from "../relationships/meeting-forms";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "../relationships/page-form";
import { formatMeetingDate } from "../relationships/relationship-words";
import { formatMoney, readPounds } from "./claim-words";

const CLAIM = "claim";
const ids = {
  expenses: fieldId(CLAIM, "expensesPence"),
  note: fieldId(CLAIM, "expensesNote"),
  receipt: fieldId(CLAIM, "receiptFileId"),
};
const order = [ids.expenses, ids.note, ids.receipt];

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

export interface ClaimTerms {
  feePence: number | null;
  expensesAllowed: boolean;
  expensesCapPence: number | null;
}

export function ClaimForm({
  meeting,
  terms,
  controls,
}: {
  meeting: { meetingId: string; startsAt: Date | null };
  terms: ClaimTerms;
  controls: PageControls;
}) {
  const trpc = useTRPC();
  const [pounds, setPounds] = useState("");
  const [note, setNote] = useState("");
  const [file, setFile] = useState<File>();
  const uploaded = useRef<{ file: File; id: string }>();
  const [busy, setBusy] = useState(false);
  const form = usePageForm(controls, CLAIM, order);
  const upload = useMutation(
    trpc.preparation.uploadMyEvidence.mutationOptions({ networkMode: "always" }),
  );
  const submit = useMutation(trpc.claims.submit.mutationOptions({ networkMode: "always" }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const amount = readPounds(pounds);
    const fileProblem = file ? checkEvidenceFile(file) : undefined;
    const found: Record<string, string> = {};
    if ("error" in amount) found[ids.expenses] = amount.error;
    if (fileProblem) found[ids.receipt] = fileProblem;
    if (form.check(toFormErrors(order, found)) || "error" in amount) return;
    setBusy(true);
    try {
      let receiptFileId: string | undefined;
      if (file && amount.pence > 0) {
        if (uploaded.current?.file === file) receiptFileId = uploaded.current.id;
        else {
          const contentBase64 = await readAsBase64(file).catch(() => null);
          if (contentBase64 === null) {
            form.check(toFormErrors(order, { [ids.receipt]: evidenceMessages.unreadable }));
            return;
          }
          const result = await upload.mutateAsync({
            organisationId: controls.scope.organisationId,
            filename: file.name,
            contentBase64,
          });
          receiptFileId = result.evidenceFileId;
          uploaded.current = { file, id: receiptFileId };
        }
      }
      await submit.mutateAsync({
        ...controls.scope,
        meetingId: meeting.meetingId,
        expensesPence: amount.pence,
        ...(note.trim() ? { expensesNote: note.trim() } : {}),
        ...(receiptFileId ? { receiptFileId } : {}),
      });
      await form.succeeded(
        `Your claim for ${formatMoney((terms.feePence ?? 0) + amount.pence)} has gone to the coordinator.`,
      );
    } catch (error) {
      await form.failed(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="nhsuk-u-margin-top-2">
      <FormProblems form={form} />
      <FormHeading>
        Claim for the meeting{meeting.startsAt ? ` on ${formatMeetingDate(meeting.startsAt)}` : ""}
      </FormHeading>
      <p>
        The fee for each meeting is {formatMoney(terms.feePence ?? 0)}. The claim names only the
        meeting&apos;s date, length and kind.
      </p>
      <form onSubmit={handleSubmit} noValidate>
        {terms.expensesAllowed ? (
          <>
            <TextInput
              id={ids.expenses}
              name="expenses"
              inputMode="decimal"
              label="Expenses, in pounds (optional)"
              hint={`For example, 12.50 for travel.${terms.expensesCapPence !== null ? ` Up to ${formatMoney(terms.expensesCapPence)} a claim.` : ""} Expenses need a receipt.`}
              value={pounds}
              onChange={(event) => setPounds(event.currentTarget.value)}
              error={form.errors.fields[ids.expenses]}
              width={5}
            />
            <Textarea
              id={ids.note}
              name="expensesNote"
              label="What the expenses were for (optional)"
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={form.errors.fields[ids.note]}
              rows={2}
            />
            <div
              className={
                form.errors.fields[ids.receipt]
                  ? "nhsuk-form-group nhsuk-form-group--error"
                  : "nhsuk-form-group"
              }
            >
              <label className="nhsuk-label" htmlFor={ids.receipt}>
                Receipt
              </label>
              <Hint id={`${ids.receipt}-hint`}>
                A PDF, PNG or JPG smaller than 5 MB. Needed for expenses.
              </Hint>
              {form.errors.fields[ids.receipt] ? (
                <ErrorMessage id={`${ids.receipt}-error`}>
                  {form.errors.fields[ids.receipt]}
                </ErrorMessage>
              ) : null}
              <input
                className="nhsuk-file-upload"
                style={{ maxWidth: "100%" }}
                id={ids.receipt}
                name="receipt"
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                aria-describedby={[
                  `${ids.receipt}-hint`,
                  form.errors.fields[ids.receipt] ? `${ids.receipt}-error` : "",
                ]
                  .filter(Boolean)
                  .join(" ")}
                onChange={(event) => setFile(event.currentTarget.files?.[0])}
              />
            </div>
          </>
        ) : null}
        <FormButtons
          submit={`Claim ${formatMoney(terms.feePence ?? 0)}`}
          pending={busy}
          onCancel={controls.cancel}
          offlineText="You can send your claim when you are back online."
        />
      </form>
    </div>
  );
}
