// CPD evidence for appraisal, as CSV (for spreadsheets and portfolios) and PDF (to attach).
import PDFDocument from "pdfkit";
import type { CpdEvidence } from "./mentor";

const kindWords: Record<string, string> = {
  course_module: "Course module",
  masterclass: "Masterclass",
  programme: "Programme",
  taster: "Taster",
  cpd: "CPD",
  support_group: "Support group",
  development_event: "Development event",
  conference: "Conference",
  supervision: "Supervision",
};

function csvCell(value: string | number | boolean): string {
  const text = String(value);
  // Quote when needed; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function cpdCsv(evidence: CpdEvidence): string {
  const rows: (string | number | boolean)[][] = [["section", "organisation", "item", "kind", "date", "hours", "verified"]];
  for (const s of evidence.schemes) rows.push(["scheme", s.organisationName, s.schemeName, "Mentor", s.since, "", ""]);
  for (const date of evidence.meetings.dates) rows.push(["meeting", "", "Mentoring meeting", "", date, "", ""]);
  for (const t of evidence.training) {
    rows.push(["training", t.organisationName, t.module, kindWords[t.kind] ?? t.kind, t.completedOn, t.hours, t.verified ? "yes" : "no"]);
  }
  for (const s of evidence.support) rows.push(["support", s.organisationName, s.title, kindWords[s.kind] ?? s.kind, s.heldOn, "", "yes"]);
  rows.push(["total", "", "Verified training hours", "", evidence.generatedOn, evidence.totals.trainingHours, ""]);
  rows.push(["total", "", "Support events attended", "", evidence.generatedOn, evidence.totals.supportEvents, ""]);
  rows.push(["total", "", "Mentoring meetings held", "", evidence.generatedOn, evidence.meetings.count, ""]);
  rows.push(["total", "", "Mentoring hours", "", evidence.generatedOn, evidence.meetings.hours, ""]);
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function cpdPdf(evidence: CpdEvidence): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `Mentoring CPD evidence – ${evidence.person.name}`, Author: "Tandem" } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);

    const heading = (text: string) => doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#005eb8").text(text).moveDown(0.3);
    const line = (text: string) => doc.font("Helvetica").fontSize(10.5).fillColor("#212b32").text(text);

    doc.font("Helvetica-Bold").fontSize(18).fillColor("#212b32").text("Mentoring CPD evidence");
    line(`${evidence.person.name}${evidence.person.registrationNumber ? `, GMC ${evidence.person.registrationNumber}` : ""}`);
    line(`Produced by Tandem on ${longDate(evidence.generatedOn)}`);

    heading("Summary");
    line(`Verified training: ${evidence.totals.trainingHours} hours`);
    line(`Support events attended: ${evidence.totals.supportEvents}`);
    line(`Mentoring meetings held: ${evidence.meetings.count} (${evidence.meetings.hours} hours)`);

    heading("Schemes I mentor in");
    if (evidence.schemes.length === 0) line("None.");
    for (const s of evidence.schemes) line(`${s.schemeName}, ${s.organisationName} (since ${longDate(s.since)})`);

    heading("Mentoring meetings (dates only)");
    line(evidence.meetings.dates.length === 0 ? "No meetings recorded yet." : evidence.meetings.dates.map(longDate).join("; "));

    heading("Training");
    if (evidence.training.length === 0) line("No training recorded.");
    for (const t of evidence.training) {
      line(`${longDate(t.completedOn)}: ${t.module} (${kindWords[t.kind] ?? t.kind}, ${t.hours} hours)${t.verified ? "" : " – awaiting verification"}, ${t.organisationName}`);
    }

    heading("Support and supervision attended");
    if (evidence.support.length === 0) line("No support events recorded.");
    for (const s of evidence.support) line(`${longDate(s.heldOn)}: ${s.title} (${kindWords[s.kind] ?? s.kind}), ${s.organisationName}`);

    doc.moveDown(1).font("Helvetica-Oblique").fontSize(9).fillColor("#4c6272").text(
      "This record shows that mentoring took place and what preparation and support were attended. It never contains what was discussed in mentoring.",
    );
    doc.end();
  });
}
