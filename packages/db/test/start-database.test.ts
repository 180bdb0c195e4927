// startDatabase: the embedded server's lifecycle, an external server, and the app-role guard.
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertSafeDatabaseRole,
  isDatabaseEmpty,
  organisations,
  startDatabase,
  UnsafeDatabaseRoleError,
  type DatabaseHandle,
} from "../src";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { uniqueName } from "../src/testing/names";

// Under the repository's .data/ (git-ignored), as the server uses it; removed afterwards.
const root = fileURLToPath(new URL(`../../../.data/${uniqueName("db-test")}/`, import.meta.url));
const open: DatabaseHandle[] = [];

async function start(dir: string): Promise<DatabaseHandle> {
  const handle = await startDatabase({ dataDir: `${root}${dir}` });
  open.push(handle);
  return handle;
}

async function reachable(url: string): Promise<boolean> {
  const probe = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

const demoOrganisation = {
  slug: "kept-across-restarts",
  name: "Kept Across Restarts",
  kind: "icb" as const,
  region: "Test",
  contactName: "Contact",
  contactEmail: "contact@test.example.org",
};

afterAll(async () => {
  for (const handle of open) await handle.close();
  await rm(root, { recursive: true, force: true });
});

describe("startDatabase without a DATABASE_URL", () => {
  it("starts an embedded server, migrates, and keeps the data for the next start", async () => {
    const first = await start("a");
    expect(first.embedded).toBe(true);
    expect(await first.ping()).toBe(true);
    expect(new URL(first.appUrl).username).toMatch(/_login$/);
    expect(await isDatabaseEmpty(first.db)).toBe(true);
    await first.db.insert(organisations).values(demoOrganisation);
    await first.close();
    expect(await first.ping()).toBe(false);
    expect(await reachable(first.ownerUrl)).toBe(false);

    const second = await start("a");
    expect(await isDatabaseEmpty(second.db)).toBe(false);
    const rows = await second.db.select({ slug: organisations.slug }).from(organisations);
    expect(rows).toEqual([{ slug: demoOrganisation.slug }]);
    expect(new URL(second.appUrl).username).toBe(new URL(first.appUrl).username);
  });

  it("runs two servers with different data directories side by side", async () => {
    const [one, two] = await Promise.all([start("b"), start("c")]);
    expect(new URL(one.ownerUrl).port).not.toBe(new URL(two.ownerUrl).port);
    expect(await one.ping()).toBe(true);
    expect(await two.ping()).toBe(true);
    await one.db.insert(organisations).values(demoOrganisation);
    expect(await isDatabaseEmpty(two.db)).toBe(true);
    await Promise.all([one.close(), two.close()]);
    expect(await reachable(one.ownerUrl)).toBe(false);
    expect(await reachable(two.ownerUrl)).toBe(false);
  });
});

describe("a data directory behind a closed parent (a clone under /root)", () => {
  it("still starts and keeps its data, with the cluster somewhere PostgreSQL can reach", async () => {
    const closed = `${root}closed`;
    await mkdir(closed, { recursive: true, mode: 0o700 });
    await chmod(closed, 0o700);
    const dataDir = path.join(closed, "data");
    const first = await startDatabase({ dataDir });
    open.push(first);
    await first.db.insert(organisations).values(demoOrganisation);
    await first.close();
    const again = await startDatabase({ dataDir });
    open.push(again);
    expect(await isDatabaseEmpty(again.db)).toBe(false);
    await again.close();
    if (process.getuid?.() === 0) {
      // As root, PostgreSQL runs as "postgres", which cannot enter the closed parent.
      const note = await readFile(path.join(dataDir, "postgres-location"), "utf8");
      const cluster = note.match(/lives in (\S+)/)?.[1];
      expect(cluster).toMatch(/^\/var\/lib\/tandem\/[0-9a-f]{16}\/postgres,?$/);
      await rm(path.dirname(cluster!.replace(/,$/, "")), { recursive: true, force: true });
    } else {
      expect(existsSync(path.join(dataDir, "postgres", "PG_VERSION"))).toBe(true);
    }
  });
});

describe("startDatabase with a DATABASE_URL", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lets several servers start on one database at once", async () => {
    const handles = await Promise.all([1, 2, 3].map(() => startDatabase({ databaseUrl: t.ownerUrl, dataDir: "unused" })));
    try {
      expect(handles.every((h) => !h.embedded)).toBe(true);
      expect(new Set(handles.map((h) => h.appUrl)).size).toBe(1);
      expect(await Promise.all(handles.map((h) => h.ping()))).toEqual([true, true, true]);
      const [migrations] = await t.ownerSql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(migrations!.n).toBeGreaterThanOrEqual(2);
      const [who] = await handles[0]!.db.execute<{ user: string }>(sql`select current_user as user`);
      expect(who!.user).toBe(new URL(t.appUrl).username);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});

describe("the app-role guard", () => {
  let t: TestDatabase;
  const bypassRole = uniqueName("tandem_bypass");
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.ownerSql.unsafe(`create role ${bypassRole} login password 'bypass' bypassrls in role tandem_app`);
  });
  afterAll(async () => {
    // Roles are cluster-wide: drop it while the owner pool is still open.
    await t?.ownerSql.unsafe(`drop role if exists ${bypassRole}`);
    await t?.close();
  });

  it("refuses a superuser connection", async () => {
    await expect(assertSafeDatabaseRole(drizzle(t.ownerSql))).rejects.toThrow(UnsafeDatabaseRoleError);
    await expect(assertSafeDatabaseRole(drizzle(t.ownerSql))).rejects.toThrow(/superuser/);
  });

  it("refuses a BYPASSRLS role", async () => {
    const url = new URL(t.ownerUrl);
    url.username = bypassRole;
    url.password = "bypass";
    const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await expect(assertSafeDatabaseRole(drizzle(client))).rejects.toThrow(/BYPASSRLS/);
    } finally {
      await client.end();
    }
  });

  it("accepts the provisioned app role", async () => {
    await expect(assertSafeDatabaseRole(t.db)).resolves.toBeUndefined();
  });
});
