// Test support: a fresh database per file, people and organisations made directly, and callers
// that carry a session cookie the way a browser would.
import { type Database, memberships, organisations, people, platformRoles, withTenant } from "@tandem/db";
import { createTestDatabase } from "@tandem/db/testing";
import type { MembershipRoleName, OrganisationKind, PlatformRoleName } from "@tandem/core";
import { hashPassword } from "../src/auth/passwords";
import { createContext } from "../src/context";
import { createCaller } from "../src/root";
import { createMailer } from "../src/services/mail";
import type { ApiDeps } from "../src/config";

export const password = "correct horse battery";

export async function setup(overrides: Partial<Omit<ApiDeps, "db" | "now">> = {}) {
  const database = await createTestDatabase();
  let clock = new Date("2026-11-23T09:00:00Z");
  const deps: ApiDeps = {
    db: database.db,
    mailer: createMailer({}),
    publicUrl: "http://localhost:3000",
    secureCookies: false,
    now: () => clock,
    ...overrides,
  };
  return {
    ...database,
    deps,
    setNow(date: Date) {
      clock = date;
    },
    advance(ms: number) {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

export type TestEnv = Awaited<ReturnType<typeof setup>>;

/** A browser-like client: keeps the session cookie between calls. */
export function browser(deps: ApiDeps, options: { address?: string; secure?: boolean } = {}) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const client = {
    setCookies,
    cookieHeader: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    async caller() {
      const headers = new Headers();
      const cookie = client.cookieHeader();
      if (cookie) headers.set("cookie", cookie);
      const ctx = await createContext(
        { ...deps, secureCookies: options.secure ?? deps.secureCookies },
        {
          headers,
          address: options.address ?? "203.0.113.7",
          setCookie(value) {
            setCookies.push(value);
            const [pair] = value.split(";");
            const index = pair!.indexOf("=");
            const name = pair!.slice(0, index);
            const content = pair!.slice(index + 1);
            if (content === "" || /Max-Age=0/.test(value)) jar.delete(name);
            else jar.set(name, content);
          },
        },
      );
      return createCaller(ctx);
    },
    async signIn(email: string, pw = password) {
      return (await client.caller()).auth.signIn({ email, password: pw });
    },
  };
  return client;
}

let counter = 0;

export async function makeOrganisation(db: Database, name: string, kind: OrganisationKind = "trust") {
  counter += 1;
  const [org] = await db
    .insert(organisations)
    .values({
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${counter}`,
      kind,
      region: "North East and Yorkshire",
      contactName: "Mentoring team",
      contactEmail: "mentoring@example.org",
    })
    .returning();
  return org!;
}

export async function makePerson(
  db: Database,
  options: {
    email: string;
    name?: string;
    memberOf?: { organisationId: string; roles: MembershipRoleName[] }[];
    platformRoles?: PlatformRoleName[];
    password?: string | null;
  },
) {
  const [person] = await db
    .insert(people)
    .values({
      email: options.email,
      name: options.name ?? options.email.split("@")[0]!,
      passwordHash: options.password === null ? null : await hashPassword(options.password ?? password),
    })
    .returning();
  for (const membership of options.memberOf ?? []) {
    await withTenant(db, { organisationId: membership.organisationId }, (tx) =>
      tx.insert(memberships).values({ ...membership, personId: person!.id }),
    );
  }
  for (const role of options.platformRoles ?? []) {
    await db.insert(platformRoles).values({ personId: person!.id, role });
  }
  return person!;
}

/** The error a tRPC call failed with, for asserting its code and fields. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; cause?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
