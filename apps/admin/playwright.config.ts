// Browser tests: Playwright starts the real server (tsx server/main.ts) on its own port with a
// fresh embedded PostgreSQL (or DATABASE_URL), and drives Debian's Chromium, since Playwright
// cannot download browsers here.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const usesExternalDatabase = Boolean(process.env.DATABASE_URL);

// Playwright loads this file in the runner and again in each worker; the runner makes the data
// directory and passes it on through the environment, so every process agrees on one directory.
// Set E2E_KEEP_DATA=1 to keep it for a look afterwards.
function e2eDataDir(): string {
  const inherited = process.env.E2E_DATA_DIR;
  if (inherited) return inherited;
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
  // mkdtemp makes it 0700; as root the embedded PostgreSQL runs as the postgres user, who must
  // be able to enter it.
  chmodSync(dataDir, 0o711);
  process.env.E2E_DATA_DIR = dataDir;
  process.on("exit", () => {
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  });
  return dataDir;
}

// The server's clock runs ahead of the real one by the milliseconds in this file, so a test can
// let weeks pass (e2e/support/clock.ts; apps/admin/server/test-clock.ts). Made once, in the runner.
function e2eClockFile(): string {
  const inherited = process.env.E2E_CLOCK_FILE;
  if (inherited) return inherited;
  const dir = mkdtempSync(join(tmpdir(), "tandem-e2e-clock-"));
  const file = join(dir, "offset-ms");
  writeFileSync(file, "0");
  process.env.E2E_CLOCK_FILE = file;
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return file;
}

// A push service for the reminder test runs on https://127.0.0.1 (web push speaks only https) with
// a certificate made here, which the server is told to trust (e2e/support/push-service.ts).
function e2ePushCertificate(): string {
  const inherited = process.env.E2E_PUSH_TLS_DIR;
  if (inherited) return inherited;
  const dir = mkdtempSync(join(tmpdir(), "tandem-e2e-push-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  process.env.E2E_PUSH_TLS_DIR = dir;
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const serverEnv: Record<string, string> = {
  PORT: String(port),
  TANDEM_TEST_CLOCK_FILE: e2eClockFile(),
  NODE_EXTRA_CA_CERTS: join(e2ePushCertificate(), "cert.pem"),
  TANDEM_PUBLIC_URL: process.env.TANDEM_PUBLIC_URL ?? baseURL,
  ...(usesExternalDatabase ? {} : { TANDEM_DATA_DIR: e2eDataDir() }),
};

export default defineConfig({
  testDir: "./e2e",
  // Two cores, one server and one database: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            // We run as root in CI, where Chromium's sandbox cannot start.
            "--no-sandbox",
            // The network is closed: stop Chromium reaching for Google services.
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-gpu",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "tsx server/main.ts", // run in this directory (the config's)
    url: `${baseURL}/healthz`,
    env: serverEnv,
    // First start creates and seeds a database: give it time on a slow machine.
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: process.env.CI ? "pipe" : "ignore",
    stderr: "pipe",
    // Let the server stop its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
