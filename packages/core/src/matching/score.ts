// Candidate scoring (SPEC section 5): hard constraints decide whether a mentor may be proposed to a
// mentee; the scheme's weighted criteria give a score in [0, 1] whose every term can be explained.
import type { SchemeRules } from "../rules/schema";
import type { AssignmentInstance } from "./assignment";

/** Preferences a mentee may ask to have honoured, and the mentor's matching facts. */
export interface PersonalFacts {
  gender?: string | null;
  ethnicity?: string | null;
  /** Languages spoken. */
  languages?: string[];
}

export interface MatchPerson {
  /** The enrolment id: what the assignment pairs name. */
  id: string;
  /** The person behind the enrolment, for the line-manager rule. Defaults to `id`. */
  personId?: string;
  specialty?: string | null;
  organisationId?: string | null;
  department?: string | null;
  location?: { lat: number; lng: number } | null;
  /** This person is willing to meet remotely. */
  remoteOk?: boolean;
  /** Availability slots, e.g. "mon-am"; overlap is what counts. */
  availability?: string[];
  /** Years of seniority (or a grade level): only the gap between the two matters. */
  seniority?: number | null;
}

export interface MenteeCandidate extends MatchPerson {
  topicsWanted: string[];
  lineManagerPersonId?: string | null;
  /** What the mentee asked for; only the kinds in `rules.matching.criteria.honourPreferences` count. */
  preferences?: { gender?: string | null; ethnicity?: string | null; language?: string | null };
}

export interface MentorCandidate extends MatchPerson, PersonalFacts {
  topicsOffered: string[];
  /** Readiness is computed elsewhere (`computeReadiness`); only ready mentors are proposed. */
  ready: boolean;
  /** Places left for new mentees. */
  capacityLeft: number;
}

export const notAllowedReasons = [
  "same_person",
  "mentor_not_ready",
  "mentor_full",
  "line_manager",
  "same_department",
  "too_far",
  "declined_before",
  "preference_not_met",
] as const;
export type NotAllowedReason = (typeof notAllowedReasons)[number];

export interface ScoreTerm {
  label: string;
  points: number;
}

export type PairScore =
  | { allowed: false; reason: NotAllowedReason }
  | { allowed: true; score: number; terms: ScoreTerm[]; explanation: string };

/** Pairs never to propose again (declined, or ended by a no-fault change). */
export type BlockedPairs = ReadonlySet<string>;

/** The key of a mentee/mentor pair in a `BlockedPairs` set. */
export const pairKey = (menteeId: string, mentorId: string) => `${menteeId}\u0000${mentorId}`;

/** Distance at which a criterion with no `maxKm` gives nothing for distance. */
const DEFAULT_REFERENCE_KM = 50;
/** A seniority gap of this much or more earns the criterion's full weight. */
const FULL_SENIORITY_GAP = 5;

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return haversineKm(a.lat, a.lng, b.lat, b.lng);
}

/** `distanceKm` from the coordinates themselves. */
function haversineKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

type Criteria = SchemeRules["matching"]["criteria"];

interface Weights {
  specialty: number;
  organisation: number;
  distance: number;
  topics: number;
  availability: number;
  seniorityGap: number;
}

/** Each active criterion's weight divided by their sum, so a perfect pair scores exactly 1. */
function normalisedWeights(criteria: Criteria): Weights {
  const raw: Weights = {
    specialty: criteria.specialty.direction === "ignore" ? 0 : criteria.specialty.weight,
    organisation: criteria.organisation.direction === "any" ? 0 : criteria.organisation.weight,
    distance: criteria.distance.weight,
    topics: criteria.topics.weight,
    availability: criteria.availability.weight,
    seniorityGap: criteria.seniorityGap.weight,
  };
  const total = Object.values(raw).reduce((sum, w) => sum + w, 0);
  const scale = total > 0 ? 1 / total : 0;
  return {
    specialty: raw.specialty * scale,
    organisation: raw.organisation * scale,
    distance: raw.distance * scale,
    topics: raw.topics * scale,
    availability: raw.availability * scale,
    seniorityGap: raw.seniorityGap * scale,
  };
}

interface Context {
  rules: SchemeRules;
  weights: Weights;
  blocked: BlockedPairs;
}

/** Mentor facts looked up many times, prepared once. */
interface PreparedMentor {
  mentor: MentorCandidate;
  topics: ReadonlySet<string>;
  availability: ReadonlySet<string>;
}

const prepareMentor = (mentor: MentorCandidate): PreparedMentor => ({
  mentor,
  topics: new Set(mentor.topicsOffered),
  availability: new Set(mentor.availability ?? []),
});

/** Mentee facts, deduplicated once. */
interface PreparedMentee {
  mentee: MenteeCandidate;
  topics: string[];
  times: string[];
}

const prepareMentee = (mentee: MenteeCandidate): PreparedMentee => ({
  mentee,
  topics: [...new Set(mentee.topicsWanted)],
  times: [...new Set(mentee.availability ?? [])],
});

const countIn = (wanted: readonly string[], offered: ReadonlySet<string>) => {
  let count = 0;
  for (const item of wanted) if (offered.has(item)) count++;
  return count;
};

function hardConstraint(mentee: MenteeCandidate, p: PreparedMentor, ctx: Context, km: number | null): NotAllowedReason | null {
  const mentor = p.mentor;
  const { matching } = ctx.rules;
  if ((mentee.personId ?? mentee.id) === (mentor.personId ?? mentor.id)) return "same_person";
  if (!mentor.ready) return "mentor_not_ready";
  if (!(mentor.capacityLeft > 0)) return "mentor_full";
  if (mentee.lineManagerPersonId != null && mentee.lineManagerPersonId === (mentor.personId ?? mentor.id)) return "line_manager";
  if (
    matching.avoidSameDepartment &&
    mentee.department != null &&
    mentee.department === mentor.department &&
    (mentee.organisationId ?? null) === (mentor.organisationId ?? null)
  ) {
    return "same_department";
  }
  const { maxKm, remoteAllowed } = matching.criteria.distance;
  if (maxKm != null && km != null && km > maxKm && !(remoteAllowed && mentee.remoteOk && mentor.remoteOk)) return "too_far";
  if (ctx.blocked.size > 0 && ctx.blocked.has(pairKey(mentee.id, mentor.id))) return "declined_before";
  for (const kind of matching.criteria.honourPreferences) {
    const asked = mentee.preferences?.[kind];
    if (asked == null || asked === "") continue;
    const met = kind === "language" ? (mentor.languages ?? []).includes(asked) : mentor[kind] === asked;
    if (!met) return "preference_not_met";
  }
  return null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Each criterion's share earned (0..1), in the order of `Weights`; reused between pairs. */
const SPECIALTY = 0;
const ORGANISATION = 1;
const DISTANCE = 2;
const TOPICS = 3;
const AVAILABILITY = 4;
const SENIORITY = 5;

/** The score, or -1 when a hard constraint rules the pair out. Fills `shares` and `counts`. */
function scoreOnly(pm: PreparedMentee, p: PreparedMentor, ctx: Context, shares: Float64Array, counts: Int32Array): number {
  const mentee = pm.mentee;
  const mentor = p.mentor;
  const km = mentee.location && mentor.location ? distanceKm(mentee.location, mentor.location) : null;
  if (hardConstraint(mentee, p, ctx, km)) return -1;
  const { criteria } = ctx.rules.matching;
  const w = ctx.weights;
  shares.fill(0);
  if (w.specialty > 0 && mentee.specialty != null && mentor.specialty != null) {
    const same = mentee.specialty === mentor.specialty;
    shares[SPECIALTY] = (criteria.specialty.direction === "same") === same ? 1 : 0;
  }
  if (w.organisation > 0 && mentee.organisationId != null && mentor.organisationId != null) {
    const same = mentee.organisationId === mentor.organisationId;
    shares[ORGANISATION] = (criteria.organisation.direction === "same") === same ? 1 : 0;
  }
  if (w.distance > 0 && km != null) {
    shares[DISTANCE] = Math.max(0, 1 - km / (criteria.distance.maxKm ?? DEFAULT_REFERENCE_KM));
  }
  if (w.topics > 0 && pm.topics.length > 0) {
    counts[TOPICS] = countIn(pm.topics, p.topics);
    shares[TOPICS] = counts[TOPICS] / pm.topics.length;
  }
  if (w.availability > 0 && pm.times.length > 0) {
    counts[AVAILABILITY] = countIn(pm.times, p.availability);
    shares[AVAILABILITY] = counts[AVAILABILITY] / pm.times.length;
  }
  if (w.seniorityGap > 0 && mentee.seniority != null && mentor.seniority != null) {
    const gap = mentor.seniority - mentee.seniority;
    shares[SENIORITY] = Math.min(Math.max(gap, 0), FULL_SENIORITY_GAP) / FULL_SENIORITY_GAP;
  }
  return weightedSum(w, shares[SPECIALTY]!, shares[ORGANISATION]!, shares[DISTANCE]!, shares[TOPICS]!, shares[AVAILABILITY]!, shares[SENIORITY]!);
}

/** The score from each criterion's share: the one formula every score (and bound) uses. */
function weightedSum(
  w: Weights,
  specialty: number,
  organisation: number,
  distance: number,
  topics: number,
  availability: number,
  seniority: number,
): number {
  const score =
    w.specialty * specialty +
    w.organisation * organisation +
    w.distance * distance +
    w.topics * topics +
    w.availability * availability +
    w.seniorityGap * seniority;
  // Sums of normalised weights can stray past 1 by a rounding error.
  return Math.min(1, Math.max(0, score));
}

/** Scores one pair with its terms and explanation. */
function evaluate(pm: PreparedMentee, p: PreparedMentor, ctx: Context): PairScore {
  const mentee = pm.mentee;
  const mentor = p.mentor;
  const km = mentee.location && mentor.location ? distanceKm(mentee.location, mentor.location) : null;
  const reason = hardConstraint(mentee, p, ctx, km);
  if (reason) return { allowed: false, reason };
  const shares = new Float64Array(6);
  const counts = new Int32Array(6);
  const score = scoreOnly(pm, p, ctx, shares, counts);

  const facts: PairFacts = {
    specialtyKnown: mentee.specialty != null && mentor.specialty != null,
    sameSpecialty: mentee.specialty === mentor.specialty,
    organisationKnown: mentee.organisationId != null && mentor.organisationId != null,
    sameOrganisation: mentee.organisationId === mentor.organisationId,
    seniorityKnown: mentee.seniority != null && mentor.seniority != null,
    gap: mentee.seniority != null && mentor.seniority != null ? mentor.seniority - mentee.seniority : 0,
  };
  return { allowed: true, score, ...describe(pm, facts, km, shares, counts, ctx, null) };
}

/** How a pair compares, for the labels of its terms. */
interface PairFacts {
  /** Both specialties are known (then whether they are the same). */
  specialtyKnown: boolean;
  sameSpecialty: boolean;
  organisationKnown: boolean;
  sameOrganisation: boolean;
  seniorityKnown: boolean;
  /** The mentor's seniority less the mentee's, when both are known. */
  gap: number;
}

/**
 * Labels, terms and explanation fragments already made, shared by the pairs of one run: of the
 * terms only the distance's points vary much, so the others are made once each (and frozen).
 */
interface Phrasebook {
  /** Labels made from numbers, by kind: "k" (km), "r" (km, remote), "t" (topics), "a" (times), "s" (years). */
  labels: Map<string, Map<number, string>>;
  /** By label, then points: the term, and the label with its points as the explanation shows them. */
  fragments: Map<string, Map<number, { term: ScoreTerm; fragment: string }>>;
  /** Reused while a pair's terms are gathered. */
  terms: ScoreTerm[];
  parts: string[];
}

const newPhrasebook = (): Phrasebook => ({ labels: new Map(), fragments: new Map(), terms: [], parts: [] });

/** The label of this kind for `key`, made once per phrasebook. */
function phrase(book: Phrasebook | null, kind: string, key: number, count: number, of: number): string {
  let byKey = book?.labels.get(kind);
  const known = byKey?.get(key);
  if (known !== undefined) return known;
  let text: string;
  if (kind === "k") text = `${count} km`;
  else if (kind === "r") text = `${count} km, meeting remotely`;
  else if (kind === "t") text = `${count} of ${plural(of, "topic", "topics")}`;
  else if (kind === "a") text = `${count} of ${plural(of, "time", "times")} free`;
  else text = `${plural(count, "year", "years")} more senior`;
  if (book !== null) {
    if (byKey === undefined) {
      byKey = new Map();
      book.labels.set(kind, byKey);
    }
    byKey.set(key, text);
  }
  return text;
}

/** Adds a criterion's term and explanation fragment (when it weighs anything); `shared`: from the phrasebook. */
function addTerm(terms: ScoreTerm[], parts: string[], book: Phrasebook | null, shared: boolean, weight: number, share: number, label: string): void {
  if (!(weight > 0)) return;
  const points = weight * share;
  if (book === null || !shared) {
    terms.push({ label, points });
    parts.push(`${label} +${points.toFixed(2)}`);
    return;
  }
  let byPoints = book.fragments.get(label);
  if (byPoints === undefined) {
    byPoints = new Map();
    book.fragments.set(label, byPoints);
  }
  let made = byPoints.get(points);
  if (made === undefined) {
    made = { term: Object.freeze({ label, points }), fragment: `${label} +${points.toFixed(2)}` };
    byPoints.set(points, made);
  }
  terms.push(made.term);
  parts.push(made.fragment);
}

/** An allowed pair's terms and explanation, from its shares and counts (as `scoreOnly` fills them). */
function describe(
  pm: PreparedMentee,
  facts: PairFacts,
  km: number | null,
  shares: Float64Array,
  counts: Int32Array,
  ctx: Context,
  book: Phrasebook | null,
): { terms: ScoreTerm[]; explanation: string } {
  const { criteria } = ctx.rules.matching;
  const w = ctx.weights;
  const terms: ScoreTerm[] = book === null ? [] : book.terms;
  const parts: string[] = book === null ? [] : book.parts;
  terms.length = 0;
  parts.length = 0;
  if (w.specialty > 0) {
    const label = !facts.specialtyKnown ? "specialty unknown" : facts.sameSpecialty ? "same specialty" : "different specialty";
    addTerm(terms, parts, book, true, w.specialty, shares[SPECIALTY]!, label);
  }
  if (w.organisation > 0) {
    const label = !facts.organisationKnown ? "organisation unknown" : facts.sameOrganisation ? "same organisation" : "different organisation";
    addTerm(terms, parts, book, true, w.organisation, shares[ORGANISATION]!, label);
  }
  if (w.distance > 0) {
    let label = "distance unknown";
    if (km != null) {
      const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
      label = phrase(book, criteria.distance.maxKm != null && km > criteria.distance.maxKm ? "r" : "k", rounded, rounded, 0);
    }
    addTerm(terms, parts, book, false, w.distance, shares[DISTANCE]!, label);
  }
  if (w.topics > 0) {
    const wanted = pm.topics.length;
    const count = counts[TOPICS]!;
    const label = wanted === 0 ? "no topics chosen" : phrase(book, "t", count * 65_536 + wanted, count, wanted);
    addTerm(terms, parts, book, true, w.topics, shares[TOPICS]!, label);
  }
  if (w.availability > 0) {
    const times = pm.times.length;
    const count = counts[AVAILABILITY]!;
    const label = times === 0 ? "no times given" : phrase(book, "a", count * 65_536 + times, count, times);
    addTerm(terms, parts, book, true, w.availability, shares[AVAILABILITY]!, label);
  }
  if (w.seniorityGap > 0) {
    const gap = facts.gap;
    const label = !facts.seniorityKnown ? "seniority unknown" : gap > 0 ? phrase(book, "s", gap, gap, 0) : "not more senior";
    addTerm(terms, parts, book, true, w.seniorityGap, shares[SENIORITY]!, label);
  }
  return { terms: book === null ? terms : terms.slice(), explanation: parts.join(" · ") };
}

export interface ScorePairOptions {
  mentee: MenteeCandidate;
  mentor: MentorCandidate;
  rules: SchemeRules;
  blocked?: BlockedPairs;
}

/** Whether this mentor may be proposed to this mentee and, if so, their score with its explanation. */
export function scorePair({ mentee, mentor, rules, blocked }: ScorePairOptions): PairScore {
  const ctx: Context = { rules, weights: normalisedWeights(rules.matching.criteria), blocked: blocked ?? new Set() };
  return evaluate(prepareMentee(mentee), prepareMentor(mentor), ctx);
}

/**
 * A mentee's best `k` mentors as a binary min-heap on typed arrays: the root is the worst kept
 * (lowest score, then the later mentor). Callers keep the size; `sortBestFirst` heap-sorts in place.
 */
function topKHeap(k: number) {
  const heapScore = new Float64Array(k);
  const heapMentor = new Int32Array(k);
  const worse = (a: number, b: number) =>
    heapScore[a]! < heapScore[b]! || (heapScore[a] === heapScore[b] && heapMentor[a]! > heapMentor[b]!);
  const swap = (a: number, b: number) => {
    const s = heapScore[a]!;
    heapScore[a] = heapScore[b]!;
    heapScore[b] = s;
    const j = heapMentor[a]!;
    heapMentor[a] = heapMentor[b]!;
    heapMentor[b] = j;
  };
  const siftDown = (from: number, size: number) => {
    for (let h = from; ; ) {
      let child = 2 * h + 1;
      if (child >= size) break;
      if (child + 1 < size && worse(child + 1, child)) child++;
      if (!worse(child, h)) break;
      swap(h, child);
      h = child;
    }
  };
  return {
    heapScore,
    heapMentor,
    /** Adds at position `size` (the caller then counts it). */
    add(size: number, score: number, mentor: number) {
      heapScore[size] = score;
      heapMentor[size] = mentor;
      for (let h = size; h > 0 && worse(h, (h - 1) >> 1); h = (h - 1) >> 1) swap(h, (h - 1) >> 1);
    },
    /** Puts this mentor in the worst kept one's place. */
    replaceWorst(size: number, score: number, mentor: number) {
      heapScore[0] = score;
      heapMentor[0] = mentor;
      siftDown(0, size);
    },
    /** Heap sort: each worst kept in turn goes to the back, so the best end up first. */
    sortBestFirst(size: number) {
      for (let last = size - 1; last > 0; last--) {
        swap(0, last);
        siftDown(0, last);
      }
    },
  };
}

export interface BuildCandidatesOptions {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
  /** How many of the best-scoring allowed mentors to keep per mentee. */
  topK: number;
  blocked?: BlockedPairs;
  /** Build each kept pair's explanation (the default); false leaves `explanations` empty, for bulk runs. */
  explain?: boolean;
}

export interface Candidates {
  /** Ready for `solveAssignment`: add an objective (and any locks or exclusions). */
  instance: Omit<AssignmentInstance, "objective">;
  /** The kept pairs' explanations, keyed by `pairKey(menteeId, mentorId)`. */
  explanations: Map<string, { score: number; terms: ScoreTerm[]; explanation: string }>;
}

/**
 * Scores every mentee against every mentor and keeps each mentee's `topK` best (a min-heap of size
 * k, ties to the mentor listed first), building explanations only for the pairs kept.
 */
export function buildCandidates({ mentees, mentors, rules, topK, blocked, explain }: BuildCandidatesOptions): Candidates {
  const ctx: Context = { rules, weights: normalisedWeights(rules.matching.criteria), blocked: blocked ?? new Set() };
  const prepared = mentors.map(prepareMentor);
  const k = Math.max(0, Math.floor(topK));
  const { heapScore, heapMentor, add, replaceWorst } = topKHeap(k);

  const pairs: AssignmentInstance["pairs"] = [];
  const explanations: Candidates["explanations"] = new Map();
  const shares = new Float64Array(6);
  const counts = new Int32Array(6);
  for (const mentee of mentees) {
    const pm = prepareMentee(mentee);
    let size = 0;
    for (let j = 0; j < prepared.length && k > 0; j++) {
      const score = scoreOnly(pm, prepared[j]!, ctx, shares, counts);
      if (score < 0) continue;
      if (size < k) add(size++, score, j);
      // Equal scores keep the earlier mentor, who is already in the heap.
      else if (score > heapScore[0]!) replaceWorst(size, score, j);
    }
    const kept = Array.from({ length: size }, (_, i) => ({ score: heapScore[i]!, mentor: heapMentor[i]! }));
    kept.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
    for (const { score, mentor } of kept) {
      const mentorId = mentors[mentor]!.id;
      if (explain === false) {
        pairs.push([mentee.id, mentorId, score]);
        continue;
      }
      const result = evaluate(pm, prepared[mentor]!, ctx);
      if (!result.allowed) continue;
      pairs.push([mentee.id, mentorId, result.score]);
      explanations.set(pairKey(mentee.id, mentorId), { score: result.score, terms: result.terms, explanation: result.explanation });
    }
  }
  return {
    instance: {
      mentees: mentees.map(({ id }) => ({ id })),
      mentors: mentors.map(({ id, ready, capacityLeft }) => ({ id, capacity: ready ? Math.max(0, Math.floor(capacityLeft)) : 0 })),
      pairs,
    },
    explanations,
  };
}

const RAD = Math.PI / 180;
const EARTH_KM = 6371.0088;
/**
 * Bounds are compared with this much to spare, so that rounding (terms added in another order, a
 * distance computed another way) can never screen out a pair the full scan would keep.
 */
const SLACK = 1e-9;
/** How many positions are screened at a time, before those passing are scored (and the floor rises). */
const SCREEN_CHUNK = 64;

function popcount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** How many bits `wanted` (`words` long) shares with `bits` from `at`. */
function overlapWords(wanted: Int32Array, bits: Int32Array, at: number, words: number): number {
  let count = 0;
  for (let i = 0; i < words; i++) count += popcount(wanted[i]! & bits[at + i]!);
  return count;
}

/** The seniority share for a mentor this senior (NaN: unknown) and a mentee (NaN: unknown or unweighted). */
function seniorityShare(mentor: number, mentee: number): number {
  return mentor === mentor && mentee === mentee ? Math.min(Math.max(mentor - mentee, 0), FULL_SENIORITY_GAP) / FULL_SENIORITY_GAP : 0;
}

/** Degrees between two longitudes, the short way round. */
function longitudeGap(a: number, b: number): number {
  let d = Math.abs(a - b);
  if (d >= 360) d %= 360;
  return d > 180 ? 360 - d : d;
}

/**
 * A lower bound on `distanceKm` from a point to anywhere in a latitude/longitude box (not crossing
 * the antimeridian): haversine with the least latitude gap, the least longitude gap and the smaller
 * cosine of the box's latitudes (`cosBox`), each of which can only lower it; shaved so rounding
 * cannot lift it.
 */
function boxDistanceLowerKm(
  lat: number,
  lng: number,
  cosLat: number,
  minLat: number,
  maxLat: number,
  minLng: number,
  maxLng: number,
  cosBox: number,
): number {
  const dLat = lat < minLat ? minLat - lat : lat > maxLat ? lat - maxLat : 0;
  const dLng = lng < minLng || lng > maxLng ? Math.min(longitudeGap(lng, minLng), longitudeGap(lng, maxLng)) : 0;
  const h = Math.sin((dLat * RAD) / 2) ** 2 + cosLat * cosBox * Math.sin((dLng * RAD) / 2) ** 2;
  const km = 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.max(0, km * (1 - 1e-9) - 1e-6);
}

/** Interns `value` in `ids`, numbering new values in order of appearance. */
function intern(ids: Map<string, number>, value: string): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = ids.size;
    ids.set(value, id);
  }
  return id;
}

/**
 * What `buildCandidatesIndexed` searches with: the eligible mentors' facts by position (cell by
 * cell, by specialty inside a cell), the cells' and runs' bounds, and the current mentee's facts.
 */
interface Search {
  // The weights and rules.
  wSpecialty: number;
  wOrganisation: number;
  wDistance: number;
  wTopics: number;
  wAvailability: number;
  wSeniority: number;
  referenceKm: number;
  maxKm: number;
  specialtySame: boolean;
  organisationSame: boolean;
  // Mentors by position.
  specialty: Int32Array;
  organisation: Int32Array;
  seniority: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
  topicWords: number;
  timeWords: number;
  topics: Int32Array;
  times: Int32Array;
  // Cells (positions `cellStart[c]` to `cellStart[c + 1]`) and their runs of one specialty.
  cells: number;
  cellStart: Int32Array;
  cellLocated: Uint8Array;
  cellRemote: Uint8Array;
  /** minLat, maxLat, minLng, maxLng and the smaller cosine of the two latitudes, per cell. */
  cellBox: Float64Array;
  cellSeniority: Float64Array;
  cellTopics: Int32Array;
  cellTimes: Int32Array;
  cellRuns: Map<number, number>[];
  runStart: Int32Array;
  runEnd: Int32Array;
  runSeniority: Float64Array;
  runTopics: Int32Array;
  runTimes: Int32Array;
  // The mentee's.
  split: boolean;
  menteeSpecialty: number;
  menteeOrganisation: number;
  menteeSeniority: number;
  wantedTopics: Int32Array;
  wantedTimes: Int32Array;
  topicsWanted: number;
  timesWanted: number;
  /** Points for each count of topics (times) in common. */
  topicPoints: Float64Array;
  timePoints: Float64Array;
  located: boolean;
  lat: number;
  lng: number;
  cosLat: number;
  remote: boolean;
  ex: number;
  ey: number;
  ez: number;
  // Groups, a max-heap by bound: a cell's own-specialty run (the cell as 2c + 1, the run in
  // `groupRun`) or the rest of the cell (2c, with the own run to leave out, or -1); and the share
  // of distance points its nearest point would earn.
  groupBound: Float64Array;
  groupId: Int32Array;
  groupRun: Int32Array;
  groupDistance: Float64Array;
  /** Positions that pass a screening, and their bounds. */
  passed: Int32Array;
  passedBound: Float64Array;
  /**
   * Each topic's mentors, a bit per position from its cell's first word (`cellWord`), `bitWords`
   * words per topic; null when that would be too big.
   */
  topicBits: Int32Array | null;
  bitWords: number;
  cellWord: Int32Array;
  /** The mentee's topics that some mentor offers, as numbers, and how many. */
  wantedList: Int32Array;
  wantedCount: number;
  /** Bit planes for counting topics: `atLeast[c]`, who offers at least c of them. */
  atLeast: Int32Array;
  /** Positions to screen. */
  toScreen: Int32Array;
}

/** Restores the max-heap of groups below `g`, among the first `count`. */
function siftGroup(s: Search, g: number, count: number): void {
  const { groupBound, groupId, groupRun, groupDistance } = s;
  const b = groupBound[g]!;
  const id = groupId[g]!;
  const run = groupRun[g]!;
  const distance = groupDistance[g]!;
  for (;;) {
    let child = 2 * g + 1;
    if (child >= count) break;
    if (child + 1 < count && groupBound[child + 1]! > groupBound[child]!) child++;
    if (!(groupBound[child]! > b)) break;
    groupBound[g] = groupBound[child]!;
    groupId[g] = groupId[child]!;
    groupRun[g] = groupRun[child]!;
    groupDistance[g] = groupDistance[child]!;
    g = child;
  }
  groupBound[g] = b;
  groupId[g] = id;
  groupRun[g] = run;
  groupDistance[g] = distance;
}

/** An upper bound on the score of anyone offering `topics`/`times` (at `at`), this senior, this near. */
function groupBoundOf(
  s: Search,
  specialtyShare: number,
  distanceShare: number,
  topics: Int32Array,
  times: Int32Array,
  at: number,
  seniority: number,
): number {
  const topicCount =
    s.topicWords === 1 ? popcount(s.wantedTopics[0]! & topics[at]!) : overlapWords(s.wantedTopics, topics, at * s.topicWords, s.topicWords);
  const timeCount =
    s.timeWords === 1 ? popcount(s.wantedTimes[0]! & times[at]!) : overlapWords(s.wantedTimes, times, at * s.timeWords, s.timeWords);
  const fixed =
    s.wSpecialty * specialtyShare + s.wOrganisation + s.topicPoints[topicCount]! + s.timePoints[timeCount]! + s.wSeniority * seniorityShare(seniority, s.menteeSeniority);
  return fixed + s.wDistance * distanceShare;
}

/** Puts the current mentee's groups (of cells not too far) in the heap, with their bounds; returns how many. */
function collectGroups(s: Search): number {
  const { cells, cellLocated, cellBox, cellRemote, cellRuns, cellStart, runStart, runEnd, groupBound, groupId, groupRun, groupDistance } = s;
  const { located, lat, lng, cosLat, maxKm, remote, referenceKm, split, menteeSpecialty } = s;
  const ownShare = split && s.specialtySame ? 1 : 0;
  const restShare = split && !s.specialtySame ? 1 : 0;
  let groups = 0;
  for (let c = 0; c < cells; c++) {
    let distanceShare = 0;
    if (located && cellLocated[c]) {
      const b = c * 5;
      // The latitude gap alone (never more than the distance) settles most far cells.
      const dLat = lat < cellBox[b]! ? cellBox[b]! - lat : lat > cellBox[b + 1]! ? lat - cellBox[b + 1]! : 0;
      const latitudeKm = EARTH_KM * dLat * RAD * (1 - 1e-9) - 1e-6;
      if (latitudeKm > maxKm && !(remote && cellRemote[c])) continue;
      const lowerKm = latitudeKm >= referenceKm ? latitudeKm : boxDistanceLowerKm(lat, lng, cosLat, cellBox[b]!, cellBox[b + 1]!, cellBox[b + 2]!, cellBox[b + 3]!, cellBox[b + 4]!);
      // Too far for everyone in it (and not remote for both): it can give nothing.
      if (lowerKm > maxKm && !(remote && cellRemote[c])) continue;
      distanceShare = Math.max(0, 1 - lowerKm / referenceKm);
    }
    const run = split ? (cellRuns[c]!.get(menteeSpecialty) ?? -1) : -1;
    // The whole cell, or the rest when the own specialty's run is its own group.
    if (run === -1 || runEnd[run]! - runStart[run]! < cellStart[c + 1]! - cellStart[c]!) {
      groupBound[groups] = groupBoundOf(s, restShare, distanceShare, s.cellTopics, s.cellTimes, c, s.cellSeniority[c]!);
      groupId[groups] = 2 * c;
      groupDistance[groups] = distanceShare;
      groupRun[groups++] = run;
    }
    if (run !== -1) {
      groupBound[groups] = groupBoundOf(s, ownShare, distanceShare, s.runTopics, s.runTimes, run, s.runSeniority[run]!);
      groupId[groups] = 2 * c + 1;
      groupDistance[groups] = distanceShare;
      groupRun[groups++] = run;
    }
  }
  for (let g = (groups >> 1) - 1; g >= 0; g--) siftGroup(s, g, groups);
  return groups;
}

/**
 * Writes to `s.passed` the positions `from..to` whose bound (everything exact but the distance: the
 * group's, then the chord between the two places, never longer than the great-circle distance)
 * reaches `floor`; returns how many.
 */
function screen(s: Search, from: number, to: number, floor: number, groupDistanceShare: number, groupOther: number, cell: number): number {
  const { specialty, organisation, seniority, x, y, z, topics, times, topicWords, timeWords, topicPoints, timePoints, passed, passedBound } = s;
  const { wSpecialty, wOrganisation, wDistance, wSeniority, referenceKm, specialtySame, organisationSame } = s;
  const { split, menteeSpecialty, menteeOrganisation, menteeSeniority, wantedTopics, wantedTimes, ex, ey, ez, toScreen } = s;
  const wanted = wantedTopics[0]!;
  const wantedTime = wantedTimes[0]!;
  const near = wDistance > 0 && s.located;
  const groupDistancePoints = wDistance * groupDistanceShare;
  const knownSeniority = menteeSeniority === menteeSeniority;
  // The fewest topics in common that could reach the floor, with everything else the group's best.
  let least = 0;
  while (least <= s.wantedCount && groupOther + topicPoints[least]! < floor) least++;
  if (least > s.wantedCount) return 0;
  let candidates = 0;
  if (least === 0 || s.topicBits === null) {
    for (let i = from; i < to; i++) toScreen[candidates++] = i;
  } else {
    // Only those offering at least `least` of the topics: counted 32 at a time, by bit planes.
    const { topicBits, bitWords, wantedList, wantedCount, atLeast } = s;
    const start = s.cellStart[cell]!;
    const base = s.cellWord[cell]!;
    for (let word = (from - start) >> 5, last = (to - 1 - start) >> 5; word <= last; word++) {
      const first = start + word * 32;
      let range = -1;
      if (from > first) range &= -1 << (from - first);
      if (to < first + 32) range &= (1 << (to - first)) - 1;
      atLeast[0] = range;
      for (let c = 1; c <= least; c++) atLeast[c] = 0;
      for (let t = 0; t < wantedCount; t++) {
        const bits = topicBits![wantedList[t]! * bitWords + base + word]!;
        for (let c = least; c > 0; c--) atLeast[c]! |= atLeast[c - 1]! & bits;
      }
      for (let found = atLeast[least]!; found !== 0; found &= found - 1) toScreen[candidates++] = first + 31 - Math.clz32(found & -found);
    }
  }
  let count = 0;
  for (let p = 0; p < candidates; p++) {
    const i = toScreen[p]!;
    let points = 0;
    const sp = specialty[i]!;
    if (split && sp !== -1 && specialtySame === (sp === menteeSpecialty)) points += wSpecialty;
    const org = organisation[i]!;
    if (menteeOrganisation !== -1 && org !== -1 && organisationSame === (org === menteeOrganisation)) points += wOrganisation;
    let topicCount = 0;
    if (topicWords === 1) {
      let v = wanted & topics[i]!;
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      topicCount = Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    } else {
      topicCount = overlapWords(wantedTopics, topics, i * topicWords, topicWords);
    }
    let timeCount = 0;
    if (timeWords === 1) {
      let v = wantedTime & times[i]!;
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      timeCount = Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    } else {
      timeCount = overlapWords(wantedTimes, times, i * timeWords, timeWords);
    }
    points += topicPoints[topicCount]! + timePoints[timeCount]!;
    const sen = seniority[i]!;
    if (knownSeniority && sen === sen) points += (wSeniority * Math.min(Math.max(sen - menteeSeniority, 0), FULL_SENIORITY_GAP)) / FULL_SENIORITY_GAP;
    if (points + groupDistancePoints < floor) continue;
    const mx = x[i]!;
    if (near && mx === mx) {
      const dx = ex - mx;
      const dy = ey - y[i]!;
      const dz = ez - z[i]!;
      const lowerKm = EARTH_KM * Math.sqrt(dx * dx + dy * dy + dz * dz) * (1 - 1e-9) - 1e-6;
      points += wDistance * Math.max(0, 1 - lowerKm / referenceKm);
      if (points < floor) continue;
    }
    passed[count] = i;
    passedBound[count++] = points;
  }
  return count;
}

/**
 * The same candidates as `buildCandidates`, without scoring every pair. Mentors who can never be
 * proposed (not ready, full) are dropped; the rest are grouped by a coarse latitude/longitude grid
 * cell (about half the distance criterion's reach across) and their remote flag, and inside a cell
 * ordered by specialty. Topics and times are numbered and kept as bit sets, specialties and
 * organisations as numbers, places as unit vectors.
 *
 * For each mentee a cell that is too far (and not remote for both) is skipped whole; the others
 * give two groups, the mentee's own specialty and the rest, each with an upper bound on any of its
 * mentors' scores (the group's specialty share, the nearest point of the cell, the topics and times
 * any of them offers, the most senior). Groups are visited best bound first until the best left is
 * below the k-th score kept. Inside a group each mentor's bound (everything exact but the distance,
 * which is the chord between the two places, never more than the great-circle distance) screens it
 * before its exact score, by the same formula as `scoreOnly`, and its hard constraints. Bounds are
 * compared with a little to spare (`SLACK`), so rounding cannot drop a pair; ties go to the mentor
 * listed first exactly as in the full scan.
 */
export function buildCandidatesIndexed({ mentees, mentors, rules, topK, blocked, explain }: BuildCandidatesOptions): Candidates {
  const ctx: Context = { rules, weights: normalisedWeights(rules.matching.criteria), blocked: blocked ?? new Set() };
  const w = ctx.weights;
  const { criteria } = rules.matching;
  const { maxKm, remoteAllowed } = criteria.distance;
  const referenceKm = maxKm ?? DEFAULT_REFERENCE_KM;
  const specialtySame = criteria.specialty.direction === "same";
  const organisationSame = criteria.organisation.direction === "same";
  const prepared = mentors.map(prepareMentor);
  const mentorIds = mentors.map((mentor) => mentor.id);
  const k = Math.max(0, Math.floor(topK));
  const n = mentors.length;

  // Each mentor's facts as numbers.
  const specialtyIds = new Map<string, number>();
  const organisationIds = new Map<string, number>();
  const topicIds = new Map<string, number>();
  const timeIds = new Map<string, number>();
  const mentorSpecialty = new Int32Array(n);
  const mentorOrganisation = new Int32Array(n);
  const mentorSeniority = new Float64Array(n);
  const mentorX = new Float64Array(n);
  const mentorY = new Float64Array(n);
  const mentorZ = new Float64Array(n);
  const mentorLat = new Float64Array(n);
  const mentorLng = new Float64Array(n);
  const mentorSeniorityKnown = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const mentor = mentors[j]!;
    mentorSpecialty[j] = mentor.specialty == null ? -1 : intern(specialtyIds, mentor.specialty);
    mentorOrganisation[j] = mentor.organisationId == null ? -1 : intern(organisationIds, mentor.organisationId);
    mentorSeniority[j] = mentor.seniority ?? NaN;
    mentorSeniorityKnown[j] = mentor.seniority != null ? 1 : 0;
    const location = mentor.location;
    if (location) {
      mentorLat[j] = location.lat;
      mentorLng[j] = location.lng;
      const cos = Math.cos(location.lat * RAD);
      mentorX[j] = cos * Math.cos(location.lng * RAD);
      mentorY[j] = cos * Math.sin(location.lng * RAD);
      mentorZ[j] = Math.sin(location.lat * RAD);
    } else {
      mentorX[j] = NaN;
    }
    for (const topic of prepared[j]!.topics) intern(topicIds, topic);
    for (const time of prepared[j]!.availability) intern(timeIds, time);
  }
  const topicWords = Math.max(1, (topicIds.size + 31) >>> 5);
  const timeWords = Math.max(1, (timeIds.size + 31) >>> 5);
  const setBits = (bits: Int32Array, at: number, values: Iterable<string>, ids: Map<string, number>) => {
    for (const value of values) {
      const id = ids.get(value);
      if (id !== undefined) bits[at + (id >>> 5)]! |= 1 << (id & 31);
    }
  };
  const mentorTopics = new Int32Array(n * topicWords);
  const mentorTimes = new Int32Array(n * timeWords);
  for (let j = 0; j < n; j++) {
    setBits(mentorTopics, j * topicWords, prepared[j]!.topics, topicIds);
    setBits(mentorTimes, j * timeWords, prepared[j]!.availability, timeIds);
  }

  // Cells about half the reference distance across, by remote flag; mentors in a cell by specialty.
  const step = Math.max(0.02, referenceKm / 111.2 / 2);
  const cellOf = new Map<string, number>();
  const mentorCell = new Int32Array(n).fill(-1);
  const eligible: number[] = [];
  for (let j = 0; j < n; j++) {
    const mentor = mentors[j]!;
    if (!mentor.ready || !(mentor.capacityLeft > 0)) continue;
    const location = mentor.location ?? null;
    const remoteOk = mentor.remoteOk === true;
    const key = location ? `${Math.floor(location.lat / step)}:${Math.floor(location.lng / step)}:${remoteOk}` : `none:${remoteOk}`;
    let cell = cellOf.get(key);
    if (cell === undefined) {
      cell = cellOf.size;
      cellOf.set(key, cell);
    }
    mentorCell[j] = cell;
    eligible.push(j);
  }
  eligible.sort((a, b) => mentorCell[a]! - mentorCell[b]! || mentorSpecialty[a]! - mentorSpecialty[b]! || a - b);
  const order = Int32Array.from(eligible);
  const cells = cellOf.size;
  const cellStart = new Int32Array(cells + 1);
  const cellLocated = new Uint8Array(cells);
  const cellRemote = new Uint8Array(cells);
  const cellBox = new Float64Array(cells * 5); // minLat, maxLat, minLng, maxLng, cosBox
  const cellSeniority = new Float64Array(cells).fill(NaN);
  const cellTopics = new Int32Array(cells * topicWords);
  const cellTimes = new Int32Array(cells * timeWords);
  // Each cell's run of one specialty: where it starts and ends, its topics, times and most senior.
  const cellRuns: Map<number, number>[] = Array.from({ length: cells }, () => new Map());
  const runStart: number[] = [];
  const runEnd: number[] = [];
  const runSeniority: number[] = [];
  const runTopicList: number[] = [];
  const runTimeList: number[] = [];
  for (let c = 0; c < cells; c++) {
    cellBox[c * 5] = Infinity;
    cellBox[c * 5 + 1] = -Infinity;
    cellBox[c * 5 + 2] = Infinity;
    cellBox[c * 5 + 3] = -Infinity;
  }
  for (let i = 0; i < order.length; i++) {
    const j = order[i]!;
    const c = mentorCell[j]!;
    cellStart[c + 1] = i + 1;
    const mentor = mentors[j]!;
    const location = mentor.location;
    cellRemote[c] = mentor.remoteOk === true ? 1 : 0;
    if (location) {
      cellLocated[c] = 1;
      cellBox[c * 5] = Math.min(cellBox[c * 5]!, location.lat);
      cellBox[c * 5 + 1] = Math.max(cellBox[c * 5 + 1]!, location.lat);
      cellBox[c * 5 + 2] = Math.min(cellBox[c * 5 + 2]!, location.lng);
      cellBox[c * 5 + 3] = Math.max(cellBox[c * 5 + 3]!, location.lng);
    }
    const seniority = mentorSeniority[j]!;
    if (!Number.isNaN(seniority) && !(cellSeniority[c]! >= seniority)) cellSeniority[c] = seniority;
    for (let t = 0; t < topicWords; t++) cellTopics[c * topicWords + t]! |= mentorTopics[j * topicWords + t]!;
    for (let t = 0; t < timeWords; t++) cellTimes[c * timeWords + t]! |= mentorTimes[j * timeWords + t]!;
    const specialty = mentorSpecialty[j]!;
    let run = cellRuns[c]!.get(specialty);
    if (run === undefined) {
      run = runStart.length;
      cellRuns[c]!.set(specialty, run);
      runStart.push(i);
      runEnd.push(i);
      runSeniority.push(NaN);
      for (let t = 0; t < topicWords; t++) runTopicList.push(0);
      for (let t = 0; t < timeWords; t++) runTimeList.push(0);
    }
    runEnd[run] = i + 1;
    if (!Number.isNaN(seniority) && !(runSeniority[run]! >= seniority)) runSeniority[run] = seniority;
    for (let t = 0; t < topicWords; t++) runTopicList[run * topicWords + t]! |= mentorTopics[j * topicWords + t]!;
    for (let t = 0; t < timeWords; t++) runTimeList[run * timeWords + t]! |= mentorTimes[j * timeWords + t]!;
  }
  // `order` runs cell by cell (every cell has a mentor), so each cell starts where the one before ends.
  for (let c = 0; c < cells; c++) {
    if (cellLocated[c]) cellBox[c * 5 + 4] = Math.max(0, Math.min(Math.cos(cellBox[c * 5]! * RAD), Math.cos(cellBox[c * 5 + 1]! * RAD)));
  }
  const runTopics = Int32Array.from(runTopicList);
  const runTimes = Int32Array.from(runTimeList);
  // The mentors' facts again in `order`, so a group's are read in sequence.
  const m = order.length;
  const search: Search = {
    wSpecialty: w.specialty,
    wOrganisation: w.organisation,
    wDistance: w.distance,
    wTopics: w.topics,
    wAvailability: w.availability,
    wSeniority: w.seniorityGap,
    referenceKm,
    maxKm: maxKm ?? Infinity,
    specialtySame,
    organisationSame,
    specialty: new Int32Array(m),
    organisation: new Int32Array(m),
    seniority: new Float64Array(m),
    x: new Float64Array(m),
    y: new Float64Array(m),
    z: new Float64Array(m),
    topicWords,
    timeWords,
    topics: new Int32Array(m * topicWords),
    times: new Int32Array(m * timeWords),
    cells,
    cellStart,
    cellLocated,
    cellRemote,
    cellBox,
    cellSeniority,
    cellTopics,
    cellTimes,
    cellRuns,
    runStart: Int32Array.from(runStart),
    runEnd: Int32Array.from(runEnd),
    runSeniority: Float64Array.from(runSeniority),
    runTopics,
    runTimes,
    split: false,
    menteeSpecialty: -2,
    menteeOrganisation: -1,
    menteeSeniority: NaN,
    wantedTopics: new Int32Array(topicWords),
    wantedTimes: new Int32Array(timeWords),
    topicsWanted: 0,
    timesWanted: 0,
    topicPoints: new Float64Array(32 * topicWords + 1),
    timePoints: new Float64Array(32 * timeWords + 1),
    located: false,
    lat: 0,
    lng: 0,
    cosLat: 0,
    remote: false,
    ex: NaN,
    ey: NaN,
    ez: NaN,
    groupBound: new Float64Array(2 * cells),
    groupId: new Int32Array(2 * cells),
    groupRun: new Int32Array(2 * cells),
    groupDistance: new Float64Array(2 * cells),
    passed: new Int32Array(SCREEN_CHUNK),
    passedBound: new Float64Array(SCREEN_CHUNK),
    topicBits: null,
    bitWords: 0,
    cellWord: new Int32Array(cells + 1),
    wantedList: new Int32Array(topicIds.size),
    wantedCount: 0,
    atLeast: new Int32Array(topicIds.size + 1),
    toScreen: new Int32Array(SCREEN_CHUNK),
  };
  for (let i = 0; i < m; i++) {
    const j = order[i]!;
    search.specialty[i] = mentorSpecialty[j]!;
    search.organisation[i] = mentorOrganisation[j]!;
    search.seniority[i] = mentorSeniority[j]!;
    search.x[i] = mentorX[j]!;
    search.y[i] = mentorY[j]!;
    search.z[i] = mentorZ[j]!;
    for (let t = 0; t < topicWords; t++) search.topics[i * topicWords + t] = mentorTopics[j * topicWords + t]!;
    for (let t = 0; t < timeWords; t++) search.times[i * timeWords + t] = mentorTimes[j * timeWords + t]!;
  }
  const { groupBound, groupId, groupRun, groupDistance, passed, passedBound } = search;
  // Each topic's mentors by bit, cell by cell (when that takes at most 16 MB).
  for (let c = 0; c < cells; c++) search.cellWord[c + 1] = search.cellWord[c]! + ((cellStart[c + 1]! - cellStart[c]! + 31) >> 5);
  search.bitWords = search.cellWord[cells]!;
  if (topicIds.size * search.bitWords <= 1 << 22) {
    const bits = new Int32Array(topicIds.size * search.bitWords);
    for (let c = 0; c < cells; c++) {
      for (let i = cellStart[c]!; i < cellStart[c + 1]!; i++) {
        const b = i - cellStart[c]!;
        const at = search.cellWord[c]! + (b >> 5);
        for (const topic of prepared[order[i]!]!.topics) bits[topicIds.get(topic)! * search.bitWords + at]! |= 1 << (b & 31);
      }
    }
    search.topicBits = bits;
  }
  // For the hard constraints, by number: people, departments and organisations (any weight).
  const personIds = new Map<string, number>();
  const departmentIds = new Map<string, number>();
  const anyOrganisationIds = new Map<string, number>();
  const posPerson = new Int32Array(m);
  const posDepartment = new Int32Array(m);
  const posAnyOrganisation = new Int32Array(m);
  const posRemote = new Uint8Array(m);
  const posLat = new Float64Array(m);
  const posLng = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const mentor = mentors[order[i]!]!;
    posPerson[i] = intern(personIds, mentor.personId ?? mentor.id);
    posDepartment[i] = mentor.department == null ? -1 : intern(departmentIds, mentor.department);
    posAnyOrganisation[i] = mentor.organisationId == null ? -1 : intern(anyOrganisationIds, mentor.organisationId);
    posRemote[i] = mentor.remoteOk ? 1 : 0;
    posLat[i] = mentor.location ? mentor.location.lat : NaN;
    posLng[i] = mentor.location ? mentor.location.lng : NaN;
  }
  // What is left of `hardConstraint` once the above are checked.
  const slowConstraints = ctx.blocked.size > 0 || rules.matching.criteria.honourPreferences.length > 0;
  const avoidSameDepartment = rules.matching.avoidSameDepartment;

  const { heapScore, heapMentor, add, replaceWorst, sortBestFirst } = topKHeap(k);

  const pairs: AssignmentInstance["pairs"] = [];
  const explanations: Candidates["explanations"] = new Map();
  const book = newPhrasebook();
  const facts: PairFacts = { specialtyKnown: false, sameSpecialty: false, organisationKnown: false, sameOrganisation: false, seniorityKnown: false, gap: 0 };
  const shares = new Float64Array(6);
  const counts = new Int32Array(6);
  for (const mentee of mentees) {
    if (k === 0) break;
    const pm = prepareMentee(mentee);
    const { wantedTopics, wantedTimes, topicPoints, timePoints } = search;
    wantedTopics.fill(0);
    wantedTimes.fill(0);
    setBits(wantedTopics, 0, pm.topics, topicIds);
    setBits(wantedTimes, 0, pm.times, timeIds);
    search.wantedCount = 0;
    for (const topic of pm.topics) {
      const id = topicIds.get(topic);
      if (id !== undefined) search.wantedList[search.wantedCount++] = id;
    }
    const topicsWanted = w.topics > 0 ? pm.topics.length : 0;
    const timesWanted = w.availability > 0 ? pm.times.length : 0;
    search.topicsWanted = topicsWanted;
    search.timesWanted = timesWanted;
    for (let c = 0; c < topicPoints.length; c++) topicPoints[c] = topicsWanted > 0 ? (w.topics * c) / topicsWanted : 0;
    for (let c = 0; c < timePoints.length; c++) timePoints[c] = timesWanted > 0 ? (w.availability * c) / timesWanted : 0;
    const menteeSeniority = w.seniorityGap > 0 && mentee.seniority != null ? mentee.seniority : NaN;
    search.menteeSeniority = menteeSeniority;
    const split = w.specialty > 0 && mentee.specialty != null;
    search.split = split;
    const menteeSpecialty = split ? (specialtyIds.get(mentee.specialty!) ?? -2) : -2;
    search.menteeSpecialty = menteeSpecialty;
    const menteeOrganisation =
      w.organisation > 0 && mentee.organisationId != null ? (organisationIds.get(mentee.organisationId) ?? -2) : -1;
    search.menteeOrganisation = menteeOrganisation;
    const location = mentee.location ?? null;
    search.located = location !== null;
    search.remote = remoteAllowed && mentee.remoteOk === true;
    if (location) {
      search.lat = location.lat;
      search.lng = location.lng;
      search.cosLat = Math.max(0, Math.cos(location.lat * RAD));
      search.ex = Math.cos(location.lat * RAD) * Math.cos(location.lng * RAD);
      search.ey = Math.cos(location.lat * RAD) * Math.sin(location.lng * RAD);
      search.ez = Math.sin(location.lat * RAD);
    }
    let groups = collectGroups(search);
    const menteePerson = personIds.get(mentee.personId ?? mentee.id) ?? -2;
    const lineManager = mentee.lineManagerPersonId == null ? -3 : (personIds.get(mentee.lineManagerPersonId) ?? -2);
    const menteeDepartment = !avoidSameDepartment || mentee.department == null ? -3 : (departmentIds.get(mentee.department) ?? -2);
    const menteeAnyOrganisation = mentee.organisationId == null ? -1 : (anyOrganisationIds.get(mentee.organisationId) ?? -2);
    const menteeRemote = remoteAllowed && mentee.remoteOk;

    let size = 0;
    // The k-th score kept, less the slack: a bound below it cannot win (-Infinity until k are kept).
    let floor = -Infinity;
    // Best group first, until the best left cannot beat the k-th kept.
    while (groups > 0) {
      const limit = groupBound[0]!;
      const id = groupId[0]!;
      const run = groupRun[0]!;
      const distance = groupDistance[0]!;
      groups--;
      groupBound[0] = groupBound[groups]!;
      groupId[0] = groupId[groups]!;
      groupRun[0] = groupRun[groups]!;
      groupDistance[0] = groupDistance[groups]!;
      siftGroup(search, 0, groups);
      if (limit < floor) break;
      const c = id >> 1;
      // The group's bound but for its topics.
      const unionTopics = id & 1 ? search.runTopics : search.cellTopics;
      const other = limit - search.topicPoints[overlapWords(search.wantedTopics, unionTopics, (id & 1 ? run : c) * topicWords, topicWords)]!;
      // One or two stretches of positions: the own run, the whole cell, or the cell around the own run.
      for (let stretch = 0; stretch < 2; stretch++) {
        let start = id & 1 ? search.runStart[run]! : cellStart[c]!;
        let end = id & 1 ? search.runEnd[run]! : run === -1 ? cellStart[c + 1]! : search.runStart[run]!;
        if (stretch === 1) {
          if (id & 1 || run === -1) break;
          start = search.runEnd[run]!;
          end = cellStart[c + 1]!;
        }
        for (let from = start, to = end; from < to; from += SCREEN_CHUNK) {
          const count = screen(search, from, Math.min(to, from + SCREEN_CHUNK), floor, distance, other, c);
          // Best bound first (insertion sort: there are few), so the floor rises early.
          for (let p = 1; p < count; p++) {
            const i = passed[p]!;
            const b = passedBound[p]!;
            let q = p;
            for (; q > 0 && passedBound[q - 1]! < b; q--) {
              passed[q] = passed[q - 1]!;
              passedBound[q] = passedBound[q - 1]!;
            }
            passed[q] = i;
            passedBound[q] = b;
          }
          for (let p = 0; p < count; p++) {
            if (passedBound[p]! < floor) break;
            const i = passed[p]!;
            const j = order[i]!;
            // The hard constraints that need no score, by number (the rest after the score).
            if (posPerson[i] === menteePerson || posPerson[i] === lineManager) continue;
            if (posDepartment[i] === menteeDepartment && posAnyOrganisation[i] === menteeAnyOrganisation) continue;
            const specialty = search.specialty[i]!;
            const organisation = search.organisation[i]!;
            const mentorLat = posLat[i]!;
            const km = location && mentorLat === mentorLat ? haversineKm(location.lat, location.lng, mentorLat, posLng[i]!) : null;
            if (maxKm != null && km != null && km > maxKm && !(menteeRemote && posRemote[i])) continue;
            const score = weightedSum(
              w,
              split && specialty !== -1 ? (specialtySame === (specialty === menteeSpecialty) ? 1 : 0) : 0,
              menteeOrganisation !== -1 && organisation !== -1 ? (organisationSame === (organisation === menteeOrganisation) ? 1 : 0) : 0,
              w.distance > 0 && km != null ? Math.max(0, 1 - km / referenceKm) : 0,
              topicsWanted > 0 ? overlapWords(wantedTopics, search.topics, i * topicWords, topicWords) / topicsWanted : 0,
              timesWanted > 0 ? overlapWords(wantedTimes, search.times, i * timeWords, timeWords) / timesWanted : 0,
              seniorityShare(search.seniority[i]!, menteeSeniority),
            );
            if (size === k && (score < heapScore[0]! || (score === heapScore[0] && j > heapMentor[0]!))) continue;
            if (slowConstraints && hardConstraint(mentee, prepared[j]!, ctx, km)) continue;
            if (size < k) add(size++, score, j);
            else replaceWorst(size, score, j);
            if (size === k) floor = heapScore[0]! - SLACK;
          }
        }
      }
    }
    sortBestFirst(size);
    for (let r = 0; r < size; r++) {
      const score = heapScore[r]!;
      const mentor = heapMentor[r]!;
      const mentorId = mentorIds[mentor]!;
      if (explain === false) {
        pairs.push([mentee.id, mentorId, score]);
        continue;
      }
      // The shares and counts as `scoreOnly` fills them, for the terms `evaluate` would give.
      const km = location && mentorX[mentor] === mentorX[mentor] ? haversineKm(location.lat, location.lng, mentorLat[mentor]!, mentorLng[mentor]!) : null;
      const specialty = mentorSpecialty[mentor]!;
      const organisation = mentorOrganisation[mentor]!;
      facts.specialtyKnown = mentee.specialty != null && specialty !== -1;
      facts.sameSpecialty = specialty === (mentee.specialty == null ? -1 : (specialtyIds.get(mentee.specialty) ?? -2));
      facts.organisationKnown = mentee.organisationId != null && organisation !== -1;
      facts.sameOrganisation = organisation === (mentee.organisationId == null ? -1 : (organisationIds.get(mentee.organisationId) ?? -2));
      facts.seniorityKnown = mentee.seniority != null && mentorSeniorityKnown[mentor] === 1;
      facts.gap = facts.seniorityKnown ? mentorSeniority[mentor]! - mentee.seniority! : 0;
      shares[SPECIALTY] = split && specialty !== -1 ? (specialtySame === (specialty === menteeSpecialty) ? 1 : 0) : 0;
      shares[ORGANISATION] =
        menteeOrganisation !== -1 && organisation !== -1 ? (organisationSame === (organisation === menteeOrganisation) ? 1 : 0) : 0;
      shares[DISTANCE] = w.distance > 0 && km != null ? Math.max(0, 1 - km / referenceKm) : 0;
      counts[TOPICS] = overlapWords(search.wantedTopics, mentorTopics, mentor * topicWords, topicWords);
      shares[TOPICS] = topicsWanted > 0 ? counts[TOPICS] / topicsWanted : 0;
      counts[AVAILABILITY] = overlapWords(search.wantedTimes, mentorTimes, mentor * timeWords, timeWords);
      shares[AVAILABILITY] = timesWanted > 0 ? counts[AVAILABILITY] / timesWanted : 0;
      shares[SENIORITY] = seniorityShare(mentorSeniority[mentor]!, menteeSeniority);
      pairs.push([mentee.id, mentorId, score]);
      const described = describe(pm, facts, km, shares, counts, ctx, book);
      // Joined, the key is one flat string (a template would make a rope, flattened again to hash).
      explanations.set([mentee.id, mentorId].join("\u0000"), { score, terms: described.terms, explanation: described.explanation });
    }
  }
  return {
    instance: {
      mentees: mentees.map(({ id }) => ({ id })),
      mentors: mentors.map(({ id, ready, capacityLeft }) => ({ id, capacity: ready ? Math.max(0, Math.floor(capacityLeft)) : 0 })),
      pairs,
    },
    explanations,
  };
}
