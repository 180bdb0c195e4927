// Searching and filtering the public directory in the browser. The filters live in the URL query
// (?q=&type=&region=&for=&format=) so a reload, a shared link or the back button keeps them.
import {
  formatKindLabels,
  organisationKinds,
  staffGroupPlurals,
  staffGroups,
  type StaffGroup,
} from "@tandem/core";

export interface DirectoryScheme {
  id: string;
  slug: string;
  name: string;
  summary: string;
  audience: string;
  audienceGroups: readonly string[];
  format: string;
  formatLabel: string;
  matching: string;
  mentorsWithFreePlaces: number;
}

export interface DirectoryOrganisation {
  id: string;
  slug: string;
  name: string;
  kind: string;
  region: string;
  contact: { name: string; email: string; phone: string | null };
  schemes: readonly DirectoryScheme[];
}

export interface DirectoryFilters {
  /** Free text matched against scheme and organisation names and summaries. */
  q: string;
  /** Organisation kind, or "" for any. */
  type: string;
  /** Organisation region, or "" for any. */
  region: string;
  /** A staff group, "everyone" for schemes open to all staff, or "" for any. */
  for: string;
  /** Format kind, or "" for any. */
  format: string;
}

export const NO_FILTERS: DirectoryFilters = { q: "", type: "", region: "", for: "", format: "" };
const FILTER_KEYS = ["q", "type", "region", "for", "format"] as const;

export const EVERYONE = "everyone";

export interface SchemeResult {
  organisation: DirectoryOrganisation;
  scheme: DirectoryScheme;
}

/** Lower case, accents and punctuation folded away, so "co mentoring" finds "Co-mentoring". */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Every word of the query must appear somewhere in the scheme's or organisation's name or summary. */
function matchesText(result: SchemeResult, query: string): boolean {
  const words = fold(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [result.scheme.name, result.scheme.summary, result.organisation.name].join(" "),
  );
  return words.every((word) => haystack.includes(word));
}

function matchesGroup(scheme: DirectoryScheme, group: string): boolean {
  if (!group) return true;
  const forEveryone = scheme.audienceGroups.length === 0;
  if (group === EVERYONE) return forEveryone;
  // A scheme for everyone is also for this group.
  return forEveryone || scheme.audienceGroups.includes(group);
}

export function organisationMatches(
  organisation: DirectoryOrganisation,
  filters: DirectoryFilters,
): boolean {
  return (
    (!filters.type || organisation.kind === filters.type) &&
    (!filters.region || organisation.region === filters.region)
  );
}

/** The schemes that match every filter, in the directory's order (organisation, then scheme name). */
export function filterSchemes(
  directory: readonly DirectoryOrganisation[],
  filters: DirectoryFilters,
): SchemeResult[] {
  const results: SchemeResult[] = [];
  for (const organisation of directory) {
    if (!organisationMatches(organisation, filters)) continue;
    for (const scheme of organisation.schemes) {
      const result = { organisation, scheme };
      if (filters.format && scheme.format !== filters.format) continue;
      if (!matchesGroup(scheme, filters.for)) continue;
      if (!matchesText(result, filters.q)) continue;
      results.push(result);
    }
  }
  return results;
}

/** Reads filters from a query string; unknown keys are ignored and unknown codes read as "any". */
export function parseFilters(search: string): DirectoryFilters {
  const params = new URLSearchParams(search);
  const read = (key: string) => (params.get(key) ?? "").trim();
  const type = read("type");
  const group = read("for");
  const format = read("format");
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    type: (organisationKinds as readonly string[]).includes(type) ? type : "",
    region: read("region").slice(0, 200),
    for: group === EVERYONE || (staffGroups as readonly string[]).includes(group) ? group : "",
    format: Object.hasOwn(formatKindLabels, format) ? format : "",
  };
}

/** Writes filters as a query string ("" when none are set), leaving out the empty ones. */
export function serialiseFilters(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = key === "q" ? (filters.q.trim() ? filters.q : "") : filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function hasFilters(filters: DirectoryFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key].trim() !== "");
}

/** "No schemes", "1 scheme", "3 schemes". */
export function countSchemes(n: number): string {
  if (n === 0) return "No schemes";
  return n === 1 ? "1 scheme" : `${n} schemes`;
}

/** "1 mentor with a free place", "4 mentors with free places". */
export function describeFreePlaces(n: number): string {
  return n === 1 ? "1 mentor with a free place" : `${n} mentors with free places`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function staffGroupOptions(): { value: string; text: string }[] {
  return [
    { value: EVERYONE, text: "Schemes open to all staff" },
    ...staffGroups.map((group: StaffGroup) => ({
      value: group,
      text: capitalise(staffGroupPlurals[group]),
    })),
  ];
}

/** Regions named in the directory, in alphabetical order. */
export function regionsOf(directory: readonly DirectoryOrganisation[]): string[] {
  return [...new Set(directory.map((o) => o.region).filter(Boolean))].sort((a, b) =>
    a.localeCompare(b, "en-GB"),
  );
}

/** The first sentences of a long description, up to about `max` characters (always at least one sentence). */
export function excerpt(text: string, max = 240): string {
  const sentences = text.match(/[^.!?]+[.!?]+(\s+|$)|[^.!?]+$/g) ?? [text];
  let out = "";
  for (const sentence of sentences) {
    if (out && (out + sentence).trim().length > max) break;
    out += sentence;
  }
  return out.trim();
}
