import { describe, expect, it } from "vitest";
import { SchemeRules } from "../rules/schema";
import { schemeTemplates } from "../rules/templates";
import { addDays, addMonths } from "./dates";
import { computeReadiness, type ReadinessReason } from "./readiness";
import type { MentorRecords } from "./records";

type Mentors = SchemeRules["mentors"];
type SupportEvent = MentorRecords["supportEvents"][number];

const today = "2026-03-15";
const base = SchemeRules.parse({});

function rulesWith(
  mentors: Partial<Omit<Mentors, "support">> & { support?: Partial<Mentors["support"]> } = {},
): SchemeRules {
  return {
    ...base,
    mentors: {
      requiredModules: [],
      approval: false,
      maxMentees: 4,
      ...mentors,
      support: { minEventsPer12Months: 0, supervision: false, ...mentors.support },
    },
  };
}

function records(overrides: Partial<MentorRecords> = {}): MentorRecords {
  return {
    modules: [],
    supportEvents: [],
    appraisals: [],
    approval: null,
    activeMentees: 0,
    ...overrides,
  };
}

const at = (date: string) => new Date(`${date}T12:00:00Z`);
const done = (moduleId: string, completedOn: string, verified = true) => ({
  moduleId,
  completedOn,
  verified,
});
const event = (
  date: string,
  kind: SupportEvent["kind"] = "support_group",
  attended = true,
): SupportEvent => ({ kind, date, attended });
const codes = (reasons: ReadinessReason[]) => reasons.map((r) => r.code);

function check(rules: SchemeRules, recs: MentorRecords, now = today) {
  return computeReadiness({ rules, records: recs, now: at(now) });
}

describe("every template", () => {
  /** A mentor who has done everything the template asks, as of `today`. */
  function complete(mentors: Mentors): MentorRecords {
    return records({
      modules: mentors.requiredModules.map((m) => done(m.id, "2025-06-01")),
      supportEvents: [
        ...Array.from({ length: mentors.support.minEventsPer12Months }, (_, i) =>
          event(addMonths("2025-04-01", i % 11)),
        ),
        ...(mentors.support.supervision ? [event("2025-12-01", "supervision")] : []),
      ],
      appraisals:
        mentors.support.peerAppraisalEveryMonths === undefined ? [] : [{ date: "2026-01-10" }],
      approval: mentors.approval ? { decision: "approved", decidedOn: "2025-05-01" } : null,
    });
  }

  describe.each(schemeTemplates.map((t) => [t.id, t] as const))("%s", (_id, template) => {
    const { rules } = template;
    const { mentors } = rules;

    it("a mentor with everything done is ready", () => {
      const readiness = check(rules, complete(mentors));
      expect(readiness).toMatchObject({ ready: true, reasons: [], labels: ["ready"] });
    });

    it.each(mentors.requiredModules.map((m) => [m.id, m] as const))(
      "missing %s gives needs_module",
      (id, module) => {
        const recs = complete(mentors);
        const readiness = check(rules, {
          ...recs,
          modules: recs.modules.filter((m) => m.moduleId !== id),
        });
        expect(readiness.ready).toBe(false);
        expect(readiness.reasons).toEqual([
          { code: "needs_module", moduleId: id, moduleName: module.name, since: today },
        ]);
        expect(readiness.labels).toEqual([`needs:${id}`]);
      },
    );

    it.each(
      mentors.requiredModules
        .filter((m) => m.validityMonths !== undefined)
        .map((m) => [m.id, m] as const),
    )("%s expires validityMonths after completion", (id, module) => {
      const months = module.validityMonths ?? 0;
      const recs = complete(mentors);
      const completedOn = "2023-03-15";
      const expires = addMonths(completedOn, months);
      const withModule = {
        ...recs,
        modules: recs.modules.map((m) => (m.moduleId === id ? done(id, completedOn) : m)),
      };
      const reason = {
        code: "module_expired",
        moduleId: id,
        moduleName: module.name,
        since: expires,
      };
      expect(check(rules, withModule, addDays(expires, -1)).ready).toBe(true);
      expect(check(rules, withModule, expires).reasons).toEqual([reason]);
      expect(check(rules, withModule, addDays(expires, 1)).reasons).toEqual([reason]);
    });

    it("support: exactly the minimum is enough and one short lapses", () => {
      const needed = mentors.support.minEventsPer12Months;
      const recs = complete(mentors);
      const support = recs.supportEvents.filter((e) => e.kind !== "supervision");
      expect(support).toHaveLength(needed);
      const short = { ...recs, supportEvents: recs.supportEvents.filter((e) => e !== support[0]) };
      const readiness = check(rules, short);
      if (needed === 0) {
        expect(readiness.ready).toBe(true);
      } else {
        expect(readiness.reasons).toEqual([
          { code: "support_lapsed", since: today, needed, attended: needed - 1 },
        ]);
      }
    });

    it("appraisal and supervision fall due where the template sets them", () => {
      const recs = complete(mentors);
      const lapsed = check(rules, {
        ...recs,
        appraisals: [{ date: "2020-01-01" }],
        supportEvents: recs.supportEvents.map((e) =>
          e.kind === "supervision" ? event("2025-03-15", "supervision") : e,
        ),
      });
      const expected = [
        ...(mentors.support.peerAppraisalEveryMonths === undefined ? [] : ["appraisal_due"]),
        ...(mentors.support.supervision ? ["supervision_due"] : []),
      ];
      expect(codes(lapsed.reasons)).toEqual(expected);
    });

    it("approval and capacity", () => {
      const recs = complete(mentors);
      expect(codes(check(rules, { ...recs, approval: null }).reasons)).toEqual(
        mentors.approval ? ["awaiting_approval"] : [],
      );
      expect(codes(check(rules, { ...recs, activeMentees: mentors.maxMentees }).reasons)).toEqual([
        "at_capacity",
      ]);
      expect(check(rules, { ...recs, activeMentees: mentors.maxMentees - 1 }).ready).toBe(true);
    });
  });

  it("the templates cover every kind of requirement", () => {
    const all = schemeTemplates.map((t) => t.rules.mentors);
    expect(all.some((m) => m.requiredModules.some((r) => r.validityMonths !== undefined))).toBe(
      true,
    );
    expect(all.some((m) => m.support.peerAppraisalEveryMonths !== undefined)).toBe(true);
    expect(all.some((m) => m.support.supervision)).toBe(true);
    expect(all.some((m) => !m.approval)).toBe(true);
  });
});

describe("modules", () => {
  const rules = rulesWith({
    requiredModules: [
      { id: "skills", name: "mentor skills training", validityMonths: 36 },
      { id: "masterclass", name: "the 1.5-day Masterclass in Mentoring" },
    ],
  });
  const skills = { moduleId: "skills", moduleName: "mentor skills training" };
  const masterclass = {
    moduleId: "masterclass",
    moduleName: "the 1.5-day Masterclass in Mentoring",
  };

  const cases: [
    string,
    MentorRecords["modules"],
    string,
    { reasons: ReadinessReason[]; upcoming?: unknown[] },
  ][] = [
    [
      "the day before expiry: valid, expiry upcoming",
      [done("skills", "2023-03-15"), done("masterclass", "2020-01-01")],
      "2026-03-14",
      { reasons: [], upcoming: [{ code: "module_expires", ...skills, on: "2026-03-15" }] },
    ],
    [
      "the expiry day itself: expired",
      [done("skills", "2023-03-15"), done("masterclass", "2020-01-01")],
      "2026-03-15",
      { reasons: [{ code: "module_expired", ...skills, since: "2026-03-15" }], upcoming: [] },
    ],
    [
      "the day after expiry: still expired since the expiry day",
      [done("skills", "2023-03-15"), done("masterclass", "2020-01-01")],
      "2026-03-16",
      { reasons: [{ code: "module_expired", ...skills, since: "2026-03-15" }] },
    ],
    [
      "completed on 29 February: valid through 28 February, expired on 1 March",
      [done("skills", "2024-02-29"), done("masterclass", "2020-01-01")],
      "2027-02-28",
      { reasons: [], upcoming: [{ code: "module_expires", ...skills, on: "2027-03-01" }] },
    ],
    [
      "the latest completion counts",
      [
        done("skills", "2020-01-01"),
        done("skills", "2025-01-10"),
        done("skills", "2019-05-05"),
        done("masterclass", "2020-01-01"),
      ],
      today,
      { reasons: [], upcoming: [{ code: "module_expires", ...skills, on: "2028-01-10" }] },
    ],
    [
      "an unverified completion does not count",
      [
        done("skills", "2020-01-01"),
        done("skills", "2025-01-10", false),
        done("masterclass", "2025-01-01", false),
      ],
      today,
      {
        reasons: [
          { code: "module_expired", ...skills, since: "2023-01-01" },
          { code: "needs_module", ...masterclass, since: today },
        ],
      },
    ],
    [
      "a completion dated after today or unreadable does not count",
      [
        done("skills", "2026-03-16"),
        done("masterclass", "15/03/2025"),
        done("masterclass", "2025-02-29"),
      ],
      today,
      {
        reasons: [
          { code: "needs_module", ...skills, since: today },
          { code: "needs_module", ...masterclass, since: today },
        ],
      },
    ],
    [
      "a completion today counts",
      [done("skills", "2026-03-15T08:00:00Z"), done("masterclass", "2026-03-15")],
      today,
      { reasons: [], upcoming: [{ code: "module_expires", ...skills, on: "2029-03-15" }] },
    ],
    [
      "other modules do not count",
      [done("other", "2025-01-01")],
      today,
      {
        reasons: [
          { code: "needs_module", ...skills, since: today },
          { code: "needs_module", ...masterclass, since: today },
        ],
      },
    ],
  ];

  it.each(cases)("%s", (_name, modules, now, expected) => {
    const readiness = check(rules, records({ modules }), now);
    expect(readiness.reasons).toEqual(expected.reasons);
    expect(readiness.ready).toBe(expected.reasons.length === 0);
    if (expected.upcoming) expect(readiness.upcoming).toEqual(expected.upcoming);
  });
});

describe("support events", () => {
  const rules = rulesWith({ support: { minEventsPer12Months: 3 } });
  const lapsed = (since: string, attended: number) => [
    { code: "support_lapsed", since, needed: 3, attended },
  ];

  const cases: [string, SupportEvent[], string, { reasons: unknown[]; upcoming?: unknown[] }][] = [
    [
      "exactly the minimum, with one on the window's first day and one today",
      [
        event("2025-03-16"),
        event("2025-09-01", "conference"),
        event("2026-03-15", "development_event"),
      ],
      today,
      { reasons: [], upcoming: [{ code: "support_lapses", on: "2026-03-16" }] },
    ],
    [
      "an event exactly 12 months ago no longer counts",
      [event("2025-03-15"), event("2025-09-01"), event("2026-01-01")],
      today,
      { reasons: lapsed("2026-03-15", 2) },
    ],
    [
      "the day before, the same events were enough",
      [event("2025-03-15"), event("2025-09-01"), event("2026-01-01")],
      "2026-03-14",
      { reasons: [], upcoming: [{ code: "support_lapses", on: "2026-03-15" }] },
    ],
    [
      "one short, never met: lapsed since today",
      [event("2025-09-01"), event("2026-01-01")],
      today,
      { reasons: lapsed(today, 2) },
    ],
    ["none at all", [], today, { reasons: lapsed(today, 0) }],
    [
      "not attended, supervision, unreadable and future events do not count",
      [
        event("2025-09-01", "support_group", false),
        event("2025-10-01", "supervision"),
        event("2025-11-31"),
        event("2026-03-16"),
        event("2026-01-01"),
      ],
      today,
      { reasons: lapsed(today, 1) },
    ],
    [
      "since: the start of the current lapse, after the minimum was met again in between",
      [event("2024-01-10"), event("2024-06-01"), event("2024-09-01"), event("2025-05-01")],
      today,
      // Met from 2024-09-01 to 2025-01-09, again from 2025-05-01 until 2024-06-01 left the window on 2025-06-01.
      { reasons: lapsed("2025-06-01", 1) },
    ],
    [
      "since: two events leaving on the same day",
      [event("2024-06-01"), event("2024-06-01"), event("2024-09-01"), event("2024-10-01")],
      today,
      { reasons: lapsed("2025-06-01", 0) },
    ],
    [
      "more than the minimum: lapses when the third most recent leaves",
      [event("2025-04-01"), event("2025-05-01"), event("2025-06-01"), event("2025-07-01")],
      today,
      { reasons: [], upcoming: [{ code: "support_lapses", on: "2026-05-01" }] },
    ],
    [
      "an event on 29 February counts until 1 March the next year",
      [event("2024-02-29"), event("2024-06-01"), event("2024-09-01")],
      "2025-02-28",
      { reasons: [], upcoming: [{ code: "support_lapses", on: "2025-03-01" }] },
    ],
  ];

  it.each(cases)("%s", (_name, supportEvents, now, expected) => {
    const readiness = check(rules, records({ supportEvents }), now);
    expect(readiness.reasons).toEqual(expected.reasons);
    if (expected.upcoming) expect(readiness.upcoming).toEqual(expected.upcoming);
  });

  it("a minimum of 0 never lapses and has nothing upcoming", () => {
    const readiness = check(rulesWith({ support: { minEventsPer12Months: 0 } }), records());
    expect(readiness).toEqual({ ready: true, reasons: [], upcoming: [], labels: ["ready"] });
  });
});

describe("peer appraisal", () => {
  const rules = rulesWith({ support: { peerAppraisalEveryMonths: 12 } });
  const cases: [string, string[], string, unknown[], unknown[]][] = [
    [
      "the day before it is due",
      ["2025-03-15"],
      "2026-03-14",
      [],
      [{ code: "appraisal_due", on: "2026-03-15" }],
    ],
    [
      "due on the day, 12 months on",
      ["2025-03-15"],
      "2026-03-15",
      [{ code: "appraisal_due", since: "2026-03-15" }],
      [],
    ],
    [
      "still due the day after, since the due day",
      ["2025-03-15"],
      "2026-03-16",
      [{ code: "appraisal_due", since: "2026-03-15" }],
      [],
    ],
    [
      "the latest appraisal counts",
      ["2024-01-01", "2025-06-01", "2023-01-01"],
      today,
      [],
      [{ code: "appraisal_due", on: "2026-06-01" }],
    ],
    ["none: due since today", [], today, [{ code: "appraisal_due", since: today }], []],
    [
      "unreadable and future dates are ignored",
      ["soon", "2026-04-01", "2024-03-03"],
      today,
      [{ code: "appraisal_due", since: "2025-03-03" }],
      [],
    ],
  ];

  it.each(cases)("%s", (_name, dates, now, reasons, upcoming) => {
    const readiness = check(rules, records({ appraisals: dates.map((date) => ({ date })) }), now);
    expect(readiness.reasons).toEqual(reasons);
    expect(readiness.upcoming).toEqual(upcoming);
  });

  it("is not asked for when the scheme sets no interval", () => {
    expect(check(rulesWith(), records()).ready).toBe(true);
  });
});

describe("supervision", () => {
  const rules = rulesWith({ support: { supervision: true } });
  const cases: [string, SupportEvent[], unknown[], unknown[]][] = [
    [
      "within the last 12 months",
      [event("2025-03-16", "supervision")],
      [],
      [{ code: "supervision_due", on: "2026-03-16" }],
    ],
    [
      "exactly 12 months ago: due since today",
      [event("2025-03-15", "supervision")],
      [{ code: "supervision_due", since: "2026-03-15" }],
      [],
    ],
    [
      "lapsed earlier: due since it left the window",
      [event("2024-10-01", "supervision")],
      [{ code: "supervision_due", since: "2025-10-01" }],
      [],
    ],
    ["none: due since today", [], [{ code: "supervision_due", since: today }], []],
    [
      "only attended supervision counts; support groups do not",
      [event("2026-01-01", "supervision", false), event("2026-01-01", "support_group")],
      [{ code: "supervision_due", since: today }],
      [],
    ],
  ];

  it.each(cases)("%s", (_name, supportEvents, reasons, upcoming) => {
    const readiness = check(rules, records({ supportEvents }));
    expect(readiness.reasons).toEqual(reasons);
    expect(readiness.upcoming).toEqual(upcoming);
  });
});

describe("approval and capacity", () => {
  type Approval = MentorRecords["approval"];
  const cases: [string, boolean, Approval, unknown[]][] = [
    ["approval required, no decision", true, null, [{ code: "awaiting_approval", since: null }]],
    ["approval required, approved", true, { decision: "approved", decidedOn: "2025-01-01" }, []],
    [
      "approval required, declined",
      true,
      { decision: "declined", decidedOn: "2025-01-01" },
      [{ code: "declined", since: "2025-01-01" }],
    ],
    ["approval not required, no decision", false, null, []],
    [
      "approval not required, declined anyway",
      false,
      { decision: "declined", decidedOn: "2025-01-01" },
      [{ code: "declined", since: "2025-01-01" }],
    ],
    [
      "declined with an unreadable date: since today",
      true,
      { decision: "declined", decidedOn: "last week" },
      [{ code: "declined", since: today }],
    ],
    [
      "declined with a date after today: since today",
      true,
      { decision: "declined", decidedOn: "2026-03-16" },
      [{ code: "declined", since: today }],
    ],
  ];

  it.each(cases)("%s", (_name, approval, decision, reasons) => {
    expect(check(rulesWith({ approval }), records({ approval: decision })).reasons).toEqual(
      reasons,
    );
  });

  it("declined still lists the other reasons", () => {
    const rules = rulesWith({ approval: true, requiredModules: [{ id: "m", name: "the course" }] });
    const readiness = check(
      rules,
      records({ approval: { decision: "declined", decidedOn: "2025-01-01" } }),
    );
    expect(codes(readiness.reasons)).toEqual(["needs_module", "declined"]);
  });

  const capacity: [string, number, number | undefined, boolean][] = [
    ["below the scheme's maximum", 3, undefined, false],
    ["at the scheme's maximum", 4, undefined, true],
    ["over it", 5, undefined, true],
    ["at the mentor's own lower capacity", 2, 2, true],
    ["below the mentor's own capacity", 1, 2, false],
    ["the scheme's maximum caps a higher own capacity", 4, 10, true],
    ["an own capacity of 0 means not taking mentees", 0, 0, true],
  ];

  it.each(capacity)("%s", (_name, activeMentees, own, atCapacity) => {
    const readiness = check(
      rulesWith({ maxMentees: 4 }),
      records({ activeMentees, ...(own === undefined ? {} : { capacity: own }) }),
    );
    expect(readiness.reasons).toEqual(atCapacity ? [{ code: "at_capacity", since: null }] : []);
  });
});

describe("order, labels and odd data", () => {
  const rules = rulesWith({
    requiredModules: [
      { id: "b-course", name: "course B", validityMonths: 12 },
      { id: "a-course", name: "course A" },
    ],
    approval: true,
    support: { minEventsPer12Months: 2, peerAppraisalEveryMonths: 6, supervision: true },
    maxMentees: 1,
  });
  const everythingWrong = records({
    modules: [done("b-course", "2024-01-01")],
    supportEvents: [event("2024-01-01")],
    activeMentees: 1,
  });

  it("lists reasons in a fixed order, with modules in the rules' order", () => {
    const readiness = check(rules, everythingWrong);
    expect(codes(readiness.reasons)).toEqual([
      "module_expired",
      "needs_module",
      "support_lapsed",
      "appraisal_due",
      "supervision_due",
      "awaiting_approval",
      "at_capacity",
    ]);
    expect(readiness.labels).toEqual([
      "needs:b-course",
      "needs:a-course",
      "support_lapsed",
      "appraisal_due",
      "supervision_due",
      "awaiting_approval",
      "at_capacity",
    ]);
  });

  it("does not depend on the order of the records", () => {
    const recs = records({
      modules: [
        done("a-course", "2025-01-01"),
        done("b-course", "2025-06-01"),
        done("b-course", "2025-05-01"),
      ],
      supportEvents: [
        event("2025-08-01"),
        event("2025-12-01", "supervision"),
        event("2025-05-01"),
        event("2025-07-01"),
      ],
      appraisals: [{ date: "2025-12-01" }, { date: "2025-11-01" }],
      approval: { decision: "approved", decidedOn: "2025-01-01" },
    });
    const reversed = {
      ...recs,
      modules: [...recs.modules].reverse(),
      supportEvents: [...recs.supportEvents].reverse(),
      appraisals: [...recs.appraisals].reverse(),
    };
    const readiness = check(rules, recs);
    expect(check(rules, reversed)).toEqual(readiness);
    expect(readiness.ready).toBe(true);
    // Soonest first; ties keep the fixed order.
    expect(readiness.upcoming).toEqual([
      { code: "module_expires", moduleId: "b-course", moduleName: "course B", on: "2026-06-01" },
      { code: "appraisal_due", on: "2026-06-01" },
      { code: "support_lapses", on: "2026-07-01" },
      { code: "supervision_due", on: "2026-12-01" },
    ]);
  });

  it("never throws on odd data and reads an invalid now as 1970-01-01", () => {
    const odd = {
      modules: null,
      supportEvents: [null, 3, { kind: "party", date: "2025-01-01", attended: true }],
      appraisals: "none",
      approval: null,
      activeMentees: Number.NaN,
      capacity: -1,
    } as unknown as MentorRecords;
    expect(() => check(rules, odd)).not.toThrow();
    const invalidNow = computeReadiness({
      rules,
      records: everythingWrong,
      now: new Date("nonsense"),
    });
    expect(invalidNow.ready).toBe(false);
    expect(invalidNow.reasons[0]).toEqual({
      code: "needs_module",
      moduleId: "b-course",
      moduleName: "course B",
      since: "1970-01-01",
    });
  });
});
