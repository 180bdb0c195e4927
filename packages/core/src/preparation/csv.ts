// A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, a trailing newline.
export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export function parseCsv(text: string): CsvTable {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const input = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === "\n") line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      cells.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i += 1;
      cells.push(field);
      records.push({ line: recordLine, cells });
      cells = [];
      field = "";
      line += 1;
      recordLine = line;
    } else field += char;
  }
  if (field !== "" || cells.length > 0) {
    cells.push(field);
    records.push({ line: recordLine, cells });
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const [header, ...rows] = nonEmpty;
  return { header: (header?.cells ?? []).map((h) => h.trim().toLowerCase()), rows };
}
