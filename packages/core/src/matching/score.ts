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
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
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
  const score =
    w.specialty * shares[SPECIALTY]! +
    w.organisation * shares[ORGANISATION]! +
    w.distance * shares[DISTANCE]! +
    w.topics * shares[TOPICS]! +
    w.availability * shares[AVAILABILITY]! +
    w.seniorityGap * shares[SENIORITY]!;
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

  const { criteria } = ctx.rules.matching;
  const w = ctx.weights;
  const terms: ScoreTerm[] = [];
  const add = (weight: number, share: number, label: string) => {
    if (weight > 0) terms.push({ label, points: weight * share });
  };
  if (w.specialty > 0) {
    const known = mentee.specialty != null && mentor.specialty != null;
    add(w.specialty, shares[SPECIALTY]!, !known ? "specialty unknown" : mentee.specialty === mentor.specialty ? "same specialty" : "different specialty");
  }
  if (w.organisation > 0) {
    const known = mentee.organisationId != null && mentor.organisationId != null;
    add(
      w.organisation,
      shares[ORGANISATION]!,
      !known ? "organisation unknown" : mentee.organisationId === mentor.organisationId ? "same organisation" : "different organisation",
    );
  }
  if (w.distance > 0) {
    let label = "distance unknown";
    if (km != null) {
      const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
      label = criteria.distance.maxKm != null && km > criteria.distance.maxKm ? `${rounded} km, meeting remotely` : `${rounded} km`;
    }
    add(w.distance, shares[DISTANCE]!, label);
  }
  if (w.topics > 0) {
    const wanted = pm.topics.length;
    add(w.topics, shares[TOPICS]!, wanted === 0 ? "no topics chosen" : `${counts[TOPICS]} of ${plural(wanted, "topic", "topics")}`);
  }
  if (w.availability > 0) {
    const times = pm.times.length;
    add(w.availability, shares[AVAILABILITY]!, times === 0 ? "no times given" : `${counts[AVAILABILITY]} of ${plural(times, "time", "times")} free`);
  }
  if (w.seniorityGap > 0) {
    const known = mentee.seniority != null && mentor.seniority != null;
    const gap = known ? mentor.seniority! - mentee.seniority! : 0;
    add(w.seniorityGap, shares[SENIORITY]!, !known ? "seniority unknown" : gap > 0 ? `${plural(gap, "year", "years")} more senior` : "not more senior");
  }
  return {
    allowed: true,
    score,
    terms,
    explanation: terms.map((term) => `${term.label} +${term.points.toFixed(2)}`).join(" · "),
  };
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
  const heapScore = new Float64Array(k);
  const heapMentor = new Int32Array(k);
  // The root is the worst kept: lowest score, then the later mentor.
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
      if (size < k) {
        heapScore[size] = score;
        heapMentor[size] = j;
        for (let i = size++; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      } else if (score > heapScore[0]!) {
        // Equal scores keep the earlier mentor, who is already in the heap.
        heapScore[0] = score;
        heapMentor[0] = j;
        for (let i = 0; ; ) {
          let child = 2 * i + 1;
          if (child >= size) break;
          if (child + 1 < size && worse(child + 1, child)) child++;
          if (!worse(child, i)) break;
          swap(i, child);
          i = child;
        }
      }
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

/** Mentors sharing a grid cell, a remote flag and a specialty, with what bounds their scores. */
interface MentorBucket {
  index: number;
  mentors: number[];
  specialty: string | null;
  topics: Set<string>;
  availability: Set<string>;
  /** The same as bit masks, or -1 when there are too many to number. */
  topicMask: number;
  timeMask: number;
  /** The highest seniority among them, or null when none is known. */
  seniority: number | null;
}

/** A grid cell's mentors (one remote flag), their bounding box and their buckets by specialty. */
interface MentorCell {
  located: boolean;
  remoteOk: boolean;
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
  /** The smaller cosine of the box's latitudes (at least 0). */
  cosBox: number;
  buckets: MentorBucket[];
  /** The union of the buckets', for the cell's own bound. */
  topics: Set<string>;
  availability: Set<string>;
  topicMask: number;
  timeMask: number;
  seniority: number | null;
}

const RAD = Math.PI / 180;

function popcount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Degrees between two longitudes, the short way round. */
function longitudeGap(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * A lower bound on `distanceKm` from a point to anywhere in a latitude/longitude box (not crossing
 * the antimeridian): haversine with the least latitude gap, the least longitude gap and the smaller
 * cosine of the box's latitudes, each of which can only lower it; shaved so rounding cannot lift it.
 */
function boxDistanceLowerKm(lat: number, lng: number, cosLat: number, cell: MentorCell): number {
  const dLat = lat < cell.minLat ? cell.minLat - lat : lat > cell.maxLat ? lat - cell.maxLat : 0;
  const dLng = lng < cell.minLng || lng > cell.maxLng ? Math.min(longitudeGap(lng, cell.minLng), longitudeGap(lng, cell.maxLng)) : 0;
  const h = Math.sin((dLat * RAD) / 2) ** 2 + cosLat * cell.cosBox * Math.sin((dLng * RAD) / 2) ** 2;
  const km = 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.max(0, km * (1 - 1e-9) - 1e-6);
}

/**
 * The same candidates as `buildCandidates`, without scoring every pair. Mentors who can never be
 * proposed (not ready, full) are dropped; the rest are grouped by a coarse latitude/longitude grid
 * cell (about half the distance criterion's reach across), their remote flag and their specialty.
 * For each mentee a group in a cell that is too far (and not remote for both) is skipped whole; the
 * others get an upper bound on any of their mentors' scores (the exact specialty share, the nearest
 * point of the cell, the topics and times any of them offers, the most senior) and are visited best
 * bound first, until the best left is below the k-th score kept. Inside a group each mentor's bound
 * (the cell's distance, its own topics, times and seniority, by bit masks) screens it before its
 * exact score and hard constraints. Every bound adds the same terms in the same order as the score,
 * with each share at least the real one, so floating point cannot make a bound fall below a score;
 * ties go to the mentor listed first exactly as in the full scan.
 */
export function buildCandidatesIndexed({ mentees, mentors, rules, topK, blocked, explain }: BuildCandidatesOptions): Candidates {
  const ctx: Context = { rules, weights: normalisedWeights(rules.matching.criteria), blocked: blocked ?? new Set() };
  const w = ctx.weights;
  const { criteria } = rules.matching;
  const { maxKm, remoteAllowed } = criteria.distance;
  const referenceKm = maxKm ?? DEFAULT_REFERENCE_KM;
  const prepared = mentors.map(prepareMentor);
  const k = Math.max(0, Math.floor(topK));

  // Cells about half the reference distance across.
  const step = Math.max(0.02, referenceKm / 111.2 / 2);
  const cellsByKey = new Map<string, MentorCell>();
  const bucketsByKey = new Map<string, MentorBucket>();
  const buckets: MentorBucket[] = [];
  mentors.forEach((mentor, j) => {
    if (!mentor.ready || !(mentor.capacityLeft > 0)) return;
    const location = mentor.location ?? null;
    const remoteOk = mentor.remoteOk === true;
    const cellKey = location ? `${Math.floor(location.lat / step)}:${Math.floor(location.lng / step)}:${remoteOk}` : `none:${remoteOk}`;
    let cell = cellsByKey.get(cellKey);
    if (!cell) {
      cell = {
        located: location !== null,
        remoteOk,
        minLat: Infinity,
        maxLat: -Infinity,
        minLng: Infinity,
        maxLng: -Infinity,
        cosBox: 0,
        buckets: [],
        topics: new Set(),
        availability: new Set(),
        topicMask: -1,
        timeMask: -1,
        seniority: null,
      };
      cellsByKey.set(cellKey, cell);
    }
    if (location) {
      cell.minLat = Math.min(cell.minLat, location.lat);
      cell.maxLat = Math.max(cell.maxLat, location.lat);
      cell.minLng = Math.min(cell.minLng, location.lng);
      cell.maxLng = Math.max(cell.maxLng, location.lng);
    }
    const specialty = mentor.specialty ?? null;
    const bucketKey = `${cellKey}|${specialty === null ? "" : `s${specialty}`}`;
    let bucket = bucketsByKey.get(bucketKey);
    if (!bucket) {
      bucket = {
        index: buckets.length,
        mentors: [],
        specialty,
        topics: new Set(),
        availability: new Set(),
        topicMask: -1,
        timeMask: -1,
        seniority: null,
      };
      buckets.push(bucket);
      bucketsByKey.set(bucketKey, bucket);
      cell.buckets.push(bucket);
    }
    bucket.mentors.push(j);
    for (const topic of prepared[j]!.topics) {
      bucket.topics.add(topic);
      cell.topics.add(topic);
    }
    for (const time of prepared[j]!.availability) {
      bucket.availability.add(time);
      cell.availability.add(time);
    }
    if (mentor.seniority != null) {
      bucket.seniority = Math.max(bucket.seniority ?? -Infinity, mentor.seniority);
      cell.seniority = Math.max(cell.seniority ?? -Infinity, mentor.seniority);
    }
  });
  const cells = [...cellsByKey.values()];

  // Topics and times as bit masks (when there are at most 31 of each), so a pair's overlap costs a
  // few operations; with more, the sets are counted as the score counts them.
  const bitOf = (values: (mentor: MentorCandidate) => readonly string[] | undefined) => {
    const bits = new Map<string, number>();
    for (const mentor of mentors) for (const value of values(mentor) ?? []) if (!bits.has(value)) bits.set(value, bits.size);
    return bits.size <= 31 ? bits : null;
  };
  const topicBits = bitOf((mentor) => mentor.topicsOffered);
  const timeBits = bitOf((mentor) => mentor.availability);
  const maskOf = (values: Iterable<string>, bits: Map<string, number> | null) => {
    if (bits === null) return -1;
    let mask = 0;
    for (const value of values) {
      const bit = bits.get(value);
      if (bit !== undefined) mask |= 1 << bit;
    }
    return mask;
  };
  const mentorTopics = new Int32Array(mentors.length);
  const mentorTimes = new Int32Array(mentors.length);
  const mentorSeniority = new Float64Array(mentors.length);
  prepared.forEach((p, j) => {
    mentorTopics[j] = maskOf(p.topics, topicBits);
    mentorTimes[j] = maskOf(p.availability, timeBits);
    mentorSeniority[j] = p.mentor.seniority ?? NaN;
  });
  for (const cell of cells) {
    if (cell.located) cell.cosBox = Math.max(0, Math.min(Math.cos(cell.minLat * RAD), Math.cos(cell.maxLat * RAD)));
    cell.topicMask = maskOf(cell.topics, topicBits);
    cell.timeMask = maskOf(cell.availability, timeBits);
    for (const bucket of cell.buckets) {
      bucket.topicMask = maskOf(bucket.topics, topicBits);
      bucket.timeMask = maskOf(bucket.availability, timeBits);
    }
  }

  /** The score formula with each share at most 1 and at least the real one, clamped as scores are. */
  /** How many of the wanted are offered: by masks when both are numbered, else by the sets. */
  const overlap = (wantedMask: number, offeredMask: number, wanted: readonly string[], offered: ReadonlySet<string>) =>
    wantedMask !== -1 && offeredMask !== -1 ? popcount(wantedMask & offeredMask) : countIn(wanted, offered);
  let wantedTopics = 0;
  let wantedTimes = 0;
  const bound = (pm: PreparedMentee, specialtyShare: number, km: number | null, group: MentorBucket | MentorCell) =>
    boundOf(
      pm,
      specialtyShare,
      1,
      km,
      overlap(wantedTopics, group.topicMask, pm.topics, group.topics),
      overlap(wantedTimes, group.timeMask, pm.times, group.availability),
      group.seniority,
    );
  /**
   * The score formula (`scoreOnly`'s, term for term and in the same order) from given shares. With
   * the pair's own facts it is the pair's score exactly; with any share raised, a bound.
   */
  const boundOf = (
    pm: PreparedMentee,
    specialtyShare: number,
    organisationShare: number,
    km: number | null,
    topicCount: number,
    timeCount: number,
    seniority: number | null,
  ) => {
    const mentee = pm.mentee;
    const distanceShare = w.distance > 0 && km != null ? Math.max(0, 1 - km / referenceKm) : 0;
    const topicsShare = w.topics > 0 && pm.topics.length > 0 ? topicCount / pm.topics.length : 0;
    const timesShare = w.availability > 0 && pm.times.length > 0 ? timeCount / pm.times.length : 0;
    let seniorityShare = 0;
    if (w.seniorityGap > 0 && mentee.seniority != null && seniority != null) {
      seniorityShare = Math.min(Math.max(seniority - mentee.seniority, 0), FULL_SENIORITY_GAP) / FULL_SENIORITY_GAP;
    }
    const score =
      w.specialty * specialtyShare +
      w.organisation * organisationShare +
      w.distance * distanceShare +
      w.topics * topicsShare +
      w.availability * timesShare +
      w.seniorityGap * seniorityShare;
    return Math.min(1, Math.max(0, score));
  };
  const specialtyShareOf = (mentee: MenteeCandidate, specialty: string | null) =>
    w.specialty > 0 && mentee.specialty != null && specialty != null
      ? (criteria.specialty.direction === "same") === (mentee.specialty === specialty)
        ? 1
        : 0
      : 0;

  const heapScore = new Float64Array(k);
  const heapMentor = new Int32Array(k);
  // The root is the worst kept: lowest score, then the later mentor.
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

  const pairs: AssignmentInstance["pairs"] = [];
  const explanations: Candidates["explanations"] = new Map();
  // Groups: a cell as -1 - its index, a bucket as its index.
  const groupBound = new Float64Array(cells.length + buckets.length);
  const groupBucket = new Int32Array(cells.length + buckets.length);
  const groupKm = new Float64Array(cells.length + buckets.length);
  let groups = 0;
  const pushGroup = (b: number, id: number, km: number) => {
    let g = groups++;
    while (g > 0) {
      const up = (g - 1) >> 1;
      if (!(b > groupBound[up]!)) break;
      groupBound[g] = groupBound[up]!;
      groupBucket[g] = groupBucket[up]!;
      groupKm[g] = groupKm[up]!;
      g = up;
    }
    groupBound[g] = b;
    groupBucket[g] = id;
    groupKm[g] = km;
  };
  /** Restores the max-heap of groups below `g`, among the first `count`. */
  const siftGroup = (g: number, count: number) => {
    const b = groupBound[g]!;
    const id = groupBucket[g]!;
    const km = groupKm[g]!;
    for (;;) {
      let child = 2 * g + 1;
      if (child >= count) break;
      if (child + 1 < count && groupBound[child + 1]! > groupBound[child]!) child++;
      if (!(groupBound[child]! > b)) break;
      groupBound[g] = groupBound[child]!;
      groupBucket[g] = groupBucket[child]!;
      groupKm[g] = groupKm[child]!;
      g = child;
    }
    groupBound[g] = b;
    groupBucket[g] = id;
    groupKm[g] = km;
  };
  for (const mentee of mentees) {
    if (k === 0) break;
    const pm = prepareMentee(mentee);
    wantedTopics = maskOf(pm.topics, topicBits);
    wantedTimes = maskOf(pm.times, timeBits);
    const location = mentee.location ?? null;
    const remote = remoteAllowed && mentee.remoteOk === true;
    const cosLat = location ? Math.max(0, Math.cos(location.lat * RAD)) : 0;
    // Each cell that is not too far, with its bound, in a max-heap by bound; a cell popped is
    // replaced by its groups with theirs (never above the cell's), so groups come out best first.
    groups = 0;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      const lowerKm = location && cell.located ? boxDistanceLowerKm(location.lat, location.lng, cosLat, cell) : null;
      // Too far for everyone in it: it can give nothing.
      if (maxKm != null && lowerKm != null && lowerKm > maxKm && !(remote && cell.remoteOk)) continue;
      groupBucket[groups] = -1 - c;
      groupKm[groups] = lowerKm ?? NaN;
      groupBound[groups++] = bound(pm, w.specialty > 0 ? 1 : 0, lowerKm, cell);
    }
    for (let g = (groups >> 1) - 1; g >= 0; g--) siftGroup(g, groups);
    // The per-pair bound below, term by term as `boundOf` adds them, with the cell's distance.
    const masks = wantedTopics !== -1 && wantedTimes !== -1;
    const topicsWanted = w.topics > 0 ? pm.topics.length : 0;
    const timesWanted = w.availability > 0 ? pm.times.length : 0;
    const menteeSeniority = w.seniorityGap > 0 && mentee.seniority != null ? mentee.seniority : NaN;
    let size = 0;
    // Best group first, until the best left cannot beat the k-th kept.
    while (groups > 0) {
      const limit = groupBound[0]!;
      const id = groupBucket[0]!;
      const km = Number.isNaN(groupKm[0]!) ? null : groupKm[0]!;
      groups--;
      groupBound[0] = groupBound[groups]!;
      groupBucket[0] = groupBucket[groups]!;
      groupKm[0] = groupKm[groups]!;
      siftGroup(0, groups);
      if (size === k && limit < heapScore[0]!) break;
      if (id < 0) {
        for (const bucket of cells[-1 - id]!.buckets) {
          pushGroup(bound(pm, specialtyShareOf(mentee, bucket.specialty), km, bucket), bucket.index, km ?? NaN);
        }
        continue;
      }
      const bucket = buckets[id]!;
      const distanceShare = w.distance > 0 && km != null ? Math.max(0, 1 - km / referenceKm) : 0;
      const specialtyShare = specialtyShareOf(mentee, bucket.specialty);
      const fixed = w.specialty * specialtyShare + w.organisation * 1 + w.distance * distanceShare;
      for (const j of bucket.mentors) {
        if (size === k && masks) {
          const gap = mentorSeniority[j]! - menteeSeniority;
          const bound =
            fixed +
            w.topics * (topicsWanted > 0 ? popcount(wantedTopics & mentorTopics[j]!) / topicsWanted : 0) +
            w.availability * (timesWanted > 0 ? popcount(wantedTimes & mentorTimes[j]!) / timesWanted : 0) +
            w.seniorityGap * (gap === gap ? Math.min(Math.max(gap, 0), FULL_SENIORITY_GAP) / FULL_SENIORITY_GAP : 0);
          if (Math.min(1, Math.max(0, bound)) < heapScore[0]!) continue;
        }
        const mentor = mentors[j]!;
        const p = prepared[j]!;
        const topicCount = overlap(wantedTopics, mentorTopics[j]!, pm.topics, p.topics);
        const timeCount = overlap(wantedTimes, mentorTimes[j]!, pm.times, p.availability);
        const seniority = mentor.seniority ?? null;
        // Then with the pair's own facts: the score itself.
        const pairKm = location && mentor.location ? distanceKm(location, mentor.location) : null;
        let organisationShare = 0;
        if (w.organisation > 0 && mentee.organisationId != null && mentor.organisationId != null) {
          organisationShare = (criteria.organisation.direction === "same") === (mentee.organisationId === mentor.organisationId) ? 1 : 0;
        }
        const score = boundOf(pm, specialtyShare, organisationShare, pairKm, topicCount, timeCount, seniority);
        if (size === k && (score < heapScore[0]! || (score === heapScore[0] && j > heapMentor[0]!))) continue;
        if (hardConstraint(mentee, p, ctx, pairKm)) continue;
        if (size < k) {
          heapScore[size] = score;
          heapMentor[size] = j;
          for (let i = size++; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
        } else if (score > heapScore[0]! || (score === heapScore[0] && j < heapMentor[0]!)) {
          heapScore[0] = score;
          heapMentor[0] = j;
          for (let i = 0; ; ) {
            let child = 2 * i + 1;
            if (child >= size) break;
            if (child + 1 < size && worse(child + 1, child)) child++;
            if (!worse(child, i)) break;
            swap(i, child);
            i = child;
          }
        }
      }
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
