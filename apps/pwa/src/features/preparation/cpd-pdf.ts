// The CPD record with the reflections a person chose, made as a PDF here in the browser (pdf-lib,
// decision 022): the decrypted text never leaves the device. Loaded with a dynamic import, so pdf-lib
// is not in the app's first download. The words are @tandem/core's cpdDocument, as on the server.
import type { CpdDocument } from "@tandem/core";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

const pageSize: [number, number] = [595.28, 841.89]; // A4
const margin = 56;
const width = pageSize[0] - 2 * margin;
const text = rgb(0x21 / 255, 0x2b / 255, 0x32 / 255);
const blue = rgb(0, 0x5e / 255, 0xb8 / 255);
const grey = rgb(0x4c / 255, 0x62 / 255, 0x72 / 255);

/**
 * The standard PDF fonts cover Western European text (WinAnsi). A character they cannot draw (an
 * emoji, some Eastern European letters) becomes "?", and the record says so, rather than failing.
 */
export function printable(font: PDFFont, input: string): { text: string; replaced: boolean } {
  const supported = new Set(font.getCharacterSet());
  let replaced = false;
  let out = "";
  for (const char of input.replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    if (char === "\n" || supported.has(char.codePointAt(0)!)) out += char;
    else {
      out += "?";
      replaced = true;
    }
  }
  return { text: out, replaced };
}

/** Breaks a paragraph into lines that fit the page's width (long words are cut). */
export function wrap(font: PDFFont, size: number, paragraph: string, maxWidth = width): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
  for (const word of paragraph.split(/ +/)) {
    let rest = word;
    while (!fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut -= 1;
      if (line) lines.push(line);
      line = "";
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    const candidate = line ? `${line} ${rest}` : rest;
    if (fits(candidate)) line = candidate;
    else {
      lines.push(line);
      line = rest;
    }
  }
  lines.push(line);
  return lines;
}

export async function cpdPdfWithReflections(document: CpdDocument, options: { personName: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${document.title} – ${options.personName}`);
  pdf.setAuthor(options.personName);
  pdf.setCreator("Tandem");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const italic = await pdf.embedFont(StandardFonts.HelveticaOblique);
  let page: PDFPage = pdf.addPage(pageSize);
  let y = pageSize[1] - margin;
  let replacedAny = false;

  const write = (input: string, style: { font: PDFFont; size: number; colour?: typeof text; before?: number }) => {
    const { text: safe, replaced } = printable(style.font, input);
    replacedAny ||= replaced;
    y -= style.before ?? 0;
    for (const paragraph of safe.split("\n")) {
      for (const line of wrap(style.font, style.size, paragraph)) {
        const height = style.size * 1.35;
        if (y - height < margin) {
          page = pdf.addPage(pageSize);
          y = pageSize[1] - margin;
        }
        y -= height;
        page.drawText(line, { x: margin, y, size: style.size, font: style.font, color: style.colour ?? text });
      }
    }
  };

  write(document.title, { font: bold, size: 18 });
  for (const line of document.intro) write(line, { font: regular, size: 10.5 });
  for (const section of document.sections) {
    write(section.heading, { font: bold, size: 13, colour: blue, before: 12 });
    for (const line of section.lines) write(line, { font: regular, size: 10.5 });
    for (const entry of section.entries ?? []) {
      write(entry.title, { font: bold, size: 10.5, before: 8 });
      write(entry.body, { font: regular, size: 10.5 });
    }
  }
  write(document.footer, { font: italic, size: 9, colour: grey, before: 14 });
  if (replacedAny) write("Characters the PDF's standard font cannot show are printed as ?.", { font: italic, size: 9, colour: grey });
  return pdf.save();
}
