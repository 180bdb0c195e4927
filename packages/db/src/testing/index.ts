// Per-file test databases: a fresh clone of the run's migrated template, reached as owner and as app.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { inject } from "vitest";
import * as schema from "../schema";
import type { Database } from "../types";
import { withCredentials, withDatabase } from "../urls";
import "./context";
import { quoteIdent, uniqueName } from "./names";

export type { TestDatabaseServer } from "./context";

export interface TestDatabase {
  /** The app role's connection, subject to row-level security (what the API gets in production). */
  db: Database;
  /** Owner (superuser) pool: arrange fixtures beneath RLS, inspect the catalogue. */
  ownerSql: postgres.Sql;
  /** The app role's pool under `db`. */
  appSql: postgres.Sql;
  ownerUrl: string;
  appUrl: string;
  name: string;
  /** Ends both pools and drops the database. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Create a database cloned from the template. Call once per test file (beforeAll), close in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = inject("tandemDatabaseServer");
  if (!server) {
    throw new Error(
      'No test database server: add globalSetup: ["@tandem/db/testing/global-setup"] to the vitest config.',
    );
  }
  const name = uniqueName("tandem_test");
  const admin = postgres(server.serverUrl, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.unsafe(`create database ${quoteIdent(name)} template ${quoteIdent(server.templateName)}`);
        break;
      } catch (error) {
        // 55006: the template's last connection is still closing; it goes within milliseconds.
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await sleep(100);
      }
    }
  } finally {
    await admin.end();
  }

  const ownerUrl = withDatabase(server.serverUrl, name);
  const appUrl = withCredentials(ownerUrl, server.appRole, server.appPassword);
  const ownerSql = postgres(ownerUrl, { max: 5, onnotice: () => {} });
  const appSql = postgres(appUrl, { max: 5, onnotice: () => {} });
  return {
    db: drizzle(appSql, { schema }),
    ownerSql,
    appSql,
    ownerUrl,
    appUrl,
    name,
    async close() {
      await Promise.all([ownerSql.end({ timeout: 5 }), appSql.end({ timeout: 5 })]);
      const dropper = postgres(server.serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
