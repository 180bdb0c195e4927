// A clock the browser tests can move, so a test of a year of mentoring need not wait a year. Only
// when TANDEM_TEST_CLOCK_FILE is set (Playwright's config sets it; nothing else should): the file
// holds how far ahead of the real time the server's clock runs, in milliseconds, and is read on
// every tick, so the test moves time by rewriting it. Time keeps flowing from the moved point.
//
// Jobs due by the moved clock are due in the database's future, where pg-boss's workers (which
// fetch by the database's clock) would leave them; a sweep runs them each second through
// runDueJobs, the same completion, retries and dead letters as the workers, with this clock.
import { readFileSync } from "node:fs";
import { type Database } from "@tandem/db";
import { type JobHandler, runDueJobs } from "@tandem/api";

export interface TestClock {
  now: () => Date;
  /** Runs the jobs due by this clock every `everyMs` until stopped. */
  sweep: (
    db: Database,
    handlers: Record<string, JobHandler>,
    log: (line: string) => void,
    everyMs?: number,
  ) => () => Promise<void>;
}

/** The offset in a clock file: an integer of milliseconds, or 0 when the file is missing or empty. */
export function readOffset(file: string): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    return 0;
  }
  if (text === "") return 0;
  if (!/^-?\d+$/.test(text))
    throw new Error(
      `The test clock file ${file} must hold a whole number of milliseconds, not "${text.slice(0, 40)}".`,
    );
  return Number(text);
}

export function createTestClock(file: string): TestClock {
  const now = () => new Date(Date.now() + readOffset(file));
  return {
    now,
    sweep(db, handlers, log, everyMs = 1_000) {
      let running: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        running = running
          .then(() => runDueJobs(db, { handlers, now: now(), log }))
          .catch((error: unknown) =>
            log(
              `[clock] sweep failed: ${error instanceof Error ? error.message : "unknown error"}`,
            ),
          );
      }, everyMs);
      timer.unref();
      return async () => {
        clearInterval(timer);
        await running;
      };
    },
  };
}
