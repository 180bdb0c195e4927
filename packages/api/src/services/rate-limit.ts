// Sign-in throttling, kept in PostgreSQL so every server process shares it. It is checked before
// any password hashing, so a flood is turned away cheaply.
import { and, count, eq, gt, lt } from "drizzle-orm";
import { type Database, signInAttempts } from "@tandem/db";

export const signInLimits = {
  windowMs: 15 * 60 * 1000,
  /** Failed attempts on one account within the window. */
  perAccount: 5,
  /** Failed attempts from one address within the window. Generous: a whole hospital may sign in
   * from one NAT address, so only failures count. */
  perAddress: 50,
};

export async function isSignInAllowed(
  db: Database,
  options: { accountKey: string; address: string; now: Date },
): Promise<boolean> {
  const since = new Date(options.now.getTime() - signInLimits.windowMs);
  const [[account], [address]] = await Promise.all([
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.accountKey, options.accountKey),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.attemptedAt, since),
        ),
      ),
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(
        and(
          eq(signInAttempts.address, options.address),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.attemptedAt, since),
        ),
      ),
  ]);
  return (account?.n ?? 0) < signInLimits.perAccount && (address?.n ?? 0) < signInLimits.perAddress;
}

export async function recordSignInAttempt(
  db: Database,
  options: { accountKey: string; address: string; succeeded: boolean; now: Date },
): Promise<void> {
  await db.insert(signInAttempts).values({
    accountKey: options.accountKey,
    address: options.address,
    succeeded: options.succeeded,
    attemptedAt: options.now,
  });
  // Keep the table small: attempts older than a day no longer matter.
  if (Math.random() < 0.01) {
    await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, new Date(options.now.getTime() - 86_400_000)));
  }
}
