// The coordinator's side of claims (SPEC section 4): the scheme's claims with the meeting's date,
// length and kind only; approve, reject with a reason or query, the mentor being told; approved claims
// exported once for finance (CSV in the documented layout, and a PDF remittance summary per mentor).
import { type ClaimStatus, financeExportColumns, formatMoney } from "@tandem/core";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { claimExports, claims, meetings, people, schemes, type Tx } from "@tandem/db";
import PDFDocument from "pdfkit";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";
import { loadScheme } from "../matching/inputs";
import { rulesOf } from "../relationships/load";

const noId = "00000000-0000-0000-0000-000000000000";

async function claimRows(tx: Tx, options: { organisationId: string; schemeId: string; status?: ClaimStatus; claimIds?: string[] }) {
  const rows = await tx
    .select({ claim: claims, mentorName: people.name, mentorEmail: people.email, registration: people.registrationNumber, meetingAt: meetings.startsAt, minutes: meetings.minutes, heldMinutes: meetings.heldMinutes, kind: meetings.kind })
    .from(claims)
    .innerJoin(people, eq(people.id, claims.mentorPersonId))
    .innerJoin(meetings, and(eq(meetings.organisationId, claims.organisationId), eq(meetings.id, claims.meetingId)))
    .where(
      and(
        eq(claims.organisationId, options.organisationId),
        eq(claims.schemeId, options.schemeId),
        options.status ? eq(claims.status, options.status) : undefined,
        options.claimIds ? inArray(claims.id, options.claimIds.concat([noId])) : undefined,
      ),
    )
    .orderBy(asc(claims.submittedAt));
  const deciders = new Map(
    (await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, rows.map((r) => r.claim.decidedByPersonId).filter((x): x is string => !!x).concat([noId])))).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => ({ ...r, approverName: r.claim.decidedByPersonId ? (deciders.get(r.claim.decidedByPersonId) ?? "") : "" }));
}

export async function schemeClaims(tx: Tx, options: { organisationId: string; schemeId: string; status?: ClaimStatus }) {
  await loadScheme(tx, options.organisationId, options.schemeId);
  const rows = await claimRows(tx, options);
  const exports = await tx.select().from(claimExports).where(and(eq(claimExports.organisationId, options.organisationId), eq(claimExports.schemeId, options.schemeId))).orderBy(desc(claimExports.createdAt));
  return {
    claims: rows.map((r) => ({
      id: r.claim.id,
      mentorName: r.mentorName,
      meetingDate: r.meetingAt,
      meetingMinutes: r.heldMinutes ?? r.minutes,
      meetingKind: r.kind,
      feePence: r.claim.feePence,
      expensesPence: r.claim.expensesPence,
      expensesNote: r.claim.expensesNote,
      hasReceipt: r.claim.receiptFileId !== null,
      receiptFileId: r.claim.receiptFileId,
      status: r.claim.status,
      decisionMessage: r.claim.decisionMessage,
      queryAnswer: r.claim.queryAnswer,
      submittedAt: r.claim.submittedAt,
      decidedAt: r.claim.decidedAt,
      exportedAt: r.claim.exportedAt,
    })),
    readyToExport: rows.filter((r) => r.claim.status === "approved" && r.claim.exportedAt === null).length,
    exports: exports.map((e) => ({ id: e.id, createdAt: e.createdAt, claimCount: e.claimCount })),
  };
}

export async function decideClaim(
  tx: Tx,
  options: { organisationId: string; claimId: string; decision: "approve" | "reject" | "query"; message?: string; actorPersonId: string; now: Date; mailer: Mailer; publicUrl: string },
) {
  const [claim] = await tx.select().from(claims).where(and(eq(claims.organisationId, options.organisationId), eq(claims.id, options.claimId)));
  if (!claim) throw new AppError("NOT_FOUND", "That claim does not exist in this organisation");
  if (claim.status === "approved" || claim.status === "rejected") throw new AppError("CONFLICT", "This claim has already been decided");
  if (options.decision === "approve" && claim.status === "queried") throw new AppError("CONFLICT", "Wait for the mentor to answer your query, or reject the claim");
  const status = options.decision === "approve" ? "approved" : options.decision === "reject" ? "rejected" : "queried";
  await tx
    .update(claims)
    .set({ status, decidedByPersonId: options.actorPersonId, decidedAt: options.now, decisionMessage: options.message ?? null, ...(status === "queried" ? { queryAnswer: null, queryAnsweredAt: null } : {}) })
    .where(and(eq(claims.organisationId, options.organisationId), eq(claims.id, claim.id)));
  const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, claim.schemeId)));
  const words = {
    approved: "Your claim has been approved and will be paid.",
    rejected: `Your claim has been rejected: ${options.message ?? ""}`,
    queried: `The coordinator has a question about your claim: ${options.message ?? ""}\nPlease answer it in Tandem.`,
  } as const;
  await mailTo(tx, options.mailer, claim.mentorPersonId, {
    subject: `${scheme?.name ?? "Mentoring"}: your claim ${status === "queried" ? "has a question" : `is ${status}`}`,
    text: [words[status], "", appLink(options.publicUrl, `relationships/${claim.relationshipId}`)].join("\n"),
  });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: `claim.${status}`, subjectId: claim.id });
  return { ok: true as const };
}

function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** Exports the scheme's approved claims not yet exported: marks them, and returns the batch. */
export async function exportClaims(tx: Tx, options: { organisationId: string; schemeId: string; actorPersonId: string; now: Date }) {
  await loadScheme(tx, options.organisationId, options.schemeId);
  const ready = await tx
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.organisationId, options.organisationId), eq(claims.schemeId, options.schemeId), eq(claims.status, "approved"), isNull(claims.exportedAt)))
    .for("update");
  if (ready.length === 0) throw new AppError("CONFLICT", "There are no approved claims waiting to be exported");
  const [batch] = await tx
    .insert(claimExports)
    .values({ organisationId: options.organisationId, schemeId: options.schemeId, createdByPersonId: options.actorPersonId, createdAt: options.now, claimCount: ready.length })
    .returning({ id: claimExports.id });
  await tx
    .update(claims)
    .set({ exportId: batch!.id, exportedAt: options.now })
    .where(and(eq(claims.organisationId, options.organisationId), inArray(claims.id, ready.map((r) => r.id))));
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: "claims.exported", subjectId: batch!.id });
  return { exportId: batch!.id, claimCount: ready.length };
}

/** One export batch's claims, in finance's layout. */
async function batchRows(tx: Tx, options: { organisationId: string; schemeId: string; exportId: string }) {
  const ids = (await tx.select({ id: claims.id }).from(claims).where(and(eq(claims.organisationId, options.organisationId), eq(claims.schemeId, options.schemeId), eq(claims.exportId, options.exportId)))).map((r) => r.id);
  if (ids.length === 0) throw new AppError("NOT_FOUND", "That export is not in this scheme");
  const rows = await claimRows(tx, { ...options, claimIds: ids });
  const [scheme] = await tx.select({ name: schemes.name }).from(schemes).where(and(eq(schemes.organisationId, options.organisationId), eq(schemes.id, options.schemeId)));
  const costCentres = new Map<number, string>();
  for (const v of new Set(rows.map((r) => r.claim.rulesVersion))) {
    const rules = await rulesOf(tx, { organisationId: options.organisationId, schemeId: options.schemeId, rulesVersion: v });
    costCentres.set(v, rules.remuneration.kind === "per_meeting" ? (rules.remuneration.costCentre ?? "") : "");
  }
  return { schemeName: scheme?.name ?? "", rows, costCentres };
}

export async function exportCsv(tx: Tx, options: { organisationId: string; schemeId: string; exportId: string }) {
  const { schemeName, rows, costCentres } = await batchRows(tx, options);
  const lines = [financeExportColumns.join(",")];
  for (const r of rows) {
    lines.push(
      [r.mentorName, r.registration ?? "", schemeName, isoDate(r.meetingAt), (r.claim.feePence / 100).toFixed(2), (r.claim.expensesPence / 100).toFixed(2), costCentres.get(r.claim.rulesVersion) ?? "", r.approverName, isoDate(r.claim.decidedAt)]
        .map(csvCell)
        .join(","),
    );
  }
  return { filename: `claims-${isoDate(rows[0]?.claim.exportedAt ?? null)}-${options.exportId.slice(0, 8)}.csv`, text: lines.join("\r\n") + "\r\n" };
}

/** A remittance summary per mentor: each mentor's claims in the batch and their total. */
export async function remittancePdf(tx: Tx, options: { organisationId: string; schemeId: string; exportId: string }): Promise<{ filename: string; bytes: Uint8Array }> {
  const { schemeName, rows } = await batchRows(tx, options);
  const byMentor = new Map<string, typeof rows>();
  for (const r of rows) byMentor.set(r.claim.mentorPersonId, [...(byMentor.get(r.claim.mentorPersonId) ?? []), r]);
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `Remittance summary: ${schemeName}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  let first = true;
  for (const list of byMentor.values()) {
    if (!first) doc.addPage();
    first = false;
    const m = list[0]!;
    doc.fontSize(18).text("Remittance summary");
    doc.moveDown(0.5).fontSize(12).text(schemeName);
    doc.text(`Payee: ${m.mentorName}${m.registration ? ` (registration ${m.registration})` : ""}`);
    doc.moveDown();
    let total = 0;
    for (const r of list) {
      const amount = r.claim.feePence + r.claim.expensesPence;
      total += amount;
      doc.text(`${isoDate(r.meetingAt)}  ${r.kind} meeting, ${r.heldMinutes ?? r.minutes} minutes  fee ${formatMoney(r.claim.feePence)}  expenses ${formatMoney(r.claim.expensesPence)}  approved ${isoDate(r.claim.decidedAt)} by ${r.approverName}`);
    }
    doc.moveDown().fontSize(13).text(`Total: ${formatMoney(total)}`);
  }
  doc.end();
  await done;
  return { filename: `remittance-${options.exportId.slice(0, 8)}.pdf`, bytes: new Uint8Array(Buffer.concat(chunks)) };
}
