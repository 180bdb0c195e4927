// The request context: who is calling (session and person) and where the response's cookies go.
import { eq } from "drizzle-orm";
import { people, platformRoles } from "@tandem/db";
import type { ApiDeps } from "./config";
import { readCookie, serializeSessionCookie, sessionCookieName } from "./auth/cookies";
import { type SessionRecord, validateSessionToken } from "./services/sessions";
import type { PlatformRoleName } from "./roles";

export interface RequestInfo {
  headers: Headers;
  /** The caller's network address, for rate limiting. */
  address: string;
  /** Appends a Set-Cookie header to the response. */
  setCookie: (cookie: string) => void;
}

export interface CallerPerson {
  id: string;
  name: string;
  email: string;
  platformRoles: PlatformRoleName[];
}

export interface Context extends ApiDeps {
  req: RequestInfo;
  now: () => Date;
  session: SessionRecord | null;
  person: CallerPerson | null;
}

export async function createContext(deps: ApiDeps, req: RequestInfo): Promise<Context> {
  const now = deps.now ?? (() => new Date());
  const base = { ...deps, req, now, session: null, person: null };
  const token = readCookie(req.headers.get("cookie"), sessionCookieName(deps.secureCookies));
  if (!token) return base;
  const result = await validateSessionToken(deps.db, token, now());
  if (!result) return base;
  if (result.refreshed) {
    req.setCookie(serializeSessionCookie(token, result.session.expiresAt, deps.secureCookies));
  }
  const [person] = await deps.db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(eq(people.id, result.session.personId))
    .limit(1);
  if (!person) return base;
  const roles = await deps.db
    .select({ role: platformRoles.role })
    .from(platformRoles)
    .where(eq(platformRoles.personId, person.id));
  return {
    ...base,
    session: result.session,
    person: { ...person, platformRoles: roles.map((r) => r.role) },
  };
}
