// Evidence files (certificates): checked by their bytes, not their names, kept in the tenant's
// rows, and served only inside the organisation that holds them.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { evidenceFiles, type Tx } from "@tandem/db";
import { AppError } from "../../errors";

export const maxEvidenceBytes = 5 * 1024 * 1024;

const signatures: { type: string; extension: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: "application/pdf", extension: "pdf", matches: (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 },
  { type: "image/png", extension: "png", matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: "image/jpeg", extension: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

/** The file's real type from its first bytes, or null when it is not a PDF, PNG or JPEG. */
export function sniffEvidenceType(bytes: Uint8Array): (typeof signatures)[number] | null {
  return signatures.find((s) => s.matches(bytes)) ?? null;
}

export async function storeEvidence(
  tx: Tx,
  options: { organisationId: string; personId: string; filename: string; bytes: Uint8Array },
) {
  if (options.bytes.byteLength === 0) {
    throw new AppError("BAD_REQUEST", "The selected file is empty", { evidence: ["The selected file is empty"] });
  }
  if (options.bytes.byteLength > maxEvidenceBytes) {
    throw new AppError("BAD_REQUEST", "The selected file must be smaller than 5 MB", { evidence: ["The selected file must be smaller than 5 MB"] });
  }
  const kind = sniffEvidenceType(options.bytes);
  if (!kind) {
    throw new AppError("BAD_REQUEST", "The selected file must be a PDF, PNG or JPG", { evidence: ["The selected file must be a PDF, PNG or JPG"] });
  }
  // Keep a safe display name only: no paths, no control characters.
  const base = options.filename.split(/[\\/]/).pop() ?? "evidence";
  const filename = base.replace(/[^\w .()-]/g, "_").slice(0, 120) || `evidence.${kind.extension}`;
  const [row] = await tx
    .insert(evidenceFiles)
    .values({
      organisationId: options.organisationId,
      personId: options.personId,
      filename,
      contentType: kind.type,
      size: options.bytes.byteLength,
      sha256: createHash("sha256").update(options.bytes).digest("hex"),
      content: options.bytes,
    })
    .returning({ id: evidenceFiles.id });
  return { evidenceFileId: row!.id, contentType: kind.type, filename };
}

export async function readEvidence(tx: Tx, options: { organisationId: string; evidenceFileId: string; personId?: string }) {
  const [row] = await tx
    .select()
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organisationId, options.organisationId),
        eq(evidenceFiles.id, options.evidenceFileId),
        options.personId ? eq(evidenceFiles.personId, options.personId) : undefined,
      ),
    );
  if (!row) throw new AppError("NOT_FOUND", "That file does not exist");
  return row;
}
