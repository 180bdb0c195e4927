// The matching modes (SPEC section 5): free choice and shortlist rank mentors for one mentee; auto
// computes an exact allocation (optionally fair or stable); next available serves a queue in order.
import type { SchemeRules } from "../rules/schema";
import { type AssignmentInstance, type AssignmentObjective, type AssignmentResult, InvalidInstanceError, solveAssignment } from "./assignment";
import { candidateInstance, type Explanations } from "./allocation";
import { solveFair } from "./fairness";
import {
  type BlockedPairs,
  buildCandidates,
  distanceKm,
  type MenteeCandidate,
  type MentorCandidate,
  pairKey,
  scorePair,
  type ScoreTerm,
} from "./score";
import { blockingPairs, stableAllocation } from "./stable";

export interface RankedMentor {
  mentorId: string;
  score: number;
  terms: ScoreTerm[];
  explanation: string;
  distanceKm: number | null;
}

/** Filters a mentee may set when browsing; all given must hold. Text is matched without case. */
export interface MentorFilters {
  specialty?: string;
  /** A topic the mentor offers. */
  topic?: string;
  /** Mentors whose distance is unknown are left out when this is set. */
  maxKm?: number;
  /** An availability slot the mentor has, e.g. "mon-am". */
  availability?: string;
  /** Found in the mentor's specialty, department, topics, languages, or a `search` text the caller adds. */
  text?: string;
}

export interface RankMentorsOptions {
  mentee: MenteeCandidate;
  mentors: MentorCandidate[];
  rules: SchemeRules;
  blocked?: BlockedPairs;
  filters?: MentorFilters;
}

const fold = (text: string) => text.trim().toLocaleLowerCase("en-GB");

function matchesFilters(mentor: MentorCandidate & { search?: unknown }, km: number | null, filters: MentorFilters): boolean {
  if (filters.specialty != null && fold(mentor.specialty ?? "") !== fold(filters.specialty)) return false;
  if (filters.topic != null) {
    const topic = fold(filters.topic);
    if (!mentor.topicsOffered.some((offered) => fold(offered) === topic)) return false;
  }
  if (filters.maxKm != null && (km === null || km > filters.maxKm)) return false;
  if (filters.availability != null && !(mentor.availability ?? []).includes(filters.availability)) return false;
  if (filters.text != null && fold(filters.text) !== "") {
    const needle = fold(filters.text);
    const haystack = [
      mentor.specialty ?? "",
      mentor.department ?? "",
      ...mentor.topicsOffered,
      ...(mentor.languages ?? []),
      typeof mentor.search === "string" ? mentor.search : "",
    ];
    if (!haystack.some((field) => fold(field).includes(needle))) return false;
  }
  return true;
}

/**
 * `free_choice`: every mentor this mentee may be proposed (ready, with a place left, no hard
 * constraint broken) that passes the filters, best score first, ties in input order.
 */
export function rankMentorsForMentee(o: RankMentorsOptions): RankedMentor[] {
  const { instance, explanations } = buildCandidates({
    mentees: [o.mentee],
    mentors: o.mentors,
    rules: o.rules,
    topK: o.mentors.length,
    blocked: o.blocked,
  });
  const mentorById = new Map(o.mentors.map((mentor) => [mentor.id, mentor]));
  const ranked: RankedMentor[] = [];
  for (const [, mentorId] of instance.pairs) {
    const mentor = mentorById.get(mentorId)!;
    const km = o.mentee.location && mentor.location ? distanceKm(o.mentee.location, mentor.location) : null;
    if (o.filters && !matchesFilters(mentor, km, o.filters)) continue;
    const { score, terms, explanation } = explanations.get(pairKey(o.mentee.id, mentorId))!;
    ranked.push({ mentorId, score, terms, explanation, distanceKm: km });
  }
  return ranked;
}

/** `shortlist`: the best `size` mentors (default the scheme's shortlist size, else 5). */
export function shortlistForMentee(o: RankMentorsOptions & { size?: number }): RankedMentor[] {
  const size = o.size ?? o.rules.matching.shortlistSize ?? 5;
  return rankMentorsForMentee(o).slice(0, Math.max(0, size));
}

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  score: number;
  terms: ScoreTerm[];
  explanation: string;
  /** The coordinator fixed this pair. */
  locked: boolean;
}

export interface UnmatchedMentee {
  menteeId: string;
  /** `no_allowed_mentor`: no mentor may be proposed at all; `no_place_left`: the places went to others. */
  reason: "no_allowed_mentor" | "no_place_left";
}

export interface MatchPhase {
  name: string;
  ms: number;
}

export interface AutoOptions {
  /** Default `max_matched_then_score`. */
  objective?: AssignmentObjective;
  /** Raise the worst-off matched mentee's score first (see `solveFair`). */
  fairness?: boolean;
  /** Mentee-proposing deferred acceptance instead of the optimum (see `stableAllocation`). */
  stable?: boolean;
  locked?: [menteeId: string, mentorId: string][];
  excluded?: [menteeId: string, mentorId: string][];
  /** Candidates kept per mentee (default 50). */
  topK?: number;
  /** Explicit rankings for `stable` (best first); else score order. */
  menteeRanks?: Record<string, string[]>;
  mentorRanks?: Record<string, string[]>;
}

export interface AutoResult {
  proposals: ProposedPair[];
  unmatched: UnmatchedMentee[];
  matched: number;
  score: number;
  /** The lowest score among matched mentees, or null when nobody is matched. */
  worstOff: number | null;
  /** With `stable`: how the stable allocation compares with the optimal one. */
  stability?: {
    /** The blocking pairs of the optimal (not stable) allocation. */
    blockingPairs: [string, string][];
    optimalScore: number;
    optimalMatched: number;
    /** The optimal score less the stable score. */
    priceOfStability: number;
  };
  phases: MatchPhase[];
}

/** Times named phases, telling `onProgress` as each starts. */
function phaseClock(onProgress?: (phase: string) => void) {
  const phases: MatchPhase[] = [];
  let started = 0;
  const end = () => {
    const last = phases.at(-1);
    if (last) last.ms = performance.now() - started;
  };
  return {
    phases,
    start(name: string) {
      end();
      onProgress?.(name);
      phases.push({ name, ms: 0 });
      started = performance.now();
    },
    end,
  };
}

interface Outcome {
  mentees: MenteeCandidate[];
  assignment: [string, string][];
  explanations: Explanations;
  locked: [string, string][];
  /** Mentees with at least one allowed, not excluded mentor. */
  hasMentor: ReadonlySet<string>;
}

function summarise(o: Outcome): Omit<AutoResult, "phases" | "stability"> {
  const locked = new Set(o.locked.map(([a, b]) => pairKey(a, b)));
  const mentorOf = new Map(o.assignment);
  const proposals: ProposedPair[] = [];
  const unmatched: UnmatchedMentee[] = [];
  let score = 0;
  let worstOff: number | null = null;
  for (const { id } of o.mentees) {
    const mentorId = mentorOf.get(id);
    if (mentorId === undefined) {
      unmatched.push({ menteeId: id, reason: o.hasMentor.has(id) ? "no_place_left" : "no_allowed_mentor" });
      continue;
    }
    const key = pairKey(id, mentorId);
    const explained = o.explanations.get(key)!;
    proposals.push({ menteeId: id, mentorId, ...explained, locked: locked.has(key) });
    score += explained.score;
    if (worstOff === null || explained.score < worstOff) worstOff = explained.score;
  }
  return { proposals, unmatched, matched: proposals.length, score, worstOff };
}

export interface RunAutoOptions {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
  blocked?: BlockedPairs;
  options?: AutoOptions;
  onProgress?: (phase: string) => void;
}

/**
 * `auto`: the exact allocation over each mentee's top K candidates (`buildCandidatesIndexed` then
 * `solveAssignment`), or the fair one; with `stable`, the stable allocation instead, compared with that
 * optimum. Throws `InvalidInstanceError` for an impossible lock.
 */
export function runAuto(o: RunAutoOptions): AutoResult {
  const options = o.options ?? {};
  const clock = phaseClock(o.onProgress);
  clock.start("candidates");
  const locked = options.locked ?? [];
  const excluded = options.excluded ?? [];
  const { instance: base, explanations } = candidateInstance({ ...o, topK: options.topK ?? 50, locked });
  const instance: AssignmentInstance = { ...base, objective: options.objective ?? "max_matched_then_score", locked, excluded };

  clock.start(options.fairness ? "fairness" : "assignment");
  const optimal: AssignmentResult = options.fairness ? solveFair(instance) : solveAssignment(instance);

  let chosen = optimal;
  let stability: AutoResult["stability"];
  if (options.stable) {
    clock.start("stability");
    const ranks = { instance, menteeRanks: options.menteeRanks, mentorRanks: options.mentorRanks };
    chosen = stableAllocation(ranks);
    stability = {
      blockingPairs: blockingPairs({ ...ranks, assignment: optimal.assignment }),
      optimalScore: optimal.score,
      optimalMatched: optimal.matched,
      priceOfStability: optimal.score - chosen.score,
    };
  }

  clock.start("proposals");
  const excludedKeys = new Set(excluded.map(([a, b]) => pairKey(a, b)));
  const hasMentor = new Set(instance.pairs.filter(([a, b]) => !excludedKeys.has(pairKey(a, b))).map(([a]) => a));
  const summary = summarise({ mentees: o.mentees, assignment: chosen.assignment, explanations, locked, hasMentor });
  clock.end();
  return { ...summary, ...(stability ? { stability } : {}), phases: clock.phases };
}

export interface RunNextAvailableOptions {
  /** In queue order: the first takes their pick first. */
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
  blocked?: BlockedPairs;
  locked?: [menteeId: string, mentorId: string][];
  excluded?: [menteeId: string, mentorId: string][];
}

/** Candidates looked at per mentee before scanning every mentor with a place left. */
const NEXT_AVAILABLE_TOP_K = 50;

/**
 * `next_available`: locked pairs first, then each mentee in queue order takes their best allowed mentor
 * (ties in input order) who still has a place. Throws `InvalidInstanceError` for an impossible lock.
 */
export function runNextAvailable(o: RunNextAvailableOptions): AutoResult {
  const clock = phaseClock();
  clock.start("candidates");
  const locked = o.locked ?? [];
  const { instance, explanations } = candidateInstance({ ...o, topK: NEXT_AVAILABLE_TOP_K, locked });
  const excluded = new Set((o.excluded ?? []).map(([a, b]) => pairKey(a, b)));
  const room = new Map(instance.mentors.map(({ id, capacity }) => [id, capacity]));

  clock.start("queue");
  const mentorOf = new Map<string, string>();
  locked.forEach(([a, b], k) => {
    if (mentorOf.get(a) === b) return;
    if (mentorOf.has(a)) throw new InvalidInstanceError(`locked[${k}]: impossible lock, mentee "${a}" is already locked to another mentor`);
    if (excluded.has(pairKey(a, b))) throw new InvalidInstanceError(`locked[${k}]: impossible lock, the pair ("${a}", "${b}") is also excluded`);
    if (!explanations.has(pairKey(a, b))) throw new InvalidInstanceError(`locked[${k}]: impossible lock, ("${a}", "${b}") is not an allowed pair`);
    if (!((room.get(b) ?? 0) > 0)) throw new InvalidInstanceError(`locked[${k}]: impossible lock, mentor "${b}" has more locked mentees than capacity`);
    room.set(b, room.get(b)! - 1);
    mentorOf.set(a, b);
  });

  const candidates = new Map<string, string[]>();
  for (const [a, b] of instance.pairs) {
    const list = candidates.get(a);
    if (list) list.push(b);
    else candidates.set(a, [b]);
  }
  const hasMentor = new Set<string>();
  for (const mentee of o.mentees) {
    const list = candidates.get(mentee.id) ?? [];
    if (list.some((b) => !excluded.has(pairKey(mentee.id, b)))) hasMentor.add(mentee.id);
    if (mentorOf.has(mentee.id)) continue;
    // Candidates come best first, ties in input order.
    let pick = list.find((b) => !excluded.has(pairKey(mentee.id, b)) && room.get(b)! > 0);
    if (pick === undefined && list.length >= NEXT_AVAILABLE_TOP_K) {
      // Every kept candidate is full or excluded: look at all mentors with a place left.
      let best = -1;
      for (const mentor of o.mentors) {
        if (!(room.get(mentor.id)! > 0) || excluded.has(pairKey(mentee.id, mentor.id))) continue;
        const result = scorePair({ mentee, mentor, rules: o.rules, blocked: o.blocked });
        if (!result.allowed || result.score <= best) continue;
        best = result.score;
        pick = mentor.id;
        explanations.set(pairKey(mentee.id, mentor.id), { score: result.score, terms: result.terms, explanation: result.explanation });
      }
    }
    if (pick === undefined) continue;
    room.set(pick, room.get(pick)! - 1);
    mentorOf.set(mentee.id, pick);
  }
  const summary = summarise({ mentees: o.mentees, assignment: [...mentorOf], explanations, locked, hasMentor });
  clock.end();
  return { ...summary, phases: clock.phases };
}
