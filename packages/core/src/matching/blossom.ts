// Exact maximum-weight matching on a general graph (co-mentoring dyads, SPEC section 5): Edmonds'
// blossom algorithm with primal-dual updates in Galil's O(n^3) formulation, on integer weights.

/** An undirected edge `[u, v, weight]` between vertices numbered from 0. */
export type WeightedEdge = readonly [u: number, v: number, weight: number];

export interface MaxWeightMatchingOptions {
  /** Only matchings with the most pairs count; among those, the heaviest. */
  maxCardinality?: boolean;
  /**
   * Weights are multiplied by this and rounded to integers before solving, so the dual updates are
   * exact. Integer weights default to 1 (used as they are), any other to 1e6: two matchings whose
   * weights differ by less than about n / 2e6 may then tie.
   */
  scale?: number;
}

export interface GraphMatching {
  /** `mate[v]` is the vertex matched to `v`, or -1. */
  mate: number[];
  /** The matched pairs `[u, v]` with `u < v`, by `u`. */
  pairs: [number, number][];
  /** The sum of the original weights of the matched edges. */
  weight: number;
}

export class InvalidGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidGraphError";
  }
}

/** Integer weights bigger than this could lose exactness in the doubled dual variables. */
const MAX_SCALED_WEIGHT = 2 ** 40;

/**
 * The heaviest matching (or, with `maxCardinality`, the heaviest among those with the most pairs).
 * Self-loops are ignored; of parallel edges only the heaviest counts. Deterministic: the same edges
 * in the same order give the same matching.
 */
export function maxWeightMatching(
  n: number,
  edges: readonly WeightedEdge[],
  options: MaxWeightMatchingOptions = {},
): GraphMatching {
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidGraphError("The number of vertices must be a whole number, 0 or more");
  const kept = new Map<number, number>();
  for (let k = 0; k < edges.length; k++) {
    const [u, v, weight] = edges[k]!;
    if (!Number.isInteger(u) || !Number.isInteger(v) || u < 0 || v < 0 || u >= n || v >= n) {
      throw new InvalidGraphError(`Edge ${k} names a vertex outside 0..${n - 1}`);
    }
    if (!Number.isFinite(weight))
      throw new InvalidGraphError(`Edge ${k} has a weight that is not a finite number`);
    if (u === v) continue;
    const key = Math.min(u, v) * n + Math.max(u, v);
    const before = kept.get(key);
    if (before === undefined || edges[before]![2] < weight) kept.set(key, k);
  }
  const chosen = [...kept.values()].sort((a, b) => a - b);
  const allIntegers = chosen.every((k) => Number.isInteger(edges[k]![2]));
  const scale = options.scale ?? (allIntegers ? 1 : 1e6);
  if (!(scale > 0)) throw new InvalidGraphError("The weight scale must be a positive number");

  const m = chosen.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const weight = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const [u, v, w] = edges[chosen[e]!]!;
    from[e] = u;
    to[e] = v;
    weight[e] = Math.round(w * scale);
    if (Math.abs(weight[e]!) > MAX_SCALED_WEIGHT)
      throw new InvalidGraphError(`Edge ${chosen[e]} is too heavy once scaled`);
  }

  const mateVertex = solve(n, from, to, weight, options.maxCardinality ?? false);
  const mate = Array.from(mateVertex);
  const pairs: [number, number][] = [];
  for (let v = 0; v < n; v++) if (mate[v]! > v) pairs.push([v, mate[v]!]);
  let total = 0;
  const byPair = new Map<number, number>();
  for (const k of chosen) {
    const [u, v, w] = edges[k]!;
    byPair.set(Math.min(u, v) * n + Math.max(u, v), w);
  }
  for (const [u, v] of pairs) total += byPair.get(u * n + v)!;
  return { mate, pairs, weight: total };
}

// Labels of top-level blossoms during a stage.
const FREE = 0;
const S = 1;
const T = 2;
/** A breadcrumb left while tracing back for the base of a new blossom. */
const CRUMB = 4;

/**
 * The solver proper. Vertices are 0..n-1 and non-trivial blossoms n..2n-1. Edge e has two ends,
 * numbered 2e (at `from[e]`) and 2e+1 (at `to[e]`), so `end ^ 1` is the far end of the same edge.
 * Vertex duals are kept doubled so every quantity stays an integer.
 */
function solve(
  n: number,
  from: Int32Array,
  to: Int32Array,
  weight: Float64Array,
  maxCardinality: boolean,
): Int32Array {
  const m = from.length;
  const result = new Int32Array(n).fill(-1);
  if (m === 0) return result;

  const vertexAt = (end: number) => (end & 1 ? to[end >> 1]! : from[end >> 1]!);

  // Adjacency as compressed rows of far ends.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    start[from[e]! + 1]!++;
    start[to[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const farEnds = new Int32Array(2 * m);
  const fill = start.slice(0, n);
  for (let e = 0; e < m; e++) {
    farEnds[fill[from[e]!]!++] = 2 * e + 1;
    farEnds[fill[to[e]!]!++] = 2 * e;
  }

  let maxWeight = 0;
  for (let e = 0; e < m; e++) maxWeight = Math.max(maxWeight, weight[e]!);

  /** The far end of v's matched edge, or -1. */
  const mate = new Int32Array(n).fill(-1);
  const label = new Int8Array(2 * n);
  /** The far end of the edge through which a top-level blossom (or a vertex in a T-blossom) was labelled. */
  const labelEnd = new Int32Array(2 * n).fill(-1);
  const topOf = new Int32Array(n);
  for (let v = 0; v < n; v++) topOf[v] = v;
  const parent = new Int32Array(2 * n).fill(-1);
  /** Sub-blossoms in cycle order starting from the one holding the base. */
  const children: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  /** `links[b][i]` is the end, in children[i], of the edge joining children[i] and children[i+1]. */
  const links: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const base = new Int32Array(2 * n).fill(-1);
  for (let v = 0; v < n; v++) base[v] = v;
  /** Least-slack edge from a free vertex to an S-vertex, or from an S-blossom to another S-blossom. */
  const bestEdge = new Int32Array(2 * n).fill(-1);
  /** For a non-trivial S-blossom: its least-slack edges to each neighbouring S-blossom. */
  const bestEdgesOf: (number[] | null)[] = new Array<number[] | null>(2 * n).fill(null);
  const unused: number[] = [];
  for (let b = 2 * n - 1; b >= n; b--) unused.push(b);
  const dual = new Float64Array(2 * n);
  for (let v = 0; v < n; v++) dual[v] = maxWeight;
  const tight = new Uint8Array(m);
  const queue: number[] = [];

  const slack = (e: number) => dual[from[e]!]! + dual[to[e]!]! - 2 * weight[e]!;

  const leavesOf = (b: number): number[] => {
    if (b < n) return [b];
    const out: number[] = [];
    const stack = [b];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x < n) out.push(x);
      else for (const c of children[x]!) stack.push(c);
    }
    return out;
  };

  const assignLabel = (w: number, t: number, end: number): void => {
    for (;;) {
      const b = topOf[w]!;
      label[w] = label[b] = t;
      labelEnd[w] = labelEnd[b] = end;
      bestEdge[w] = bestEdge[b] = -1;
      if (t === S) {
        for (const v of leavesOf(b)) queue.push(v);
        return;
      }
      // A T-blossom's base is matched: its mate becomes S.
      const mateEnd = mate[base[b]!]!;
      w = vertexAt(mateEnd);
      t = S;
      end = mateEnd ^ 1;
    }
  };

  /** Traces back from v and w: the base of the blossom they close, or -1 for an augmenting path. */
  const findBase = (v: number, w: number): number => {
    const marked: number[] = [];
    let found = -1;
    while (v !== -1 || w !== -1) {
      if (v !== -1) {
        let b = topOf[v]!;
        if (label[b]! & CRUMB) {
          found = base[b]!;
          break;
        }
        marked.push(b);
        label[b] = S | CRUMB;
        if (labelEnd[b] === -1) {
          v = -1;
        } else {
          b = topOf[vertexAt(labelEnd[b]!)]!;
          v = vertexAt(labelEnd[b]!);
        }
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of marked) label[b] = S;
    return found;
  };

  const addBlossom = (baseVertex: number, e: number): void => {
    const bb = topOf[baseVertex]!;
    let bv = topOf[from[e]!]!;
    let bw = topOf[to[e]!]!;
    const b = unused.pop()!;
    base[b] = baseVertex;
    parent[b] = -1;
    parent[bb] = b;
    const path: number[] = [];
    const ends: number[] = [];
    while (bv !== bb) {
      parent[bv] = b;
      path.push(bv);
      ends.push(labelEnd[bv]!);
      bv = topOf[vertexAt(labelEnd[bv]!)]!;
    }
    path.push(bb);
    path.reverse();
    ends.reverse();
    ends.push(2 * e);
    while (bw !== bb) {
      parent[bw] = b;
      path.push(bw);
      ends.push(labelEnd[bw]! ^ 1);
      bw = topOf[vertexAt(labelEnd[bw]!)]!;
    }
    children[b] = path;
    links[b] = ends;
    label[b] = S;
    labelEnd[b] = labelEnd[bb]!;
    dual[b] = 0;
    for (const v of leavesOf(b)) {
      // T-vertices swallowed by an S-blossom become S and must be scanned.
      if (label[topOf[v]!] === T) queue.push(v);
      topOf[v] = b;
    }
    // The new blossom's least-slack edges to each other S-blossom, from its children's lists.
    const bestTo = new Map<number, number>();
    for (const child of path) {
      let candidates: Iterable<number>;
      if (bestEdgesOf[child]) {
        candidates = bestEdgesOf[child]!;
      } else {
        const list: number[] = [];
        for (const v of leavesOf(child))
          for (let i = start[v]!; i < start[v + 1]!; i++) list.push(farEnds[i]! >> 1);
        candidates = list;
      }
      for (const k of candidates) {
        let j = to[k]!;
        if (topOf[j] === b) j = from[k]!;
        const bj = topOf[j]!;
        if (bj === b || label[bj] !== S) continue;
        const current = bestTo.get(bj);
        if (current === undefined || slack(k) < slack(current)) bestTo.set(bj, k);
      }
      bestEdgesOf[child] = null;
      bestEdge[child] = -1;
    }
    const list = [...bestTo.values()].sort((x, y) => x - y);
    bestEdgesOf[b] = list;
    bestEdge[b] = -1;
    for (const k of list) if (bestEdge[b] === -1 || slack(k) < slack(bestEdge[b]!)) bestEdge[b] = k;
  };

  /** Steps round the cycle of blossom b from child index i towards the base: direction and link trick. */
  const direction = (b: number, i: number) =>
    i & 1 ? { j: i - children[b]!.length, step: 1, trick: 0 } : { j: i, step: -1, trick: 1 };
  const at = <X>(list: X[], i: number) => list[i < 0 ? i + list.length : i]!;

  const expandBlossom = (b: number, endOfStage: boolean): void => {
    for (const child of children[b]!) {
      parent[child] = -1;
      if (child < n) topOf[child] = child;
      else if (endOfStage && dual[child] === 0) expandBlossom(child, endOfStage);
      else for (const v of leavesOf(child)) topOf[v] = child;
    }
    if (!endOfStage && label[b] === T) {
      // The blossom was reached through entryChild; relabel the even-length path from there to the
      // base as alternating T and S, and leave the rest free unless reached from outside.
      const entryChild = topOf[vertexAt(labelEnd[b]! ^ 1)]!;
      const kids = children[b]!;
      const ends = links[b]!;
      const { step, trick, j: first } = direction(b, kids.indexOf(entryChild));
      let j = first;
      let end = labelEnd[b]!;
      while (j !== 0) {
        label[vertexAt(end ^ 1)] = FREE;
        label[vertexAt(at(ends, j - trick) ^ trick ^ 1)] = FREE;
        assignLabel(vertexAt(end ^ 1), T, end);
        tight[at(ends, j - trick) >> 1] = 1;
        j += step;
        end = at(ends, j - trick) ^ trick;
        tight[end >> 1] = 1;
        j += step;
      }
      // The base child becomes T without passing the label on to its mate (already S).
      const bv = at(kids, j);
      label[vertexAt(end ^ 1)] = label[bv] = T;
      labelEnd[vertexAt(end ^ 1)] = labelEnd[bv] = end;
      bestEdge[bv] = -1;
      j += step;
      while (at(kids, j) !== entryChild) {
        const child = at(kids, j);
        j += step;
        if (label[child] === S) continue;
        const reached = leavesOf(child).find((v) => label[v] !== FREE);
        if (reached !== undefined) {
          label[reached] = FREE;
          label[vertexAt(mate[base[child]!]!)] = FREE;
          assignLabel(reached, T, labelEnd[reached]!);
        }
      }
    }
    label[b] = FREE;
    labelEnd[b] = -1;
    children[b] = links[b] = null;
    base[b] = -1;
    bestEdgesOf[b] = null;
    bestEdge[b] = -1;
    unused.push(b);
  };

  /** Flips the alternating path inside blossom b from vertex v to its base; v becomes the base. */
  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (parent[t] !== b) t = parent[t]!;
    if (t >= n) augmentBlossom(t, v);
    const kids = children[b]!;
    const ends = links[b]!;
    const i = kids.indexOf(t);
    const { step, trick, j: first } = direction(b, i);
    let j = first;
    while (j !== 0) {
      j += step;
      let child = at(kids, j);
      const end = at(ends, j - trick) ^ trick;
      if (child >= n) augmentBlossom(child, vertexAt(end));
      j += step;
      child = at(kids, j);
      if (child >= n) augmentBlossom(child, vertexAt(end ^ 1));
      mate[vertexAt(end)] = end ^ 1;
      mate[vertexAt(end ^ 1)] = end;
    }
    children[b] = [...kids.slice(i), ...kids.slice(0, i)];
    links[b] = [...ends.slice(i), ...ends.slice(0, i)];
    base[b] = base[children[b]![0]!]!;
  };

  /** Flips the augmenting path through edge e, which joins two S-vertices in different trees. */
  const augmentMatching = (e: number): void => {
    for (const [first, firstEnd] of [
      [from[e]!, 2 * e + 1],
      [to[e]!, 2 * e],
    ] as const) {
      let s: number = first;
      let end: number = firstEnd;
      for (;;) {
        const bs = topOf[s]!;
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = end;
        if (labelEnd[bs] === -1) break;
        const bt = topOf[vertexAt(labelEnd[bs]!)]!;
        s = vertexAt(labelEnd[bt]!);
        const j = vertexAt(labelEnd[bt]! ^ 1);
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt]!;
        end = labelEnd[bt]! ^ 1;
      }
    }
  };

  const isTopBlossom = (b: number) => base[b]! >= 0 && parent[b] === -1;

  for (let stage = 0; stage < n; stage++) {
    label.fill(FREE);
    bestEdge.fill(-1);
    for (let b = n; b < 2 * n; b++) bestEdgesOf[b] = null;
    tight.fill(0);
    queue.length = 0;
    for (let v = 0; v < n; v++)
      if (mate[v] === -1 && label[topOf[v]!] === FREE) assignLabel(v, S, -1);

    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (let i = start[v]!; i < start[v + 1]!; i++) {
          const end = farEnds[i]!;
          const e = end >> 1;
          const w = vertexAt(end);
          if (topOf[v] === topOf[w]) continue;
          let edgeSlack = 0;
          if (!tight[e]) {
            edgeSlack = slack(e);
            if (edgeSlack <= 0) tight[e] = 1;
          }
          const bw = topOf[w]!;
          if (tight[e]) {
            if (label[bw] === FREE) {
              assignLabel(w, T, end ^ 1);
            } else if (label[bw] === S) {
              const found = findBase(v, w);
              if (found >= 0) {
                addBlossom(found, e);
              } else {
                augmentMatching(e);
                augmented = true;
                break;
              }
            } else if (label[w] === FREE) {
              // w sits inside a T-blossom and is now reachable from outside it: remember how.
              label[w] = T;
              labelEnd[w] = end ^ 1;
            }
          } else if (label[bw] === S) {
            const bv = topOf[v]!;
            if (bestEdge[bv] === -1 || edgeSlack < slack(bestEdge[bv]!)) bestEdge[bv] = e;
          } else if (label[w] === FREE) {
            if (bestEdge[w] === -1 || edgeSlack < slack(bestEdge[w]!)) bestEdge[w] = e;
          }
        }
      }
      if (augmented) break;

      // No augmenting path on tight edges: move the duals by the largest safe delta (all doubled).
      let kind = 0;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      if (!maxCardinality) {
        kind = 1;
        delta = Infinity;
        for (let v = 0; v < n; v++) delta = Math.min(delta, dual[v]!);
      }
      for (let v = 0; v < n; v++) {
        if (label[topOf[v]!] === FREE && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v]!);
          if (kind === 0 || d < delta) {
            delta = d;
            kind = 2;
            deltaEdge = bestEdge[v]!;
          }
        }
      }
      for (let b = 0; b < 2 * n; b++) {
        if (parent[b] === -1 && label[b] === S && bestEdge[b] !== -1 && (b < n || base[b]! >= 0)) {
          const d = slack(bestEdge[b]!) / 2;
          if (kind === 0 || d < delta) {
            delta = d;
            kind = 3;
            deltaEdge = bestEdge[b]!;
          }
        }
      }
      for (let b = n; b < 2 * n; b++) {
        if (isTopBlossom(b) && label[b] === T && (kind === 0 || dual[b]! < delta)) {
          delta = dual[b]!;
          kind = 4;
          deltaBlossom = b;
        }
      }
      if (kind === 0) {
        // Max-cardinality optimum: no more pairs can be added; settle the duals and stop.
        kind = 1;
        delta = Infinity;
        for (let v = 0; v < n; v++) delta = Math.min(delta, dual[v]!);
        delta = Math.max(0, delta);
      }

      for (let v = 0; v < n; v++) {
        const l = label[topOf[v]!];
        if (l === S) dual[v]! -= delta;
        else if (l === T) dual[v]! += delta;
      }
      for (let b = n; b < 2 * n; b++) {
        if (!isTopBlossom(b)) continue;
        if (label[b] === S) dual[b]! += delta;
        else if (label[b] === T) dual[b]! -= delta;
      }

      if (kind === 1) break;
      if (kind === 2) {
        tight[deltaEdge] = 1;
        const u = from[deltaEdge]!;
        queue.push(label[topOf[u]!] === FREE ? to[deltaEdge]! : u);
      } else if (kind === 3) {
        tight[deltaEdge] = 1;
        queue.push(from[deltaEdge]!);
      } else {
        expandBlossom(deltaBlossom, false);
      }
    }
    if (!augmented) break;

    for (let b = n; b < 2 * n; b++) {
      if (isTopBlossom(b) && label[b] === S && dual[b] === 0) expandBlossom(b, true);
    }
  }

  for (let v = 0; v < n; v++) if (mate[v]! >= 0) result[v] = vertexAt(mate[v]!);
  return result;
}
