// Throttling of sign-in and of password reset requests, kept in PostgreSQL so every server process
// shares it (decision 006). It is checked before any password hashing or mail, so a flood is turned
// away cheaply. The account key is the address as typed, so limits apply whether or not an account
// exists, and a refusal says nothing about which addresses have one.
import { and, count, eq, gt, lt, type SQL } from "drizzle-orm";
import { type Database, signInAttempts } from "@tandem/db";

type AttemptKind = "sign_in" | "password_reset";

export const signInLimits = {
  windowMs: 15 * 60 * 1000,
  /** Failed attempts on one account within the window. */
  perAccount: 5,
  /** Failed attempts from one address within the window. Generous: a whole hospital may sign in
   * from one NAT address, so only failures count. */
  perAddress: 50,
};

/** Every request counts (each may send an email), whether or not the address has an account. */
export const passwordResetLimits = {
  windowMs: 15 * 60 * 1000,
  /** Requests for one address within the window: enough for a lost email or two, not a flood. */
  perAccount: 3,
  /** Requests from one network address within the window. */
  perAddress: 30,
};

async function recentCount(db: Database, kind: AttemptKind, since: Date, ...where: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.kind, kind), gt(signInAttempts.attemptedAt, since), ...where));
  return row?.n ?? 0;
}

async function isAllowed(
  db: Database,
  kind: AttemptKind,
  limits: { windowMs: number; perAccount: number; perAddress: number },
  options: { accountKey: string; address: string; now: Date; onlyFailures: boolean },
): Promise<boolean> {
  const since = new Date(options.now.getTime() - limits.windowMs);
  const failures = options.onlyFailures ? [eq(signInAttempts.succeeded, false)] : [];
  const [account, address] = await Promise.all([
    recentCount(db, kind, since, eq(signInAttempts.accountKey, options.accountKey), ...failures),
    recentCount(db, kind, since, eq(signInAttempts.address, options.address), ...failures),
  ]);
  return account < limits.perAccount && address < limits.perAddress;
}

async function record(
  db: Database,
  kind: AttemptKind,
  options: { accountKey: string; address: string; succeeded: boolean; now: Date },
): Promise<void> {
  await db.insert(signInAttempts).values({
    kind,
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

export function isSignInAllowed(db: Database, options: { accountKey: string; address: string; now: Date }): Promise<boolean> {
  return isAllowed(db, "sign_in", signInLimits, { ...options, onlyFailures: true });
}

export function recordSignInAttempt(
  db: Database,
  options: { accountKey: string; address: string; succeeded: boolean; now: Date },
): Promise<void> {
  return record(db, "sign_in", options);
}

export function isPasswordResetAllowed(db: Database, options: { accountKey: string; address: string; now: Date }): Promise<boolean> {
  return isAllowed(db, "password_reset", passwordResetLimits, { ...options, onlyFailures: false });
}

/** `succeeded`: whether a link was sent (the address has an account). Kept for the operator, never told to the caller. */
export function recordPasswordResetRequest(
  db: Database,
  options: { accountKey: string; address: string; succeeded: boolean; now: Date },
): Promise<void> {
  return record(db, "password_reset", options);
}
