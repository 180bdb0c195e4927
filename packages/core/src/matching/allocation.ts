// Coordinator suggestions (SPEC section 5, `allocation` mode): each mentee's best mentors, each priced by
// what forcing that pair would cost the whole optimal allocation, read off the optimum's residual graph.
import type { SchemeRules } from "../rules/schema";
import { type AssignmentInstance, type AssignmentObjective, type AssignmentResult, solveAssignment } from "./assignment";
import type { RankedMentor } from "./modes";
import {
  type BlockedPairs,
  buildCandidatesIndexed,
  distanceKm,
  type MenteeCandidate,
  type MentorCandidate,
  pairKey,
  scorePair,
  type ScoreTerm,
} from "./score";

/** Scores are compared as integers in units of 1e-9 (as the solver does), so sums are exact. */
const SCALE = 1e9;
const units = (score: number) => Math.round(score * SCALE);

export type Explanations = Map<string, { score: number; terms: ScoreTerm[]; explanation: string }>;

export interface CandidateOptions {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
  blocked?: BlockedPairs;
  topK: number;
  locked?: [string, string][];
}

/**
 * `buildCandidatesIndexed` (the same candidates as the full scan, found through the mentor index), plus any locked pair that fell outside a mentee's top K (scored on its own), so a
 * lock on an allowed pair never makes the instance invalid. A lock on a pair that is not allowed is left
 * for `solveAssignment` to reject.
 */
export function candidateInstance(o: CandidateOptions): { instance: Omit<AssignmentInstance, "objective">; explanations: Explanations } {
  const { instance, explanations } = buildCandidatesIndexed({ mentees: o.mentees, mentors: o.mentors, rules: o.rules, topK: o.topK, blocked: o.blocked });
  const locked = o.locked ?? [];
  if (locked.length === 0) return { instance, explanations };
  const menteeById = new Map(o.mentees.map((mentee) => [mentee.id, mentee]));
  const mentorById = new Map(o.mentors.map((mentor) => [mentor.id, mentor]));
  const pairs = [...instance.pairs];
  for (const [a, b] of locked) {
    const key = pairKey(a, b);
    if (explanations.has(key)) continue;
    const mentee = menteeById.get(a);
    const mentor = mentorById.get(b);
    if (!mentee || !mentor) continue;
    const result = scorePair({ mentee, mentor, rules: o.rules, blocked: o.blocked });
    if (!result.allowed) continue;
    pairs.push([a, b, result.score]);
    explanations.set(key, { score: result.score, terms: result.terms, explanation: result.explanation });
  }
  return { instance: { ...instance, pairs }, explanations };
}

/** A lexicographic cost: `a` first (minus the pairs matched, or 0 for `max_score`), then `b` (minus score units). */
const lexLess = (a1: number, b1: number, a2: number, b2: number) => a1 < a2 || (a1 === a2 && b1 < b2);

/**
 * The residual graph of an allocation as a circulation: source -> mentee -> mentor -> sink -> source.
 * Locked mentees are left out and their mentors' places reduced. Nodes: mentees 0..n-1, mentors
 * n..n+m-1, then the source and the sink.
 */
export class ResidualGraph {
  readonly n: number;
  readonly m: number;
  readonly source: number;
  readonly sink: number;
  readonly nodes: number;
  readonly menteeIndex = new Map<string, number>();
  readonly mentorIndex = new Map<string, number>();
  /** Per mentee: the locked mentor, or -1. */
  readonly lockedMentor: Int32Array;
  /** Per mentee: the mentor in the allocation (locked or not), or -1. */
  readonly assignedMentor: Int32Array;
  /** Per allowed, not excluded pair `i * m + j`: its cost `[a, b]`. */
  readonly pairCost = new Map<number, [number, number]>();
  readonly placesLeft: Int32Array;
  /** Arcs in compressed rows by tail node. */
  readonly start: Int32Array;
  readonly to: Int32Array;
  readonly costA: Float64Array;
  readonly costB: Float64Array;
  /** +1 for sink -> source (one more matched), -1 for source -> sink, else 0. */
  readonly matchedDelta: Int8Array;
  potentialA: Float64Array;
  potentialB: Float64Array;

  constructor(instance: AssignmentInstance, result: AssignmentResult, o: { circulation: boolean }) {
    const n = instance.mentees.length;
    const m = instance.mentors.length;
    this.n = n;
    this.m = m;
    this.source = n + m;
    this.sink = n + m + 1;
    this.nodes = n + m + 2;
    instance.mentees.forEach((mentee, i) => this.menteeIndex.set(mentee.id, i));
    instance.mentors.forEach((mentor, j) => this.mentorIndex.set(mentor.id, j));
    const lex = instance.objective === "max_matched_then_score" ? -1 : 0;
    const excluded = new Set((instance.excluded ?? []).map(([a, b]) => pairKey(a, b)));
    this.lockedMentor = new Int32Array(n).fill(-1);
    this.placesLeft = new Int32Array(m);
    instance.mentors.forEach((mentor, j) => (this.placesLeft[j] = mentor.capacity));
    for (const [a, b] of instance.locked ?? []) {
      const i = this.menteeIndex.get(a)!;
      const j = this.mentorIndex.get(b)!;
      if (this.lockedMentor[i] === j) continue;
      this.lockedMentor[i] = j;
      this.placesLeft[j]!--;
    }
    for (const [a, b, score] of instance.pairs) {
      if (excluded.size > 0 && excluded.has(pairKey(a, b))) continue;
      const i = this.menteeIndex.get(a)!;
      const j = this.mentorIndex.get(b)!;
      this.pairCost.set(i * m + j, [lex, -units(score)]);
    }
    this.assignedMentor = new Int32Array(n).fill(-1);
    const load = new Int32Array(m);
    let flow = 0;
    for (const [a, b] of result.assignment) {
      const i = this.menteeIndex.get(a)!;
      const j = this.mentorIndex.get(b)!;
      this.assignedMentor[i] = j;
      if (this.lockedMentor[i] === -1) {
        load[j]!++;
        flow++;
      }
    }

    const tail: number[] = [];
    const head: number[] = [];
    const ca: number[] = [];
    const cb: number[] = [];
    const delta: number[] = [];
    const arc = (x: number, y: number, a: number, b: number, d = 0) => {
      tail.push(x);
      head.push(y);
      ca.push(a);
      cb.push(b);
      delta.push(d);
    };
    for (const [a, b] of instance.pairs) {
      const i = this.menteeIndex.get(a)!;
      const j = this.mentorIndex.get(b)!;
      const cost = this.pairCost.get(i * m + j);
      if (!cost || this.lockedMentor[i] !== -1) continue;
      if (this.assignedMentor[i] === j) arc(n + j, i, -cost[0], -cost[1]);
      else arc(i, n + j, cost[0], cost[1]);
    }
    for (let i = 0; i < n; i++) {
      if (this.lockedMentor[i] !== -1) continue;
      if (this.assignedMentor[i] === -1) arc(this.source, i, 0, 0);
      else arc(i, this.source, 0, 0);
    }
    for (let j = 0; j < m; j++) {
      if (load[j]! < this.placesLeft[j]!) arc(n + j, this.sink, 0, 0);
      if (load[j]! > 0) arc(this.sink, n + j, 0, 0);
    }
    if (o.circulation) {
      arc(this.sink, this.source, 0, 0, 1);
      if (flow > 0) arc(this.source, this.sink, 0, 0, -1);
    }

    const arcs = tail.length;
    this.start = new Int32Array(this.nodes + 1);
    for (const x of tail) this.start[x + 1]!++;
    for (let v = 0; v < this.nodes; v++) this.start[v + 1] = this.start[v + 1]! + this.start[v]!;
    const fill = this.start.slice(0, this.nodes);
    this.to = new Int32Array(arcs);
    this.costA = new Float64Array(arcs);
    this.costB = new Float64Array(arcs);
    this.matchedDelta = new Int8Array(arcs);
    for (let k = 0; k < arcs; k++) {
      const e = fill[tail[k]!]!++;
      this.to[e] = head[k]!;
      this.costA[e] = ca[k]!;
      this.costB[e] = cb[k]!;
      this.matchedDelta[e] = delta[k]!;
    }
    this.potentialA = new Float64Array(this.nodes);
    this.potentialB = new Float64Array(this.nodes);
  }

  /**
   * Potentials under which every arc's reduced cost is lexicographically non-negative: shortest
   * distances from a virtual node joined to all (queue-based Bellman-Ford). Throws if the allocation
   * is not optimal (a negative cycle).
   */
  computePotentials(): void {
    const { nodes, start, to, costA, costB } = this;
    const pa = new Float64Array(nodes);
    const pb = new Float64Array(nodes);
    const queue = new Int32Array(nodes + 1);
    const inQueue = new Uint8Array(nodes).fill(1);
    const passes = new Int32Array(nodes);
    for (let v = 0; v < nodes; v++) queue[v] = v;
    let head = 0;
    let size = nodes;
    while (size > 0) {
      const u = queue[head]!;
      head = (head + 1) % queue.length;
      size--;
      inQueue[u] = 0;
      if (++passes[u]! > nodes + 1) throw new Error("The allocation is not optimal: its residual graph has a negative cycle");
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        const v = to[e]!;
        const a = pa[u]! + costA[e]!;
        const b = pb[u]! + costB[e]!;
        if (lexLess(a, b, pa[v]!, pb[v]!)) {
          pa[v] = a;
          pb[v] = b;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue[(head + size) % queue.length] = v;
            size++;
          }
        }
      }
    }
    this.potentialA = pa;
    this.potentialB = pb;
  }

  private distA = new Float64Array(0);
  private distB = new Float64Array(0);
  private distMatched = new Int32Array(0);
  private state = new Uint8Array(0);
  private touched: number[] = [];
  private lastFrom = -1;
  private heap = new LexHeap();

  /**
   * Shortest paths from `from` (Dijkstra on reduced costs), stopping once every target is settled.
   * Read the results with `distance`. Needs `computePotentials` first.
   */
  shortestFrom(from: number, targets: readonly number[]): void {
    const { nodes, start, to, costA, costB, matchedDelta, potentialA: pa, potentialB: pb } = this;
    if (this.state.length !== nodes) {
      this.distA = new Float64Array(nodes);
      this.distB = new Float64Array(nodes);
      this.distMatched = new Int32Array(nodes);
      this.state = new Uint8Array(nodes);
    }
    const { distA, distB, distMatched, state } = this;
    for (const v of this.touched) state[v] = 0;
    this.touched = [];
    // state: 0 unseen, 1 in the heap, 2 settled.
    const isTarget = new Set(targets);
    let remaining = isTarget.size;
    const heap = this.heap;
    heap.size = 0;
    distA[from] = 0;
    distB[from] = 0;
    distMatched[from] = 0;
    state[from] = 1;
    this.touched.push(from);
    heap.push(0, 0, from);
    while (heap.size > 0 && remaining > 0) {
      const u = heap.topNode();
      const ka = heap.topA();
      const kb = heap.topB();
      heap.pop();
      if (state[u] === 2 || ka !== distA[u] || kb !== distB[u]) continue;
      state[u] = 2;
      if (isTarget.has(u)) remaining--;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        const v = to[e]!;
        if (state[v] === 2) continue;
        const a = ka + costA[e]! + pa[u]! - pa[v]!;
        const b = kb + costB[e]! + pb[u]! - pb[v]!;
        if (state[v] === 0 || lexLess(a, b, distA[v]!, distB[v]!)) {
          if (state[v] === 0) this.touched.push(v);
          state[v] = 1;
          distA[v] = a;
          distB[v] = b;
          distMatched[v] = distMatched[u]! + matchedDelta[e]!;
          heap.push(a, b, v);
        }
      }
    }
    this.lastFrom = from;
  }


  /** The true (not reduced) distance from the last search's start, or null if not reached. */
  distance(v: number): { a: number; b: number; matched: number } | null {
    if (this.state[v] !== 2) return null;
    const u = this.lastFrom;
    return {
      a: this.distA[v]! - this.potentialA[u]! + this.potentialA[v]!,
      b: this.distB[v]! - this.potentialB[u]! + this.potentialB[v]!,
      matched: this.distMatched[v]!,
    };
  }
}

/** A binary min-heap of (a, b, node), ordered lexicographically, with lazy deletion, on typed arrays. */
class LexHeap {
  private a = new Float64Array(256);
  private b = new Float64Array(256);
  private node = new Int32Array(256);
  size = 0;
  topA() {
    return this.a[0]!;
  }
  topB() {
    return this.b[0]!;
  }
  topNode() {
    return this.node[0]!;
  }
  push(ka: number, kb: number, v: number) {
    if (this.size === this.node.length) {
      const grow = <T extends Float64Array | Int32Array>(old: T, next: T) => {
        next.set(old);
        return next;
      };
      this.a = grow(this.a, new Float64Array(this.size * 2));
      this.b = grow(this.b, new Float64Array(this.size * 2));
      this.node = grow(this.node, new Int32Array(this.size * 2));
    }
    const { a, b, node } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pa = a[p]!;
      const pb = b[p]!;
      if (pa < ka || (pa === ka && (pb < kb || (pb === kb && node[p]! <= v)))) break;
      a[i] = pa;
      b[i] = pb;
      node[i] = node[p]!;
      i = p;
    }
    a[i] = ka;
    b[i] = kb;
    node[i] = v;
  }
  /** Removes the top; read it first. */
  pop() {
    const { a, b, node } = this;
    const size = --this.size;
    if (size === 0) return;
    const ka = a[size]!;
    const kb = b[size]!;
    const v = node[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      const r = c + 1;
      if (r < size && (a[r]! < a[c]! || (a[r] === a[c] && (b[r]! < b[c]! || (b[r] === b[c] && node[r]! < node[c]!))))) c = r;
      const ca = a[c]!;
      const cb = b[c]!;
      if (ka < ca || (ka === ca && (kb < cb || (kb === cb && v <= node[c]!)))) break;
      a[i] = ca;
      b[i] = cb;
      node[i] = node[c]!;
      i = c;
    }
    a[i] = ka;
    b[i] = kb;
    node[i] = v;
  }
}

export interface ForcingCost {
  matchedLost: number;
  scoreLost: number;
}

/**
 * What forcing each pair costs the optimal allocation `result` of `instance`, exactly: forcing a pair
 * (i, j) not in the optimum adds the arc i -> j and the cheapest way back from j to i in the residual
 * graph (a cycle; the optimum has no negative ones, so no other change helps). For a locked mentee the
 * pair replaces the lock: j's path may end at the locked mentor, whose place is freed, or at the sink.
 * Returns null for a pair that cannot be forced (its mentor's places are all locked, or not allowed).
 * For `max_score`, `matchedLost` is that of one best forced allocation.
 */
export function forcingCosts(instance: AssignmentInstance, result: AssignmentResult, pairs: [string, string][]): (ForcingCost | null)[] {
  const g = new ResidualGraph(instance, result, { circulation: true });
  g.computePotentials();
  const { n, m } = g;
  const out: (ForcingCost | null)[] = pairs.map(() => null);
  // Group the pairs that need a search by the mentor the search starts from.
  const bySource = new Map<number, number[]>();
  pairs.forEach(([a, b], k) => {
    const i = g.menteeIndex.get(a);
    const j = g.mentorIndex.get(b);
    if (i === undefined || j === undefined) return;
    if (g.assignedMentor[i] === j) {
      out[k] = { matchedLost: 0, scoreLost: 0 };
      return;
    }
    if (!g.pairCost.has(i * m + j)) return;
    const list = bySource.get(j);
    if (list) list.push(k);
    else bySource.set(j, [k]);
  });
  const sources = [...bySource.keys()].sort((x, y) => x - y);
  for (const j of sources) {
    const ks = bySource.get(j)!;
    const targets: number[] = [];
    for (const k of ks) {
      const i = g.menteeIndex.get(pairs[k]![0])!;
      const lockedTo = g.lockedMentor[i]!;
      if (lockedTo === -1) targets.push(i);
      else targets.push(n + lockedTo, g.sink);
    }
    g.shortestFrom(n + j, targets);
    for (const k of ks) {
      const i = g.menteeIndex.get(pairs[k]![0])!;
      const [ca, cb] = g.pairCost.get(i * m + j)!;
      const lockedTo = g.lockedMentor[i]!;
      let cycle: { a: number; b: number; matched: number } | null;
      if (lockedTo === -1) {
        const back = g.distance(i);
        cycle = back && { a: ca + back.a, b: cb + back.b, matched: back.matched };
      } else {
        // Leaving the locked mentor costs back what the lock earned.
        const [la, lb] = g.pairCost.get(i * m + lockedTo) ?? [instance.objective === "max_matched_then_score" ? -1 : 0, 0];
        const viaMentor = g.distance(n + lockedTo);
        const viaSink = g.distance(g.sink);
        let back = viaMentor;
        if (viaSink && (!back || lexLess(viaSink.a, viaSink.b, back.a, back.b))) back = viaSink;
        cycle = back && { a: ca - la + back.a, b: cb - lb + back.b, matched: back.matched };
      }
      if (!cycle) continue;
      const matchedLost = instance.objective === "max_matched_then_score" ? cycle.a : -cycle.matched;
      out[k] = { matchedLost: matchedLost + 0, scoreLost: cycle.b / SCALE + 0 };
    }
  }
  return out;
}

/**
 * From an optimal `max_score` allocation, the best one with at least `target` mentees matched: the
 * cheapest augmenting paths one at a time (each keeps the allocation optimal for its size).
 */
export function augmentToMatched(instance: AssignmentInstance, result: AssignmentResult, target: number): AssignmentResult {
  let current = result;
  while (current.matched < target) {
    const g = new ResidualGraph(instance, current, { circulation: false });
    const path = cheapestPath(g, g.source, g.sink);
    if (!path) return current;
    const mentorOf = new Map(current.assignment.map(([a, b]) => [a, b]));
    for (let k = 0; k + 1 < path.length; k++) {
      const x = path[k]!;
      const y = path[k + 1]!;
      if (x < g.n && y >= g.n && y < g.n + g.m) mentorOf.set(instance.mentees[x]!.id, instance.mentors[y - g.n]!.id);
    }
    const scoreOf = new Map(instance.pairs.map(([a, b, s]) => [pairKey(a, b), s]));
    const assignment: [string, string][] = [];
    let score = 0;
    for (const { id } of instance.mentees) {
      const mentor = mentorOf.get(id);
      if (mentor === undefined) continue;
      assignment.push([id, mentor]);
      score += scoreOf.get(pairKey(id, mentor)) ?? 0;
    }
    current = { assignment, matched: assignment.length, score };
  }
  return current;
}

/** The lexicographically cheapest path by Bellman-Ford with parents (the graph has no negative cycle). */
function cheapestPath(g: ResidualGraph, from: number, to: number): number[] | null {
  const { nodes, start, to: head, costA, costB } = g;
  const da = new Float64Array(nodes).fill(Infinity);
  const db = new Float64Array(nodes).fill(Infinity);
  const parent = new Int32Array(nodes).fill(-1);
  da[from] = 0;
  db[from] = 0;
  for (let pass = 0; pass < nodes; pass++) {
    let changed = false;
    for (let u = 0; u < nodes; u++) {
      if (da[u] === Infinity) continue;
      for (let e = start[u]!; e < start[u + 1]!; e++) {
        const v = head[e]!;
        const a = da[u]! + costA[e]!;
        const b = db[u]! + costB[e]!;
        if (lexLess(a, b, da[v]!, db[v]!)) {
          da[v] = a;
          db[v] = b;
          parent[v] = u;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  if (da[to] === Infinity) return null;
  const path = [to];
  for (let v = to; v !== from; ) {
    v = parent[v]!;
    path.push(v);
  }
  return path.reverse();
}

export interface Suggestion extends RankedMentor {
  /** This pair is in the optimal allocation. */
  inOptimal: boolean;
  /** What forcing this pair costs the whole optimal allocation (0 and 0 for a pair in it). */
  forcingCost: ForcingCost;
}

export interface AllocationSuggestionsOptions {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
  blocked?: BlockedPairs;
  /** Suggestions per mentee (default 5). */
  perMentee?: number;
  locked?: [menteeId: string, mentorId: string][];
  excluded?: [menteeId: string, mentorId: string][];
  /** Candidates kept per mentee (default 50, at least `perMentee`). */
  topK?: number;
  objective?: AssignmentObjective;
}

export interface AllocationSuggestions {
  optimal: { matched: number; score: number };
  mentees: { menteeId: string; suggestions: Suggestion[] }[];
}

/**
 * `allocation` mode: for each mentee, the `perMentee` best allowed mentors (not excluded, with a place
 * not taken by a lock), best score first, each with what forcing it costs the optimal allocation.
 */
export function allocationSuggestions(o: AllocationSuggestionsOptions): AllocationSuggestions {
  const perMentee = Math.max(0, Math.floor(o.perMentee ?? 5));
  const topK = Math.max(o.topK ?? 50, perMentee);
  const { instance: base, explanations } = candidateInstance({ ...o, topK });
  const instance: AssignmentInstance = {
    ...base,
    objective: o.objective ?? "max_matched_then_score",
    locked: o.locked ?? [],
    excluded: o.excluded ?? [],
  };
  const result = solveAssignment(instance);

  const excluded = new Set(instance.excluded!.map(([a, b]) => pairKey(a, b)));
  const byMentee = new Map<string, [string, number][]>();
  for (const [a, b, score] of instance.pairs) {
    if (excluded.has(pairKey(a, b))) continue;
    const list = byMentee.get(a);
    if (list) list.push([b, score]);
    else byMentee.set(a, [[b, score]]);
  }
  // A pair can be forced unless its mentor's places are all taken by locks on other mentees.
  const lockedTo = new Map(instance.locked!.map(([a, b]) => [a, b]));
  const locks = new Map<string, number>();
  for (const b of lockedTo.values()) locks.set(b, (locks.get(b) ?? 0) + 1);
  const capacity = new Map(instance.mentors.map(({ id, capacity }) => [id, capacity]));
  const forceable = (a: string, b: string) => lockedTo.get(a) === b || (capacity.get(b) ?? 0) > (locks.get(b) ?? 0);

  const mentorOrder = new Map(o.mentors.map((mentor, j) => [mentor.id, j]));
  const wanted: [string, string][] = [];
  for (const mentee of o.mentees) {
    const list = (byMentee.get(mentee.id) ?? []).filter(([b]) => forceable(mentee.id, b));
    list.sort((x, y) => y[1] - x[1] || mentorOrder.get(x[0])! - mentorOrder.get(y[0])!);
    for (const [mentorId] of list.slice(0, perMentee)) wanted.push([mentee.id, mentorId]);
  }
  const costs = forcingCosts(instance, result, wanted);
  const chosen = new Set(result.assignment.map(([a, b]) => pairKey(a, b)));
  const menteeById = new Map(o.mentees.map((mentee) => [mentee.id, mentee]));
  const mentorById = new Map(o.mentors.map((mentor) => [mentor.id, mentor]));

  const suggestions = new Map<string, Suggestion[]>();
  wanted.forEach(([a, b], k) => {
    const cost = costs[k];
    // Every pair kept is forceable, so a missing cost would be a bug in the search.
    if (!cost) throw new Error(`No forcing cost found for (${a}, ${b})`);
    const explained = explanations.get(pairKey(a, b))!;
    const from = menteeById.get(a)?.location;
    const to = mentorById.get(b)?.location;
    const list = suggestions.get(a) ?? [];
    list.push({
      mentorId: b,
      score: explained.score,
      terms: explained.terms,
      explanation: explained.explanation,
      distanceKm: from && to ? distanceKm(from, to) : null,
      inOptimal: chosen.has(pairKey(a, b)),
      forcingCost: cost,
    });
    suggestions.set(a, list);
  });
  return {
    optimal: { matched: result.matched, score: result.score },
    mentees: o.mentees.map((mentee) => ({ menteeId: mentee.id, suggestions: suggestions.get(mentee.id) ?? [] })),
  };
}
