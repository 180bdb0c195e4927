// vitest globalSetup: one PostgreSQL (DATABASE_URL or an embedded server in a temp dir) and one
// migrated template database per test run; test files clone it with createTestDatabase().
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer, type EmbeddedServer } from "../embedded";
import { prepareDatabase } from "../migrate";
import { withDatabase } from "../urls";
import "./context";
import { testEnv } from "./env";
import { quoteIdent, uniqueName } from "./names";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedServer | undefined;
  let tempDir: string | undefined;
  let serverUrl = testEnv.DATABASE_URL;
  if (!serverUrl) {
    tempDir = await mkdtemp(path.join(tmpdir(), "tandem-test-"));
    // The embedded server runs as the postgres system user under root and must enter the directory.
    await chmod(tempDir, 0o711);
    embedded = await startEmbeddedServer({ dataDir: tempDir });
    serverUrl = embedded.serverUrl;
  }

  const templateName = uniqueName("tandem_tpl");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let appRole: string | undefined;
  const teardown = async () => {
    try {
      await admin.unsafe(`drop database if exists ${quoteIdent(templateName)} with (force)`);
      // The role is cluster-wide; clones that were not dropped would still name it, so best effort.
      if (appRole) await admin.unsafe(`drop role if exists ${quoteIdent(appRole)}`).catch(() => {});
    } finally {
      await admin.end();
      await embedded?.stop();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    }
  };

  try {
    await admin.unsafe(`create database ${quoteIdent(templateName)}`);
    const login = await prepareDatabase(withDatabase(serverUrl, templateName));
    appRole = login.roleName;
    project.provide("tandemDatabaseServer", {
      serverUrl,
      templateName,
      appRole: login.roleName,
      appPassword: login.password,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
