// CPD evidence for appraisal, as CSV (for spreadsheets and portfolios) and PDF (to attach). The
// columns are documented in packages/api/README.md; the PDF's words are @tandem/core's cpdDocument.
import { type CpdDocument, type CpdEvidence, cpdDocument, cpdKind, cpdRoleWords } from "@tandem/core";
import PDFDocument from "pdfkit";

export const cpdCsvColumns = ["section", "organisation", "scheme", "role", "item", "kind", "date", "count", "hours", "mean_rating", "verified"] as const;

type Cell = string | number;
type Row = Partial<Record<(typeof cpdCsvColumns)[number], Cell>>;

function csvCell(value: Cell | undefined): string {
  const text = String(value ?? "");
  // Quote when needed; neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function cpdCsv(evidence: CpdEvidence): string {
  const rows: Row[] = [];
  for (const s of evidence.schemes) {
    rows.push({ section: "scheme", organisation: s.organisationName, scheme: s.schemeName, role: cpdRoleWords[s.role], item: "Taking part since", date: s.since, count: s.meetingsHeld, hours: s.hours });
  }
  for (const m of evidence.meetings) {
    rows.push({ section: "meeting", organisation: m.organisationName, scheme: m.schemeName, role: cpdRoleWords[m.role], item: "Meeting held", date: m.date, count: 1, hours: m.hours });
  }
  for (const f of evidence.feedback) {
    const about = { section: "feedback", organisation: f.organisationName, scheme: f.schemeName, role: cpdRoleWords.mentor, date: evidence.generatedOn };
    rows.push({ ...about, item: "Mentees whose feedback is summarised", count: f.mentees });
    for (const r of f.ratings) rows.push({ ...about, item: r.label, kind: "Rating 1 to 5", count: r.answered, mean_rating: r.mean });
  }
  for (const t of evidence.training) {
    rows.push({ section: "training", organisation: t.organisationName, item: t.module, kind: cpdKind(t.kind), date: t.completedOn, hours: t.hours, verified: t.verified ? "yes" : "no" });
  }
  for (const s of evidence.support) rows.push({ section: "support", organisation: s.organisationName, item: s.title, kind: cpdKind(s.kind), date: s.heldOn, count: 1, verified: "yes" });
  const { totals } = evidence;
  const total = (item: string, values: Row) => rows.push({ section: "total", item, date: evidence.generatedOn, ...values });
  total("Meetings held as mentor, peer or facilitator", { count: totals.mentoringMeetings, hours: totals.mentoringHours });
  total("Meetings held as mentee or group member", { count: totals.mentoredMeetings, hours: totals.mentoredHours });
  total("Verified training hours", { hours: totals.trainingHours });
  total("Support events attended", { count: totals.supportEvents });
  const lines = [cpdCsvColumns.join(","), ...rows.map((row) => cpdCsvColumns.map((column) => csvCell(row[column])).join(","))];
  return lines.join("\r\n") + "\r\n";
}

function renderPdf(document: CpdDocument, personName: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `${document.title} – ${personName}`, Author: "Tandem" } });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);

    const line = (text: string) => doc.font("Helvetica").fontSize(10.5).fillColor("#212b32").text(text);
    doc.font("Helvetica-Bold").fontSize(18).fillColor("#212b32").text(document.title);
    for (const text of document.intro) line(text);
    for (const section of document.sections) {
      doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#005eb8").text(section.heading).moveDown(0.3);
      for (const text of section.lines) line(text);
      for (const entry of section.entries ?? []) {
        doc.moveDown(0.5).font("Helvetica-Bold").fontSize(10.5).fillColor("#212b32").text(entry.title);
        line(entry.body);
      }
    }
    doc.moveDown(1).font("Helvetica-Oblique").fontSize(9).fillColor("#4c6272").text(document.footer);
    doc.end();
  });
}

export function cpdPdf(evidence: CpdEvidence): Promise<Uint8Array> {
  return renderPdf(cpdDocument(evidence), evidence.person.name);
}
