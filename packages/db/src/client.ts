// Starting the database for a server process, and running work inside a tenant or person context.
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { assertSafeDatabaseRole } from "./app-role";
import { startEmbeddedServer } from "./embedded";
import { prepareDatabase } from "./migrate";
import * as schema from "./schema";
import type { Database, Tx } from "./types";
import { redactUrl, withCredentials } from "./urls";

export interface DatabaseHandle {
  /** Connected as the app login role: not the owner, not a superuser, not BYPASSRLS. */
  db: Database;
  ownerUrl: string;
  appUrl: string;
  embedded: boolean;
  /** `select 1` through the app pool; false on any error (for /healthz). */
  ping(): Promise<boolean>;
  /** Ends the pool, then stops the embedded server if this handle started it. */
  close(): Promise<void>;
}

export interface StartDatabaseOptions {
  /** An existing PostgreSQL 15+ database, used as its owner. Without it an embedded server starts. */
  databaseUrl?: string;
  /** Where the embedded server keeps its cluster (unused with databaseUrl). */
  dataDir: string;
  log?: (line: string) => void;
}

/** The app pool: a drizzle database over postgres.js, connected as the app login role. */
export function connectApp(appUrl: string, options: { max?: number } = {}): { db: Database; client: postgres.Sql } {
  const client = postgres(appUrl, { max: options.max ?? 10, onnotice: () => {} });
  return { db: drizzle(client, { schema }), client };
}

/**
 * Start (or reach) PostgreSQL, migrate it as the owner, provision the app login role and connect as
 * that role. Refuses to return a connection that row-level security would not bind.
 */
export async function startDatabase(opts: StartDatabaseOptions): Promise<DatabaseHandle> {
  const log = opts.log ?? (() => {});
  const embedded = opts.databaseUrl ? undefined : await startEmbeddedServer({ dataDir: opts.dataDir, log });
  const ownerUrl = opts.databaseUrl ?? embedded!.ownerUrl;
  let client: postgres.Sql | undefined;
  try {
    log(`Migrating ${redactUrl(ownerUrl)}`);
    const login = await prepareDatabase(ownerUrl);
    const appUrl = withCredentials(ownerUrl, login.roleName, login.password);
    const app = connectApp(appUrl);
    client = app.client;
    await assertSafeDatabaseRole(app.db);
    const pool = client;
    return {
      db: app.db,
      ownerUrl,
      appUrl,
      embedded: Boolean(embedded),
      async ping() {
        try {
          await pool`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await pool.end({ timeout: 5 });
        await embedded?.stop();
      },
    };
  } catch (error) {
    await client?.end({ timeout: 5 });
    await embedded?.stop();
    throw error;
  }
}

/**
 * One transaction inside an organisation: row-level security shows and accepts only its rows.
 * The settings are transaction-local, so a pooled connection carries nothing to the next caller.
 */
export function withTenant<T>(
  db: Database,
  ctx: { organisationId: string; personId?: string | null },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.organisation_id', ${ctx.organisationId}, true), set_config('app.person_id', ${ctx.personId ?? ""}, true)`,
    );
    return fn(tx);
  });
}

/** One transaction as a person outside any organisation: they see their own memberships only. */
export function withPerson<T>(db: Database, personId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.person_id', ${personId}, true)`);
    return fn(tx);
  });
}

/** One read-only transaction as a calendar feed: it sees only the feed row whose token hashes to `tokenHash`. */
export function withFeedToken<T>(db: Database, tokenHash: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.feed_token_hash', ${tokenHash}, true)`);
      return fn(tx);
    },
    { accessMode: "read only" },
  );
}

/**
 * One transaction following an emailed password reset link: it sees only the reset row whose token
 * hashes to `tokenHash`, and may mark it used. Once the row names its person, `fn` may add
 * `app.person_id` (see `actAsPerson`) to end that person's other links.
 */
export function withPasswordResetToken<T>(
  db: Database,
  tokenHash: string,
  fn: (tx: Tx) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.password_reset_token_hash', ${tokenHash}, true)`);
      return fn(tx);
    },
    options.readOnly ? { accessMode: "read only" } : undefined,
  );
}

/** Inside an open transaction: act as this person from here on (transaction-local, like withPerson). */
export async function actAsPerson(tx: Tx, personId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.person_id', ${personId}, true)`);
}

/**
 * One read-only transaction for the public directory: listed, open schemes of every organisation
 * (and their current rules) are visible, nothing else of any tenant.
 */
export function withDirectory<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.directory', 'on', true)`);
      return fn(tx);
    },
    { accessMode: "read only" },
  );
}
