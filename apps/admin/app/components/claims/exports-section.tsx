// Exporting approved claims for finance: one batch at a time, each claim exported once, with the CSV
// in finance's layout and a PDF remittance summary per mentor for each batch.
import { Form } from "@remix-run/react";
import { Button, InsetText, Table } from "@tandem/ui";
import { formatDateTime } from "../../lib/format";

interface ExportBatch {
  id: string;
  createdAt: Date | string;
  claimCount: number;
}

export function ExportsSection({
  base,
  readyToExport,
  exports,
  busy,
}: {
  base: string;
  readyToExport: number;
  exports: ExportBatch[];
  busy: boolean;
}) {
  const claims = (n: number) => `${n} approved ${n === 1 ? "claim" : "claims"}`;
  return (
    <>
      <h2 id="export">Export for finance</h2>
      {readyToExport ? (
        <>
          <p>
            {claims(readyToExport)} {readyToExport === 1 ? "is" : "are"} ready to export. Each claim
            is exported once; the batch can be downloaded again below.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="export" />
            <Button id="export-claims" disabled={busy}>
              Export approved claims
            </Button>
          </Form>
        </>
      ) : (
        <InsetText>
          <p>
            No approved claims are waiting to be exported. Approve claims above, then export them
            here.
          </p>
        </InsetText>
      )}
      {exports.length ? (
        <Table
          caption="Exports"
          captionSize="s"
          head={["Exported", "Claims", "Downloads"]}
          firstCellIsHeader
          rowKeys={exports.map((e) => e.id)}
          rows={exports.map((e) => {
            const when = formatDateTime(e.createdAt);
            const query = `?export=${e.id}`;
            return [
              when,
              String(e.claimCount),
              <ul key="files" className="nhsuk-list nhsuk-u-margin-bottom-0">
                <li>
                  <a href={`${base}/claims.csv${query}`} download>
                    Download CSV
                    <span className="nhsuk-u-visually-hidden"> of the export on {when}</span>
                  </a>
                </li>
                <li>
                  <a href={`${base}/remittance.pdf${query}`} download>
                    Download remittance PDF
                    <span className="nhsuk-u-visually-hidden"> of the export on {when}</span>
                  </a>
                </li>
              </ul>,
            ];
          })}
        />
      ) : null}
    </>
  );
}
