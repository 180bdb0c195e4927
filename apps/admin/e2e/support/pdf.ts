// The text a PDF draws, for checking a downloaded file: each Flate-compressed content stream is
// inflated and the strings shown with Tj are read (pdf-lib and pdfkit write them as hex or literals).
import { inflateSync } from "node:zlib";

function literal(text: string): string {
  return text.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, escaped: string) =>
    /^[0-7]/.test(escaped) ? String.fromCharCode(parseInt(escaped, 8)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[escaped] ?? escaped,
  );
}

/** The lines of text in a PDF, in drawing order (one per Tj), joined by newlines. */
export function pdfText(bytes: Buffer): string {
  const raw = bytes.toString("latin1");
  const shown: string[] = [];
  let from = 0;
  for (;;) {
    const open = /(?<!end)stream\r?\n/g;
    open.lastIndex = from;
    const match = open.exec(raw);
    if (!match) break;
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    from = end + "endstream".length;
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not compressed text (an image, a font, an object stream)
    }
    for (const m of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      shown.push(m[1] !== undefined ? Buffer.from(m[1], "hex").toString("latin1") : literal(m[2]!));
    }
  }
  return shown.join("\n");
}
