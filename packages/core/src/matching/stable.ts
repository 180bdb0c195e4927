// Stable allocation (SPEC section 5, `auto` with stability): many-to-one mentee-proposing deferred
// acceptance with mentor capacities, and the blocking pairs of any other allocation.
import type { AssignmentInstance, AssignmentResult } from "./assignment";
import { pairKey } from "./score";

export interface StableOptions {
  /** The allowed pairs (with scores), capacities, locks and exclusions; the objective is ignored. */
  instance: Omit<AssignmentInstance, "objective"> & { objective?: AssignmentInstance["objective"] };
  /** Each mentee's mentors, best first; a mentor left out is unacceptable. Else by score. */
  menteeRanks?: Record<string, string[]>;
  /** Each mentor's mentees, best first; a mentee left out is unacceptable. Else by score. */
  mentorRanks?: Record<string, string[]>;
}

/** Both sides' preferences over the allowed, not excluded pairs of mentees who are not locked. */
interface Preferences {
  /** Per mentee: acceptable mentors, best first. */
  lists: Map<string, string[]>;
  /** `pairKey` -> the mentee's rank of the mentor (0 best). */
  menteeRank: Map<string, number>;
  /** `pairKey` -> the mentor's rank of the mentee (0 best). */
  mentorRank: Map<string, number>;
  /** Places left after locks. */
  places: Map<string, number>;
  lockedTo: Map<string, string>;
  score: Map<string, number>;
}

function preferences(o: StableOptions): Preferences {
  const { instance } = o;
  const lockedTo = new Map<string, string>();
  const places = new Map(instance.mentors.map(({ id, capacity }) => [id, capacity]));
  for (const [a, b] of instance.locked ?? []) {
    if (lockedTo.get(a) === b) continue;
    lockedTo.set(a, b);
    places.set(b, (places.get(b) ?? 0) - 1);
  }
  const excluded = new Set((instance.excluded ?? []).map(([a, b]) => pairKey(a, b)));
  const menteeOrder = new Map(instance.mentees.map(({ id }, i) => [id, i]));
  const mentorOrder = new Map(instance.mentors.map(({ id }, j) => [id, j]));
  const score = new Map(instance.pairs.map(([a, b, s]) => [pairKey(a, b), s]));

  const explicit = (ranks: Record<string, string[]> | undefined, who: string) => {
    const list = ranks && Object.hasOwn(ranks, who) ? ranks[who] : undefined;
    return list ? new Map(list.map((id, k) => [id, k] as const).reverse()) : undefined;
  };
  const byMentee = new Map<string, string[]>();
  const byMentor = new Map<string, string[]>();
  for (const [a, b] of instance.pairs) {
    if (lockedTo.has(a) || excluded.has(pairKey(a, b))) continue;
    const mine = byMentee.get(a);
    if (mine) mine.push(b);
    else byMentee.set(a, [b]);
    const theirs = byMentor.get(b);
    if (theirs) theirs.push(a);
    else byMentor.set(b, [a]);
  }

  const menteeRank = new Map<string, number>();
  const lists = new Map<string, string[]>();
  for (const [a, mentors] of byMentee) {
    const ranks = explicit(o.menteeRanks, a);
    let list = mentors;
    if (ranks) list = list.filter((b) => ranks.has(b)).sort((x, y) => ranks.get(x)! - ranks.get(y)!);
    else list = list.sort((x, y) => score.get(pairKey(a, y))! - score.get(pairKey(a, x))! || mentorOrder.get(x)! - mentorOrder.get(y)!);
    list.forEach((b, k) => menteeRank.set(pairKey(a, b), k));
    lists.set(a, list);
  }
  const mentorRank = new Map<string, number>();
  for (const [b, mentees] of byMentor) {
    const ranks = explicit(o.mentorRanks, b);
    let list = mentees;
    if (ranks) list = list.filter((a) => ranks.has(a)).sort((x, y) => ranks.get(x)! - ranks.get(y)!);
    else list = list.sort((x, y) => score.get(pairKey(y, b))! - score.get(pairKey(x, b))! || menteeOrder.get(x)! - menteeOrder.get(y)!);
    list.forEach((a, k) => mentorRank.set(pairKey(a, b), k));
  }
  // A pair is usable only when both sides find it acceptable.
  for (const [a, list] of lists) lists.set(a, list.filter((b) => mentorRank.has(pairKey(a, b))));
  return { lists, menteeRank, mentorRank, places, lockedTo, score };
}

function collect(instance: StableOptions["instance"], mentorOf: ReadonlyMap<string, string>, score: ReadonlyMap<string, number>): AssignmentResult {
  const assignment: [string, string][] = [];
  let total = 0;
  for (const { id } of instance.mentees) {
    const mentor = mentorOf.get(id);
    if (mentor === undefined) continue;
    assignment.push([id, mentor]);
    total += score.get(pairKey(id, mentor)) ?? 0;
  }
  return { assignment, matched: assignment.length, score: total };
}

/**
 * The mentee-optimal stable allocation: mentees propose down their lists in input order, each mentor
 * holds its best offers up to its places left after locks. Locked pairs are fixed first.
 */
export function stableAllocation(o: StableOptions): AssignmentResult {
  const prefs = preferences(o);
  const { lists, mentorRank, places } = prefs;
  const mentorOf = new Map(prefs.lockedTo);
  const held = new Map<string, string[]>();
  const next = new Map<string, number>();
  const queue = o.instance.mentees.map(({ id }) => id).filter((id) => !prefs.lockedTo.has(id)).reverse();
  while (queue.length > 0) {
    const a = queue.pop()!;
    const list = lists.get(a) ?? [];
    const k = next.get(a) ?? 0;
    if (k >= list.length) continue;
    next.set(a, k + 1);
    const b = list[k]!;
    const room = places.get(b) ?? 0;
    if (room <= 0) {
      queue.push(a);
      continue;
    }
    const holding = held.get(b) ?? [];
    holding.push(a);
    mentorOf.set(a, b);
    if (holding.length > room) {
      let worst = 0;
      for (let x = 1; x < holding.length; x++) {
        if (mentorRank.get(pairKey(holding[x]!, b))! > mentorRank.get(pairKey(holding[worst]!, b))!) worst = x;
      }
      const [rejected] = holding.splice(worst, 1);
      mentorOf.delete(rejected!);
      queue.push(rejected!);
    }
    held.set(b, holding);
  }
  return collect(o.instance, mentorOf, prefs.score);
}

/**
 * Pairs (mentee, mentor) who would both rather be together than keep `assignment`: the mentee is
 * unmatched or ranks the mentor above their own, and the mentor has a place free or ranks the mentee
 * above one of its (unlocked) mentees. A partner the ranks leave out counts as worse than any listed.
 * Ordered by mentee input order, then by the mentee's preference.
 *
 * In one pass over the pairs with ids numbered once, comparing preferences directly instead of
 * sorting lists (only each mentee's blocking pairs are sorted), rather than through maps keyed by
 * pair strings; an odd instance (a pair listed twice, a score that is not a number, a pair naming an
 * unlisted id) takes that slower path.
 */
export function blockingPairs(o: StableOptions & { assignment: [string, string][] }): [string, string][] {
  const { instance, assignment } = o;
  const { pairs } = instance;
  const count = pairs.length;
  // Mentees and mentors numbered by first appearance anywhere (unknown ids included).
  const menteeIndex = new Map<string, number>();
  const mentorIndex = new Map<string, number>();
  const menteeIds: string[] = [];
  const mentorIds: string[] = [];
  const mentee = (id: string) => {
    let i = menteeIndex.get(id);
    if (i === undefined) {
      i = menteeIds.length;
      menteeIndex.set(id, i);
      menteeIds.push(id);
    }
    return i;
  };
  const mentor = (id: string) => {
    let j = mentorIndex.get(id);
    if (j === undefined) {
      j = mentorIds.length;
      mentorIndex.set(id, j);
      mentorIds.push(id);
    }
    return j;
  };
  for (const { id } of instance.mentees) mentee(id);
  for (const { id } of instance.mentors) mentor(id);
  const pairMentee = new Int32Array(count);
  const pairMentor = new Int32Array(count);
  const pairScore = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const [a, b, s] = pairs[k]!;
    pairMentee[k] = mentee(a);
    pairMentor[k] = mentor(b);
    pairScore[k] = s;
  }
  const locks = (instance.locked ?? []).map(([a, b]) => [mentee(a), mentor(b)] as const);
  const held = assignment.map(([a, b]) => [mentee(a), mentor(b)] as const);
  const n = menteeIds.length;
  const m = mentorIds.length;

  // Input order (the last listing wins; NaN when not listed, as the string-keyed comparison gives).
  const menteeOrder = new Float64Array(n).fill(NaN);
  instance.mentees.forEach(({ id }, i) => (menteeOrder[menteeIndex.get(id)!] = i));
  const mentorOrder = new Float64Array(m).fill(NaN);
  const places = new Float64Array(m);
  instance.mentors.forEach(({ id, capacity }, j) => {
    const at = mentorIndex.get(id)!;
    mentorOrder[at] = j;
    places[at] = capacity ?? 0;
  });
  const lockedTo = new Int32Array(n).fill(-1);
  for (const [i, j] of locks) {
    if (lockedTo[i] === j) continue;
    lockedTo[i] = j;
    places[j]! -= 1;
  }
  const excluded = new Set<number>();
  for (const [a, b] of instance.excluded ?? []) {
    const i = menteeIndex.get(a);
    const j = mentorIndex.get(b);
    if (i !== undefined && j !== undefined) excluded.add(i * m + j);
  }

  // The usable pairs of each mentee, in input order (counting sort).
  const usable = new Uint8Array(count);
  const start = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) {
    const i = pairMentee[k]!;
    if (lockedTo[i] !== -1 || (excluded.size > 0 && excluded.has(i * m + pairMentor[k]!))) continue;
    // A pair listed twice, a score that is not a number or an id not in the lists: the preference
    // order is then only what sorting gives, so take the path that sorts as `preferences` does.
    if (Number.isNaN(pairScore[k]) || Number.isNaN(menteeOrder[i]) || Number.isNaN(mentorOrder[pairMentor[k]!]))
      return blockingPairsByKey(o);
    usable[k] = 1;
    start[i + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const byMentee = new Int32Array(start[n]!);
  {
    const fill = start.slice(0, n);
    for (let k = 0; k < count; k++) if (usable[k]) byMentee[fill[pairMentee[k]!]!++] = k;
  }
  const seen = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let x = start[i]!; x < start[i + 1]!; x++) {
      const j = pairMentor[byMentee[x]!]!;
      if (seen[j] === i) return blockingPairsByKey(o);
      seen[j] = i;
    }
  }

  // Each side's explicit rank of each usable pair (-1: left out, so unacceptable), where it has
  // ranks. Preferences are then a strict order, compared directly rather than sorted into lists:
  // `preferences`' positions compare as these comparisons do.
  const explicit = (ranks: Record<string, string[]> | undefined, who: string) => {
    const list = ranks && Object.hasOwn(ranks, who) ? ranks[who] : undefined;
    return list ? new Map(list.map((id, k) => [id, k] as const).reverse()) : undefined;
  };
  const menteeRanked = new Uint8Array(n);
  const mentorRanked = new Uint8Array(m);
  const menteeRank = new Int32Array(count);
  const mentorRank = new Int32Array(count);
  if (o.menteeRanks) {
    for (let i = 0; i < n; i++) {
      if (start[i] === start[i + 1]) continue;
      const ranks = explicit(o.menteeRanks, menteeIds[i]!);
      if (!ranks) continue;
      menteeRanked[i] = 1;
      for (let x = start[i]!; x < start[i + 1]!; x++) {
        const k = byMentee[x]!;
        menteeRank[k] = ranks.get(mentorIds[pairMentor[k]!]!) ?? -1;
      }
    }
  }
  if (o.mentorRanks) {
    const ranksOf = new Map<number, Map<string, number> | undefined>();
    for (let k = 0; k < count; k++) {
      if (!usable[k]) continue;
      const j = pairMentor[k]!;
      let ranks = ranksOf.get(j);
      if (!ranksOf.has(j)) ranksOf.set(j, (ranks = explicit(o.mentorRanks, mentorIds[j]!)));
      if (!ranks) continue;
      mentorRanked[j] = 1;
      mentorRank[k] = ranks.get(menteeIds[pairMentee[k]!]!) ?? -1;
    }
  }
  const menteeAccepts = (k: number) => !menteeRanked[pairMentee[k]!] || menteeRank[k]! >= 0;
  const mentorAccepts = (k: number) => !mentorRanked[pairMentor[k]!] || mentorRank[k]! >= 0;
  /** Below 0 when the mentee of pairs x and y (acceptable to them) prefers x: `preferences`' sort. */
  const menteeCompare = (x: number, y: number) =>
    menteeRanked[pairMentee[x]!]
      ? menteeRank[x]! - menteeRank[y]!
      : pairScore[y]! - pairScore[x]! || mentorOrder[pairMentor[x]!]! - mentorOrder[pairMentor[y]!]!;
  /** Below 0 when the mentor of pairs x and y (acceptable to it) prefers x. */
  const mentorCompare = (x: number, y: number) =>
    mentorRanked[pairMentor[x]!]
      ? mentorRank[x]! - mentorRank[y]!
      : pairScore[y]! - pairScore[x]! || menteeOrder[pairMentee[x]!]! - menteeOrder[pairMentee[y]!]!;
  /** The usable pair of mentee i and mentor j, or -1. */
  const pairOf = (i: number, j: number) => {
    for (let x = start[i]!; x < start[i + 1]!; x++) if (pairMentor[byMentee[x]!] === j) return byMentee[x]!;
    return -1;
  };

  // Each mentor's unlocked mentees: how many, and the held pair it likes least (`unranked` when one
  // is not on its list, and so worse than any that is).
  const mentorOf = new Int32Array(n).fill(-1);
  const load = new Int32Array(m);
  const worst = new Int32Array(m).fill(-1);
  const unranked = new Uint8Array(m);
  for (const [i, j] of held) {
    mentorOf[i] = j;
    if (lockedTo[i] !== -1) continue;
    load[j]!++;
    const k = pairOf(i, j);
    if (k === -1 || !mentorAccepts(k)) unranked[j] = 1;
    else if (worst[j] === -1 || mentorCompare(k, worst[j]!) > 0) worst[j] = k;
  }
  const blocking: [string, string][] = [];
  const found: number[] = [];
  for (const { id: a } of instance.mentees) {
    const i = menteeIndex.get(a)!;
    if (lockedTo[i] !== -1) continue;
    const current = mentorOf[i]!;
    const own = current === -1 ? -1 : pairOf(i, current);
    const ownRanked = own !== -1 && menteeAccepts(own);
    found.length = 0;
    for (let x = start[i]!; x < start[i + 1]!; x++) {
      const k = byMentee[x]!;
      const j = pairMentor[k]!;
      if (j === current || !menteeAccepts(k) || !mentorAccepts(k)) continue;
      if (ownRanked && !(menteeCompare(k, own) < 0)) continue;
      if (places[j]! - load[j]! > 0 || (load[j]! > 0 && (unranked[j] === 1 || mentorCompare(k, worst[j]!) < 0)))
        found.push(k);
    }
    if (found.length > 1) found.sort(menteeCompare);
    for (const k of found) blocking.push([a, mentorIds[pairMentor[k]!]!]);
  }
  return blocking;
}

/** `blockingPairs` through maps keyed by pair strings: for instances that list a pair twice. */
function blockingPairsByKey(o: StableOptions & { assignment: [string, string][] }): [string, string][] {
  const { lists, menteeRank, mentorRank, places, lockedTo } = preferences(o);
  const mentorOf = new Map<string, string>();
  const worstHeld = new Map<string, number>();
  const load = new Map<string, number>();
  for (const [a, b] of o.assignment) {
    mentorOf.set(a, b);
    if (lockedTo.has(a)) continue;
    load.set(b, (load.get(b) ?? 0) + 1);
    const rank = mentorRank.get(pairKey(a, b)) ?? Infinity;
    worstHeld.set(b, Math.max(worstHeld.get(b) ?? -Infinity, rank));
  }
  const blocking: [string, string][] = [];
  for (const { id: a } of o.instance.mentees) {
    if (lockedTo.has(a)) continue;
    const current = mentorOf.get(a);
    const currentRank = current === undefined ? Infinity : (menteeRank.get(pairKey(a, current)) ?? Infinity);
    for (const b of lists.get(a) ?? []) {
      if (b === current) continue;
      if (!(menteeRank.get(pairKey(a, b))! < currentRank)) continue;
      const room = (places.get(b) ?? 0) - (load.get(b) ?? 0);
      if (room > 0 || ((load.get(b) ?? 0) > 0 && mentorRank.get(pairKey(a, b))! < worstHeld.get(b)!)) blocking.push([a, b]);
    }
  }
  return blocking;
}
