// Benchmark runner for the exact assignment solver: generates each case, then parses, solves and
// verifies it in a fresh child process (so peak RSS is the solver's, not the generator's).
// Usage: node --import tsx matching/run.ts [--case NAME]... [--seed N] [--highs] [--stable] [--fair]
// [--keep DIR]; trust and region by default.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { AnyAssignmentInstance, AssignmentInstance, AssignmentResult } from "@tandem/core";
import { generateInstance, type GenerateOptions } from "./generate";

interface Target {
  label: string;
  met: (m: Measurement) => boolean;
}

interface BenchCase {
  about: string;
  options: Omit<GenerateOptions, "seed">;
  /** The issue's targets, each checked against the measurement. */
  targets: Target[];
  highs: boolean;
  /** Extra runs after the first (cold) one; the best is reported as warm. */
  warmRuns: number;
}

export const CASES: Record<string, BenchCase> = {
  trust: {
    about: "one trust: 500 mentees, 150 mentors, one city",
    options: { mentees: 500, mentors: 150, cities: 1, organisations: 1, popularity: 0.3 },
    targets: [{ label: "end to end < 50 ms", met: (m) => m.endToEndMs < 50 }],
    highs: true,
    warmRuns: 5,
  },
  region: {
    about: "a region: 5,000 mentees, 1,200 mentors, six cities",
    options: { mentees: 5_000, mentors: 1_200, cities: 6, popularity: 0.3 },
    targets: [],
    highs: true,
    warmRuns: 3,
  },
  national: {
    about: "national: 50,000 mentees, 10,000 mentors, 30 cities",
    options: { mentees: 50_000, mentors: 10_000, cities: 30, popularity: 0.3 },
    targets: [
      { label: "end to end < 2 s", met: (m) => m.endToEndMs < 2_000 },
      { label: "peak < 300 MB", met: (m) => m.peakRssMb < 300 },
    ],
    highs: false,
    warmRuns: 1,
  },
  "hard-balanced": {
    about: "national mentors, mentees = their places, popularity 0.1, best 20 kept",
    options: { mentees: "places", mentors: 10_000, cities: 30, popularity: 0.1, topK: 20 },
    targets: [{ label: "end to end < 1.5 s", met: (m) => m.endToEndMs < 1_500 }],
    highs: false,
    warmRuns: 1,
  },
};

export interface Measurement {
  parseMs: number;
  solveMs: number;
  endToEndMs: number;
  /** Best of the warm runs, when the case asks for any. */
  warmSolveMs: number | null;
  warmEndToEndMs: number | null;
  verifyMs: number;
  /** RSS with the instance parsed, before solving: what the solver adds is the peak minus this. */
  rssBeforeSolveMb: number;
  /** Peak RSS while solving alone (Linux only): what the solver adds on top of the parsed instance. */
  solvePeakRssMb: number | null;
  /** Peak RSS of the whole parse, solve and serialise (the most `pnpm match:solve` would use). */
  peakRssMb: number;
  matched: number;
  score: number;
  worstOff: number | null;
  optimal: boolean;
  violations: number;
  /** Blocking pairs of the optimal assignment under score order on both sides (`countBlockingPairs`). */
  blockingPairs: number;
  blockingMs: number;
}

const now = () => performance.now();
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Linux resets the peak (VmHWM) when 5 is written to clear_refs; elsewhere this is a no-op. */
function resetLinuxPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function linuxPeakRssMb(): number | null {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return kb === undefined ? null : Number(kb) / 1024;
}

/** Each allowed pair's score, from either form of instance. */
function pairScores(instance: AnyAssignmentInstance): (mentee: string, mentor: string) => number {
  if ("pairs" in instance) {
    const scores = new Map(instance.pairs.map(([a, b, score]) => [`${a}\u0000${b}`, score]));
    return (a, b) => scores.get(`${a}\u0000${b}`) ?? 0;
  }
  const mentees = new Map(instance.menteeIds.map((id, i) => [id, i]));
  const mentors = new Map(instance.mentorIds.map((id, j) => [id, j]));
  const m = instance.mentorIds.length;
  const scores = new Map<number, number>();
  instance.pairScore.forEach((score, k) =>
    scores.set(instance.pairMentee[k]! * m + instance.pairMentor[k]!, score),
  );
  return (a, b) => scores.get((mentees.get(a) ?? -1) * m + (mentors.get(b) ?? -1)) ?? 0;
}

/**
 * How many blocking pairs `assignment` has under score-order preferences on both sides: what
 * `blockingPairs` in `@tandem/core` returns for it with no explicit ranks, counted in one pass over
 * the pairs instead of through string-keyed maps (core's takes about 5 s at national scale). Same
 * definition: a pair (not excluded, mentee not locked) blocks when the mentee is unmatched or has a
 * lower score with their mentor (equal scores: the mentor listed first is preferred), and the mentor
 * has a place left after locks or holds an unlocked mentee it likes less (equal scores: the mentee
 * listed first is preferred). A held pair that is not acceptable counts as worse than any that is.
 */
export function countBlockingPairs(
  instance: AnyAssignmentInstance,
  assignment: [string, string][],
): number {
  let menteeIds: string[];
  let mentorIds: string[];
  let capacity: ArrayLike<number>;
  let pairMentee: ArrayLike<number>;
  let pairMentor: ArrayLike<number>;
  let pairScore: ArrayLike<number>;
  let menteeIndex: Map<string, number>;
  let mentorIndex: Map<string, number>;
  if ("pairs" in instance) {
    menteeIds = instance.mentees.map(({ id }) => id);
    mentorIds = instance.mentors.map(({ id }) => id);
    capacity = instance.mentors.map((m) => m.capacity);
    menteeIndex = new Map(menteeIds.map((id, i) => [id, i]));
    mentorIndex = new Map(mentorIds.map((id, j) => [id, j]));
    pairMentee = instance.pairs.map(([a]) => menteeIndex.get(a) ?? -1);
    pairMentor = instance.pairs.map(([, b]) => mentorIndex.get(b) ?? -1);
    pairScore = instance.pairs.map(([, , s]) => s);
  } else {
    ({ menteeIds, mentorIds, capacity, pairMentee, pairMentor, pairScore } = instance);
    menteeIndex = instance.menteeIndex ?? new Map(menteeIds.map((id, i) => [id, i]));
    mentorIndex = instance.mentorIndex ?? new Map(mentorIds.map((id, j) => [id, j]));
  }
  const n = menteeIds.length;
  const m = mentorIds.length;
  const key = (i: number, j: number) => i * m + j;
  const places = Float64Array.from(capacity);
  const lockedTo = new Int32Array(n).fill(-1);
  for (const [a, b] of instance.locked ?? []) {
    const i = menteeIndex.get(a) ?? -1;
    const j = mentorIndex.get(b) ?? -1;
    if (i === -1 || j === -1 || lockedTo[i] === j) continue;
    lockedTo[i] = j;
    places[j] = places[j]! - 1;
  }
  const excluded = new Set<number>();
  for (const [a, b] of instance.excluded ?? []) {
    const i = menteeIndex.get(a);
    const j = mentorIndex.get(b);
    if (i !== undefined && j !== undefined) excluded.add(key(i, j));
  }
  const acceptable = (k: number) =>
    lockedTo[pairMentee[k]!] === -1 && !excluded.has(key(pairMentee[k]!, pairMentor[k]!));

  const mentorOf = new Int32Array(n).fill(-1);
  for (const [a, b] of assignment) {
    const i = menteeIndex.get(a);
    const j = mentorIndex.get(b);
    if (i !== undefined && j !== undefined) mentorOf[i] = j;
  }
  // Each mentee's score with their mentor; -Infinity when unmatched or held by a pair that is not
  // acceptable, so that any acceptable mentor is better.
  const current = new Float64Array(n).fill(-Infinity);
  for (let k = 0; k < pairScore.length; k++) {
    const i = pairMentee[k]!;
    if (mentorOf[i] === pairMentor[k] && acceptable(k)) current[i] = pairScore[k]!;
  }
  // Each mentor's unlocked mentees: how many, and the one it likes least (lowest score, then listed
  // last); `unacceptable` when one of them is held by a pair that is not acceptable, and so is worst.
  const load = new Int32Array(m);
  const worstScore = new Float64Array(m).fill(Infinity);
  const worstMentee = new Int32Array(m).fill(-1);
  const unacceptable = new Uint8Array(m);
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i]!;
    if (j === -1 || lockedTo[i] !== -1) continue;
    load[j]!++;
    const s = current[i]!;
    if (s === -Infinity) unacceptable[j] = 1;
    else if (s < worstScore[j]! || (s === worstScore[j] && i > worstMentee[j]!)) {
      worstScore[j] = s;
      worstMentee[j] = i;
    }
  }
  let count = 0;
  for (let k = 0; k < pairScore.length; k++) {
    if (!acceptable(k)) continue;
    const i = pairMentee[k]!;
    const j = pairMentor[k]!;
    const mine = mentorOf[i]!;
    if (j === mine) continue;
    const s = pairScore[k]!;
    const cur = current[i]!;
    const menteeWants = cur === -Infinity || s > cur || (s === cur && j < mine);
    if (!menteeWants) continue;
    const mentorWants =
      places[j]! - load[j]! > 0 ||
      (load[j]! > 0 &&
        (unacceptable[j] === 1 ||
          s > worstScore[j]! ||
          (s === worstScore[j] && i < worstMentee[j]!)));
    if (mentorWants) count++;
  }
  return count;
}

/** Child side: what `pnpm match:solve` does (parse, solve, serialise), timed, then verified. */
async function measure(file: string, warmRuns: number): Promise<Measurement> {
  const { parseAssignmentText, solveAssignment, verifyOptimality } = await import("@tandem/core");
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const text = readFileSync(file, "utf8");
  const t0 = now();
  const instance = parseAssignmentText(text);
  const t1 = now();
  const rssBeforeSolveMb = mb(process.memoryUsage().rss);
  sample();
  // maxRSS catches the peak inside synchronous work that sampling cannot see; it is read before
  // the reset, which on Linux also resets it.
  const parsePeak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  const resetPeak = resetLinuxPeakRss();
  const result = solveAssignment(instance);
  const t2 = now();
  const solvePeakRssMb = resetPeak ? linuxPeakRssMb() : null;
  JSON.stringify(result);
  const t3 = now();
  sample();
  const peakRssMb = Math.max(
    mb(Math.max(parsePeak, peak, process.resourceUsage().maxRSS * 1024)),
    solvePeakRssMb ?? 0,
  );
  const verdict = verifyOptimality(instance, result);
  const t4 = now();

  // Warm runs: the same work again once the JIT has seen it, as in a long-lived server.
  let warmSolveMs: number | null = null;
  let warmEndToEndMs: number | null = null;
  for (let run = 0; run < warmRuns; run++) {
    const w0 = now();
    const again = parseAssignmentText(text);
    const w1 = now();
    JSON.stringify(solveAssignment(again));
    const w2 = now();
    warmSolveMs = Math.min(warmSolveMs ?? Infinity, w2 - w1);
    warmEndToEndMs = Math.min(warmEndToEndMs ?? Infinity, w2 - w0);
  }

  // After every timing and peak above: the blocking pairs the optimum leaves.
  const b0 = now();
  const blocking = countBlockingPairs(instance, result.assignment);
  const blockingMs = now() - b0;

  const scoreOf = pairScores(instance);
  let worstOff: number | null = null;
  for (const [mentee, mentor] of result.assignment) {
    const score = scoreOf(mentee, mentor);
    worstOff = worstOff === null ? score : Math.min(worstOff, score);
  }
  return {
    parseMs: t1 - t0,
    solveMs: t2 - t1,
    endToEndMs: t3 - t0,
    warmSolveMs,
    warmEndToEndMs,
    verifyMs: t4 - t3,
    rssBeforeSolveMb,
    solvePeakRssMb,
    peakRssMb,
    matched: result.matched,
    score: result.score,
    worstOff,
    optimal: verdict.optimal,
    violations: verdict.violations,
    blockingPairs: blocking,
    blockingMs,
  };
}

export interface HighsMeasurement {
  ms: number;
  status: string;
  matched: number;
  score: number;
}

/**
 * The same problem as an LP for HiGHS. Bipartite b-matching is totally unimodular, so the LP
 * optimum is integral. "Matched first, then score" is solved lexicographically, as two LPs: the
 * most that can be matched, then the best score with at least that many matched. (One LP with a
 * bonus per match would need the score scaled below HiGHS's tolerances.) `ms` covers both solves.
 */
export async function solveWithHighs(instance: AssignmentInstance): Promise<HighsMeasurement> {
  const { default: loadHighs } = await import("highs");
  const highs = await loadHighs();
  // A throwaway solve first, so the timing is of solving, not of WebAssembly warming up.
  highs.solve("Maximize\n obj: + w\nSubject To\n c: + w <= 1\nEnd\n", { output_flag: false });
  const key = (a: string, b: string) => `${a}\u0000${b}`;
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => key(a, b)));
  const locked = new Set((instance.locked ?? []).map(([a, b]) => key(a, b)));
  const pairs = instance.pairs.filter(([a, b]) => !excluded.has(key(a, b)));

  const lines = (terms: string[]) =>
    terms.map((t, i) => (i % 12 === 11 ? `${t}\n  ` : t)).join(" ");
  const byMentee = new Map<string, string[]>();
  const byMentor = new Map<string, string[]>();
  const bounds: string[] = [];
  pairs.forEach(([mentee, mentor], k) => {
    const x = `x${k}`;
    (byMentee.get(mentee) ?? byMentee.set(mentee, []).get(mentee)!).push(x);
    (byMentor.get(mentor) ?? byMentor.set(mentor, []).get(mentor)!).push(x);
    bounds.push(locked.has(key(mentee, mentor)) ? ` ${x} = 1` : ` 0 <= ${x} <= 1`);
  });
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const rows: string[] = [];
  let r = 0;
  for (const xs of byMentee.values()) rows.push(` r${r++}: ${lines(xs.map((x) => `+ ${x}`))} <= 1`);
  for (const [mentor, xs] of byMentor)
    rows.push(` r${r++}: ${lines(xs.map((x) => `+ ${x}`))} <= ${capacity.get(mentor) ?? 0}`);
  const all = pairs.map((_, k) => `+ x${k}`);
  const lp = (objective: string[], extra: string[] = []) =>
    `Maximize\n obj: ${lines(objective)}\nSubject To\n${[...rows, ...extra].join("\n")}\n` +
    `Bounds\n${bounds.join("\n")}\nEnd\n`;
  const scoreTerms = pairs.map(([, , score], k) => `+ ${score} x${k}`);

  let ms = 0;
  const solve = (model: string) => {
    const t0 = now();
    const solution = highs.solve(model, { output_flag: false });
    ms += now() - t0;
    return solution;
  };
  let solution = solve(lp(instance.objective === "max_score" ? scoreTerms : all));
  if (instance.objective === "max_matched_then_score" && solution.Status === "Optimal") {
    const most = Math.round(solution.ObjectiveValue);
    solution = solve(lp(scoreTerms, [` most: ${lines(all)} >= ${most}`]));
  }
  let matched = 0;
  let score = 0;
  if (solution.Status === "Optimal") {
    const columns = solution.Columns as Record<string, { Primal?: number } | undefined>;
    pairs.forEach(([, , s], k) => {
      if ((columns[`x${k}`]?.Primal ?? 0) > 0.5) {
        matched += 1;
        score += s;
      }
    });
  }
  return { ms, status: solution.Status, matched, score };
}

export interface StableMeasurement {
  ms: number;
  matched: number;
  score: number;
  /** Should be 0: `countBlockingPairs` of the stable allocation. */
  blockingPairs: number;
}

/** `stableAllocation` on score order (mentee-proposing deferred acceptance), timed. */
export async function solveStable(instance: AssignmentInstance): Promise<StableMeasurement> {
  const { stableAllocation } = await import("@tandem/core");
  const t0 = now();
  const result = stableAllocation({ instance });
  const ms = now() - t0;
  return {
    ms,
    matched: result.matched,
    score: result.score,
    blockingPairs: countBlockingPairs(instance, result.assignment),
  };
}

export interface FairMeasurement {
  ms: number;
  matched: number;
  score: number;
  /** The lowest matched score (`solveFair`'s floor). */
  worstOff: number | null;
}

/** `solveFair`: as many matched as the optimum, then the highest floor, then the best total. */
export async function solveFairly(instance: AssignmentInstance): Promise<FairMeasurement> {
  const { solveFair } = await import("@tandem/core");
  const t0 = now();
  const result = solveFair(instance);
  const ms = now() - t0;
  return { ms, matched: result.matched, score: result.score, worstOff: result.floor };
}

/** What the optimum gives up for stability: score lost, and matched lost when any. */
export function priceOfStability(
  optimum: Pick<AssignmentResult, "matched" | "score">,
  stable: StableMeasurement,
): string {
  const lost = optimum.matched - stable.matched;
  return `${fmt(optimum.score - stable.score, 3)}${lost !== 0 ? ` (${fmt(lost)} fewer matched)` : ""}`;
}

/** "met" on the cold run; "met warm" when only the warm runs meet it. */
function verdictOn(target: Target, m: Measurement): string {
  const warm = {
    ...m,
    solveMs: m.warmSolveMs ?? m.solveMs,
    endToEndMs: m.warmEndToEndMs ?? m.endToEndMs,
  };
  const verdict = target.met(m) ? "met" : target.met(warm) ? "met warm" : "MISSED";
  return `${verdict}: ${target.label}`;
}

interface Row {
  name: string;
  mentees: number;
  mentors: number;
  places: number;
  pairs: number;
  generateMs: number;
  measurement: Measurement;
  highs?: HighsMeasurement;
  stable?: StableMeasurement;
  fair?: FairMeasurement;
  target?: string;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: Row[]): string {
  const withStable = rows.some((row) => row.stable);
  const withFair = rows.some((row) => row.fair);
  const head = [
    "case",
    "mentees",
    "mentors",
    "places",
    "pairs",
    "generate ms",
    "parse ms",
    "solve ms cold / warm",
    "end to end ms cold / warm",
    "verify ms",
    "RSS before solve MB",
    "peak RSS MB solving",
    "peak RSS MB overall",
    "matched",
    "total score",
    "worst-off",
    "blocking pairs",
    "optimal",
    "HiGHS ms",
    "HiGHS matched / score",
    ...(withStable ? ["stable ms", "stable matched / score", "price of stability"] : []),
    ...(withFair ? ["fair ms", "fair worst-off / score"] : []),
    "target",
  ];
  const body = rows.map(
    ({
      name,
      mentees,
      mentors,
      places,
      pairs,
      generateMs,
      measurement: m,
      highs,
      stable,
      fair,
      target,
    }) => [
      name,
      fmt(mentees),
      fmt(mentors),
      fmt(places),
      fmt(pairs),
      fmt(generateMs),
      fmt(m.parseMs),
      `${fmt(m.solveMs)} / ${m.warmSolveMs === null ? "-" : fmt(m.warmSolveMs)}`,
      `${fmt(m.endToEndMs)} / ${m.warmEndToEndMs === null ? "-" : fmt(m.warmEndToEndMs)}`,
      fmt(m.verifyMs),
      fmt(m.rssBeforeSolveMb),
      m.solvePeakRssMb === null ? "-" : fmt(m.solvePeakRssMb),
      fmt(m.peakRssMb),
      fmt(m.matched),
      fmt(m.score, 3),
      m.worstOff === null ? "-" : fmt(m.worstOff, 4),
      fmt(m.blockingPairs),
      m.optimal ? "yes" : `NO (${m.violations})`,
      highs ? fmt(highs.ms) : "-",
      highs
        ? highs.status === "Optimal"
          ? `${fmt(highs.matched)} / ${fmt(highs.score, 3)}`
          : highs.status
        : "-",
      ...(withStable
        ? stable
          ? [
              fmt(stable.ms),
              `${fmt(stable.matched)} / ${fmt(stable.score, 3)}` +
                (stable.blockingPairs > 0
                  ? ` (NOT STABLE: ${fmt(stable.blockingPairs)} blocking)`
                  : ""),
              priceOfStability(m, stable),
            ]
          : ["-", "-", "-"]
        : []),
      ...(withFair
        ? fair
          ? [
              fmt(fair.ms),
              `${fair.worstOff === null ? "-" : fmt(fair.worstOff, 4)} / ${fmt(fair.score, 3)}`,
            ]
          : ["-", "-"]
        : []),
      target ?? "-",
    ],
  );
  return [head, head.map(() => "---"), ...body]
    .map((cells) => `| ${cells.join(" | ")} |`)
    .join("\n");
}

async function main() {
  // `pnpm bench -- --case x` may pass the separator through.
  const args = process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--"));
  const { values } = parseArgs({
    args,
    options: {
      case: { type: "string", multiple: true },
      seed: { type: "string", default: "1" },
      highs: { type: "boolean", default: false },
      stable: { type: "boolean", default: false },
      fair: { type: "boolean", default: false },
      child: { type: "string" },
      warm: { type: "string", default: "0" },
      keep: { type: "string" },
    },
  });
  if (values.child) {
    process.stdout.write(JSON.stringify(await measure(values.child, Number(values.warm))));
    return;
  }
  const names = values.case ?? ["trust", "region"];
  const unknown = names.filter((name) => !(name in CASES));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: unknown case ${unknown.join(", ")}; known: ${Object.keys(CASES).join(", ")}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const seed = Number(values.seed);
  // --keep DIR leaves the generated instances there, e.g. to time `pnpm match:solve` on them.
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), "tandem-bench-"));
  if (values.keep) mkdirSync(dir, { recursive: true });
  const rows: Row[] = [];
  try {
    for (const name of names) {
      const spec = CASES[name]!;
      process.stderr.write(`${name}: ${spec.about} (seed ${seed})\n`);
      const t0 = now();
      const instance = generateInstance({ seed, ...spec.options });
      const generateMs = now() - t0;
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(instance));
      const child = spawnSync(
        process.execPath,
        [
          ...process.execArgv,
          fileURLToPath(import.meta.url),
          ...["--child", file, "--warm", String(spec.warmRuns)],
        ],
        {
          encoding: "utf8",
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      if (child.status !== 0) throw new Error(`${name}: solving failed:\n${child.stderr}`);
      const measurement = JSON.parse(child.stdout) as Measurement;
      // HiGHS, stable and fair only up to region (`spec.highs`): each is far slower than the solver.
      const highs = values.highs && spec.highs ? await solveWithHighs(instance) : undefined;
      const stable = values.stable && spec.highs ? await solveStable(instance) : undefined;
      const fair = values.fair && spec.highs ? await solveFairly(instance) : undefined;
      rows.push({
        name,
        mentees: instance.mentees.length,
        mentors: instance.mentors.length,
        places: instance.mentors.reduce((sum, m) => sum + m.capacity, 0),
        pairs: instance.pairs.length,
        generateMs,
        measurement,
        ...(highs ? { highs } : {}),
        ...(stable ? { stable } : {}),
        ...(fair ? { fair } : {}),
        ...(spec.targets.length > 0
          ? { target: spec.targets.map((t) => verdictOn(t, measurement)).join("; ") }
          : {}),
      });
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${table(rows)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
