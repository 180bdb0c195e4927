// Exact capacitated assignment of mentees to mentors (SPEC section 5, `auto` mode): min-cost flow by
// successive shortest paths with Johnson potentials, adding one mentee at a time, on typed arrays,
// after an auction warm start when places are about as many as mentees; long searches are redone
// bidirectionally.
import { z } from "zod";

export const assignmentObjectives = ["max_matched_then_score", "max_score"] as const;
export type AssignmentObjective = (typeof assignmentObjectives)[number];

export interface AssignmentInstance {
  mentees: { id: string }[];
  mentors: { id: string; capacity: number }[];
  /** Allowed pairs with a score in [0, 1]; a pair that is absent is not allowed. */
  pairs: [menteeId: string, mentorId: string, score: number][];
  /**
   * `max_matched_then_score`: as many mentees matched as possible, then the greatest total score.
   * `max_score`: the greatest total score; a mentee may stay unmatched (score-0 pairs are optional).
   */
  objective: AssignmentObjective;
  /** Pairs that must be in the result. */
  locked?: [menteeId: string, mentorId: string][];
  /** Pairs that must never be in the result. */
  excluded?: [menteeId: string, mentorId: string][];
}

export interface AssignmentResult {
  /** `[menteeId, mentorId]`, in the mentees' input order. */
  assignment: [string, string][];
  matched: number;
  score: number;
}

export class InvalidInstanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidInstanceError";
  }
}

const Id = (what: string) =>
  z
    .string({ required_error: `Enter the ${what} id`, invalid_type_error: `Enter the ${what} id as text` })
    .min(1, `Enter the ${what} id`);

/** The JSON form of an `AssignmentInstance` (the shape the CLI and the benchmark read). */
export const AssignmentInstanceJson = z.object({
  mentees: z.array(z.object({ id: Id("mentee") }), { required_error: "List the mentees" }),
  mentors: z.array(
    z.object({
      id: Id("mentor"),
      capacity: z
        .number({ required_error: "Enter the mentor's capacity", invalid_type_error: "Enter the capacity as a number" })
        .int("Enter the capacity as a whole number")
        .min(0, "Capacity must be 0 or more"),
    }),
    { required_error: "List the mentors" },
  ),
  pairs: z.array(
    z.tuple([
      Id("mentee"),
      Id("mentor"),
      z
        .number({ invalid_type_error: "Enter the score as a number" })
        .min(0, "Score must be between 0 and 1")
        .max(1, "Score must be between 0 and 1"),
    ]),
    { required_error: "List the allowed pairs" },
  ),
  objective: z.enum(assignmentObjectives, {
    errorMap: () => ({ message: "Choose the objective: max_matched_then_score or max_score" }),
  }),
  locked: z.array(z.tuple([Id("mentee"), Id("mentor")])).optional(),
  excluded: z.array(z.tuple([Id("mentee"), Id("mentor")])).optional(),
});

/** Parses and checks an instance; throws `InvalidInstanceError` whose message names each bad path. */
export function parseAssignmentInstance(json: unknown): AssignmentInstance {
  const parsed = AssignmentInstanceJson.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    const more = parsed.error.issues.length - lines.length;
    throw new InvalidInstanceError(lines.join("\n") + (more > 0 ? `\n(and ${more} more)` : ""));
  }
  const instance: AssignmentInstance = parsed.data;
  prepare(instance);
  return instance;
}

/**
 * Parses an instance's JSON text. The usual shape is read straight into typed arrays, with ids
 * interned, so a national instance never becomes half a million small arrays (nor zod's copy of
 * them); anything else (escapes in ids, unknown keys, bad values, invalid JSON) goes the general way,
 * `parseAssignmentInstance(JSON.parse(text))`, whose errors it throws: `SyntaxError` for invalid
 * JSON, `InvalidInstanceError` for an invalid instance.
 */
export function parseAssignmentText(text: string): AnyAssignmentInstance {
  const compact = readCompact(text);
  if (compact === null) return parseAssignmentInstance(JSON.parse(text));
  // Checked once here; the next `prepare` (normally solving it) takes this rather than redo it.
  preparedOnce.set(compact, prepare(compact));
  return compact;
}

/** Instances treat their arrays as read-only, so a just-parsed instance's graph can be handed on. */
const preparedOnce = new WeakMap<CompactAssignmentInstance, Prepared>();

/** Reads the common shape of instance JSON into a compact instance; null when unsure. */
function readCompact(text: string): CompactAssignmentInstance | null {
  const length = text.length;
  let pos = 0;
  let ok = true;
  const fail = () => {
    ok = false;
    pos = length;
  };
  const space = () => {
    while (pos < length) {
      const ch = text.charCodeAt(pos);
      if (ch !== 32 && ch !== 10 && ch !== 13 && ch !== 9) break;
      pos++;
    }
  };
  /** Skips white space and one expected character. */
  const expect = (ch: number) => {
    space();
    if (text.charCodeAt(pos) === ch) pos++;
    else fail();
  };
  /** After a list item: true at `,`, false at the closing character. */
  const more = (close: number) => {
    space();
    const ch = text.charCodeAt(pos);
    if (ch === 44) {
      pos++;
      return true;
    }
    if (ch !== close) fail();
    else pos++;
    return false;
  };
  /** Starts a list; false when it is empty (and consumed). */
  const open = (openCh: number, close: number) => {
    expect(openCh);
    space();
    if (text.charCodeAt(pos) === close) {
      pos++;
      return false;
    }
    return ok;
  };
  // A string without escapes or control characters is between `strStart` and `strEnd`.
  let strStart = 0;
  let strEnd = 0;
  const stringSpan = () => {
    expect(34);
    strStart = pos;
    while (pos < length) {
      const ch = text.charCodeAt(pos);
      if (ch === 34) break;
      if (ch === 92 || ch < 32) return fail();
      pos++;
    }
    if (pos >= length) return fail();
    strEnd = pos++;
  };
  const string = () => {
    stringSpan();
    return ok ? text.slice(strStart, strEnd) : "";
  };
  const id = () => {
    const value = string();
    if (value === "") fail();
    return value;
  };
  const digits = () => {
    const from = pos;
    while (pos < length && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
    return pos > from;
  };
  /** A JSON number, checked against the grammar. */
  const number = () => {
    space();
    const from = pos;
    if (text.charCodeAt(pos) === 45) pos++;
    if (text.charCodeAt(pos) === 48) pos++;
    else if (!digits()) fail();
    if (text.charCodeAt(pos) === 46) {
      pos++;
      if (!digits()) fail();
    }
    const e = text.charCodeAt(pos);
    if (e === 101 || e === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === 45) pos++;
      if (!digits()) fail();
    }
    return ok ? Number(text.slice(from, pos)) : NaN;
  };
  const key = () => {
    const name = string();
    expect(58);
    return name;
  };

  const seen = new Set<string>();
  let menteeIds: string[] | null = null;
  let mentorIds: string[] | null = null;
  let capacities: number[] = [];
  const menteeIndex = new Map<string, number>();
  const mentorIndex = new Map<string, number>();
  let objective: AssignmentObjective | null = null;
  let pairCount = -1;
  let pairMentee = new Int32Array(0);
  let pairMentor = new Int32Array(0);
  let pairScore = new Float64Array(0);
  const lists: { locked?: [string, string][]; excluded?: [string, string][] } = {};

  const readPairs = () => {
    let size = Math.max(16, Math.ceil(length / 32));
    pairMentee = new Int32Array(size);
    pairMentor = new Int32Array(size);
    pairScore = new Float64Array(size);
    let count = 0;
    // Pairs come grouped by mentee, so the last mentee's id is compared in place before any lookup.
    let lastId = "";
    let lastIndex = -1;
    if (open(91, 93)) {
      do {
        expect(91);
        stringSpan();
        if (!ok) break;
        let i = lastIndex;
        if (!(strEnd - strStart === lastId.length && text.startsWith(lastId, strStart))) {
          lastId = text.slice(strStart, strEnd);
          i = lastIndex = menteeIndex.get(lastId) ?? -1;
        }
        expect(44);
        const j = mentorIndex.get(string()) ?? -1;
        expect(44);
        const score = number();
        expect(93);
        if (!ok || i === -1 || j === -1 || !(score >= 0 && score <= 1)) return fail();
        if (count === size) {
          size *= 2;
          const grownMentee = new Int32Array(size);
          grownMentee.set(pairMentee);
          pairMentee = grownMentee;
          const grownMentor = new Int32Array(size);
          grownMentor.set(pairMentor);
          pairMentor = grownMentor;
          const grownScore = new Float64Array(size);
          grownScore.set(pairScore);
          pairScore = grownScore;
        }
        pairMentee[count] = i;
        pairMentor[count] = j;
        pairScore[count++] = score;
      } while (more(93));
    }
    pairCount = count;
  };

  if (!open(123, 125)) return null;
  do {
    const name = key();
    if (!ok || seen.has(name)) return null;
    seen.add(name);
    if (name === "mentees") {
      menteeIds = [];
      if (open(91, 93)) {
        do {
          expect(123);
          if (key() !== "id") return null;
          const value = id();
          expect(125);
          if (!ok || menteeIndex.has(value)) return null;
          menteeIndex.set(value, menteeIds.length);
          menteeIds.push(value);
        } while (more(93));
      }
    } else if (name === "mentors") {
      mentorIds = [];
      capacities = [];
      if (open(91, 93)) {
        do {
          expect(123);
          let mentorId: string | null = null;
          let capacity = NaN;
          do {
            const field = key();
            if (field === "id" && mentorId === null) mentorId = id();
            else if (field === "capacity" && Number.isNaN(capacity)) capacity = number();
            else return null;
          } while (more(125));
          if (!ok || mentorId === null || !Number.isInteger(capacity) || capacity < 0 || mentorIndex.has(mentorId)) return null;
          mentorIndex.set(mentorId, mentorIds.length);
          mentorIds.push(mentorId);
          capacities.push(capacity);
        } while (more(93));
      }
    } else if (name === "pairs") {
      if (menteeIds === null || mentorIds === null) return null;
      readPairs();
    } else if (name === "objective") {
      const value = string();
      if (!(assignmentObjectives as readonly string[]).includes(value)) return null;
      objective = value as AssignmentObjective;
    } else if (name === "locked" || name === "excluded") {
      const list: [string, string][] = [];
      if (open(91, 93)) {
        do {
          expect(91);
          const a = id();
          expect(44);
          const b = id();
          expect(93);
          list.push([a, b]);
        } while (more(93));
      }
      lists[name] = list;
    } else {
      return null;
    }
  } while (ok && more(125));
  space();
  if (!ok || pos !== length || menteeIds === null || mentorIds === null || objective === null || pairCount < 0) return null;
  return {
    menteeIds,
    mentorIds,
    capacity: Float64Array.from(capacities),
    pairMentee: pairMentee.slice(0, pairCount),
    pairMentor: pairMentor.slice(0, pairCount),
    pairScore: pairScore.slice(0, pairCount),
    objective,
    ...lists,
    menteeIndex,
    mentorIndex,
  };
}

function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return "(instance)";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}

/** Scores are compared as integers in units of 1e-9, so float error and ties cannot break exactness. */
const SCALE = 1e9;

/** The instance as a compressed sparse graph: one row of candidate edges per mentee, in input order. */
interface Prepared {
  n: number;
  m: number;
  rowStart: Int32Array;
  edgeMentor: Int32Array;
  edgeRow: Int32Array;
  /** `SCALE - round(score * SCALE)`: non-negative, so the first potentials are all zero. */
  edgeCost: Float64Array;
  edgePair: Int32Array;
  /** Capacity left after locks, at most the mentor's number of candidate edges. */
  capacity: Int32Array;
  lockedEdge: Int32Array;
  menteeIndex: Map<string, number>;
  mentorIndex: Map<string, number>;
  compact: CompactAssignmentInstance;
}

/**
 * An instance held in typed arrays, as `parseAssignmentText` reads it straight from JSON text: what
 * a national scheme needs without 500,000 small arrays. `solveAssignment` and `verifyOptimality`
 * take either form.
 */
export interface CompactAssignmentInstance {
  menteeIds: string[];
  mentorIds: string[];
  /** Each mentor's capacity as given (a whole number, 0 or more). */
  capacity: Float64Array;
  /** Pair k is (`pairMentee[k]`, `pairMentor[k]`), indices into the id lists, with `pairScore[k]`. */
  pairMentee: Int32Array;
  pairMentor: Int32Array;
  pairScore: Float64Array;
  objective: AssignmentObjective;
  locked?: [menteeId: string, mentorId: string][];
  excluded?: [menteeId: string, mentorId: string][];
  /** Filled by `parseAssignmentText`; built when absent. */
  menteeIndex?: Map<string, number>;
  mentorIndex?: Map<string, number>;
}

export type AnyAssignmentInstance = AssignmentInstance | CompactAssignmentInstance;

const isCompact = (instance: AnyAssignmentInstance): instance is CompactAssignmentInstance => "pairScore" in instance;

function indexIds(ids: string[], what: "mentee" | "mentor"): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new InvalidInstanceError(`${what}s[${i}]: duplicate ${what} id "${id}"`);
    index.set(id, i);
  });
  return index;
}

/** The object form in typed arrays, checking ids, capacities and scores in the order `prepare` did. */
function compactOf(instance: AssignmentInstance): CompactAssignmentInstance {
  const { mentees, mentors, pairs } = instance;
  const menteeIds = mentees.map((mentee) => mentee.id);
  const mentorIds = mentors.map((mentor) => mentor.id);
  const menteeIndex = indexIds(menteeIds, "mentee");
  const capacity = new Float64Array(mentors.length);
  const mentorIndex = new Map<string, number>();
  mentors.forEach((mentor, j) => {
    if (mentorIndex.has(mentor.id)) throw new InvalidInstanceError(`mentors[${j}]: duplicate mentor id "${mentor.id}"`);
    if (!Number.isInteger(mentor.capacity) || mentor.capacity < 0) {
      throw new InvalidInstanceError(`mentors[${j}].capacity: must be a whole number, 0 or more (got ${mentor.capacity})`);
    }
    mentorIndex.set(mentor.id, j);
    capacity[j] = mentor.capacity;
  });
  const menteeOf = lookup(menteeIndex, "mentee");
  const mentorOf = lookup(mentorIndex, "mentor");
  (instance.excluded ?? []).forEach(([a, b], k) => {
    menteeOf(a, `excluded[${k}][0]`);
    mentorOf(b, `excluded[${k}][1]`);
  });
  const pairMentee = new Int32Array(pairs.length);
  const pairMentor = new Int32Array(pairs.length);
  const pairScore = new Float64Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k]!;
    pairMentee[k] = menteeOf(pair[0], `pairs[${k}][0]`);
    pairMentor[k] = mentorOf(pair[1], `pairs[${k}][1]`);
    const score = pair[2];
    if (!(typeof score === "number" && score >= 0 && score <= 1)) {
      throw new InvalidInstanceError(`pairs[${k}][2]: score must be between 0 and 1 (got ${String(score)})`);
    }
    pairScore[k] = score;
  }
  return {
    menteeIds,
    mentorIds,
    capacity,
    pairMentee,
    pairMentor,
    pairScore,
    objective: instance.objective,
    ...(instance.locked ? { locked: instance.locked } : {}),
    ...(instance.excluded ? { excluded: instance.excluded } : {}),
    menteeIndex,
    mentorIndex,
  };
}

const lookup = (index: Map<string, number>, what: "mentee" | "mentor") => (id: string, path: string) => {
  const i = index.get(id);
  if (i === undefined) throw new InvalidInstanceError(`${path}: unknown ${what} id "${id}"`);
  return i;
};

/** What the zod schema and `compactOf` check, for a compact instance built by hand. */
function checkCompact(c: CompactAssignmentInstance): void {
  const { menteeIds, mentorIds, capacity, pairMentee, pairMentor, pairScore } = c;
  if (capacity.length !== mentorIds.length || pairMentee.length !== pairScore.length || pairMentor.length !== pairScore.length) {
    throw new InvalidInstanceError("(instance): the compact arrays differ in length");
  }
  for (let j = 0; j < mentorIds.length; j++) {
    if (!Number.isInteger(capacity[j]) || capacity[j]! < 0) {
      throw new InvalidInstanceError(`mentors[${j}].capacity: must be a whole number, 0 or more (got ${capacity[j]})`);
    }
  }
  for (let k = 0; k < pairScore.length; k++) {
    const i = pairMentee[k]!;
    const j = pairMentor[k]!;
    if (!(i >= 0 && i < menteeIds.length)) throw new InvalidInstanceError(`pairs[${k}][0]: unknown mentee index ${i}`);
    if (!(j >= 0 && j < mentorIds.length)) throw new InvalidInstanceError(`pairs[${k}][1]: unknown mentor index ${j}`);
    const score = pairScore[k]!;
    if (!(score >= 0 && score <= 1)) throw new InvalidInstanceError(`pairs[${k}][2]: score must be between 0 and 1 (got ${score})`);
  }
}

function prepare(instance: AnyAssignmentInstance): Prepared {
  if (isCompact(instance)) {
    const ready = preparedOnce.get(instance);
    if (ready) {
      preparedOnce.delete(instance);
      return ready;
    }
  }
  const c = isCompact(instance) ? instance : compactOf(instance);
  const { menteeIds, mentorIds, pairMentee, pairMentor, pairScore } = c;
  const n = menteeIds.length;
  const m = mentorIds.length;
  const pairCount = pairScore.length;
  if (isCompact(instance)) checkCompact(c);
  const menteeIndex = c.menteeIndex ?? indexIds(menteeIds, "mentee");
  const mentorIndex = c.mentorIndex ?? indexIds(mentorIds, "mentor");
  const capacity = new Int32Array(m);
  for (let j = 0; j < m; j++) capacity[j] = Math.min(c.capacity[j]!, 2 ** 31 - 1);
  const menteeOf = lookup(menteeIndex, "mentee");
  const mentorOf = lookup(mentorIndex, "mentor");

  const excluded = new Set<number>();
  (c.excluded ?? []).forEach(([a, b], k) => {
    excluded.add(menteeOf(a, `excluded[${k}][0]`) * m + mentorOf(b, `excluded[${k}][1]`));
  });

  const degree = new Int32Array(n + 1);
  for (let k = 0; k < pairCount; k++) degree[pairMentee[k]! + 1]!++;
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i]! + degree[i + 1]!;
  const fill = rowStart.slice(0, n);
  const edgePairAll = new Int32Array(pairCount);
  for (let k = 0; k < pairCount; k++) edgePairAll[fill[pairMentee[k]!]!++] = k;

  // Duplicate pairs: stamp each mentor with the pair that last named it in this mentee's row.
  const stamp = new Int32Array(m).fill(-1);
  const stampPair = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const k = edgePairAll[e]!;
      const j = pairMentor[k]!;
      if (stamp[j] === i) {
        throw new InvalidInstanceError(
          `pairs[${k}]: duplicate pair ("${menteeIds[i]}", "${mentorIds[j]}"), already at pairs[${stampPair[j]}]`,
        );
      }
      stamp[j] = i;
      stampPair[j] = k;
    }
  }

  // Locks: the mentee leaves the graph and the mentor's capacity shrinks.
  const lockedPair = new Int32Array(n).fill(-1);
  const lockedMentor = new Int32Array(n).fill(-1);
  (c.locked ?? []).forEach(([a, b], k) => {
    const i = menteeOf(a, `locked[${k}][0]`);
    const j = mentorOf(b, `locked[${k}][1]`);
    if (lockedMentor[i] === j) return;
    if (lockedMentor[i] !== -1) {
      throw new InvalidInstanceError(`locked[${k}]: impossible lock, mentee "${a}" is already locked to another mentor`);
    }
    if (excluded.has(i * m + j)) throw new InvalidInstanceError(`locked[${k}]: impossible lock, the pair ("${a}", "${b}") is also excluded`);
    let pair = -1;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) if (pairMentor[edgePairAll[e]!] === j) pair = edgePairAll[e]!;
    if (pair === -1) throw new InvalidInstanceError(`locked[${k}]: impossible lock, ("${a}", "${b}") is not an allowed pair`);
    if (capacity[j] === 0) {
      throw new InvalidInstanceError(`locked[${k}]: impossible lock, mentor "${b}" has more locked mentees than capacity (${c.capacity[j]})`);
    }
    capacity[j]!--;
    lockedMentor[i] = j;
    lockedPair[i] = pair;
  });

  // Keep the edges that may be chosen: not excluded, not from a locked mentee, not to a full mentor.
  const keptStart = new Int32Array(n + 1);
  const mentorDegree = new Int32Array(m);
  let kept = 0;
  const keep = new Uint8Array(pairCount);
  for (let i = 0; i < n; i++) {
    keptStart[i] = kept;
    if (lockedMentor[i] !== -1) continue;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const k = edgePairAll[e]!;
      const j = pairMentor[k]!;
      if (capacity[j] === 0 || (excluded.size > 0 && excluded.has(i * m + j))) continue;
      keep[k] = 1;
      mentorDegree[j]!++;
      kept++;
    }
  }
  keptStart[n] = kept;
  const edgeMentor = new Int32Array(kept);
  const edgeRow = new Int32Array(kept);
  const edgeCost = new Float64Array(kept);
  const edgePair = new Int32Array(kept);
  let e2 = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const k = edgePairAll[e]!;
      if (!keep[k]) continue;
      edgeMentor[e2] = pairMentor[k]!;
      edgeRow[e2] = i;
      edgeCost[e2] = SCALE - Math.round(pairScore[k]! * SCALE);
      edgePair[e2] = k;
      e2++;
    }
  }
  for (let j = 0; j < m; j++) capacity[j] = Math.min(capacity[j]!, mentorDegree[j]!);
  return { n, m, rowStart: keptStart, edgeMentor, edgeRow, edgeCost, edgePair, capacity, lockedEdge: lockedPair, menteeIndex, mentorIndex, compact: c };
}

/** A binary min-heap of (key, node) with lazy deletion, on growable typed arrays. */
class Heap {
  keys = new Float64Array(64);
  nodes = new Int32Array(64);
  size = 0;
  clear() {
    this.size = 0;
  }
  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && nodes[parent]! <= node)) break;
      keys[i] = pk;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }
  /** Removes the top; read `topKey`/`topNode` first. */
  pop() {
    const keys = this.keys;
    const nodes = this.nodes;
    const size = --this.size;
    if (size === 0) return;
    const key = keys[size]!;
    const node = nodes[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (keys[right]! < keys[child]! || (keys[right] === keys[child] && nodes[right]! < nodes[child]!))) {
        child = right;
      }
      const ck = keys[child]!;
      if (key < ck || (key === ck && node <= nodes[child]!)) break;
      keys[i] = ck;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
  }
}

export interface SolveAssignmentOptions {
  /**
   * Whether to place mentees by an auction before searching (see `auction`): `"auto"` (the default)
   * from 1,000 mentees to place, where it pays; `"always"`; `"never"`. The optimum is the same either
   * way; among equally good assignments the one returned may differ.
   */
  warmStart?: "auto" | "always" | "never";
}

/** Below this many mentees to place, searching alone is as fast and keeps the long-standing ties. */
const AUCTION_FROM = 1_000;

/**
 * Solves the assignment exactly: a min-cost flow by successive shortest paths (see `augmentAll`).
 * With the warm start, the search starts from the mentees when the places are at least 95% of them
 * (an auction then places most mentees at once); without it, when there are places for all. Else it
 * starts from each mentor's places, so most searches end quickly at someone still free.
 */
export function solveAssignment(instance: AnyAssignmentInstance, options: SolveAssignmentOptions = {}): AssignmentResult {
  const g = prepare(instance);
  const { n, m, rowStart, edgeMentor, edgeRow, edgeCost, capacity } = g;
  // Leaving a place unfilled costs as much as a score-0 pair (`max_score`), or more than any total
  // score could make up for (`max_matched_then_score`): the large bonus per matched pair.
  const unmatchedCost = instance.objective === "max_score" ? SCALE : (n + 2) * SCALE;
  const edges = edgeMentor.length;
  let freeMentees = 0;
  for (let i = 0; i < n; i++) if (g.lockedEdge[i] === -1 && rowStart[i + 1]! > rowStart[i]!) freeMentees++;
  let places = 0;
  for (let j = 0; j < m; j++) places += capacity[j]!;

  const used = new Uint8Array(edges);
  const warmStart = options.warmStart ?? "auto";
  const useAuction = warmStart === "always" || (warmStart === "auto" && freeMentees >= AUCTION_FROM);
  // Mentees on the left when places are (nearly) enough for all: then the auction places most of
  // them before any search (see `augmentAll`), which pays off most when places are scarce overall.
  if (useAuction ? places * 20 >= freeMentees * 19 : places >= freeMentees) {
    const ones = new Int32Array(n).fill(1);
    augmentAll(
      { left: n, right: m, leftStart: rowStart, edgeLeft: edgeRow, edgeRight: edgeMentor, edgeCost, leftCapacity: ones, rightCapacity: capacity, unmatchedCost, used },
      useAuction,
    );
  } else {
    // Mentors on the left: the edges regrouped by mentor, each group in input order.
    const leftStart = new Int32Array(m + 1);
    for (let e = 0; e < edges; e++) leftStart[edgeMentor[e]! + 1]!++;
    for (let j = 0; j < m; j++) leftStart[j + 1] = leftStart[j + 1]! + leftStart[j]!;
    const fill = leftStart.slice(0, m);
    const order = new Int32Array(edges);
    for (let e = 0; e < edges; e++) order[fill[edgeMentor[e]!]!++] = e;
    const edgeLeft = new Int32Array(edges);
    const edgeRight = new Int32Array(edges);
    const cost = new Float64Array(edges);
    for (let i = 0; i < edges; i++) {
      const e = order[i]!;
      edgeLeft[i] = edgeMentor[e]!;
      edgeRight[i] = edgeRow[e]!;
      cost[i] = edgeCost[e]!;
    }
    const ones = new Int32Array(n).fill(1);
    const usedByMentor = new Uint8Array(edges);
    augmentAll({ left: m, right: n, leftStart, edgeLeft, edgeRight, edgeCost: cost, leftCapacity: capacity, rightCapacity: ones, unmatchedCost, used: usedByMentor }, false);
    for (let i = 0; i < edges; i++) used[order[i]!] = usedByMentor[i]!;
  }
  const assignedEdge = new Int32Array(n).fill(-1);
  for (let e = 0; e < edges; e++) if (used[e]) assignedEdge[edgeRow[e]!] = e;
  return collect(g, assignedEdge);
}

interface FlowGraph {
  left: number;
  right: number;
  /** Edges are grouped by left node: `leftStart[x] .. leftStart[x + 1]` are x's. */
  leftStart: Int32Array;
  edgeLeft: Int32Array;
  edgeRight: Int32Array;
  edgeCost: Float64Array;
  leftCapacity: Int32Array;
  rightCapacity: Int32Array;
  unmatchedCost: number;
  /** Output: 1 for each edge in the assignment. */
  used: Uint8Array;
}

/**
 * Successive shortest paths, one unit of supply at a time. Source -> left (capacity), left -> right
 * (capacity 1, the edge's cost), right -> sink (capacity), and left -> sink at `unmatchedCost` (the
 * unit stays unmatched). Each unit runs Dijkstra on reduced costs from its left node to the sink,
 * stops when the sink is settled, augments, and moves only the settled nodes' potentials (Johnson),
 * so a search costs what it explores. Every other unit of supply is already placed, so the shortest
 * path from the source is the one from this node, and the flow stays min-cost for its size.
 * A search that settles more than `limit` nodes (late on, when few places are left and they are far
 * away) is redone bidirectionally, also searching back from the sink through the places with room,
 * which explores far less of the graph when the two searches meet halfway.
 */
function augmentAll(graph: FlowGraph, warm: boolean): void {
  const { left, right, leftStart, edgeLeft, edgeRight, edgeCost, leftCapacity, rightCapacity, unmatchedCost, used } = graph;
  const t = left + right;
  const nodes = t + 1;
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const seen = new Int32Array(nodes);
  const settled = new Int32Array(nodes);
  /** For a right node, the edge it was reached by; for a left node, the used edge it came back along. */
  const parent = new Int32Array(nodes);
  const settledList = new Int32Array(nodes);
  const slotStart = new Int32Array(right + 1);
  for (let r = 0; r < right; r++) slotStart[r + 1] = slotStart[r]! + rightCapacity[r]!;
  const slotEdge = new Int32Array(slotStart[right]!);
  const slotOf = new Int32Array(edgeLeft.length);
  const load = new Int32Array(right);
  const heap = new Heap();

  // Edges grouped by right node, and the right nodes with room, for the search back from the sink.
  const rightStart = new Int32Array(right + 1);
  for (let e = 0; e < edgeLeft.length; e++) rightStart[edgeRight[e]! + 1]!++;
  for (let r = 0; r < right; r++) rightStart[r + 1] = rightStart[r + 1]! + rightStart[r]!;
  const rightEdge = new Int32Array(edgeLeft.length);
  {
    const fill = rightStart.slice(0, right);
    for (let e = 0; e < edgeLeft.length; e++) rightEdge[fill[edgeRight[e]!]!++] = e;
  }
  const freeList = new Int32Array(right);
  const freePos = new Int32Array(right).fill(-1);
  let freeCount = 0;
  for (let r = 0; r < right; r++) {
    if (rightCapacity[r]! > 0) {
      freePos[r] = freeCount;
      freeList[freeCount++] = r;
    }
  }
  const release = (e: number) => {
    const r = edgeRight[e]!;
    if (load[r] === rightCapacity[r]) {
      freePos[r] = freeCount;
      freeList[freeCount++] = r;
    }
    const last = slotStart[r]! + --load[r]!;
    const moved = slotEdge[last]!;
    slotEdge[slotOf[e]!] = moved;
    slotOf[moved] = slotOf[e]!;
    used[e] = 0;
  };
  const take = (e: number) => {
    const r = edgeRight[e]!;
    const slot = slotStart[r]! + load[r]!++;
    if (load[r] === rightCapacity[r]) {
      const moved = freeList[--freeCount]!;
      freeList[freePos[r]!] = moved;
      freePos[moved] = freePos[r]!;
      freePos[r] = -1;
    }
    slotEdge[slot] = e;
    slotOf[e] = slot;
    used[e] = 1;
  };

  const active = new Uint8Array(left);
  // A lower bound on every active left node's potential: potentials only fall, except in the
  // search back from the sink, which raises them.
  let minLeftPotential = 0;
  const lower = (x: number, value: number) => {
    potential[x] = value;
    if (x < left && value < minLeftPotential) minLeftPotential = value;
  };
  // The search back from the sink: distances to it, and for each node the arc it leaves along.
  const back = new Float64Array(nodes);
  const backSeen = new Int32Array(nodes);
  const backSettled = new Int32Array(nodes);
  const backParent = new Int32Array(nodes);
  const backList = new Int32Array(nodes);
  const backHeap = new Heap();
  /** The shortest path found so far has length `best` and passes through `meet`. */
  let best = Infinity;
  let meet = -1;
  const forwardReach = (node: number, nd: number, via: number, round: number) => {
    if (seen[node] !== round || nd < dist[node]!) {
      seen[node] = round;
      dist[node] = nd;
      parent[node] = via;
      heap.push(nd, node);
      if (backSeen[node] === round && nd + back[node]! < best) {
        best = nd + back[node]!;
        meet = node;
      }
    }
  };
  const backReach = (node: number, nd: number, via: number, round: number) => {
    if (backSeen[node] !== round || nd < back[node]!) {
      backSeen[node] = round;
      back[node] = nd;
      backParent[node] = via;
      backHeap.push(nd, node);
      if (seen[node] === round && nd + dist[node]! < best) {
        best = nd + dist[node]!;
        meet = node;
      }
    }
  };

  let round = 0;
  /**
   * Dijkstra from `k` to the sink on reduced costs; gives up (changing nothing) after `limit` nodes
   * unless `both`, when it also searches back from the sink and stops once the two searches prove
   * the best path found is shortest (top forward + top backward >= its length). Potentials then move
   * by the distances from `k` truncated at rf and the distances to the sink truncated at rb, with
   * rf + rb = the path's length: each is a feasible potential shift on its own, an arc that both
   * would make negative would close a path shorter than the shortest, so every reduced cost stays
   * non-negative, and the path's arcs become zero.
   */
  const search = (k: number, limit: number, both: boolean): boolean => {
    round++;
    heap.clear();
    backHeap.clear();
    best = Infinity;
    meet = -1;
    backSeen[t] = round;
    back[t] = 0;
    let backCount = 0;
    // Arcs into the sink from left nodes (unmatched units) are left to the forward search, so the
    // search back is only exact below `cap`, the least reduced cost those arcs can have.
    const cap = both ? unmatchedCost + minLeftPotential - potential[t]! : 0;
    if (both) {
      backParent[t] = -1;
      backSettled[t] = round;
      backList[backCount++] = t;
      for (let i = 0; i < freeCount; i++) {
        const r = freeList[i]!;
        backReach(left + r, potential[left + r]! - potential[t]!, -1, round);
      }
    }
    dist[k] = 0;
    seen[k] = round;
    parent[k] = -1;
    heap.push(0, k);
    let settledCount = 0;
    let topB = 0;
    for (;;) {
      while (heap.size > 0 && settled[heap.nodes[0]!] === round) heap.pop();
      while (backHeap.size > 0 && backSettled[backHeap.nodes[0]!] === round) backHeap.pop();
      const topF = heap.size > 0 ? heap.keys[0]! : Infinity;
      topB = both ? Math.min(backHeap.size > 0 ? backHeap.keys[0]! : Infinity, Math.max(cap, 0)) : 0;
      if (topF + topB >= best) break;
      if (!both && settledCount > limit) return false;
      if (!(both && topB < cap && backHeap.size > 0 && backHeap.size < heap.size)) {
        const d = topF;
        const x = heap.nodes[0]!;
        heap.pop();
        settled[x] = round;
        settledList[settledCount++] = x;
        if (x === t) continue;
        const px = potential[x]!;
        if (x < left) {
          for (let e = leftStart[x]!, stop = leftStart[x + 1]!; e < stop; e++) {
            if (used[e]) continue;
            const y = left + edgeRight[e]!;
            if (settled[y] !== round) forwardReach(y, d + edgeCost[e]! + px - potential[y]!, e, round);
          }
          if (settled[t] !== round) forwardReach(t, d + unmatchedCost + px - potential[t]!, -1 - x, round);
        } else {
          const r = x - left;
          if (load[r]! < rightCapacity[r]! && settled[t] !== round) forwardReach(t, d + px - potential[t]!, x, round);
          for (let s = slotStart[r]!, stop = s + load[r]!; s < stop; s++) {
            const e = slotEdge[s]!;
            const y = edgeLeft[e]!;
            if (settled[y] !== round) forwardReach(y, d - edgeCost[e]! + px - potential[y]!, e, round);
          }
        }
      } else {
        const d = topB;
        const y = backHeap.nodes[0]!;
        backHeap.pop();
        backSettled[y] = round;
        backList[backCount++] = y;
        const py = potential[y]!;
        if (y < left) {
          // Arcs into a left node: from the right node of each of its used edges.
          for (let e = leftStart[y]!, stop = leftStart[y + 1]!; e < stop; e++) {
            if (!used[e]) continue;
            const x = left + edgeRight[e]!;
            if (backSettled[x] !== round) backReach(x, d - edgeCost[e]! + potential[x]! - py, e, round);
          }
        } else {
          // Arcs into a right node: from each active left node whose edge to it is unused.
          for (let i = rightStart[y - left]!, stop = rightStart[y - left + 1]!; i < stop; i++) {
            const e = rightEdge[i]!;
            const x = edgeLeft[e]!;
            if (used[e] || !active[x] || backSettled[x] === round) continue;
            backReach(x, d + edgeCost[e]! + potential[x]! - py, e, round);
          }
        }
      }
    }
    const rb = both ? Math.min(topB, best) : 0;
    const rf = best - rb;
    for (let s = 0; s < settledCount; s++) {
      const x = settledList[s]!;
      if (dist[x]! < rf) lower(x, potential[x]! + dist[x]! - rf);
    }
    for (let s = 0; s < backCount; s++) {
      const y = backList[s]!;
      if (back[y]! < rb) potential[y] = potential[y]! + rb - back[y]!;
    }
    return true;
  };

  // An indexed heap (decrease-key, no stale entries) for the forward-only searches after the warm
  // start; it settles nodes in the same order as `search`, (distance, node) ascending.
  const heapKey = new Float64Array(nodes);
  const heapNode = new Int32Array(nodes);
  const heapPos = new Int32Array(nodes);
  let heapSize = 0;
  const siftUp = (i: number, key: number, node: number) => {
    while (i > 0) {
      const up = (i - 1) >> 1;
      const uk = heapKey[up]!;
      if (uk < key || (uk === key && heapNode[up]! < node)) break;
      heapKey[i] = uk;
      heapNode[i] = heapNode[up]!;
      heapPos[heapNode[i]!] = i;
      i = up;
    }
    heapKey[i] = key;
    heapNode[i] = node;
    heapPos[node] = i;
  };
  const reach = (y: number, nd: number, via: number) => {
    if (seen[y] !== round) {
      seen[y] = round;
      dist[y] = nd;
      parent[y] = via;
      siftUp(heapSize++, nd, y);
    } else if (nd < dist[y]!) {
      dist[y] = nd;
      parent[y] = via;
      siftUp(heapPos[y]!, nd, y);
    }
  };
  /** Dijkstra from `k` to the sink on reduced costs, forward only; see `search`. */
  const searchForward = (k: number) => {
    round++;
    heapSize = 0;
    seen[k] = round;
    dist[k] = 0;
    parent[k] = -1;
    siftUp(heapSize++, 0, k);
    let settledCount = 0;
    while (heapSize > 0) {
      const x = heapNode[0]!;
      const d = heapKey[0]!;
      // The sink wins ties, so the search stops as soon as nothing left is nearer.
      if (seen[t] === round && d >= dist[t]!) break;
      // Pop: the last entry sifts down from the top.
      const size = --heapSize;
      if (size > 0) {
        const key = heapKey[size]!;
        const node = heapNode[size]!;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          const right = child + 1;
          if (right < size && (heapKey[right]! < heapKey[child]! || (heapKey[right] === heapKey[child] && heapNode[right]! < heapNode[child]!))) {
            child = right;
          }
          const ck = heapKey[child]!;
          if (key < ck || (key === ck && node <= heapNode[child]!)) break;
          heapKey[i] = ck;
          heapNode[i] = heapNode[child]!;
          heapPos[heapNode[i]!] = i;
          i = child;
        }
        heapKey[i] = key;
        heapNode[i] = node;
        heapPos[node] = i;
      }
      settled[x] = round;
      settledList[settledCount++] = x;
      const px = potential[x]!;
      if (x < left) {
        for (let e = leftStart[x]!, stop = leftStart[x + 1]!; e < stop; e++) {
          if (used[e]) continue;
          const y = left + edgeRight[e]!;
          if (settled[y] !== round) reach(y, d + edgeCost[e]! + px - potential[y]!, e);
        }
        reach(t, d + unmatchedCost + px - potential[t]!, -1 - x);
      } else {
        const r = x - left;
        if (load[r]! < rightCapacity[r]!) reach(t, d + px - potential[t]!, x);
        for (let s = slotStart[r]!, stop = s + load[r]!; s < stop; s++) {
          const e = slotEdge[s]!;
          const y = edgeLeft[e]!;
          if (settled[y] !== round) reach(y, d - edgeCost[e]! + px - potential[y]!, e);
        }
      }
    }
    const length = dist[t]!;
    for (let s = 0; s < settledCount; s++) {
      const x = settledList[s]!;
      if (dist[x]! < length) lower(x, potential[x]! + dist[x]! - length);
    }
    meet = t;
  };

  const forwardArcs: number[] = [];
  const backArcs: number[] = [];
  /**
   * Flips the path found from `k` (forward edges become used, backward ones freed), sink side first
   * so a right node frees a slot before it takes one; true when it leaves `k`'s unit unmatched.
   * Arcs are stored as `e + 1` to take edge e and `-1 - e` to release it.
   */
  const augment = (k: number): boolean => {
    forwardArcs.length = 0;
    backArcs.length = 0;
    let cur = meet;
    while (cur !== k) {
      if (cur === t) {
        const p = parent[t]!;
        if (p < 0) {
          cur = -1 - p;
          if (cur === k) return true;
        } else cur = p;
      } else if (cur >= left) {
        const e = parent[cur]!;
        forwardArcs.push(e + 1);
        cur = edgeLeft[e]!;
      } else {
        const e = parent[cur]!;
        forwardArcs.push(-1 - e);
        cur = left + edgeRight[e]!;
      }
    }
    cur = meet;
    while (cur !== t) {
      const e = backParent[cur]!;
      if (cur >= left) {
        if (e === -1) break;
        backArcs.push(-1 - e);
        cur = edgeLeft[e]!;
      } else {
        backArcs.push(e + 1);
        cur = left + edgeRight[e]!;
      }
    }
    for (let i = backArcs.length - 1; i >= 0; i--) {
      const a = backArcs[i]!;
      if (a > 0) take(a - 1);
      else release(-1 - a);
    }
    for (const a of forwardArcs) {
      if (a > 0) take(a - 1);
      else release(-1 - a);
    }
    return false;
  };

  // Warm start: when asked and every left node has one unit, an auction places most of them cheaply and
  // hands over prices under which the flow so far is already min-cost (see `auction`).
  let unitLeft = true;
  for (let k = 0; k < left && unitLeft; k++) if (leftCapacity[k] !== 1) unitLeft = false;
  const warmStarted = warm && unitLeft && left > 0;
  if (warmStarted) {
    const { held, price } = auction(graph, 20 * left + edgeLeft.length);
    potential[t] = 0;
    for (let r = 0; r < right; r++) potential[left + r] = -price[r]!;
    for (let k = 0; k < left; k++) {
      const e = held[k]!;
      if (e === -1) continue;
      take(e);
      active[k] = 1;
      lower(k, -(edgeCost[e]! + price[edgeRight[e]!]!));
    }
  }

  // After the warm start the searches left are few and long, and the search back from the sink
  // finds little (the auction fills the places it would start from), so they go forward only.
  const limit = warmStarted ? Infinity : 4096;
  for (let k = 0; k < left; k++) {
    const begin = leftStart[k]!;
    const end = leftStart[k + 1]!;
    if (begin === end || active[k]) continue;
    // A new node's potential makes every reduced cost out of it non-negative.
    let start = potential[t]! - unmatchedCost;
    for (let e = begin; e < end; e++) start = Math.max(start, potential[left + edgeRight[e]!]! - edgeCost[e]!);
    lower(k, start);
    active[k] = 1;

    for (let unit = 0; unit < leftCapacity[k]!; unit++) {
      if (warmStarted) searchForward(k);
      else if (!search(k, limit, false)) search(k, Infinity, true);
      // This node's remaining units would take the same way out: leave them unmatched.
      if (augment(k)) break;
    }
  }
}

/**
 * A Gauss-Seidel auction without epsilon (Jonker and Volgenant's augmenting row reduction, with
 * places): each free left node bids for the right node where its cost plus that node's price is
 * least, raising the price by its margin over the second best (leaving its unit unmatched counts as
 * an option at `unmatchedCost`, price 0). A right node's price is 0 while it has room, else the
 * lowest price any of its places was bought at; a full node gives that place to the new bidder and
 * its holder bids again. Prices only rise, so every holder keeps paying its least cost plus price,
 * which is complementary slackness: potentials -price on right nodes, -(cost + price) on holders, 0
 * on the sink leave no residual arc negative, and the shortest-path phase finishes exactly.
 *
 * Equal scores are common, and a bid that ties raises no price, so bidders could take a place from
 * each other for ever. Costs and prices are therefore pairs compared in order, (cost, tie) with a
 * small fixed tie per edge: every bid raises a price in that order, and complementary slackness in
 * pairs implies it in the first part, which is all the shortest-path phase uses. It still stops after
 * `maxBids`, leaving the rest free: the last contested places are cheaper to settle by search.
 */
function auction(graph: FlowGraph, maxBids: number): { held: Int32Array; price: Float64Array } {
  const { left, right, leftStart, edgeLeft, edgeRight, edgeCost, rightCapacity, unmatchedCost } = graph;
  const held = new Int32Array(left).fill(-1);
  const slotStart = new Int32Array(right + 1);
  for (let r = 0; r < right; r++) slotStart[r + 1] = slotStart[r]! + rightCapacity[r]!;
  // Each right node's bought places form a min-heap by price at the front of its slots.
  const slots = slotStart[right]!;
  const slotPrice = new Float64Array(slots);
  const slotTie = new Float64Array(slots);
  const slotEdge = new Int32Array(slots);
  const load = new Int32Array(right);
  const tieOf = new Float64Array(edgeLeft.length);
  for (let e = 0; e < tieOf.length; e++) tieOf[e] = (Math.imul(e ^ 0x9e3779b9, 0x85ebca6b) >>> 0) % 1_048_576;
  // Each right node's price: 0 while it has room, else its cheapest place's.
  const price = new Float64Array(right);
  const priceTie = new Float64Array(right);
  const less = (a: number, aTie: number, b: number, bTie: number) => a < b || (a === b && aTie < bTie);
  const queue = new Int32Array(left);
  let head = 0;
  let queued = 0;
  for (let k = 0; k < left; k++) if (leftStart[k + 1]! > leftStart[k]!) queue[queued++ % left] = k;
  let bids = 0;
  while (head < queued && bids < maxBids) {
    const i = queue[head++ % left]!;
    let best = unmatchedCost;
    let bestTie = 0;
    let bestEdge = -1;
    let second = Infinity;
    let secondTie = 0;
    for (let e = leftStart[i]!, stop = leftStart[i + 1]!; e < stop; e++) {
      const r = edgeRight[e]!;
      const value = edgeCost[e]! + price[r]!;
      const valueTie = tieOf[e]! + priceTie[r]!;
      if (less(value, valueTie, best, bestTie)) {
        second = best;
        secondTie = bestTie;
        best = value;
        bestTie = valueTie;
        bestEdge = e;
      } else if (less(value, valueTie, second, secondTie)) {
        second = value;
        secondTie = valueTie;
      }
    }
    if (bestEdge === -1) continue;
    bids++;
    const e = bestEdge;
    const r = edgeRight[e]!;
    const base = slotStart[r]!;
    const full = load[r]! >= rightCapacity[r]!;
    const bid = (full ? slotPrice[base]! : 0) + (second - best);
    const bidTie = (full ? slotTie[base]! : 0) + (secondTie - bestTie);
    held[i] = e;
    let s: number;
    if (!full) {
      // A new place: sift up from the end.
      s = load[r]!++;
      while (s > 0) {
        const up = base + ((s - 1) >> 1);
        if (!less(bid, bidTie, slotPrice[up]!, slotTie[up]!)) break;
        slotPrice[base + s] = slotPrice[up]!;
        slotTie[base + s] = slotTie[up]!;
        slotEdge[base + s] = slotEdge[up]!;
        s = (s - 1) >> 1;
      }
    } else {
      // The cheapest place changes hands: sift down from the top.
      const evicted = edgeLeft[slotEdge[base]!]!;
      held[evicted] = -1;
      queue[queued++ % left] = evicted;
      const size = load[r]!;
      s = 0;
      for (;;) {
        let child = 2 * s + 1;
        if (child >= size) break;
        if (child + 1 < size && less(slotPrice[base + child + 1]!, slotTie[base + child + 1]!, slotPrice[base + child]!, slotTie[base + child]!)) {
          child++;
        }
        if (!less(slotPrice[base + child]!, slotTie[base + child]!, bid, bidTie)) break;
        slotPrice[base + s] = slotPrice[base + child]!;
        slotTie[base + s] = slotTie[base + child]!;
        slotEdge[base + s] = slotEdge[base + child]!;
        s = child;
      }
    }
    slotPrice[base + s] = bid;
    slotTie[base + s] = bidTie;
    slotEdge[base + s] = e;
    if (load[r] === rightCapacity[r]) {
      price[r] = slotPrice[base]!;
      priceTie[r] = slotTie[base]!;
    }
  }
  return { held, price };
}

function collect(g: Prepared, assignedEdge: Int32Array): AssignmentResult {
  const { menteeIds, mentorIds, pairMentee, pairMentor, pairScore } = g.compact;
  const assignment: [string, string][] = [];
  let score = 0;
  for (let i = 0; i < g.n; i++) {
    const pairIndex = g.lockedEdge[i] !== -1 ? g.lockedEdge[i]! : assignedEdge[i] !== -1 ? g.edgePair[assignedEdge[i]!]! : -1;
    if (pairIndex === -1) continue;
    assignment.push([menteeIds[pairMentee[pairIndex]!]!, mentorIds[pairMentor[pairIndex]!]!]);
    score += pairScore[pairIndex]!;
  }
  return { assignment, matched: assignment.length, score };
}

export interface OptimalityCheck {
  optimal: boolean;
  /** Broken hard constraints plus residual edges left with a negative reduced cost. */
  violations: number;
}

/**
 * A certificate check independent of the solver: checks the hard constraints, then looks for node
 * potentials on the residual graph (Bellman-Ford) under which no residual edge has a negative
 * reduced cost. Costs are pairs compared in order (matched pairs, then score), which is the bonus-
 * per-matched-pair objective with an unbounded bonus; for `max_score` the first part is zero. Edges
 * between source and sink both ways let the number matched change, so the check is over all sizes.
 */
export function verifyOptimality(instance: AnyAssignmentInstance, result: AssignmentResult): OptimalityCheck {
  const g = prepare(instance);
  const { n, m, rowStart, edgeMentor, edgeCost, capacity } = g;
  let violations = 0;

  const assignedEdge = new Int32Array(n).fill(-1);
  const lockedSeen = new Uint8Array(n);
  const load = new Int32Array(m);
  const seenMentee = new Uint8Array(n);
  for (const [a, b] of result.assignment) {
    const i = g.menteeIndex.get(a);
    const j = g.mentorIndex.get(b);
    if (i === undefined || j === undefined || seenMentee[i]) {
      violations++;
      continue;
    }
    seenMentee[i] = 1;
    const lockedPair = g.lockedEdge[i]!;
    if (lockedPair !== -1) {
      if (g.compact.mentorIds[g.compact.pairMentor[lockedPair]!] === b) lockedSeen[i] = 1;
      else violations++;
      continue;
    }
    let edge = -1;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) if (edgeMentor[e] === j) edge = e;
    if (edge === -1) {
      violations++;
      continue;
    }
    assignedEdge[i] = edge;
    load[j]!++;
  }
  for (let i = 0; i < n; i++) if (g.lockedEdge[i] !== -1 && !lockedSeen[i]) violations++;
  for (let j = 0; j < m; j++) if (load[j]! > capacity[j]!) violations++;
  if (result.matched !== result.assignment.length) violations++;
  if (violations > 0) return { optimal: false, violations };

  // Residual edges as (from, to, matchedCost, scoreCost).
  const lexicographic = instance.objective === "max_matched_then_score" ? 1 : 0;
  const source = n + m;
  const sink = n + m + 1;
  const from: number[] = [];
  const to: number[] = [];
  const costA: number[] = [];
  const costB: number[] = [];
  const edge = (x: number, y: number, a: number, b: number) => {
    from.push(x);
    to.push(y);
    costA.push(a);
    costB.push(b);
  };
  edge(source, sink, 0, 0);
  edge(sink, source, 0, 0);
  for (let i = 0; i < n; i++) {
    if (g.lockedEdge[i] !== -1) continue;
    if (assignedEdge[i] === -1) edge(source, i, 0, 0);
    else edge(i, source, 0, 0);
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const s = SCALE - edgeCost[e]!;
      if (e === assignedEdge[i]) edge(n + edgeMentor[e]!, i, lexicographic, s);
      else edge(i, n + edgeMentor[e]!, -lexicographic, -s);
    }
  }
  for (let j = 0; j < m; j++) {
    if (load[j]! < capacity[j]!) edge(n + j, sink, 0, 0);
    if (load[j]! > 0) edge(sink, n + j, 0, 0);
  }

  const nodes = n + m + 2;
  const da = new Float64Array(nodes);
  const db = new Float64Array(nodes);
  const better = (e: number) => {
    const x = from[e]!;
    const y = to[e]!;
    const a = da[x]! + costA[e]!;
    const b = db[x]! + costB[e]!;
    return a < da[y]! || (a === da[y] && b < db[y]!);
  };
  for (let pass = 0; pass <= nodes; pass++) {
    let changed = false;
    for (let e = 0; e < from.length; e++) {
      if (better(e)) {
        const x = from[e]!;
        const y = to[e]!;
        da[y] = da[x]! + costA[e]!;
        db[y] = db[x]! + costB[e]!;
        changed = true;
      }
    }
    if (!changed) return { optimal: true, violations: 0 };
  }
  for (let e = 0; e < from.length; e++) if (better(e)) violations++;
  return { optimal: violations === 0, violations: Math.max(violations, 1) };
}
