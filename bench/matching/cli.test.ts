import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateInstance } from "./generate";

const bench = fileURLToPath(new URL("..", import.meta.url));

/** Runs the CLI as `pnpm match:solve` does: a separate Node process reading stdin. */
function matchSolve(stdin: string | Buffer) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "matching/cli.ts"], {
    cwd: bench,
    input: stdin,
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const sorted = (pairs: [string, string][]) =>
  [...pairs].sort((a, b) => `${a}`.localeCompare(`${b}`));

describe("match:solve", () => {
  it("solves the README's example", () => {
    const run = matchSolve(
      '{"mentees":[{"id":"a"}], "mentors":[{"id":"x","capacity":2}], "pairs":[["a","x",0.73]], "objective":"max_matched_then_score"}',
    );
    expect(run).toEqual({
      code: 0,
      stdout: '{"assignment":[["a","x"]],"matched":1,"score":0.73}\n',
      stderr: "",
    });
  });

  it("matches as many as it can first, or chases the score when asked to", () => {
    const instance = {
      mentees: [{ id: "a" }, { id: "b" }],
      mentors: [
        { id: "x", capacity: 1 },
        { id: "y", capacity: 1 },
      ],
      pairs: [
        ["a", "x", 1],
        ["b", "x", 0.5],
        ["a", "y", 0.1],
      ],
    };
    const most = matchSolve(JSON.stringify({ ...instance, objective: "max_matched_then_score" }));
    expect(most.code).toBe(0);
    const mostResult = JSON.parse(most.stdout) as {
      assignment: [string, string][];
      matched: number;
      score: number;
    };
    expect(sorted(mostResult.assignment)).toEqual([
      ["a", "y"],
      ["b", "x"],
    ]);
    expect(mostResult).toMatchObject({ matched: 2, score: 0.6 });

    const best = matchSolve(JSON.stringify({ ...instance, objective: "max_score" }));
    expect(best).toEqual({
      code: 0,
      stdout: '{"assignment":[["a","x"]],"matched":1,"score":1}\n',
      stderr: "",
    });
  });

  it("rounds the total score to six decimals", () => {
    const run = matchSolve(
      JSON.stringify({
        mentees: [{ id: "a" }],
        mentors: [{ id: "x", capacity: 1 }],
        pairs: [["a", "x", 0.123456789]],
        objective: "max_score",
      }),
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ score: 0.123457 });
  });

  it("solves a generated scheme within capacities, using only offered pairs", () => {
    const instance = generateInstance({ seed: 5, mentees: 200, mentors: 60, cities: 2 });
    const run = matchSolve(JSON.stringify(instance));
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { assignment: [string, string][]; matched: number };
    const offered = new Set(instance.pairs.map(([a, b]) => `${a}|${b}`));
    for (const [a, b] of result.assignment) expect(offered.has(`${a}|${b}`)).toBe(true);
    expect(new Set(result.assignment.map(([a]) => a)).size).toBe(result.assignment.length);
    expect(result.matched).toBe(result.assignment.length);
    const load = new Map<string, number>();
    for (const [, b] of result.assignment) load.set(b, (load.get(b) ?? 0) + 1);
    for (const mentor of instance.mentors)
      expect(load.get(mentor.id) ?? 0).toBeLessThanOrEqual(mentor.capacity);
  });

  it("says in one line that the input is not JSON, and exits 1", () => {
    const run = matchSolve('{"mentees": [');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^match:solve: stdin is not valid JSON: .+\n$/);
  });

  it("names what is wrong with an invalid instance, in one line, and exits 1", () => {
    const run = matchSolve(
      JSON.stringify({
        mentees: [{ id: "a" }],
        mentors: [{ id: "x", capacity: 1 }],
        pairs: [["a", "x", 1.7]],
        objective: "max_matched_then_score",
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^match:solve: invalid instance: .*pairs.*\n$/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);

    const noObjective = matchSolve(JSON.stringify({ mentees: [], mentors: [], pairs: [] }));
    expect(noObjective.code).toBe(1);
    expect(noObjective.stderr).toMatch(/^match:solve: invalid instance: .*objective.*\n$/);
  });

  it("honours locked and excluded pairs, and refuses impossible locks", () => {
    const instance = {
      mentees: [{ id: "a" }, { id: "b" }],
      mentors: [{ id: "x", capacity: 1 }],
      pairs: [
        ["a", "x", 0.9],
        ["b", "x", 0.4],
      ],
      objective: "max_score",
    };
    expect(matchSolve(JSON.stringify({ ...instance, locked: [["b", "x"]] })).stdout).toBe(
      '{"assignment":[["b","x"]],"matched":1,"score":0.4}\n',
    );
    expect(matchSolve(JSON.stringify({ ...instance, excluded: [["a", "x"]] })).stdout).toBe(
      '{"assignment":[["b","x"]],"matched":1,"score":0.4}\n',
    );
    const impossible = matchSolve(
      JSON.stringify({
        ...instance,
        locked: [
          ["a", "x"],
          ["b", "x"],
        ],
      }),
    );
    expect(impossible.code).toBe(1);
    expect(impossible.stderr).toMatch(/^match:solve: invalid instance: locked\[1\].*\n$/);
  });

  it("exits 2 when there is nothing readable on stdin", () => {
    expect(matchSolve("")).toMatchObject({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/stdin is empty/),
    });
    expect(matchSolve(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not UTF-8/),
    });
  });
});
