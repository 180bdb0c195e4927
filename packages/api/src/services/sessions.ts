// Sessions after Lucia's guide: token "<id>.<secret>", id stored, secret stored only as SHA-256 and
// compared in constant time; sliding expiry within an absolute lifetime; revocable at once.
import { and, eq, lt, or } from "drizzle-orm";
import { sessions } from "@tandem/db";
import type { Queryable } from "../queryable";
import { generateSecret, hashSecret, secretMatches } from "../auth/tokens";

const day = 24 * 60 * 60 * 1000;
/** Idle timeout: a session unused this long ends. */
export const sessionIdleMs = 14 * day;
/** Extend when less than this remains, so we do not write on every request. */
const refreshWhenRemainingMs = 7 * day;
/** However active, a session ends this long after sign-in. */
export const sessionAbsoluteMs = 30 * day;

export interface SessionRecord {
  id: string;
  personId: string;
  activeOrganisationId: string | null;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

export async function createSession(
  db: Queryable,
  options: { personId: string; activeOrganisationId?: string | null; userAgent?: string | null; now: Date },
): Promise<{ token: string; session: SessionRecord }> {
  const id = generateSecret();
  const secret = generateSecret();
  const session: SessionRecord = {
    id,
    personId: options.personId,
    activeOrganisationId: options.activeOrganisationId ?? null,
    expiresAt: new Date(options.now.getTime() + sessionIdleMs),
    absoluteExpiresAt: new Date(options.now.getTime() + sessionAbsoluteMs),
  };
  await db.insert(sessions).values({
    ...session,
    secretHash: hashSecret(secret),
    createdAt: options.now,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  return { token: `${id}.${secret}`, session };
}

/** Returns the session and whether its expiry moved (so the cookie must be re-sent). */
export async function validateSessionToken(
  db: Queryable,
  token: string,
  now: Date,
): Promise<{ session: SessionRecord; refreshed: boolean } | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!row || !secretMatches(secret, row.secretHash)) return null;
  if (now >= row.expiresAt || now >= row.absoluteExpiresAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const session: SessionRecord = {
    id: row.id,
    personId: row.personId,
    activeOrganisationId: row.activeOrganisationId,
    expiresAt: row.expiresAt,
    absoluteExpiresAt: row.absoluteExpiresAt,
  };
  if (row.expiresAt.getTime() - now.getTime() < refreshWhenRemainingMs) {
    const extended = new Date(Math.min(now.getTime() + sessionIdleMs, row.absoluteExpiresAt.getTime()));
    if (extended > row.expiresAt) {
      session.expiresAt = extended;
      await db.update(sessions).set({ expiresAt: extended }).where(eq(sessions.id, id));
      return { session, refreshed: true };
    }
  }
  return { session, refreshed: false };
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateAllSessions(db: Queryable, personId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.personId, personId));
}

export async function setActiveOrganisation(
  db: Queryable,
  sessionId: string,
  organisationId: string,
): Promise<void> {
  await db.update(sessions).set({ activeOrganisationId: organisationId }).where(eq(sessions.id, sessionId));
}

/** Housekeeping: remove sessions past either expiry. */
export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db
    .delete(sessions)
    .where(and(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now))));
}
