// Seeded generator of realistic matching schemes for the benchmark: people clustered around UK
// cities, skewed specialties, topics, availability and a popularity knob, scored top-k per mentee.
// Candidates come from region/specialty buckets, so national scale never scores every pair.
import {
  type AssignmentInstance,
  type MenteeCandidate,
  type MentorCandidate,
  SchemeRules,
} from "@tandem/core";

export interface GenerateOptions {
  seed: number;
  /** A number, or "places" for exactly as many mentees as the mentors have places. */
  mentees: number | "places";
  mentors: number;
  /** How many UK cities the scheme spans, nearest first from `hub` (1 = one trust, 30 = national). */
  cities?: number;
  hub?: string;
  organisations?: number;
  /** 0 = demand spread evenly; 1 = a few mentors everyone wants. */
  popularity?: number;
  /** Candidate pairs kept per mentee (the best k by score). */
  topK?: number;
  objective?: AssignmentInstance["objective"];
}

/** mulberry32: small, fast and good enough for benchmark data; the same seed gives the same scheme. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real coordinates; weights roughly follow population so London dominates as it does in practice. */
export const UK_CITIES: readonly { name: string; lat: number; lon: number; weight: number }[] = [
  { name: "London", lat: 51.5074, lon: -0.1278, weight: 9 },
  { name: "Birmingham", lat: 52.4862, lon: -1.8904, weight: 3 },
  { name: "Manchester", lat: 53.4808, lon: -2.2426, weight: 3 },
  { name: "Leeds", lat: 53.8008, lon: -1.5491, weight: 2 },
  { name: "Glasgow", lat: 55.8642, lon: -4.2518, weight: 2 },
  { name: "Liverpool", lat: 53.4084, lon: -2.9916, weight: 1.5 },
  { name: "Newcastle", lat: 54.9783, lon: -1.6178, weight: 1.2 },
  { name: "Sheffield", lat: 53.3811, lon: -1.4701, weight: 1.2 },
  { name: "Bristol", lat: 51.4545, lon: -2.5879, weight: 1.2 },
  { name: "Edinburgh", lat: 55.9533, lon: -3.1883, weight: 1.2 },
  { name: "Cardiff", lat: 51.4816, lon: -3.1791, weight: 1 },
  { name: "Belfast", lat: 54.5973, lon: -5.9301, weight: 1 },
  { name: "Leicester", lat: 52.6369, lon: -1.1398, weight: 0.9 },
  { name: "Nottingham", lat: 52.9548, lon: -1.1581, weight: 0.9 },
  { name: "Southampton", lat: 50.9097, lon: -1.4044, weight: 0.8 },
  { name: "Portsmouth", lat: 50.8198, lon: -1.088, weight: 0.6 },
  { name: "Brighton", lat: 50.8225, lon: -0.1372, weight: 0.6 },
  { name: "Plymouth", lat: 50.3755, lon: -4.1427, weight: 0.5 },
  { name: "Hull", lat: 53.7676, lon: -0.3274, weight: 0.6 },
  { name: "Stoke-on-Trent", lat: 53.0027, lon: -2.1794, weight: 0.5 },
  { name: "Coventry", lat: 52.4068, lon: -1.5197, weight: 0.7 },
  { name: "Bradford", lat: 53.796, lon: -1.7594, weight: 0.7 },
  { name: "Aberdeen", lat: 57.1497, lon: -2.0943, weight: 0.4 },
  { name: "Dundee", lat: 56.462, lon: -2.9707, weight: 0.3 },
  { name: "Inverness", lat: 57.4778, lon: -4.2247, weight: 0.2 },
  { name: "Norwich", lat: 52.6309, lon: 1.2974, weight: 0.4 },
  { name: "Cambridge", lat: 52.2053, lon: 0.1218, weight: 0.4 },
  { name: "Oxford", lat: 51.752, lon: -1.2577, weight: 0.4 },
  { name: "Exeter", lat: 50.7184, lon: -3.5339, weight: 0.3 },
  { name: "Swansea", lat: 51.6214, lon: -3.9436, weight: 0.4 },
];

const SPECIALTIES = 40;
const TOPICS = 24;
const SLOTS = 10; // weekday mornings and afternoons
const MAX_USEFUL_KM = 120;
const KM_PER_DEG_LAT = 111.2;

interface Person {
  city: number;
  org: number;
  lat: number;
  lon: number;
  specialty: number;
  topics: number; // bitmask over TOPICS
  slots: number; // bitmask over SLOTS
}

function kmBetween(aLat: number, aLon: number, bLat: number, bLon: number): number {
  // Equirectangular is within a fraction of a percent at UK distances and far cheaper than haversine.
  const x = (bLon - aLon) * Math.cos(((aLat + bLat) / 2) * (Math.PI / 180));
  const y = bLat - aLat;
  return Math.sqrt(x * x + y * y) * KM_PER_DEG_LAT;
}

function popcount(n: number): number {
  n = n - ((n >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** Picks an index from cumulative weights by binary search. */
function pickWeighted(cumulative: Float64Array, r: number): number {
  const target = r * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulativeOf(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

export function generateInstance(options: GenerateOptions): AssignmentInstance {
  const rand = mulberry32(options.seed);
  const popularity = Math.min(1, Math.max(0, options.popularity ?? 0.3));
  const topK = options.topK ?? 10;
  const hub = UK_CITIES.find((c) => c.name === (options.hub ?? "Leeds")) ?? UK_CITIES[0]!;
  const cities = [...UK_CITIES]
    .sort(
      (a, b) =>
        kmBetween(hub.lat, hub.lon, a.lat, a.lon) - kmBetween(hub.lat, hub.lon, b.lat, b.lon),
    )
    .slice(0, Math.max(1, Math.min(UK_CITIES.length, options.cities ?? UK_CITIES.length)));
  const cityCumulative = cumulativeOf(cities.map((c) => c.weight));
  const specialtyCumulative = cumulativeOf(
    Array.from({ length: SPECIALTIES }, (_, i) => 1 / (i + 1) ** 1.1),
  );
  const gaussian = () => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };

  const orgCount = Math.max(1, options.organisations ?? Math.ceil(options.mentors / 40));
  const orgCity = Array.from({ length: orgCount }, () => pickWeighted(cityCumulative, rand()));
  const orgCumulative = cumulativeOf(
    Array.from({ length: orgCount }, (_, i) => 1 / (i + 1) ** 0.6),
  );
  const orgsByCity: number[][] = cities.map(() => []);
  orgCity.forEach((city, org) => orgsByCity[city]!.push(org));

  const bits = (count: number, of: number) => {
    let mask = 0;
    for (let i = 0; i < count; i++) mask |= 1 << Math.floor(rand() * of);
    return mask;
  };
  const person = (topicCount: number): Person => {
    // Most people work near their organisation's city; some belong to one elsewhere in the scheme.
    const org = pickWeighted(orgCumulative, rand());
    const city = rand() < 0.85 ? orgCity[org]! : pickWeighted(cityCumulative, rand());
    const base = cities[city]!;
    return {
      city,
      org,
      lat: base.lat + (gaussian() * 10) / KM_PER_DEG_LAT,
      lon: base.lon + (gaussian() * 10) / (KM_PER_DEG_LAT * Math.cos((base.lat * Math.PI) / 180)),
      specialty: pickWeighted(specialtyCumulative, rand()),
      topics: bits(topicCount, TOPICS),
      slots: bits(3 + Math.floor(rand() * 4), SLOTS),
    };
  };

  const mentors: Person[] = [];
  const capacities: number[] = [];
  const attraction = new Float64Array(options.mentors);
  const capacityCumulative = cumulativeOf([0.3, 0.35, 0.2, 0.15]);
  // With popularity p, attraction is u^(1 + 20p): near-uniform at 0, a few stars at 0.8.
  const attractionExponent = 1 + 20 * popularity;
  for (let j = 0; j < options.mentors; j++) {
    mentors.push(person(3 + Math.floor(rand() * 4)));
    capacities.push(1 + pickWeighted(capacityCumulative, rand()));
    attraction[j] = rand() ** attractionExponent;
  }
  const menteeCount =
    options.mentees === "places" ? capacities.reduce((a, b) => a + b, 0) : options.mentees;

  // Buckets: mentors by city, by (city, specialty), and each city's most attractive few.
  const byCity: number[][] = cities.map(() => []);
  const byCitySpecialty = new Map<number, number[]>();
  mentors.forEach((m, j) => {
    byCity[m.city]!.push(j);
    const key = m.city * SPECIALTIES + m.specialty;
    const bucket = byCitySpecialty.get(key);
    if (bucket) bucket.push(j);
    else byCitySpecialty.set(key, [j]);
  });
  const starsByCity = byCity.map((bucket) =>
    [...bucket]
      .sort((a, b) => attraction[b]! - attraction[a]!)
      .slice(0, Math.max(3, Math.ceil(bucket.length * 0.02))),
  );
  const neighbours = cities.map((c, i) =>
    cities
      .map((d, k) => ({ k, km: kmBetween(c.lat, c.lon, d.lat, d.lon) }))
      .filter(({ k }) => k !== i)
      .sort((a, b) => a.km - b.km)
      .slice(0, 2)
      .map(({ k }) => k),
  );

  const weights = {
    specialty: 0.2,
    distance: 0.25,
    topics: 0.3,
    availability: 0.15,
    popularity: 0.1 + 0.5 * popularity,
  };
  const weightSum = Object.values(weights).reduce((a, b) => a + b, 0);

  const menteeIds: { id: string }[] = [];
  const pairs: [string, string, number][] = [];
  const mentorIds = mentors.map((_, j) => `m${String(j + 1).padStart(6, "0")}`);
  const seen = new Int32Array(options.mentors).fill(-1);
  const candidates: number[] = [];
  const scored: { j: number; score: number }[] = [];

  for (let i = 0; i < menteeCount; i++) {
    const mentee = person(2 + Math.floor(rand() * 3));
    const id = `e${String(i + 1).padStart(6, "0")}`;
    menteeIds.push({ id });
    const wantsSameSpecialty = rand() < 0.6;
    const remoteOk = rand() < 0.3;
    const wanted = popcount(mentee.topics);
    const wantedSlots = popcount(mentee.slots);

    candidates.length = 0;
    const consider = (j: number) => {
      if (seen[j] === i) return;
      seen[j] = i;
      candidates.push(j);
    };
    const take = (bucket: number[] | undefined, count: number) => {
      if (!bucket || bucket.length === 0) return;
      if (bucket.length <= count) bucket.forEach(consider);
      else for (let n = 0; n < count; n++) consider(bucket[Math.floor(rand() * bucket.length)]!);
    };
    take(byCitySpecialty.get(mentee.city * SPECIALTIES + mentee.specialty), 24);
    take(byCity[mentee.city], 40);
    for (const k of neighbours[mentee.city]!) take(byCity[k], remoteOk ? 16 : 8);
    take(starsByCity[mentee.city], Math.round(2 + 10 * popularity));
    if (remoteOk)
      for (const k of neighbours[mentee.city]!)
        take(starsByCity[k], Math.round(1 + 4 * popularity));

    scored.length = 0;
    for (const j of candidates) {
      const m = mentors[j]!;
      if (m.org === mentee.org && m.specialty === mentee.specialty && rand() < 0.5) continue; // same department
      const km = kmBetween(mentee.lat, mentee.lon, m.lat, m.lon);
      if (km > MAX_USEFUL_KM && !remoteOk) continue;
      const specialtyTerm = (m.specialty === mentee.specialty) === wantsSameSpecialty ? 1 : 0;
      const distanceTerm = Math.max(0, 1 - km / MAX_USEFUL_KM);
      const topicsTerm = popcount(m.topics & mentee.topics) / wanted;
      const availabilityTerm = popcount(m.slots & mentee.slots) / wantedSlots;
      const score =
        (weights.specialty * specialtyTerm +
          weights.distance * distanceTerm +
          weights.topics * topicsTerm +
          weights.availability * availabilityTerm +
          weights.popularity * attraction[j]!) /
        weightSum;
      scored.push({ j, score: Math.round(score * 1e4) / 1e4 });
    }
    scored.sort((a, b) => b.score - a.score || a.j - b.j);
    for (const { j, score } of scored.slice(0, topK)) pairs.push([id, mentorIds[j]!, score]);
  }

  return {
    mentees: menteeIds,
    mentors: mentorIds.map((id, j) => ({ id, capacity: capacities[j]! })),
    pairs,
    objective: options.objective ?? "max_matched_then_score",
  };
}

export interface SchemePeople {
  mentees: MenteeCandidate[];
  mentors: MentorCandidate[];
  rules: SchemeRules;
}

/**
 * The same kind of scheme as people with facts rather than scored pairs, for `buildCandidates`:
 * places around the scheme's cities, Zipf-like specialties, topics, weekday slots, seniority,
 * a remote flag, and rules that weigh specialty, distance (up to 120 km, remote allowed), topics,
 * availability and seniority gap.
 */
export function generateScheme(
  options: Pick<GenerateOptions, "seed" | "mentors" | "cities" | "hub"> & { mentees: number },
): SchemePeople {
  const rand = mulberry32(options.seed);
  const hub = UK_CITIES.find((c) => c.name === (options.hub ?? "Leeds")) ?? UK_CITIES[0]!;
  const cities = [...UK_CITIES]
    .sort(
      (a, b) =>
        kmBetween(hub.lat, hub.lon, a.lat, a.lon) - kmBetween(hub.lat, hub.lon, b.lat, b.lon),
    )
    .slice(0, Math.max(1, Math.min(UK_CITIES.length, options.cities ?? UK_CITIES.length)));
  const cityCumulative = cumulativeOf(cities.map((c) => c.weight));
  const specialtyCumulative = cumulativeOf(
    Array.from({ length: SPECIALTIES }, (_, i) => 1 / (i + 1) ** 1.1),
  );
  const gaussian = () => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const orgCount = Math.max(1, Math.ceil(options.mentors / 40));
  const orgCity = Array.from({ length: orgCount }, () => pickWeighted(cityCumulative, rand()));
  const pick = (count: number, of: number, name: string) => {
    const chosen = new Set<string>();
    for (let i = 0; i < count; i++) chosen.add(`${name}${Math.floor(rand() * of)}`);
    return [...chosen];
  };
  const facts = (id: string) => {
    const org = Math.floor(rand() * orgCount);
    const base = cities[rand() < 0.85 ? orgCity[org]! : pickWeighted(cityCumulative, rand())]!;
    const specialty = `s${pickWeighted(specialtyCumulative, rand())}`;
    return {
      id,
      specialty,
      organisationId: `o${org}`,
      department: `o${org}-${specialty}`,
      location: {
        lat: base.lat + (gaussian() * 10) / KM_PER_DEG_LAT,
        lng: base.lon + (gaussian() * 10) / (KM_PER_DEG_LAT * Math.cos((base.lat * Math.PI) / 180)),
      },
      availability: pick(3 + Math.floor(rand() * 4), SLOTS, "slot"),
      seniority: Math.floor(rand() * 20),
    };
  };
  const mentors: MentorCandidate[] = Array.from({ length: options.mentors }, (_, j) => ({
    ...facts(`m${String(j + 1).padStart(6, "0")}`),
    remoteOk: rand() < 0.5,
    topicsOffered: pick(3 + Math.floor(rand() * 4), TOPICS, "topic"),
    ready: rand() < 0.95,
    capacityLeft: 1 + Math.floor(rand() * 4),
  }));
  const mentees: MenteeCandidate[] = Array.from({ length: options.mentees }, (_, i) => ({
    ...facts(`e${String(i + 1).padStart(6, "0")}`),
    remoteOk: rand() < 0.3,
    topicsWanted: pick(2 + Math.floor(rand() * 3), TOPICS, "topic"),
  }));
  const rules = SchemeRules.parse({
    matching: {
      mode: "auto",
      criteria: {
        specialty: { direction: "same", weight: 0.2 },
        distance: { maxKm: MAX_USEFUL_KM, remoteAllowed: true, weight: 0.25 },
        topics: { weight: 0.3 },
        availability: { weight: 0.15 },
        seniorityGap: { weight: 0.1 },
        honourPreferences: [],
      },
    },
  });
  return { mentees, mentors, rules };
}
