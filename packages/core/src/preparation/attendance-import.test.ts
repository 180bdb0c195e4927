import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { previewAttendanceImport, readDate } from "./attendance-import";
import { parseCsv } from "./csv";

const input = {
  members: [
    { personId: "p1", email: "ada@example.org", name: "Ada" },
    { personId: "p2", email: "grace@example.org", name: "Grace" },
  ],
  modules: [{ id: "m1", code: "masterclass", name: "1.5-day masterclass" }],
  today: "2026-11-23",
};

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, CRLF and a BOM", () => {
    const table = parseCsv('\uFEFFEmail,Note\r\n"a@b.org","said ""hi"", then left"\r\nc@d.org,plain\n');
    expect(table.header).toEqual(["email", "note"]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["a@b.org", 'said "hi", then left'],
      ["c@d.org", "plain"],
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("never throws, whatever the text", () => {
    fc.assert(fc.property(fc.string(), (text) => void parseCsv(text)));
  });
});

describe("readDate", () => {
  it.each([
    ["2026-03-14", "2026-03-14"],
    ["14/03/2026", "2026-03-14"],
    ["4/3/2026", "2026-03-04"],
    ["2026-02-30", null],
    ["31/04/2026", null],
    ["yesterday", null],
  ])("%s -> %s", (text, expected) => expect(readDate(text)).toBe(expected));
});

describe("previewAttendanceImport", () => {
  it("names each row's problems and keeps the good rows ready to save", () => {
    const csv = [
      "email,module,completed_on,evidence",
      "ada@example.org,masterclass,2026-03-14,Certificate 1234",
      "nobody@example.org,masterclass,2026-03-14,",
      "grace@example.org,1.5-day masterclass,14/13/2026,",
      "grace@example.org,unknown course,2026-01-01,",
      "ada@example.org,masterclass,2027-01-01,",
      "ada@example.org,MASTERCLASS,14/03/2026,",
    ].join("\n");
    const preview = previewAttendanceImport(csv, input);
    expect(preview.fileErrors).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["No member of this organisation has the email nobody@example.org"]],
      [4, ['"14/13/2026" is not a date: use YYYY-MM-DD or DD/MM/YYYY']],
      [5, ['There is no module "unknown course" in the catalogue']],
      [6, ["The completion date is in the future"]],
      [7, ["This row repeats an earlier row"]],
    ]);
    expect(preview.rows[0]!.record).toEqual({ personId: "p1", moduleId: "m1", completedOn: "2026-03-14", evidenceNote: "Certificate 1234" });
    expect(preview).toMatchObject({ valid: 1, invalid: 5 });
  });

  it("explains a file without the needed columns or rows", () => {
    expect(previewAttendanceImport("", input).fileErrors[0]).toMatch(/empty/);
    expect(previewAttendanceImport("name,date\nx,y", input).fileErrors[0]).toBe("The file needs the columns email, module, completed_on in its first row.");
    expect(previewAttendanceImport("email,module,completed_on\n", input).fileErrors[0]).toBe("The file has no rows after the header.");
  });
});
