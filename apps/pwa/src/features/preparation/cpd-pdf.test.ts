import { cpdDocument, type CpdEvidence } from "@tandem/core";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { cpdPdfWithReflections, printable, wrap } from "./cpd-pdf";

const evidence: CpdEvidence = {
  person: { name: "Dr Siân Jones", email: "sian@example.org", registrationNumber: null },
  generatedOn: "2026-12-08",
  schemes: [],
  meetings: [],
  feedback: [],
  training: [],
  support: [],
  totals: { trainingHours: 0, supportEvents: 0, mentoringMeetings: 0, mentoringHours: 0, mentoredMeetings: 0, mentoredHours: 0 },
};

describe("the CPD record made in the browser", () => {
  it("keeps what the standard font can draw and marks what it cannot", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(printable(font, "Siân’s café – naïve")).toEqual({ text: "Siân’s café – naïve", replaced: false });
    expect(printable(font, "Łódź 😀\r\nnext\tline")).toEqual({ text: "?ód? ?\nnext    line", replaced: true });
  });

  it("wraps a paragraph to the width, cutting a word longer than a line", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrap(font, 10, `${"word ".repeat(40)}${"x".repeat(200)}`, 200);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join("").replace(/ /g, "")).toBe(`${"word".repeat(40)}${"x".repeat(200)}`);
  });

  it("makes a PDF that runs onto more pages for a long reflection", async () => {
    const text = "I noticed I listened more than I spoke.\n".repeat(120);
    const bytes = await cpdPdfWithReflections(cpdDocument(evidence, { reflections: [{ writtenOn: "2026-12-01", schemeName: "Coach-mentoring", organisationName: "Aire Valley", meetingOn: null, text }] }), {
      personName: evidence.person.name,
    });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getTitle()).toBe("Mentoring CPD evidence – Dr Siân Jones");
  });
});
