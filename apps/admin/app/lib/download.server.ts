// File downloads: always as attachments, never sniffed or rendered as a page, never cached.
import { cpdCsv, cpdPdf } from "@tandem/api";
import type { Api } from "./api.server";

export function downloadResponse(body: Uint8Array | string, options: { filename: string; contentType: string; headers: Headers }) {
  const headers = new Headers(options.headers);
  const ascii = options.filename.replace(/[^\w.()-]/g, "_");
  headers.set("Content-Type", options.contentType);
  headers.set("Content-Disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(options.filename)}`);
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
  headers.set("Cache-Control", "no-store");
  return new Response(typeof body === "string" ? body : Buffer.from(body), { status: 200, headers });
}

export function fromBase64(file: { filename: string; contentType: string; contentBase64: string }, headers: Headers) {
  return downloadResponse(new Uint8Array(Buffer.from(file.contentBase64, "base64")), { filename: file.filename, contentType: file.contentType, headers });
}

export async function cpdDownload(session: Api, format: "csv" | "pdf") {
  const evidence = await session.caller.preparation.cpd();
  const filename = `mentoring-cpd-${evidence.generatedOn}.${format}`;
  return format === "csv"
    ? downloadResponse(cpdCsv(evidence), { filename, contentType: "text/csv; charset=utf-8", headers: session.headers })
    : downloadResponse(await cpdPdf(evidence), { filename, contentType: "application/pdf", headers: session.headers });
}
