// Course attendance from a CSV: preview every row with its problems (nothing saved), then import
// all of them at once. The file's text travels with the preview so the import saves exactly it.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { attendanceCsvColumns, AttendanceCsv } from "@tandem/core";
import { BackLink, Button, ErrorSummary, Table, Tag, TextInput, type ErrorSummaryItem } from "@tandem/ui";
import { apiError, formErrorsOrThrow } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { chosenFile, requirePreparation } from "../lib/preparation.server";
import { plural } from "../lib/preparation-words";

export const meta: MetaFunction = ({ matches }) => pageTitle("Import course attendance", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context);
  const flash = await takeFlash(request, session.headers, context);
  return data({ organisationName: session.organisation.organisationName, flash }, { headers: session.headers });
}

type Preview = Awaited<ReturnType<Awaited<ReturnType<typeof requirePreparation>>["caller"]["preparation"]["previewImport"]>>;
type Result =
  | { kind: "error"; message: string }
  | { kind: "preview"; csv: string; fileName: string; preview: Pick<Preview, "fileErrors" | "valid" | "invalid"> & { rows: Omit<Preview["rows"][number], "record">[] } };

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePreparation(request, context);
  const formData = await request.formData();
  const reply = (result: Result, status = 200) => data(result, { status, headers: session.headers });

  if (formData.get("intent") === "commit") {
    const csv = String(formData.get("csv") ?? "");
    try {
      const { imported } = await session.caller.preparation.commitImport({ ...session.org, csv });
      await setFlash(session.headers, context, `${plural(imported, "training record", "training records")} imported`);
      return redirect("/preparation/import", { headers: session.headers });
    } catch (error) {
      const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, session.headers);
      return reply({ kind: "error", message: formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "Nothing was imported" }, 400);
    }
  }

  const file = chosenFile(formData.get("csvFile"));
  if (!file) return reply({ kind: "error", message: "Choose a CSV file" }, 400);
  if (!/\.csv$/i.test(file.name) && file.type !== "text/csv") return reply({ kind: "error", message: "The selected file must be a CSV" }, 400);
  const checked = AttendanceCsv.safeParse({ csv: await file.text() });
  if (!checked.success) return reply({ kind: "error", message: checked.error.issues[0]?.message ?? "Choose a CSV file" }, 400);
  try {
    const preview = await session.caller.preparation.previewImport({ ...session.org, csv: checked.data.csv });
    return reply({
      kind: "preview",
      csv: checked.data.csv,
      fileName: file.name,
      preview: { ...preview, rows: preview.rows.map(({ record: _record, ...row }) => row) },
    });
  } catch (error) {
    const known = apiError(error);
    if (known?.code !== "BAD_REQUEST") formErrorsOrThrow(error, request, session.headers);
    return reply({ kind: "error", message: known?.fieldErrors.csv?.[0] ?? known?.message ?? "The file could not be read" }, 400);
  }
}

export default function ImportAttendance() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const preview = result?.kind === "preview" ? result.preview : null;

  const errors: ErrorSummaryItem[] = [];
  if (result?.kind === "error") errors.push({ href: "#csvFile", text: result.message });
  for (const message of preview?.fileErrors ?? []) errors.push({ href: "#csvFile", text: message });
  for (const row of preview?.rows ?? []) {
    if (row.errors.length) errors.push({ href: `#row-${row.line}`, text: `Row ${row.line}: ${row.errors.join("; ")}` });
  }
  const canImport = preview !== null && preview.fileErrors.length === 0 && preview.invalid === 0 && preview.valid > 0;

  return (
    <>
      <BackLink href="/preparation">Back to mentor preparation</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {errors.length ? <ErrorSummary key={JSON.stringify(errors)} errors={errors} /> : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Import course attendance</h1>

      {preview && canImport && result?.kind === "preview" ? (
        <>
          <p>
            {plural(preview.valid, "row is", "rows are")} ready to import from {result.fileName}. Nothing has been saved yet.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <textarea name="csv" hidden readOnly value={result.csv} />
            <Button disabled={busy}>Import {plural(preview.valid, "record", "records")}</Button>{" "}
            <a href="/preparation/import" className="nhsuk-u-margin-left-3">
              Cancel
            </a>
          </Form>
        </>
      ) : (
        <>
          <p>
            Each row records that a mentor completed a module. Every row is checked first; nothing is saved until you
            import, and then either every row is saved or none is.
          </p>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="preview" />
            <TextInput
              id="csvFile"
              name="csvFile"
              type="file"
              accept=".csv,text/csv"
              label="CSV file"
              hint={
                <>
                  The first row names the columns: <code>{attendanceCsvColumns.join(",")}</code>. The email is the
                  mentor&apos;s, the module is its code or name, completed_on is a date like 2026-03-14 or 14/03/2026, and
                  evidence is an optional note.
                </>
              }
              error={result?.kind === "error" ? result.message : preview?.fileErrors[0]}
            />
            <Button disabled={busy}>Preview import</Button>
          </Form>
        </>
      )}

      {preview && preview.rows.length ? (
        <Table
          caption={`Preview: ${plural(preview.valid, "row", "rows")} ready, ${plural(preview.invalid, "row", "rows")} with problems`}
          head={["Row", "Mentor", "Module", "Completed", "Evidence", "Problems"]}
          firstCellIsHeader
          rowKeys={preview.rows.map((r) => String(r.line))}
          rows={preview.rows.map((r) => [
            <span key="line" id={`row-${r.line}`} tabIndex={-1}>
              {r.line}
            </span>,
            r.personName ? `${r.personName} (${r.email})` : r.email || "Missing",
            r.moduleName ?? (r.module || "Missing"),
            r.completedOn || "Missing",
            r.evidence || "None",
            r.errors.length ? (
              <span key="errors">
                <Tag colour="red">Problem</Tag>
                <span className="nhsuk-error-message nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-1">
                  {r.errors.join("; ")}
                </span>
              </span>
            ) : (
              <Tag key="ok" colour="green">
                No problems
              </Tag>
            ),
          ])}
        />
      ) : null}
      {preview && !canImport && result?.kind === "preview" ? (
        <p>Fix the file and preview it again: nothing has been saved.</p>
      ) : null}
    </>
  );
}
