// The server as a process: embedded PostgreSQL that survives restarts, two servers side by side
// (on one database they share the job queue: each job runs once), DATABASE_URL, and a graceful stop
// on SIGTERM and SIGINT.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";

const appDir = path.resolve(import.meta.dirname, "..");
const dirs: string[] = [];
const children = new Set<ChildProcess>();

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(env: Record<string, string | undefined>): Promise<Running> {
  const port = await freePort();
  const { DATABASE_URL: _omit, ...rest } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: appDir,
    env: { ...rest, PORT: String(port), NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 45_000;
  while (!output.includes("Tandem is running on")) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, output: () => output, exited };
}

const health = (port: number) => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.json());

function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tandem-lifecycle-"));
  // The embedded server runs as the postgres system user under root: it must be able to enter.
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

describe("embedded PostgreSQL", () => {
  it("runs two servers side by side, stops gracefully, and reuses the data on restart", async () => {
    const [dirA, dirB] = [newDataDir(), newDataDir()];
    const [a, b] = await Promise.all([startServer({ TANDEM_DATA_DIR: dirA }), startServer({ TANDEM_DATA_DIR: dirB })]);
    expect(await health(a.port)).toEqual({ status: "ok" });
    expect(await health(b.port)).toEqual({ status: "ok" });
    expect(a.output()).toContain("Demo sign-in details");
    expect(a.output()).toMatch(/\S+@\S+\s+tandem-demo-2026\s+Platform admin/);
    expect(existsSync(path.join(dirA, "pg", "postmaster.pid")) || a.output().includes("embedded PostgreSQL ready")).toBe(true);

    a.child.kill("SIGTERM");
    expect(await a.exited).toBe(0);
    expect(a.output()).toContain("[server] stopped");
    await expect(fetch(`http://127.0.0.1:${a.port}/healthz`)).rejects.toThrow();
    // B is unaffected by A stopping.
    expect(await health(b.port)).toEqual({ status: "ok" });

    const again = await startServer({ TANDEM_DATA_DIR: dirA });
    expect(await health(again.port)).toEqual({ status: "ok" });
    expect(again.output()).not.toContain("empty database");
    again.child.kill("SIGINT");
    b.child.kill("SIGINT");
    expect(await again.exited).toBe(0);
    expect(await b.exited).toBe(0);
  });

  it("finishes a request that is in flight when SIGTERM arrives", async () => {
    const server = await startServer({ TANDEM_DATA_DIR: newDataDir() });
    // A sign-in hashes a password: slow enough to still be running when the signal lands.
    const inFlight = fetch(`http://127.0.0.1:${server.port}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "nobody@example.org", password: "some password" } }),
    });
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(401);
    expect(await server.exited).toBe(0);
  });
});

describe("DATABASE_URL", () => {
  it("uses the given server instead of starting one", async () => {
    const { serverUrl } = inject("tandemDatabaseServer");
    const name = `tandem_lifecycle_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      const server = await startServer({ DATABASE_URL: url.toString(), TANDEM_DATA_DIR: newDataDir() });
      expect(server.output()).toContain("connected to DATABASE_URL");
      expect(await health(server.port)).toEqual({ status: "ok" });
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it("runs two servers on one database, and a committed change's email is sent by exactly one of them", async () => {
    const { serverUrl } = inject("tandemDatabaseServer");
    const name = `tandem_lifecycle_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      // One at a time, so that the first seeds the demo data and the second finds it.
      const a = await startServer({ DATABASE_URL: url.toString(), TANDEM_DATA_DIR: newDataDir() });
      const b = await startServer({ DATABASE_URL: url.toString(), TANDEM_DATA_DIR: newDataDir() });
      const [orgAdmin] = await owner<{ email: string; organisationId: string }[]>`
        select p.email, m.organisation_id as "organisationId" from people p join memberships m on m.person_id = p.id
        where 'org_admin' = any(m.roles) order by p.email limit 1`;
      const signIn = await fetch(`http://127.0.0.1:${a.port}/api/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { email: orgAdmin!.email, password: "tandem-demo-2026" } }),
      });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const invitee = `new.colleague.${Date.now()}@example.org`;
      const invite = await fetch(`http://127.0.0.1:${a.port}/api/trpc/organisation.invite`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ json: { organisationId: orgAdmin!.organisationId, email: invitee, name: "New Colleague", roles: ["participant"] } }),
      });
      expect(invite.status).toBe(200);
      // Without SMTP_URL the mail.deliver job prints the message: whichever server took the job.
      const printed = () => [a, b].map((server) => server.output().split(`[mail] to ${invitee}:`).length - 1);
      const deadline = Date.now() + 20_000;
      while (printed()[0]! + printed()[1]! === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // Time for a second delivery, were there going to be one.
      await new Promise((r) => setTimeout(r, 3000));
      expect(printed()[0]! + printed()[1]!).toBe(1);
      const [job] = await owner<{ state: string }[]>`select state from pgboss.job where name = 'mail.deliver'`;
      expect(job).toEqual({ state: "completed" });
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      expect(await a.exited).toBe(0);
      expect(await b.exited).toBe(0);
    } finally {
      await owner.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it("refuses to start with a bad DATABASE_URL, saying why", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      cwd: appDir,
      env: { ...process.env, PORT: String(port), DATABASE_URL: "not a url" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL must be a URL");
  });
});
