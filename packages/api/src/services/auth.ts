// Signing in and out, changing a password. Errors never reveal whether an email has an account.
import { eq } from "drizzle-orm";
import { type Database, people } from "@tandem/db";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { AppError } from "../errors";
import { isSignInAllowed, recordSignInAttempt } from "./rate-limit";
import { createSession, invalidateAllSessions } from "./sessions";

export const wrongCredentials = "Enter a correct email address and password";
export const tooManyAttempts =
  "Too many attempts to sign in. Wait 15 minutes and try again, or ask your coordinator for help.";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signIn(
  db: Database,
  options: { email: string; password: string; address: string; userAgent: string | null; now: Date },
) {
  const accountKey = normaliseEmail(options.email);
  if (!(await isSignInAllowed(db, { accountKey, address: options.address, now: options.now }))) {
    throw new AppError("TOO_MANY_REQUESTS", tooManyAttempts);
  }
  const [person] = await db
    .select({ id: people.id, passwordHash: people.passwordHash })
    .from(people)
    .where(eq(people.email, accountKey))
    .limit(1);
  const ok = await verifyPassword(person?.passwordHash ?? null, options.password);
  await recordSignInAttempt(db, { accountKey, address: options.address, succeeded: ok, now: options.now });
  if (!ok || !person) throw new AppError("UNAUTHORIZED", wrongCredentials);
  return createSession(db, { personId: person.id, userAgent: options.userAgent, now: options.now });
}

/** Changing a password ends every session of the person; the caller gets a fresh one. */
export async function changePassword(
  db: Database,
  options: { personId: string; currentPassword: string; newPassword: string; now: Date },
) {
  const [person] = await db
    .select({ passwordHash: people.passwordHash })
    .from(people)
    .where(eq(people.id, options.personId))
    .limit(1);
  if (!person || !(await verifyPassword(person.passwordHash, options.currentPassword))) {
    throw new AppError("BAD_REQUEST", "Your current password is not correct", {
      currentPassword: ["Your current password is not correct"],
    });
  }
  await setPassword(db, { personId: options.personId, password: options.newPassword, now: options.now });
  return createSession(db, { personId: options.personId, now: options.now });
}

export async function setPassword(db: Database, options: { personId: string; password: string; now: Date }) {
  const passwordHash = await hashPassword(options.password);
  await db
    .update(people)
    .set({ passwordHash, passwordChangedAt: options.now })
    .where(eq(people.id, options.personId));
  await invalidateAllSessions(db, options.personId);
}
