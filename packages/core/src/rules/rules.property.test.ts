import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryRules, ruleLeaves, withLeaf } from "./arbitrary-rules";
import { describeRules, undescribableRules } from "./describe";
import { compareRules, diffRules } from "./diff";
import { checkEligibility, checkMentorEligibility, describeAccess, type Eligibility } from "./eligibility";
import { rolesOffered } from "../schemes/consent";
import { ruleFields } from "./fields";
import { meetingCapReached, nextMeetingKind } from "./meetings";
import { validateRules } from "./validate";
import { staffGroups } from "../accounts/roles";
import {
  audienceOrganisations,
  firstContacts,
  matchingModes,
  menteePreparations,
  mentorPools,
  notesPolicies,
  organisationDirections,
  outsiderPolicies,
  specialtyDirections,
} from "./schema";

const fieldPaths = new Set(ruleFields.map((f) => f.path));
/** Discriminators are shown through their variant's fields, so changing one alone is not a valid edit. */
const isKind = (path: string) => path.endsWith(".kind");

const enumValues: string[] = [
  ...outsiderPolicies,
  ...audienceOrganisations,
  ...matchingModes,
  ...firstContacts,
  ...specialtyDirections,
  ...organisationDirections,
  ...mentorPools,
  ...notesPolicies,
  ...menteePreparations,
];

/** Values to try in place of a leaf; the first that keeps the rules valid and changes them is used. */
function alternatives(value: unknown): unknown[] {
  if (typeof value === "boolean") return [!value];
  if (typeof value === "number") return [value + 1, value - 1, value / 2, 0.5, 3].filter((v) => v !== value);
  if (typeof value === "string") {
    return [value === "" ? "x" : `${value}x`, `${value}.uk`, "mentoring@example.nhs.uk", "01632 960001", ...enumValues];
  }
  if (value === null || value === undefined) return [1, 2, 6, 12, 120];
  if (Array.isArray(value)) return value.length > 0 ? [value.slice(0, -1)] : [];
  return [];
}

describe("scheme rules properties", () => {
  it("every generated rules object validates and survives JSON unchanged", () => {
    fc.assert(
      fc.property(arbitraryRules(), (rules) => {
        const result = validateRules(JSON.parse(JSON.stringify(rules)));
        expect(result).toEqual({ ok: true, rules });
      }),
      { numRuns: 300 },
    );
  });

  it("labels every field of every generated rules object", () => {
    fc.assert(
      fc.property(arbitraryRules(), (rules) => {
        for (const leaf of ruleLeaves(rules)) expect(fieldPaths.has(leaf.path), leaf.path).toBe(true);
      }),
    );
  });

  it("describes any valid rules in non-empty text without throwing", () => {
    fc.assert(
      fc.property(arbitraryRules(), (rules) => {
        const text = describeRules(rules);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toBe(undescribableRules);
        // Our own words never leak "undefined" or "NaN"; the coordinator's words (module names, topics) may say anything.
        const ours = [...rules.mentors.requiredModules.map((m) => m.name), ...rules.topics.map((t) => t.toLowerCase())]
          .sort((x, y) => y.length - x.length)
          .reduce((rest, words) => rest.split(words).join("…"), text);
        expect(ours).not.toMatch(/undefined|NaN|\[object| {2}/);
      }),
      { numRuns: 300 },
    );
  });

  it("finds no differences between rules and themselves, and the same ones both ways", () => {
    fc.assert(
      fc.property(arbitraryRules(), arbitraryRules(), (a, b) => {
        expect(diffRules(a, a)).toEqual([]);
        const forward = diffRules(a, b);
        const backward = diffRules(b, a);
        expect(backward.map((c) => c.path)).toEqual(forward.map((c) => c.path));
        expect(backward.map((c) => [c.before, c.after])).toEqual(forward.map((c) => [c.after, c.before]));
        const differing = compareRules([a, b]).filter((r) => r.differs).map((r) => r.path);
        expect(differing).toEqual(forward.map((c) => c.path));
      }),
    );
  });

  it("names exactly the field that changed", () => {
    const change = arbitraryRules().chain((rules) => {
      const leaves = ruleLeaves(rules).filter((l) => !isKind(l.path));
      return fc.record({ rules: fc.constant(rules), leaf: fc.constantFrom(...leaves) });
    });
    fc.assert(
      fc.property(change, ({ rules, leaf }) => {
        const changed = alternatives(leaf.value)
          .map((value) => validateRules(withLeaf(rules, leaf.path, value)))
          .find((result) => result.ok && JSON.stringify(result.rules) !== JSON.stringify(rules));
        fc.pre(changed !== undefined && changed.ok);
        if (!changed?.ok) return;
        expect(diffRules(rules, changed.rules).map((c) => c.path)).toEqual([leaf.path]);
      }),
      { numRuns: 500 },
    );
    // Thousands of validations, each of rules that fail (and so also run the cross-field checks on
    // what can be read): more than the default 5 s on a busy shared machine.
  }, 30_000);

  it("never throws on junk, and explains everything it rejects", () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const result = validateRules(junk);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(typeof error.path).toBe("string");
          expect(error.message.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("rejects anything that is not an object", () => {
    const notAnObject = fc.anything().filter((v) => v === null || typeof v !== "object" || Array.isArray(v));
    fc.assert(
      fc.property(notAnObject, (junk) => {
        const result = validateRules(junk);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]?.message).toMatch(/^Scheme rules: /);
      }),
    );
  });

  it("rejects a value of the wrong type anywhere, at that field", () => {
    const wrong = (value: unknown): unknown =>
      typeof value === "string" ? 7 : typeof value === "number" ? "7" : typeof value === "boolean" ? "yes" : value === null ? "none" : "list";
    const corrupted = arbitraryRules().chain((rules) =>
      fc.record({ rules: fc.constant(rules), leaf: fc.constantFrom(...ruleLeaves(rules).filter((l) => l.value !== undefined)) }),
    );
    fc.assert(
      fc.property(corrupted, ({ rules, leaf }) => {
        const result = validateRules(withLeaf(rules, leaf.path, wrong(leaf.value)));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.some((e) => e.path === leaf.path || e.path.startsWith(`${leaf.path}.`)), JSON.stringify(result.errors)).toBe(true);
        for (const error of result.errors) expect(error.message.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("answers every eligibility question without throwing", () => {
    const membership = fc.record({
      organisationId: fc.constantFrom("9b2f8c1e-1c1d-4f7a-9a57-3c1f0e2d4b6a", "11111111-1111-4111-8111-111111111111"),
      staffGroup: fc.constantFrom(...staffGroups),
      startedInRoleOn: fc.option(
        fc.date({ min: new Date("1970-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(arbitraryRules(), fc.array(membership, { maxLength: 3 }), fc.date({ noInvalidDate: true }), (rules, memberships, now) => {
        const answer = checkEligibility({
          person: { id: "p" },
          memberships,
          scheme: { organisationId: "11111111-1111-4111-8111-111111111111", rules },
          now,
        });
        expect(["eligible", "on_request", "not_eligible"]).toContain(answer.result);
        expect(answer.reason).not.toMatch(/undefined|NaN/);
      }),
    );
  });

  it("words each verdict with a sentence the scheme's summary shows, and that sentence says the same", () => {
    const schemeOrg = "11111111-1111-4111-8111-111111111111";
    const elsewhere = "33333333-3333-4333-8333-333333333333";
    /** What the sentence promises, read from its words alone. */
    const promised = (sentence: string) => (/cannot/.test(sentence) ? "not_eligible" : /may ask/.test(sentence) ? "on_request" : "eligible");
    const scenario = arbitraryRules().chain((rules) =>
      fc.tuple(
        fc.constant(rules),
        fc.array(
          fc.record({
            organisationId: fc.constantFrom(schemeOrg, elsewhere, ...rules.partnerOrganisationIds),
            staffGroup: fc.constantFrom(...staffGroups),
            startedInRoleOn: fc.option(
              fc.date({ min: new Date("2000-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
              { nil: null },
            ),
          }),
          { maxLength: 3 },
        ),
        fc.date({ min: new Date("2020-01-01"), max: new Date("2035-01-01"), noInvalidDate: true }),
      ),
    );
    fc.assert(
      fc.property(scenario, ([rules, memberships, now]) => {
        const scheme = { organisationId: schemeOrg, rules };
        const summary = describeRules(rules);
        expect(summary).toContain(describeAccess(rules));
        const verdicts: [string, Eligibility][] = rolesOffered(rules).map((role) => [
          role,
          role === "mentor" ? checkMentorEligibility({ memberships, scheme }) : checkEligibility({ person: { id: "p" }, memberships, scheme, now }),
        ]);
        for (const [role, verdict] of verdicts) {
          // The summary states the rule that decided, so it neither promises what is refused nor refuses what is allowed.
          expect(summary, role).toContain(verdict.rule);
          expect(promised(verdict.rule), `${role}: ${verdict.rule}`).toBe(verdict.result);
          expect(promised(verdict.reason), `${role}: ${verdict.reason}`).toBe(verdict.result === "on_request" ? "eligible" : verdict.result);
        }
        // A hard organisation limit, checked here without the function under test.
        const participant = verdicts.find(([role]) => role !== "mentor")![1];
        const limit = rules.audience.organisations;
        const allowed = limit === "own" ? [schemeOrg] : limit === "partners" ? [schemeOrg, ...rules.partnerOrganisationIds] : null;
        if (allowed && !memberships.some((m) => allowed.includes(m.organisationId))) expect(participant.result).toBe("not_eligible");
      }),
      { numRuns: 300 },
    );
  });

  it("keeps to the meeting cap", () => {
    fc.assert(
      fc.property(arbitraryRules(), fc.integer({ min: 0, max: 200 }), (rules, held) => {
        const kind = nextMeetingKind(rules, held);
        expect(kind === null).toBe(meetingCapReached(rules, held));
        if (rules.meetings.max === null) expect(kind).not.toBeNull();
        if (held === 0 && rules.meetings.firstIsContract) expect(kind).toBe("contract");
      }),
    );
  });
});
