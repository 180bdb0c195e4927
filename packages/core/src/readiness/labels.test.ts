import { describe, expect, it } from "vitest";
import { readinessLabel, readinessStatus, readinessStatusLabels, summariseReadiness, upcomingLabel, upcomingWithin } from "./labels";
import type { Readiness, ReadinessReason, UpcomingDue } from "./readiness";

describe("readinessLabel", () => {
  const cases: [ReadinessReason, string][] = [
    [
      {
        code: "needs_module",
        moduleId: "masterclass",
        moduleName: "the 1.5-day masterclass",
        since: "2026-03-15",
      },
      "Needs the 1.5-day masterclass",
    ],
    [
      {
        code: "module_expired",
        moduleId: "skills",
        moduleName: "mentor skills training",
        since: "2026-03-01",
      },
      "Needs mentor skills training again: it expired on 1 March 2026",
    ],
    [
      { code: "support_lapsed", since: "2026-01-01", needed: 3, attended: 1 },
      "Support lapsed: 1 of 3 events in the last 12 months",
    ],
    [
      { code: "support_lapsed", since: "2026-01-01", needed: 1, attended: 0 },
      "Support lapsed: 0 of 1 event in the last 12 months",
    ],
    [{ code: "appraisal_due", since: "2026-03-03" }, "Peer appraisal due since 3 March 2026"],
    [{ code: "supervision_due", since: "2025-12-31" }, "Supervision due since 31 December 2025"],
    [{ code: "awaiting_approval", since: null }, "Awaiting the coordinator's approval"],
    [{ code: "declined", since: "2025-01-01" }, "Declined"],
    [{ code: "at_capacity", since: null }, "At capacity"],
  ];
  it.each(cases)("%o", (reason, expected) => {
    expect(readinessLabel(reason)).toBe(expected);
  });
});

describe("upcomingLabel", () => {
  const cases: [UpcomingDue, string][] = [
    [
      {
        code: "module_expires",
        moduleId: "skills",
        moduleName: "mentor skills training",
        on: "2026-04-01",
      },
      "Mentor skills training expires on 1 April 2026",
    ],
    [
      { code: "support_lapses", on: "2026-04-02" },
      "Support lapses on 2 April 2026 unless you attend another event",
    ],
    [{ code: "appraisal_due", on: "2026-04-03" }, "Peer appraisal due on 3 April 2026"],
    [{ code: "supervision_due", on: "2026-04-04" }, "Supervision due on 4 April 2026"],
  ];
  it.each(cases)("%o", (item, expected) => {
    expect(upcomingLabel(item)).toBe(expected);
  });
});

describe("summariseReadiness and upcomingWithin", () => {
  const upcoming: UpcomingDue[] = [
    { code: "appraisal_due", on: "2026-04-14" },
    { code: "support_lapses", on: "2026-04-15" },
  ];
  const ready: Readiness = { ready: true, reasons: [], upcoming, labels: ["ready"] };

  it.each([
    ["ready, nothing coming up", { ...ready, upcoming: [] }, "Ready to mentor."],
    [
      "ready, something coming up",
      ready,
      "Ready to mentor. Coming up: Peer appraisal due on 14 April 2026.",
    ],
    [
      "not ready",
      {
        ready: false,
        reasons: [
          {
            code: "needs_module",
            moduleId: "m",
            moduleName: "NHS mentor training",
            since: "2026-03-15",
          },
          { code: "at_capacity", since: null },
        ],
        upcoming: [],
        labels: ["needs:m", "at_capacity"],
      } satisfies Readiness,
      "Not ready to mentor: needs NHS mentor training; at capacity.",
    ],
  ])("%s", (_name, readiness, expected) => {
    expect(summariseReadiness(readiness)).toBe(expected);
  });

  it("keeps what falls due within the days given, inclusive", () => {
    const now = new Date("2026-03-15T23:00:00Z");
    expect(upcomingWithin(ready, { now, days: 30 })).toEqual([upcoming[0]]);
    expect(upcomingWithin(ready, { now, days: 31 })).toEqual(upcoming);
    expect(upcomingWithin(ready, { now: new Date(Number.NaN), days: 30 })).toEqual([]);
  });
});

describe("readinessStatus", () => {
  const full: ReadinessReason = { code: "at_capacity", since: null };
  const module: ReadinessReason = { code: "needs_module", moduleId: "m", moduleName: "NHS mentor training", since: "2026-01-01" };
  it.each([
    [[], "Ready"],
    [[full], "Ready, no free places"],
    [[module, full], "Not ready"],
    [[{ code: "awaiting_approval", since: null }], "Not ready"],
  ] as [ReadinessReason[], string][])("%j reads %s", (reasons, label) => {
    expect(readinessStatusLabels[readinessStatus({ reasons })]).toBe(label);
  });

  it("does not call a mentor whose places are all taken not ready", () => {
    expect(summariseReadiness({ ready: false, reasons: [full], upcoming: [], labels: ["at_capacity"] })).toBe("Ready to mentor, with no free places.");
  });
});
