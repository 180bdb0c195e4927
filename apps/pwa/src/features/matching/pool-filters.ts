// The mentee's filters on the pool (?specialty=&topic=&km=) live in the URL, so a reload, a shared
// link or the back button keeps them. A distance that is not a sensible number is reported, not sent.
export interface PoolFilters {
  specialty: string;
  topic: string;
  /** As typed; see `toApiFilters` for the number. */
  km: string;
}

export const NO_POOL_FILTERS: PoolFilters = { specialty: "", topic: "", km: "" };
const KEYS = ["specialty", "topic", "km"] as const;

export function parsePoolFilters(search: string): PoolFilters {
  const params = new URLSearchParams(search);
  const read = (key: string) => (params.get(key) ?? "").trim().slice(0, 80);
  return { specialty: read("specialty"), topic: read("topic"), km: read("km").slice(0, 10) };
}

export function serialisePoolFilters(filters: PoolFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasPoolFilters(filters: PoolFilters): boolean {
  return KEYS.some((key) => filters[key].trim() !== "");
}

/** What is wrong with the distance, in the same words as the API, or undefined. */
export function distanceError(km: string): string | undefined {
  const text = km.trim();
  if (!text) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text)) return "Enter the distance as a number, like 20";
  const value = Number(text);
  if (value <= 0) return "Enter a distance above 0";
  if (value > 2000) return "Enter 2000 km or less";
  return undefined;
}

/** The filters the API takes; an unusable distance is left out (and shown as an error). */
export function toApiFilters(filters: PoolFilters): {
  specialty?: string;
  topic?: string;
  maxKm?: number;
} {
  const out: { specialty?: string; topic?: string; maxKm?: number } = {};
  if (filters.specialty) out.specialty = filters.specialty;
  if (filters.topic) out.topic = filters.topic;
  if (filters.km && !distanceError(filters.km)) out.maxKm = Number(filters.km);
  return out;
}

/** Options for a select: "Any" first, then the values; a value from an old link stays selectable. */
export function selectOptions(values: readonly string[], current: string, any: string) {
  const all = current && !values.includes(current) ? [...values, current] : [...values];
  return [{ value: "", text: any }, ...all.map((value) => ({ value, text: value }))];
}
