// Benchmark for candidate pruning: builds each scheme's top-k candidates with the bucketed
// `buildCandidatesIndexed`, and with the full scan `buildCandidates` where that is affordable, and
// checks the two agree. Usage: node --import tsx matching/candidates.ts [--case NAME]... [--seed N]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildCandidates, buildCandidatesIndexed } from "@tandem/core";
import { generateScheme } from "./generate";

export const CANDIDATE_CASES: Record<string, { mentees: number; mentors: number; cities: number }> =
  {
    trust: { mentees: 500, mentors: 150, cities: 1 },
    region: { mentees: 5_000, mentors: 1_200, cities: 6 },
    national: { mentees: 50_000, mentors: 10_000, cities: 30 },
  };

/**
 * The full scan scores mentees x mentors pairs; beyond this many it is run for a sample of the
 * mentees only (each mentee's candidates depend on no other mentee), spread through the list.
 */
const FULL_SCAN_LIMIT = 10_000_000;
const SAMPLED_MENTEES = 200;
const TOP_K = 10;

const now = () => performance.now();

function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return process.resourceUsage().maxRSS / 1024;
}

export interface CandidatesRow {
  name: string;
  mentees: number;
  mentors: number;
  pairs: number;
  /** Without explanations (`explain: false`), and the peak RSS by then. */
  bareMs: number;
  barePeakRssMb: number;
  indexedMs: number;
  fullMs: number | null;
  /** Pairs and explanations the same as the full scan's (for the sample, if there is one). */
  same: boolean | null;
  /** How many mentees the full scan was run for, when not all. */
  sampled: number | null;
  peakRssMb: number;
}

export function measureCandidates(name: string, seed: number): CandidatesRow {
  const size = CANDIDATE_CASES[name]!;
  const { mentees, mentors, rules } = generateScheme({ seed, ...size });
  const tb = now();
  const bare = buildCandidatesIndexed({ mentees, mentors, rules, topK: TOP_K, explain: false });
  const bareMs = now() - tb;
  const barePeakRssMb = peakRssMb();
  const t0 = now();
  const indexed = buildCandidatesIndexed({ mentees, mentors, rules, topK: TOP_K });
  const indexedMs = now() - t0;
  let fullMs: number | null = null;
  let same: boolean | null = null;
  let sampled: number | null = null;
  if (mentees.length * mentors.length <= FULL_SCAN_LIMIT) {
    const t1 = now();
    const full = buildCandidates({ mentees, mentors, rules, topK: TOP_K });
    fullMs = now() - t1;
    same = JSON.stringify(full.instance) === JSON.stringify(indexed.instance);
  } else {
    const stride = Math.ceil(mentees.length / SAMPLED_MENTEES);
    const sample = mentees.filter((_, i) => i % stride === 0);
    const ids = new Set(sample.map(({ id }) => id));
    const full = buildCandidates({ mentees: sample, mentors, rules, topK: TOP_K });
    sampled = sample.length;
    same =
      JSON.stringify(full.instance.pairs) ===
        JSON.stringify(indexed.instance.pairs.filter(([menteeId]) => ids.has(menteeId))) &&
      [...full.explanations].every(
        ([key, explained]) =>
          JSON.stringify(indexed.explanations.get(key)) === JSON.stringify(explained),
      );
  }
  // Without explanations the pairs must be the same in any case.
  if (JSON.stringify(bare.instance) !== JSON.stringify(indexed.instance)) same = false;
  return {
    name,
    mentees: mentees.length,
    mentors: mentors.length,
    pairs: indexed.instance.pairs.length,
    bareMs,
    barePeakRssMb,
    indexedMs,
    fullMs,
    same,
    sampled,
    peakRssMb: peakRssMb(),
  };
}

const fmt = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });

function main() {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === "--")),
    options: {
      case: { type: "string", multiple: true },
      seed: { type: "string", default: "1" },
    },
  });
  const names = values.case ?? ["trust", "region"];
  const unknown = names.filter((name) => !(name in CANDIDATE_CASES));
  if (unknown.length > 0) {
    process.stderr.write(`candidates: unknown case ${unknown.join(", ")}\n`);
    process.exitCode = 1;
    return;
  }
  const head = [
    "case",
    "mentees",
    "mentors",
    "pairs kept",
    "indexed ms, no explanations",
    "peak RSS MB by then",
    "indexed ms",
    "full scan ms",
    "same as full scan",
    "peak RSS MB overall",
  ];
  const rows = names.map((name) => {
    const r = measureCandidates(name, Number(values.seed));
    return [
      r.name,
      fmt(r.mentees),
      fmt(r.mentors),
      fmt(r.pairs),
      fmt(r.bareMs),
      fmt(r.barePeakRssMb),
      fmt(r.indexedMs),
      r.fullMs === null ? "-" : fmt(r.fullMs),
      (r.same === null ? "-" : r.same ? "yes" : "NO") +
        (r.sampled === null ? "" : ` (${fmt(r.sampled)} mentees sampled)`),
      fmt(r.peakRssMb),
    ];
  });
  process.stdout.write(
    `${[head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n")}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
