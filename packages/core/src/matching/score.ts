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

const countIn = (wanted: readonly string[], offered: ReadonlySet<string>) => {
  let count = 0;
  for (const item of new Set(wanted)) if (offered.has(item)) count++;
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

/**
 * Scores one pair. With `explain` false the terms are not built (the fast path for ranking); the
 * score is the same either way.
 */
function evaluate(mentee: MenteeCandidate, p: PreparedMentor, ctx: Context, explain: boolean): PairScore {
  const mentor = p.mentor;
  const km = mentee.location && mentor.location ? distanceKm(mentee.location, mentor.location) : null;
  const reason = hardConstraint(mentee, p, ctx, km);
  if (reason) return { allowed: false, reason };

  const { criteria } = ctx.rules.matching;
  const w = ctx.weights;
  const terms: ScoreTerm[] = [];
  let score = 0;
  const add = (weight: number, fraction: number, label: () => string) => {
    if (weight <= 0) return;
    const points = weight * fraction;
    score += points;
    if (explain) terms.push({ label: label(), points });
  };

  if (w.specialty > 0) {
    const known = mentee.specialty != null && mentor.specialty != null;
    const same = known && mentee.specialty === mentor.specialty;
    const wanted = criteria.specialty.direction === "same" ? same : known && !same;
    add(w.specialty, wanted ? 1 : 0, () => (!known ? "specialty unknown" : same ? "same specialty" : "different specialty"));
  }
  if (w.organisation > 0) {
    const known = mentee.organisationId != null && mentor.organisationId != null;
    const same = known && mentee.organisationId === mentor.organisationId;
    const wanted = criteria.organisation.direction === "same" ? same : known && !same;
    add(w.organisation, wanted ? 1 : 0, () => (!known ? "organisation unknown" : same ? "same organisation" : "different organisation"));
  }
  if (w.distance > 0) {
    const reference = criteria.distance.maxKm ?? DEFAULT_REFERENCE_KM;
    const fraction = km == null ? 0 : Math.max(0, 1 - km / reference);
    add(w.distance, fraction, () => {
      if (km == null) return "distance unknown";
      const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
      return criteria.distance.maxKm != null && km > criteria.distance.maxKm ? `${rounded} km, meeting remotely` : `${rounded} km`;
    });
  }
  if (w.topics > 0) {
    const wanted = new Set(mentee.topicsWanted).size;
    const offered = wanted === 0 ? 0 : countIn(mentee.topicsWanted, p.topics);
    add(w.topics, wanted === 0 ? 0 : offered / wanted, () =>
      wanted === 0 ? "no topics chosen" : `${offered} of ${plural(wanted, "topic", "topics")}`,
    );
  }
  if (w.availability > 0) {
    const times = new Set(mentee.availability ?? []).size;
    const shared = times === 0 ? 0 : countIn(mentee.availability ?? [], p.availability);
    add(w.availability, times === 0 ? 0 : shared / times, () =>
      times === 0 ? "no times given" : `${shared} of ${plural(times, "time", "times")} free`,
    );
  }
  if (w.seniorityGap > 0) {
    const known = mentee.seniority != null && mentor.seniority != null;
    const gap = known ? mentor.seniority! - mentee.seniority! : 0;
    add(w.seniorityGap, Math.min(Math.max(gap, 0), FULL_SENIORITY_GAP) / FULL_SENIORITY_GAP, () =>
      !known ? "seniority unknown" : gap > 0 ? `${plural(gap, "year", "years")} more senior` : "not more senior",
    );
  }

  // Sums of normalised weights can stray past 1 by a rounding error.
  score = Math.min(1, Math.max(0, score));
  return {
    allowed: true,
    score,
    terms,
    explanation: explain ? terms.map((term) => `${term.label} +${term.points.toFixed(2)}`).join(" · ") : "",
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
  return evaluate(mentee, prepareMentor(mentor), ctx, true);
}

export interface BuildCandidatesOptions {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
  /** How many of the best-scoring allowed mentors to keep per mentee. */
  topK: number;
  blocked?: BlockedPairs;
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
export function buildCandidates({ mentees, mentors, rules, topK, blocked }: BuildCandidatesOptions): Candidates {
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
  for (const mentee of mentees) {
    let size = 0;
    for (let j = 0; j < prepared.length && k > 0; j++) {
      const result = evaluate(mentee, prepared[j]!, ctx, false);
      if (!result.allowed) continue;
      if (size < k) {
        heapScore[size] = result.score;
        heapMentor[size] = j;
        for (let i = size++; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      } else if (result.score > heapScore[0]!) {
        // Equal scores keep the earlier mentor, who is already in the heap.
        heapScore[0] = result.score;
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
    for (const { mentor } of kept) {
      const result = evaluate(mentee, prepared[mentor]!, ctx, true);
      if (!result.allowed) continue;
      const mentorId = mentors[mentor]!.id;
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
