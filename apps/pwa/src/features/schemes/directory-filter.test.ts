import { describe, expect, it } from "vitest";
import {
  countSchemes,
  describeFreePlaces,
  excerpt,
  filterSchemes,
  hasFilters,
  NO_FILTERS,
  parseFilters,
  regionsOf,
  serialiseFilters,
  type DirectoryOrganisation,
  type DirectoryScheme,
} from "./directory-filter";

function scheme(overrides: Partial<DirectoryScheme> & { name: string }): DirectoryScheme {
  return {
    id: overrides.name,
    slug: overrides.name.toLowerCase().replace(/\W+/g, "-"),
    summary: "",
    audience: "everyone",
    audienceGroups: [],
    format: "one_to_one",
    formatLabel: "One to one",
    matching: "Mentee chooses freely",
    mentorsWithFreePlaces: 0,
    ...overrides,
  };
}

const contact = { name: "Contact", email: "contact@example.org", phone: null };

const directory: DirectoryOrganisation[] = [
  {
    id: "aire",
    slug: "aire-valley",
    name: "Aire Valley Hospitals NHS Foundation Trust",
    kind: "trust",
    region: "North East and Yorkshire",
    contact,
    schemes: [
      scheme({
        name: "New consultant mentoring",
        audienceGroups: ["new_consultant"],
        summary: "Allocated by the coordinator.",
      }),
      scheme({
        name: "Coach-mentoring for clinical leaders",
        summary: "Six meetings at monthly intervals.",
      }),
    ],
  },
  {
    id: "pennine",
    slug: "pennine-deanery",
    name: "Pennine and Wolds Deanery",
    kind: "deanery",
    region: "North East and Yorkshire",
    contact,
    schemes: [
      scheme({
        name: "Deanery GP mentoring",
        audienceGroups: ["gp_partner", "salaried_gp"],
        summary: "Free choice of mentor.",
      }),
      scheme({
        name: "Co-tutoring",
        format: "co_mentoring",
        formatLabel: "Co-mentoring",
        audienceGroups: ["trainee"],
      }),
    ],
  },
  {
    id: "college",
    slug: "royal-college",
    name: "Royal College of Examples",
    kind: "royal_college",
    region: "London",
    contact,
    schemes: [
      scheme({
        name: "PCN clinical director mastermind",
        format: "group",
        formatLabel: "Group",
        audienceGroups: ["pcn_clinical_director"],
      }),
    ],
  },
  { id: "empty", slug: "empty", name: "Quiet PCN", kind: "pcn", region: "", contact, schemes: [] },
];

const names = (filters: Partial<typeof NO_FILTERS>) =>
  filterSchemes(directory, { ...NO_FILTERS, ...filters }).map((r) => r.scheme.name);

describe("filterSchemes", () => {
  it("lists every scheme when nothing is chosen", () => {
    expect(names({})).toHaveLength(5);
  });

  it("searches scheme names, summaries and organisation names, every word, ignoring case and punctuation", () => {
    expect(names({ q: "consultant" })).toEqual(["New consultant mentoring"]);
    expect(names({ q: "MONTHLY" })).toEqual(["Coach-mentoring for clinical leaders"]);
    expect(names({ q: "wolds" })).toEqual(["Deanery GP mentoring", "Co-tutoring"]);
    expect(names({ q: "co tutoring" })).toEqual(["Co-tutoring"]);
    expect(names({ q: "deanery free" })).toEqual(["Deanery GP mentoring"]);
    expect(names({ q: "  " })).toHaveLength(5);
    expect(names({ q: "dentist" })).toEqual([]);
  });

  it("filters by organisation type and region", () => {
    expect(names({ type: "deanery" })).toEqual(["Deanery GP mentoring", "Co-tutoring"]);
    expect(names({ region: "London" })).toEqual(["PCN clinical director mastermind"]);
    expect(names({ type: "trust", region: "London" })).toEqual([]);
  });

  it("filters by format", () => {
    expect(names({ format: "co_mentoring" })).toEqual(["Co-tutoring"]);
    expect(names({ format: "group" })).toEqual(["PCN clinical director mastermind"]);
  });

  it("counts schemes for everyone as being for each staff group too", () => {
    expect(names({ for: "salaried_gp" })).toEqual([
      "Coach-mentoring for clinical leaders",
      "Deanery GP mentoring",
    ]);
    expect(names({ for: "everyone" })).toEqual(["Coach-mentoring for clinical leaders"]);
  });

  it("combines filters", () => {
    expect(names({ for: "new_consultant", q: "leaders" })).toEqual([
      "Coach-mentoring for clinical leaders",
    ]);
  });
});

describe("filters in the URL", () => {
  it("round-trips through the query string, leaving out empty filters", () => {
    const filters = {
      q: "gp mentoring",
      type: "deanery",
      region: "North East and Yorkshire",
      for: "salaried_gp",
      format: "one_to_one",
    };
    const query = serialiseFilters(filters);
    expect(query.startsWith("?")).toBe(true);
    expect(parseFilters(query)).toEqual(filters);
    expect(serialiseFilters(NO_FILTERS)).toBe("");
    expect(serialiseFilters({ ...NO_FILTERS, format: "group" })).toBe("?format=group");
  });

  it("reads unknown codes as no filter", () => {
    expect(parseFilters("?type=castle&for=wizards&format=constructor&other=1")).toEqual(NO_FILTERS);
    expect(parseFilters("?for=everyone").for).toBe("everyone");
  });

  it("knows when any filter is set", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, region: "London" })).toBe(true);
  });
});

describe("words", () => {
  it("counts schemes and free places", () => {
    expect([0, 1, 3].map(countSchemes)).toEqual(["No schemes", "1 scheme", "3 schemes"]);
    expect([0, 1, 4].map(describeFreePlaces)).toEqual([
      "0 mentors with free places",
      "1 mentor with a free place",
      "4 mentors with free places",
    ]);
  });

  it("lists the regions named in the directory once each, in order", () => {
    expect(regionsOf(directory)).toEqual(["London", "North East and Yorkshire"]);
  });
});

describe("excerpt", () => {
  it("keeps whole sentences up to the limit, and at least one", () => {
    const text =
      "For consultants at this organisation. Taking part is free. You meet one to one with a mentor.";
    expect(excerpt(text, 60)).toBe("For consultants at this organisation. Taking part is free.");
    expect(excerpt(text, 10)).toBe("For consultants at this organisation.");
    expect(excerpt(text, 500)).toBe(text);
    expect(excerpt("No full stop", 5)).toBe("No full stop");
  });
});
