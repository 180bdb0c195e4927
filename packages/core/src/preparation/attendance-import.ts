// Course attendance imported from a CSV: every row is checked and its problems named before
// anything is saved, so a coordinator can fix the file and try again.
import { parseCsv } from "./csv";

export const attendanceCsvColumns = ["email", "module", "completed_on", "evidence"] as const;

export interface AttendanceRowInput {
  members: { personId: string; email: string; name: string }[];
  modules: { id: string; code: string; name: string }[];
  /** Today's date (YYYY-MM-DD): completions cannot be in the future. */
  today: string;
}

export interface AttendancePreviewRow {
  line: number;
  email: string;
  module: string;
  completedOn: string;
  evidence: string;
  personName: string | null;
  moduleName: string | null;
  errors: string[];
  /** Present when the row is valid. */
  record?: { personId: string; moduleId: string; completedOn: string; evidenceNote: string | null };
}

export interface AttendancePreview {
  /** Problems with the file as a whole (no header, missing columns, no rows). */
  fileErrors: string[];
  rows: AttendancePreviewRow[];
  valid: number;
  invalid: number;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Accepts 2026-03-14 or 14/03/2026; returns YYYY-MM-DD or null. */
export function readDate(value: string): string | null {
  const trimmed = value.trim();
  let y: number, m: number, d: number;
  const iso = isoDate.exec(trimmed);
  const uk = ukDate.exec(trimmed);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export const maxImportRows = 2000;

export function previewAttendanceImport(csv: string, input: AttendanceRowInput): AttendancePreview {
  const table = parseCsv(csv);
  const fileErrors: string[] = [];
  if (table.header.length === 0) fileErrors.push("The file is empty. Upload a CSV with the columns email, module, completed_on.");
  const missing = ["email", "module", "completed_on"].filter((c) => !table.header.includes(c));
  if (table.header.length > 0 && missing.length > 0) {
    fileErrors.push(`The file needs the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} in its first row.`);
  }
  if (table.header.length > 0 && missing.length === 0 && table.rows.length === 0) fileErrors.push("The file has no rows after the header.");
  if (table.rows.length > maxImportRows) fileErrors.push(`The file has ${table.rows.length} rows: import ${maxImportRows} or fewer at a time.`);
  if (fileErrors.length > 0) return { fileErrors, rows: [], valid: 0, invalid: 0 };

  const column = (name: string) => table.header.indexOf(name);
  const membersByEmail = new Map(input.members.map((m) => [m.email.toLowerCase(), m]));
  const modulesByCode = new Map(input.modules.map((m) => [m.code.toLowerCase(), m]));
  const modulesByName = new Map(input.modules.map((m) => [m.name.toLowerCase(), m]));
  const seen = new Set<string>();

  const rows = table.rows.map(({ line, cells }) => {
    const cell = (name: string) => (column(name) === -1 ? "" : (cells[column(name)] ?? "").trim());
    const email = cell("email");
    const moduleText = cell("module");
    const completedText = cell("completed_on");
    const evidence = cell("evidence");
    const errors: string[] = [];
    const member = membersByEmail.get(email.toLowerCase());
    if (!email) errors.push("Enter the mentor's email address");
    else if (!member) errors.push(`No member of this organisation has the email ${email}`);
    const module = modulesByCode.get(moduleText.toLowerCase()) ?? modulesByName.get(moduleText.toLowerCase());
    if (!moduleText) errors.push("Enter the module's code or name");
    else if (!module) errors.push(`There is no module "${moduleText}" in the catalogue`);
    const completedOn = readDate(completedText);
    if (!completedText) errors.push("Enter the date the module was completed");
    else if (!completedOn) errors.push(`"${completedText}" is not a date: use YYYY-MM-DD or DD/MM/YYYY`);
    else if (completedOn > input.today) errors.push("The completion date is in the future");
    if (evidence.length > 500) errors.push("Keep the evidence note to 500 characters or fewer");
    if (member && module && completedOn) {
      const key = `${member.personId}|${module.id}|${completedOn}`;
      if (seen.has(key)) errors.push("This row repeats an earlier row");
      seen.add(key);
    }
    const row: AttendancePreviewRow = {
      line,
      email,
      module: moduleText,
      completedOn: completedText,
      evidence,
      personName: member?.name ?? null,
      moduleName: module?.name ?? null,
      errors,
    };
    if (errors.length === 0 && member && module && completedOn) {
      row.record = { personId: member.personId, moduleId: module.id, completedOn, evidenceNote: evidence || null };
    }
    return row;
  });
  const invalid = rows.filter((r) => r.errors.length > 0).length;
  return { fileErrors, rows, valid: rows.length - invalid, invalid };
}
