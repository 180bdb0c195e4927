// The browser tests' movable clock: the offset file, the refusal outside localhost, and the sweep
// that runs jobs due by the moved clock (which pg-boss's workers, on the database's clock, leave).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { enqueueJob, type JobPayload } from "@tandem/api";
import { createTestDatabase, type TestDatabase } from "@tandem/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../server/env";
import { createTestClock, readOffset } from "../server/test-clock";

const day = 86_400_000;
let dir: string;
let database: TestDatabase;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-clock-test-"));
  database = await createTestDatabase();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await database?.close();
});

describe("the offset file", () => {
  it("is 0 when missing or empty, the number it holds otherwise, and refuses anything else", () => {
    const file = join(dir, "offset");
    expect(readOffset(file)).toBe(0);
    writeFileSync(file, "");
    expect(readOffset(file)).toBe(0);
    writeFileSync(file, `${3 * day}\n`);
    expect(readOffset(file)).toBe(3 * day);
    writeFileSync(file, "-5000");
    expect(readOffset(file)).toBe(-5000);
    writeFileSync(file, "next tuesday");
    expect(() => readOffset(file)).toThrow(/whole number of milliseconds/);
  });

  it("moves the clock as soon as the file changes, and time flows on", () => {
    const file = join(dir, "moving");
    const clock = createTestClock(file);
    // The real time read just before and just after brackets the clock's, plus the offset.
    const between = (offset: number) => {
      const before = Date.now();
      const now = clock.now().getTime();
      const after = Date.now();
      return now >= before + offset && now <= after + offset;
    };
    expect(between(0)).toBe(true);
    writeFileSync(file, String(10 * day));
    expect(between(10 * day)).toBe(true);
    expect(between(0)).toBe(false);
  });
});

describe("the server's configuration", () => {
  it("takes a clock file only for a server on http://localhost or 127.0.0.1", () => {
    expect(readEnv({ TANDEM_TEST_CLOCK_FILE: "/tmp/x", PORT: "3100" }).TANDEM_TEST_CLOCK_FILE).toBe(
      "/tmp/x",
    );
    expect(
      readEnv({ TANDEM_TEST_CLOCK_FILE: "/tmp/x", TANDEM_PUBLIC_URL: "http://127.0.0.1:3100" })
        .TANDEM_TEST_CLOCK_FILE,
    ).toBe("/tmp/x");
    expect(() =>
      readEnv({
        TANDEM_TEST_CLOCK_FILE: "/tmp/x",
        TANDEM_PUBLIC_URL: "https://tandem.example.org",
      }),
    ).toThrow(/refused unless the server runs on http:\/\/localhost/);
    expect(
      readEnv({ TANDEM_PUBLIC_URL: "https://tandem.example.org" }).TANDEM_TEST_CLOCK_FILE,
    ).toBeUndefined();
  });
});

describe("the sweep", () => {
  it("runs a job once the moved clock reaches it, and only then", async () => {
    const file = join(dir, "sweep");
    writeFileSync(file, "0");
    const clock = createTestClock(file);
    const ran: JobPayload[] = [];
    const marker = `sweep-${Date.now()}`;
    await enqueueJob(database.db, {
      kind: "meeting.remind",
      payload: { marker },
      runAt: new Date(Date.now() + 3 * day),
    });
    const handlers = { "meeting.remind": async (payload: JobPayload) => void ran.push(payload) };
    const stop = clock.sweep(database.db, handlers, () => {}, 50);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ran).toEqual([]);
    writeFileSync(file, String(3 * day + 60_000));
    await expect.poll(() => ran.length, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stop();
    expect(ran).toEqual([{ marker }]);
  });
});
