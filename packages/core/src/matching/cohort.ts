// Cohort formation (SPEC section 5): co-mentoring dyads exactly (maximum-weight matching), triads
// by seeded local search (exact by subset DP for small cohorts), and groups by size and mix.
import type { SchemeRules } from "../rules/schema";
import { maxWeightMatching, type WeightedEdge } from "./blossom";
import {
  type BlockedPairs,
  buildCandidates,
  type MatchPerson,
  type MenteeCandidate,
  type MentorCandidate,
  type NotAllowedReason,
  type PairScore,
  pairKey,
  type PersonalFacts,
  scorePair,
  type ScoreTerm,
} from "./score";

/** A co-mentoring peer: mentor and mentee to the others in their group, on the same topics. */
export interface CohortMember extends MatchPerson, PersonalFacts {
  topics: string[];
  lineManagerPersonId?: string | null;
  preferences?: MenteeCandidate["preferences"];
}

/** Two peers' compatibility: the mean of the two directions, allowed only if both are. */
export type PeerScore =
  | { allowed: false; reason: NotAllowedReason }
  | { allowed: true; score: number; terms: ScoreTerm[]; explanation: string };

export type CohortErrorCode =
  "duplicate_member" | "not_a_cohort_format" | "too_many_for_exact" | "invalid_group_size";

export class CohortError extends Error {
  constructor(
    readonly code: CohortErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CohortError";
  }
}

const asMentee = (m: CohortMember): MenteeCandidate => ({ ...m, topicsWanted: m.topics });
const asMentor = (m: CohortMember): MentorCandidate => ({
  ...m,
  topicsOffered: m.topics,
  ready: true,
  capacityLeft: 1,
});

const explain = (terms: readonly ScoreTerm[]) =>
  terms.map((term) => `${term.label} +${term.points.toFixed(2)}`).join(" · ");

/**
 * Both directions side by side: a term both directions label alike is shown once, otherwise as
 * "first's view / second's view" (e.g. "2 of 3 topics / 1 of 2 topics"), with the mean points.
 */
function combine(forward: PairScore, backward: PairScore): PeerScore {
  if (!forward.allowed) return { allowed: false, reason: forward.reason };
  if (!backward.allowed) return { allowed: false, reason: backward.reason };
  // Both directions score the same criteria in the same order, so their terms line up.
  const terms: ScoreTerm[] =
    forward.terms.length === backward.terms.length
      ? forward.terms.map((term, i) => {
          const other = backward.terms[i]!;
          return {
            label: term.label === other.label ? term.label : `${term.label} / ${other.label}`,
            points: (term.points + other.points) / 2,
          };
        })
      : [...forward.terms, ...backward.terms].map((term) => ({
          label: term.label,
          points: term.points / 2,
        }));
  return {
    allowed: true,
    score: (forward.score + backward.score) / 2,
    terms,
    explanation: explain(terms),
  };
}

export interface PeerScoreOptions {
  a: CohortMember;
  b: CohortMember;
  rules: SchemeRules;
  blocked?: BlockedPairs;
}

/** Whether two peers may co-mentor each other and, if so, how well they fit, explained. */
export function peerScore({ a, b, rules, blocked }: PeerScoreOptions): PeerScore {
  return combine(
    scorePair({ mentee: asMentee(a), mentor: asMentor(b), rules, blocked }),
    scorePair({ mentee: asMentee(b), mentor: asMentor(a), rules, blocked }),
  );
}

/** Scores are compared as integers: round(score × 1e6). */
const SCORE_SCALE = 1_000_000;

/** The pairwise compatibility of n peers, as the partition searches read it. */
export interface PeerCompatibility {
  n: number;
  /** round(score × 1e6) for each allowed pair and -1 for the others; n × n, row-major, symmetric. */
  points: Int32Array;
}

export interface PeerTable extends PeerCompatibility {
  members: readonly CohortMember[];
  /** The compatibility of members i and j, with its explanation. */
  peer(i: number, j: number): PeerScore;
}

export interface CohortOptions {
  members: readonly CohortMember[];
  rules: SchemeRules;
  blocked?: BlockedPairs;
}

function checkUnique(ids: readonly string[]) {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new CohortError("duplicate_member", `The member ${id} is listed twice`);
    seen.add(id);
  }
}

/** Scores every pair of peers once in each direction (`buildCandidates` keeps them all). */
export function peerCompatibility({ members, rules, blocked }: CohortOptions): PeerTable {
  checkUnique(members.map((m) => m.id));
  const n = members.length;
  const { explanations } = buildCandidates({
    mentees: members.map(asMentee),
    mentors: members.map(asMentor),
    rules,
    topK: n,
    blocked,
  });
  const directed = (i: number, j: number): PairScore => {
    const found = explanations.get(pairKey(members[i]!.id, members[j]!.id));
    // Not kept means not allowed; the reason comes from scoring the pair again.
    return found
      ? { allowed: true, ...found }
      : scorePair({ mentee: asMentee(members[i]!), mentor: asMentor(members[j]!), rules, blocked });
  };
  const points = new Int32Array(n * n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const forward = explanations.get(pairKey(members[i]!.id, members[j]!.id));
      const backward = explanations.get(pairKey(members[j]!.id, members[i]!.id));
      if (!forward || !backward) continue;
      points[i * n + j] = points[j * n + i] = Math.round(
        ((forward.score + backward.score) / 2) * SCORE_SCALE,
      );
    }
  }
  return { n, points, members, peer: (i, j) => combine(directed(i, j), directed(j, i)) };
}

export interface CohortGroup {
  memberIds: string[];
  /** Co-mentoring: the mean compatibility of the group's pairs. Groups: how mixed it is, in [0, 1]. */
  score: number;
  explanation: string;
}

/** Two members who share a group against a hard rule. */
export interface GroupConflict {
  /** In the group's member order. */
  memberIds: [string, string];
  /** `line_manager`: one is the other's line manager; `declined_before`: the pair is blocked. */
  reason: "line_manager" | "declined_before";
}

export interface CohortResult {
  groups: CohortGroup[];
  unmatched: string[];
  /** The sum of the groups' scores. */
  total: number;
  /**
   * Groups only: pairs the search could not keep apart (e.g. a manager and their report when there
   * is a single group). Absent when there are none.
   */
  conflicts?: GroupConflict[];
}

function groupOf(table: PeerTable, indices: readonly number[]): CohortGroup {
  const sorted = [...indices].sort((a, b) => a - b);
  const memberIds = sorted.map((i) => table.members[i]!.id);
  const pairs: { label: string; score: number; explanation: string }[] = [];
  for (let x = 0; x < sorted.length; x++) {
    for (let y = x + 1; y < sorted.length; y++) {
      const peer = table.peer(sorted[x]!, sorted[y]!);
      if (!peer.allowed)
        throw new Error(`A group holds a pair that is not allowed (${peer.reason})`);
      pairs.push({
        label: `${memberIds[x]} & ${memberIds[y]}`,
        score: peer.score,
        explanation: peer.explanation,
      });
    }
  }
  const score = pairs.reduce((sum, p) => sum + p.score, 0) / pairs.length;
  const explanation =
    pairs.length === 1
      ? pairs[0]!.explanation
      : `mean of ${pairs.length} pairs ${score.toFixed(2)}: ${pairs.map((p) => `${p.label} ${p.score.toFixed(2)} (${p.explanation})`).join("; ")}`;
  return { memberIds, score, explanation };
}

function resultOf(table: PeerTable, groups: readonly (readonly number[])[]): CohortResult {
  const built = groups.map((g) => groupOf(table, g));
  const order = groups
    .map((g, i) => ({ i, first: Math.min(...g) }))
    .sort((a, b) => a.first - b.first);
  const placed = new Set(groups.flat());
  return {
    groups: order.map(({ i }) => built[i]!),
    unmatched: table.members.filter((_, i) => !placed.has(i)).map((m) => m.id),
    total: built.reduce((sum, g) => sum + g.score, 0),
  };
}

/**
 * Co-mentoring pairs, exactly: as many pairs as the hard constraints allow, then the greatest total
 * compatibility (to a millionth of a point), by maximum-weight matching.
 */
export function formDyads(options: CohortOptions): CohortResult {
  const table = peerCompatibility(options);
  return resultOf(table, dyadsOf(table).groups);
}

function dyadsOf({ n, points }: PeerCompatibility): PeerPartition {
  const edges: WeightedEdge[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (points[i * n + j]! >= 0) edges.push([i, j, points[i * n + j]!]);
  const { pairs } = maxWeightMatching(n, edges, { maxCardinality: true, scale: 1 });
  return partitionOf(n, points, pairs);
}

// ---------------------------------------------------------------------------------------------
// Partitions into pairs and threes. Their value is each member's mean compatibility with the rest
// of their group, summed: a pair earns twice its score, a three the sum of its three pairs. It is
// neutral between sizes (a cohort where every pair scores x is worth n·x however it is split), so
// with sizes [2, 3] threes are used where they fit better, not merely to absorb an odd member.
// Partitions are compared by members placed first, then by value.

export type GroupSizes = readonly (2 | 3)[];

export interface PeerPartition {
  /** Member indices, each group ascending. */
  groups: number[][];
  /** Members in a group. */
  placed: number;
  /** The summed member-weighted compatibility, in millionths. */
  value: number;
}

/** Members placed outrank any value: the most value n members can earn is n × 1e6. */
const placedWeight = (n: number) => SCORE_SCALE * n + 1;

function partitionOf(
  n: number,
  points: Int32Array,
  groups: readonly (readonly number[])[],
): PeerPartition {
  let placed = 0;
  let value = 0;
  const out: number[][] = [];
  for (const g of groups) {
    if (g.length === 0) continue;
    const sorted = [...g].sort((a, b) => a - b);
    out.push(sorted);
    placed += sorted.length;
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length; y++)
        value += (points[sorted[x]! * n + sorted[y]!]! * 2) / (sorted.length - 1);
    }
  }
  out.sort((a, b) => a[0]! - b[0]!);
  return { groups: out, placed, value: Math.round(value) };
}

function checkSizes(sizes: GroupSizes) {
  if (sizes.length === 0 || sizes.some((s) => s !== 2 && s !== 3)) {
    throw new CohortError("invalid_group_size", "Co-mentoring groups are pairs (2) or threes (3)");
  }
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same cohort. */
function random(seed: number) {
  let state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, next: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export interface PartitionSearchOptions {
  sizes: GroupSizes;
  seed: number;
  /** Perturb-and-improve rounds after the first local optimum; more is slower and rarely better. */
  kicks?: number;
}

/**
 * A good partition into groups of the allowed sizes, every pair in a group allowed: a construction
 * (maximum matching when pairs are allowed, else greedy threes from the most constrained member),
 * then local search (moves, swaps, new groups from the unplaced) with seeded perturbations.
 */
export function searchPartition(
  c: PeerCompatibility,
  { sizes, seed, kicks }: PartitionSearchOptions,
): PeerPartition {
  checkSizes(sizes);
  const { n, points } = c;
  const two = sizes.includes(2);
  const three = sizes.includes(3);
  const big = placedWeight(n);
  const pt = (a: number, b: number) => points[a * n + b]!;
  /** The worth of a pair (z = -1) or three: big per member plus its value; -Infinity if not allowed. */
  const worthOf = (x: number, y: number, z: number): number => {
    const p = pt(x, y);
    if (z < 0) return two && p >= 0 ? 2 * big + 2 * p : -Infinity;
    const q = pt(x, z);
    const r = pt(y, z);
    return three && p >= 0 && q >= 0 && r >= 0 ? 3 * big + p + q + r : -Infinity;
  };
  const worth = (g: readonly number[]): number =>
    g.length === 0
      ? 0
      : g.length === 2
        ? worthOf(g[0]!, g[1]!, -1)
        : g.length === 3
          ? worthOf(g[0]!, g[1]!, g[2]!)
          : -Infinity;
  const next = random(seed);

  // State: groups (some may fall empty) and where each member is (-1: unplaced).
  let groups: number[][] = [];
  let where = new Int32Array(n).fill(-1);
  const put = (list: readonly (readonly number[])[]) => {
    groups = list.map((g) => [...g]);
    where = new Int32Array(n).fill(-1);
    groups.forEach((g, gi) => g.forEach((m) => (where[m] = gi)));
  };
  const total = () => groups.reduce((sum, g) => sum + worth(g), 0);
  const without = (g: readonly number[], m: number) => g.filter((x) => x !== m);

  if (two) {
    put(dyadsOf(c).groups);
  } else {
    // Greedy threes: the member with the fewest allowed partners first, with the best allowed three.
    const degree = Array.from({ length: n }, (_, i) => {
      let d = 0;
      for (let j = 0; j < n; j++) if (pt(i, j) >= 0) d++;
      return d;
    });
    const tiebreak = shuffled(n, next);
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => degree[a]! - degree[b]! || tiebreak[a]! - tiebreak[b]!,
    );
    const taken = new Uint8Array(n);
    const built: number[][] = [];
    for (const a of order) {
      if (taken[a]) continue;
      let best: [number, number] | null = null;
      let bestValue = -1;
      for (let j = 0; j < n; j++) {
        if (taken[j] || j === a || pt(a, j) < 0) continue;
        for (let k = j + 1; k < n; k++) {
          if (taken[k] || k === a || pt(a, k) < 0 || pt(j, k) < 0) continue;
          const v = pt(a, j) + pt(a, k) + pt(j, k);
          if (v > bestValue) {
            bestValue = v;
            best = [j, k];
          }
        }
      }
      if (best) {
        built.push([a, ...best]);
        taken[a] = taken[best[0]] = taken[best[1]] = 1;
      }
    }
    put(built);
  }

  const order = shuffled(n, next);
  const unplaced = () => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (where[i] === -1) out.push(i);
    return out;
  };

  const edit = new Int32Array(4);
  /** The worth of group g without member `drop` and with member `add` (-1: none), computed in place. */
  const edited = (g: readonly number[] | null, drop: number, add: number): number => {
    const kept = edit;
    let count = 0;
    if (g) for (const m of g) if (m !== drop && count < 4) kept[count++] = m;
    if (add >= 0 && count < 4) kept[count++] = add;
    return count === 0
      ? 0
      : count === 2
        ? worthOf(kept[0]!, kept[1]!, -1)
        : count === 3
          ? worthOf(kept[0]!, kept[1]!, kept[2]!)
          : -Infinity;
  };

  // Moves for one member: into another group, a swap, into the place of an unplaced member, a new
  // group from the unplaced, or (unplaced) pairing with a member taken from a three, or from a pair
  // whose other member joins another pair.
  const MOVE = 1;
  const SWAP = 2;
  const REPLACE = 3;
  const NEW_PAIR = 4;
  const NEW_THREE = 5;
  const SPLIT = 6;
  const CHAIN = 7;

  /** The best improving move for member a, applied; whether there was one. */
  const improveMember = (a: number): boolean => {
    const ga = where[a]!;
    const own = ga >= 0 ? groups[ga]! : null;
    const ownWorth = own ? worth(own) : 0;
    const restWorth = edited(own, a, -1);
    let bestDelta = 0;
    let kind = 0;
    let target = -1;
    let other1 = -1;
    let other2 = -1;
    const consider = (delta: number, k: number, h: number, b: number, d: number) => {
      if (delta > bestDelta) {
        bestDelta = delta;
        kind = k;
        target = h;
        other1 = b;
        other2 = d;
      }
    };
    for (let h = 0; h < groups.length; h++) {
      const group = groups[h]!;
      if (h === ga || group.length === 0) continue;
      const groupWorth = worth(group);
      consider(restWorth - ownWorth + edited(group, -1, a) - groupWorth, MOVE, h, -1, -1);
      for (const b of group) {
        consider(edited(own, a, b) - ownWorth + edited(group, b, a) - groupWorth, SWAP, h, b, -1);
        if (!own && two && group.length === 3)
          consider(edited(group, b, -1) - groupWorth + worthOf(a, b, -1), SPLIT, h, b, -1);
        if (!own && two && three && group.length === 2 && pt(a, b) >= 0) {
          // An unplaced a pairs with b, whose partner c joins another pair as its third.
          const c = group[0] === b ? group[1]! : group[0]!;
          for (let h2 = 0; h2 < groups.length; h2++) {
            const next = groups[h2]!;
            if (h2 === h || next.length !== 2) continue;
            consider(
              worthOf(a, b, -1) - groupWorth + edited(next, -1, c) - worth(next),
              CHAIN,
              h,
              b,
              h2,
            );
          }
        }
      }
    }
    const free = unplaced();
    for (let x = 0; x < free.length; x++) {
      const b = free[x]!;
      if (b === a) continue;
      if (own) {
        consider(edited(own, a, b) - ownWorth, REPLACE, ga, b, -1);
        continue;
      }
      if (two) consider(worthOf(a, b, -1), NEW_PAIR, -1, b, -1);
      if (three) {
        for (let y = x + 1; y < free.length; y++) {
          const d = free[y]!;
          if (d !== a) consider(worthOf(a, b, d), NEW_THREE, -1, b, d);
        }
      }
    }
    switch (kind) {
      case MOVE:
        if (own) groups[ga] = without(own, a);
        groups[target]!.push(a);
        where[a] = target;
        return true;
      case SWAP:
        if (own) groups[ga] = [...without(own, a), other1];
        groups[target] = [...without(groups[target]!, other1), a];
        where[other1] = ga;
        where[a] = target;
        return true;
      case REPLACE:
        groups[ga] = [...without(own!, a), other1];
        where[other1] = ga;
        where[a] = -1;
        return true;
      case NEW_PAIR:
      case NEW_THREE:
        groups.push(kind === NEW_PAIR ? [a, other1] : [a, other1, other2]);
        where[a] = where[other1] = groups.length - 1;
        if (kind === NEW_THREE) where[other2] = groups.length - 1;
        return true;
      case SPLIT:
        groups[target] = without(groups[target]!, other1);
        groups.push([a, other1]);
        where[a] = where[other1] = groups.length - 1;
        return true;
      case CHAIN: {
        const c = groups[target]![0] === other1 ? groups[target]![1]! : groups[target]![0]!;
        groups[target] = [a, other1];
        where[a] = target;
        groups[other2]!.push(c);
        where[c] = other2;
        return true;
      }
      default:
        return false;
    }
  };

  const localSearch = () => {
    for (let improved = true; improved;) {
      improved = false;
      for (const a of order) if (improveMember(a)) improved = true;
    }
  };

  /** Random swaps that keep every group allowed. */
  const perturb = () => {
    const wanted = 2 + Math.floor(next() * 3);
    for (let done = 0, tries = 0; done < wanted && tries < 50; tries++) {
      const a = Math.floor(next() * n);
      const b = Math.floor(next() * n);
      const ga = where[a]!;
      const gb = where[b]!;
      if (ga === gb) continue;
      const newA = ga >= 0 ? [...without(groups[ga]!, a), b] : null;
      const newB = gb >= 0 ? [...without(groups[gb]!, b), a] : null;
      if ((newA && worth(newA) === -Infinity) || (newB && worth(newB) === -Infinity)) continue;
      if (newA) groups[ga] = newA;
      if (newB) groups[gb] = newB;
      where[a] = gb;
      where[b] = ga;
      done++;
    }
  };

  localSearch();
  let best = groups.map((g) => [...g]);
  let bestTotal = total();
  const rounds = kicks ?? Math.max(2, Math.min(100, Math.round(1000 / Math.max(1, n))));
  for (let round = 0; round < rounds && n > 3; round++) {
    perturb();
    localSearch();
    const now = total();
    if (now > bestTotal) {
      best = groups.map((g) => [...g]);
      bestTotal = now;
    } else if (now < bestTotal) {
      put(best);
    }
  }
  return partitionOf(n, points, best);
}

/** The largest cohort `exactPartition` accepts: 2^n subsets are visited. */
export const MAX_EXACT_MEMBERS = 18;

/** The best partition, exactly, by dynamic programming over subsets (lowest member first). */
export function exactPartition(
  c: PeerCompatibility,
  { sizes }: { sizes: GroupSizes },
): PeerPartition {
  checkSizes(sizes);
  const { n, points } = c;
  if (n > MAX_EXACT_MEMBERS) {
    throw new CohortError(
      "too_many_for_exact",
      `An exact partition is for at most ${MAX_EXACT_MEMBERS} members`,
    );
  }
  const two = sizes.includes(2);
  const three = sizes.includes(3);
  const big = placedWeight(n);
  const pt = (a: number, b: number) => points[a * n + b]!;
  const best = new Float64Array(1 << n);
  /** How the lowest member of the subset was placed: 0 unplaced, else 1 + j + n·(1 + k) (k = -1 for a pair). */
  const choice = new Int32Array(1 << n);
  // Who may join whom, as bit sets, so the loops visit allowed partners only.
  const allowed = new Int32Array(n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (j !== i && pt(i, j) >= 0) allowed[i]! |= 1 << j;
  for (let mask = 1; mask < 1 << n; mask++) {
    const i = 31 - Math.clz32(mask & -mask);
    const rest = mask & ~(1 << i);
    let value = best[rest]!;
    let how = 0;
    for (let js = rest & allowed[i]!; js !== 0; js &= js - 1) {
      const j = 31 - Math.clz32(js & -js);
      const withoutJ = rest & ~(1 << j);
      if (two) {
        const v = best[withoutJ]! + 2 * big + 2 * pt(i, j);
        if (v > value) {
          value = v;
          how = 1 + j;
        }
      }
      if (!three) continue;
      // Only k above j, so each three is tried once.
      for (
        let ks = withoutJ & allowed[i]! & allowed[j]! & ~((2 << j) - 1);
        ks !== 0;
        ks &= ks - 1
      ) {
        const k = 31 - Math.clz32(ks & -ks);
        const v = best[withoutJ & ~(1 << k)]! + 3 * big + pt(i, j) + pt(i, k) + pt(j, k);
        if (v > value) {
          value = v;
          how = 1 + j + n * (1 + k);
        }
      }
    }
    best[mask] = value;
    choice[mask] = how;
  }
  const groups: number[][] = [];
  for (let mask = (1 << n) - 1; mask > 0;) {
    const i = 31 - Math.clz32(mask & -mask);
    const how = choice[mask]!;
    mask &= ~(1 << i);
    if (how === 0) continue;
    const j = (how - 1) % n;
    const k = Math.floor((how - 1) / n) - 1;
    groups.push(k >= 0 ? [i, j, k] : [i, j]);
    mask &= ~(1 << j);
    if (k >= 0) mask &= ~(1 << k);
  }
  return partitionOf(n, points, groups);
}

export interface PartitionGap {
  heuristic: { placed: number; value: number };
  exact: { placed: number; value: number };
  /** Heuristic value over exact value (1 when both are 0), values in score points. */
  ratio: number;
}

/** How far the search falls short of the exact optimum on this compatibility table. */
export function partitionGap(c: PeerCompatibility, options: PartitionSearchOptions): PartitionGap {
  const found = searchPartition(c, options);
  const exact = exactPartition(c, options);
  return {
    heuristic: { placed: found.placed, value: found.value / SCORE_SCALE },
    exact: { placed: exact.placed, value: exact.value / SCORE_SCALE },
    ratio: exact.value === 0 ? 1 : found.value / exact.value,
  };
}

export interface TriadOptions extends CohortOptions {
  seed: number;
  /** The scheme's `groupSizes`: threes only, or pairs and threes. */
  sizes: GroupSizes;
}

/**
 * Co-mentoring threes (or pairs and threes): every pair in a group allowed, then as many members
 * placed as the search finds, then the greatest summed compatibility. Deterministic for a seed.
 * Pairs alone are formed exactly (`formDyads`).
 */
export function formTriads({ sizes, seed, ...options }: TriadOptions): CohortResult {
  checkSizes(sizes);
  if (!sizes.includes(3)) return formDyads(options);
  const table = peerCompatibility(options);
  return resultOf(table, searchPartition(table, { sizes, seed }).groups);
}

/** The exact optimum of `formTriads`' objective, for cohorts of at most `MAX_EXACT_MEMBERS`. */
export function exactTriads({ sizes, ...options }: Omit<TriadOptions, "seed">): CohortResult {
  const table = peerCompatibility(options);
  return resultOf(table, exactPartition(table, { sizes }).groups);
}

/** The heuristic's gap from the exact optimum on a real cohort (for benchmarks). */
export function measureTriadGap({ sizes, seed, ...options }: TriadOptions): PartitionGap {
  return partitionGap(peerCompatibility(options), { sizes, seed });
}

// ---------------------------------------------------------------------------------------------
// Groups (mastermind, action learning sets): fewest groups, sizes within one, hard rules kept, mix
// balanced.

/** What `formGroups` reads of a member beyond the mix: who they are and who manages them. */
export interface GroupMember {
  id: string;
  /** The person behind the member (defaults to `id`), as `lineManagerPersonId` names them. */
  personId?: string;
  lineManagerPersonId?: string | null;
}

export interface FormGroupsOptions<T extends GroupMember> {
  members: readonly T[];
  maxSize: number;
  /** What to mix by, most important first (e.g. specialty, then organisation). */
  mixBy: ((m: T) => string) | readonly ((m: T) => string)[];
  /** Names for the mix keys in explanations, in the same order. */
  mixLabels?: readonly string[];
  seed: number;
  /** Pairs of member ids (`pairKey`, either order) who must not share a group. */
  blocked?: BlockedPairs;
}

/**
 * The fewest groups of at most `maxSize`, sizes differing by at most one, no one with their line
 * manager or a blocked partner, each key's values spread as evenly as possible: dealt round-robin by
 * the first key's values, then members swapped while a swap lowers the number of such conflicts, or
 * keeps it and lowers, key by key, the largest count of any value in any group and then the sum of
 * squared counts. Without conflicts the first key ends perfectly spread (every value's count per
 * group within one); conflicts the swaps cannot remove are listed in `conflicts`.
 */
export function formGroups<T extends GroupMember>({
  members,
  maxSize,
  mixBy,
  mixLabels,
  seed,
  blocked,
}: FormGroupsOptions<T>): CohortResult {
  if (!Number.isInteger(maxSize) || maxSize < 1)
    throw new CohortError(
      "invalid_group_size",
      "The largest group size must be a whole number, 1 or more",
    );
  checkUnique(members.map((m) => m.id));
  const n = members.length;
  if (n === 0) return { groups: [], unmatched: [], total: 0 };
  const keys = typeof mixBy === "function" ? [mixBy] : [...mixBy];
  const groupCount = Math.ceil(n / maxSize);
  const next = random(seed);

  // Category indices per key, numbered by first appearance.
  const names: string[][] = keys.map(() => []);
  const category: Int32Array[] = keys.map((of, k) => {
    const index = new Map<string, number>();
    return Int32Array.from(members, (m) => {
      const value = of(m);
      let c = index.get(value);
      if (c === undefined) {
        c = index.size;
        index.set(value, c);
        names[k]!.push(value);
      }
      return c;
    });
  });

  // Round-robin dealing of the members sorted by the first key's values (commonest first).
  const where = new Int32Array(n);
  if (keys.length > 0) {
    const first = category[0]!;
    const size = new Map<number, number>();
    for (const c of first) size.set(c, (size.get(c) ?? 0) + 1);
    const tiebreak = shuffled(n, next);
    const dealt = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        size.get(first[b]!)! - size.get(first[a]!)! ||
        first[a]! - first[b]! ||
        tiebreak[a]! - tiebreak[b]!,
    );
    dealt.forEach((m, t) => (where[m] = t % groupCount));
  } else {
    for (let i = 0; i < n; i++) where[i] = i % groupCount;
  }

  // Hard rules: who may not share a group with whom (each conflicting pair listed both ways).
  const rule = new Map<number, GroupConflict["reason"]>();
  const conflictWith: number[][] = Array.from({ length: n }, () => []);
  const forbid = (i: number, j: number, reason: GroupConflict["reason"]) => {
    if (i === j) return;
    const key = Math.min(i, j) * n + Math.max(i, j);
    if (rule.has(key)) return;
    rule.set(key, reason);
    conflictWith[i]!.push(j);
    conflictWith[j]!.push(i);
  };
  const byPerson = new Map<string, number[]>();
  members.forEach((m, i) => {
    const person = m.personId ?? m.id;
    const same = byPerson.get(person);
    if (same) same.push(i);
    else byPerson.set(person, [i]);
  });
  members.forEach((m, i) => {
    if (m.lineManagerPersonId == null) return;
    for (const j of byPerson.get(m.lineManagerPersonId) ?? []) forbid(i, j, "line_manager");
  });
  if (blocked && blocked.size > 0) {
    const index = new Map(members.map((m, i) => [m.id, i]));
    if (blocked.size < (n * (n - 1)) / 2) {
      for (const key of blocked) {
        const cut = key.indexOf("\u0000");
        const i = index.get(key.slice(0, cut));
        const j = index.get(key.slice(cut + 1));
        if (
          cut >= 0 &&
          i !== undefined &&
          j !== undefined &&
          pairKey(members[i]!.id, members[j]!.id) === key
        )
          forbid(i, j, "declined_before");
      }
    } else {
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          if (i !== j && blocked.has(pairKey(members[i]!.id, members[j]!.id)))
            forbid(i, j, "declined_before");
    }
  }
  /** How many of m's conflicts are in group g, leaving out member `except`. */
  const conflictsIn = (m: number, g: number, except: number) => {
    let count = 0;
    for (const c of conflictWith[m]!) if (c !== except && where[c] === g) count++;
    return count;
  };

  // Counts per (key, group, value), with how many cells hold each count, for a running maximum.
  const counts = keys.map((_, k) => new Int32Array(groupCount * names[k]!.length));
  const atLevel = keys.map(() => new Int32Array(n + 2));
  const maxOf = new Int32Array(keys.length);
  const squares = new Float64Array(keys.length);
  for (let k = 0; k < keys.length; k++) atLevel[k]![0] = counts[k]!.length;
  const bump = (k: number, g: number, c: number, by: 1 | -1) => {
    const cells = counts[k]!;
    const cell = g * names[k]!.length + c;
    const before = cells[cell]!;
    const after = before + by;
    cells[cell] = after;
    atLevel[k]![before]!--;
    atLevel[k]![after]!++;
    squares[k]! += after * after - before * before;
    if (after > maxOf[k]!) maxOf[k] = after;
    while (maxOf[k]! > 0 && atLevel[k]![maxOf[k]!] === 0) maxOf[k]!--;
  };
  const move = (m: number, to: number) => {
    for (let k = 0; k < keys.length; k++) {
      bump(k, where[m]!, category[k]![m]!, -1);
      bump(k, to, category[k]![m]!, 1);
    }
    where[m] = to;
  };
  for (let m = 0; m < n; m++)
    for (let k = 0; k < keys.length; k++) bump(k, where[m]!, category[k]![m]!, 1);

  /** Negative if the current mix is better than `before`, positive if worse. */
  const snapshot = () =>
    Array.from({ length: keys.length * 2 }, (_, i) =>
      i % 2 === 0 ? maxOf[i >> 1]! : squares[i >> 1]!,
    );
  const compare = (a: readonly number[], b: readonly number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };

  const order = shuffled(n, next);
  for (let improved = true, passes = 0; improved && passes < 100; passes++) {
    improved = false;
    for (let x = 0; x < n; x++) {
      for (let y = x + 1; y < n; y++) {
        const a = order[x]!;
        const b = order[y]!;
        const ga = where[a]!;
        const gb = where[b]!;
        if (ga === gb) continue;
        // Conflicts first: a swap that adds one is never made, one that removes one always is.
        const added =
          conflictsIn(a, gb, b) +
          conflictsIn(b, ga, a) -
          conflictsIn(a, ga, a) -
          conflictsIn(b, gb, b);
        if (added > 0) continue;
        const before = snapshot();
        move(a, gb);
        move(b, ga);
        if (added < 0 || compare(snapshot(), before) < 0) {
          improved = true;
        } else {
          move(a, ga);
          move(b, gb);
        }
      }
    }
  }

  const groups: CohortGroup[] = Array.from({ length: groupCount }, (_, g) => {
    const inGroup = members.flatMap((m, i) => (where[i] === g ? [i] : []));
    const parts = keys.map((_, k) => {
      const tally = new Map<number, number>();
      for (const i of inGroup) tally.set(category[k]![i]!, (tally.get(category[k]![i]!) ?? 0) + 1);
      const listed = [...tally.entries()]
        .sort((p, q) => q[1] - p[1] || p[0] - q[0])
        .map(([c, count]) => `${names[k]![c]} ${count}`)
        .join(", ");
      return mixLabels?.[k] ? `${mixLabels[k]}: ${listed}` : listed;
    });
    // Score: the share of the distinct first-key values the group could hold that it does hold.
    const distinct = keys.length > 0 ? new Set(inGroup.map((i) => category[0]![i]!)).size : 0;
    const possible = keys.length > 0 ? Math.min(inGroup.length, names[0]!.length) : 0;
    return {
      memberIds: inGroup.map((i) => members[i]!.id),
      score: possible > 0 ? distinct / possible : 1,
      explanation: [`${inGroup.length} members`, ...parts].join(" · "),
    };
  });
  groups.sort(
    (p, q) =>
      members.findIndex((m) => m.id === p.memberIds[0]) -
      members.findIndex((m) => m.id === q.memberIds[0]),
  );
  const conflicts: GroupConflict[] = [];
  const indexOf = new Map(members.map((m, i) => [m.id, i]));
  for (const { memberIds } of groups) {
    const inGroup = memberIds.map((id) => indexOf.get(id)!);
    for (let x = 0; x < inGroup.length; x++) {
      for (let y = x + 1; y < inGroup.length; y++) {
        const i = inGroup[x]!;
        const j = inGroup[y]!;
        const reason = rule.get(Math.min(i, j) * n + Math.max(i, j));
        if (reason) conflicts.push({ memberIds: [members[i]!.id, members[j]!.id], reason });
      }
    }
  }
  return {
    groups,
    unmatched: [],
    total: groups.reduce((sum, g) => sum + g.score, 0),
    ...(conflicts.length > 0 ? { conflicts } : {}),
  };
}

// ---------------------------------------------------------------------------------------------

export interface FormCohortOptions extends CohortOptions {
  seed: number;
}

export type CohortFormation = CohortResult & { format: "dyads" | "triads" | "groups" };

/** Forms a scheme's cohort as its format says: co-mentoring pairs or threes, or mixed groups. */
export function formCohort({ members, rules, blocked, seed }: FormCohortOptions): CohortFormation {
  const { format } = rules;
  switch (format.kind) {
    case "co_mentoring": {
      const sizes = [...new Set(format.groupSizes)].sort();
      if (!sizes.includes(3)) return { format: "dyads", ...formDyads({ members, rules, blocked }) };
      return { format: "triads", ...formTriads({ members, rules, blocked, seed, sizes }) };
    }
    case "group":
      return {
        format: "groups",
        ...formGroups({
          members,
          maxSize: format.maxSize,
          mixBy: [
            (m) => m.specialty ?? "specialty unknown",
            (m) => m.organisationId ?? "organisation unknown",
          ],
          mixLabels: ["specialty", "organisation"],
          seed,
          blocked,
        }),
      };
    case "one_to_one":
      throw new CohortError(
        "not_a_cohort_format",
        "One-to-one schemes are matched by allocation, not formed into a cohort",
      );
  }
}
