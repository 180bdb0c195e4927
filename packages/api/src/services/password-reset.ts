// Password reset by emailed link. A request answers the same whether or not the address has an
// account; the link works once, for 30 minutes, and only its token's hash is stored. Setting the new
// password ends every session of the person, and every other link they were sent. Mail goes through
// the outbox in the same transaction, so it leaves only after commit.
import { resetLinkTexts, type ClosedResetLink } from "@tandem/core";
import { and, eq, isNull } from "drizzle-orm";
import { actAsPerson, type Database, passwordResets, people, type Tx, withPasswordResetToken, withPerson } from "@tandem/db";
import { hashPassword } from "../auth/passwords";
import { generateSecret, hashSecretHex } from "../auth/tokens";
import { AppError } from "../errors";
import type { Mailer } from "./mail";
import { normaliseEmail } from "./auth";
import { isPasswordResetAllowed, recordPasswordResetRequest } from "./rate-limit";
import { invalidateAllSessions } from "./sessions";

export const passwordResetLifetimeMs = 30 * 60 * 1000;

export const tooManyResetRequests =
  "You have asked for too many links to reset your password. Wait 15 minutes, then try again.";

export type ResetLinkApp = "portal" | "pwa";

export function passwordResetLink(publicUrl: string, app: ResetLinkApp, token: string): string {
  const base = publicUrl.replace(/\/$/, "");
  return `${base}${app === "pwa" ? "/app" : ""}/reset-password/${token}`;
}

export async function requestPasswordReset(
  db: Database,
  options: { email: string; app: ResetLinkApp; address: string; mailer: Mailer; publicUrl: string; now: Date },
): Promise<{ ok: true }> {
  const accountKey = normaliseEmail(options.email);
  if (!(await isPasswordResetAllowed(db, { accountKey, address: options.address, now: options.now }))) {
    throw new AppError("TOO_MANY_REQUESTS", tooManyResetRequests);
  }
  const [person] = await db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.email, accountKey)).limit(1);
  await recordPasswordResetRequest(db, { accountKey, address: options.address, succeeded: Boolean(person), now: options.now });
  // No account: nothing is sent, and the caller hears exactly what they would have heard otherwise.
  if (!person) return { ok: true };
  await withPerson(db, person.id, async (tx) => {
    await endOpenLinks(tx, person.id, options.now);
    const token = generateSecret();
    const expiresAt = new Date(options.now.getTime() + passwordResetLifetimeMs);
    await tx.insert(passwordResets).values({ personId: person.id, tokenHash: hashSecretHex(token), createdAt: options.now, expiresAt });
    await options.mailer.send(tx, {
      to: person.email,
      subject: "Reset your Tandem password",
      text: [
        `Dear ${person.name},`,
        "",
        "Someone asked to reset the password of your Tandem account. If it was you, set a new password here:",
        "",
        passwordResetLink(options.publicUrl, options.app, token),
        "",
        "The link works once, for 30 minutes. Setting a new password signs you out on every device.",
        "",
        "If you did not ask, you can ignore this email: your password stays as it is.",
      ].join("\n"),
    });
  });
  return { ok: true };
}

/** Ends the person's links that are still open (a newer one replaces them, or one was used). */
async function endOpenLinks(tx: Tx, personId: string, now: Date) {
  await tx
    .update(passwordResets)
    .set({ revokedAt: now })
    .where(and(eq(passwordResets.personId, personId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
}

export type PasswordResetStatus = "ready" | ClosedResetLink;

function statusOf(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | undefined, now: Date): PasswordResetStatus {
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.revokedAt) return "replaced";
  if (now >= row.expiresAt) return "expired";
  return "ready";
}

/** "This link has expired. Links to reset your password work for 30 minutes..." (the words both apps show). */
export function closedLinkMessage(status: ClosedResetLink): string {
  const text = resetLinkTexts[status];
  return `${text.title}. ${text.body}`;
}

/** Whether a link can still set a password (a read: it changes nothing). */
export async function describePasswordReset(db: Database, options: { token: string; now: Date }): Promise<{ status: PasswordResetStatus }> {
  const row = await withPasswordResetToken(
    db,
    hashSecretHex(options.token),
    async (tx) => (await tx.select().from(passwordResets).limit(1))[0],
    { readOnly: true },
  );
  return { status: statusOf(row, options.now) };
}

export async function resetPassword(
  db: Database,
  options: { token: string; password: string; mailer: Mailer; now: Date },
): Promise<{ ok: true }> {
  const tokenHash = hashSecretHex(options.token);
  // Hash before the transaction: argon2 is slow, and a row lock should not wait on it.
  const passwordHash = await hashPassword(options.password);
  return withPasswordResetToken(db, tokenHash, async (tx) => {
    const [row] = await tx.select().from(passwordResets).limit(1);
    const status = statusOf(row, options.now);
    if (!row || status !== "ready") {
      throw new AppError(status === "invalid" ? "NOT_FOUND" : "CONFLICT", closedLinkMessage(status as ClosedResetLink));
    }
    // Single use, even when two requests race: only one update finds the link still open.
    const used = await tx
      .update(passwordResets)
      .set({ usedAt: options.now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)))
      .returning({ personId: passwordResets.personId });
    if (used.length === 0) throw new AppError("CONFLICT", closedLinkMessage("used"));
    await actAsPerson(tx, row.personId);
    await endOpenLinks(tx, row.personId, options.now);
    const [person] = await tx
      .update(people)
      .set({ passwordHash, passwordChangedAt: options.now })
      .where(eq(people.id, row.personId))
      .returning({ name: people.name, email: people.email });
    await invalidateAllSessions(tx, row.personId);
    if (person) {
      await options.mailer.send(tx, {
        to: person.email,
        subject: "Your Tandem password has been changed",
        text: [
          `Dear ${person.name},`,
          "",
          `The password of your Tandem account was changed on ${options.now.toUTCString()}, using a link sent to this address. You have been signed out on every device.`,
          "",
          "If you did not do this, ask for a new link to reset your password straight away, and tell your organisation's contact for Tandem.",
        ].join("\n"),
      });
    }
    return { ok: true as const };
  });
}
