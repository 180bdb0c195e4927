import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { courseBlocks, defaultMenteeCourse, holdForMenteePreparation, menteeCourse, MenteeCoursePageFields, menteeCoursePageKeys, menteeCourseStatus } from "./mentee-course";

const preparations = ["none", "offered", "required"] as const;
const allKeys = [...menteeCoursePageKeys];

describe("the default mentee course", () => {
  it("covers what mentoring is, confidentiality and its limits, the contract meeting and the no-fault change", () => {
    expect(defaultMenteeCourse.map((p) => p.key)).toEqual(allKeys);
    const text = defaultMenteeCourse.map((p) => `${p.title}\n${p.body}`).join("\n");
    for (const words of ["is not", "limits", "contract", "no-fault change", "not told why"]) expect(text).toContain(words);
  });

  it("keeps a scheme's edited page and the default for the rest, in the default's order", () => {
    const course = menteeCourse([{ key: "confidentiality", title: "What stays private", body: "Our own words about confidentiality." }]);
    expect(course.map((p) => [p.key, p.edited])).toEqual(allKeys.map((k) => [k, k === "confidentiality"]));
    expect(course[1]).toMatchObject({ title: "What stays private", body: "Our own words about confidentiality." });
    expect(course[0]!.title).toBe(defaultMenteeCourse[0]!.title);
  });

  it("says which part of an edit is wrong", () => {
    const result = MenteeCoursePageFields.safeParse({ key: "elsewhere", title: "", body: "short" });
    expect(result.success).toBe(false);
    expect(result.error!.flatten().fieldErrors).toEqual({
      key: ["Choose one of the course's pages"],
      title: ["Enter the page's title, 3 characters or more"],
      body: ["Enter the page's text, 20 characters or more"],
    });
  });
});

describe("menteeCourseStatus", () => {
  it("counts only the course's own pages", () => {
    expect(menteeCourseStatus({ preparation: "offered", doneKeys: ["what-mentoring-is", "something-else"] })).toMatchObject({ state: "in_progress", pagesDone: 1, pages: 4, hold: null });
    expect(menteeCourseStatus({ preparation: "offered", doneKeys: [] }).state).toBe("not_started");
    expect(menteeCourseStatus({ preparation: "none", doneKeys: allKeys }).state).toBe("not_offered");
  });

  it("holds matching, with words saying why, only where the course is required and not done", () => {
    expect(menteeCourseStatus({ preparation: "required", doneKeys: allKeys.slice(0, 3) }).hold).toMatch(/asks every mentee to complete the short preparation course before they are matched/);
    expect(menteeCourseStatus({ preparation: "required", doneKeys: allKeys }).hold).toBeNull();
    expect(menteeCourseStatus({ preparation: "offered", doneKeys: [] }).hold).toBeNull();
  });
});

describe("holdForMenteePreparation", () => {
  const mentees = [{ id: "a" }, { id: "b" }, { id: "c" }];
  const doneKeys = new Map<string, string[]>([
    ["a", allKeys],
    ["b", allKeys.slice(0, 2)],
  ]);

  it("keeps out of the pool a mentee whose required course is not done, and lets them in once it is", () => {
    const held = holdForMenteePreparation({ rules: { mentees: { preparation: "required" } }, mentees, doneKeys });
    expect(held.matchable.map((m) => m.id)).toEqual(["a"]);
    expect(held.held.map((m) => m.id)).toEqual(["b", "c"]);
    const after = holdForMenteePreparation({ rules: { mentees: { preparation: "required" } }, mentees, doneKeys: new Map([...doneKeys, ["b", allKeys], ["c", allKeys]]) });
    expect(after.matchable.map((m) => m.id)).toEqual(["a", "b", "c"]);
  });

  it("holds nobody where the course is only offered or not used", () => {
    for (const preparation of ["none", "offered"] as const) {
      expect(holdForMenteePreparation({ rules: { mentees: { preparation } }, mentees, doneKeys }).held).toEqual([]);
    }
  });

  it("splits every mentee exactly once, holding exactly those required and unfinished", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...preparations),
        fc.array(fc.subarray(allKeys), { maxLength: 12 }),
        (preparation, progress) => {
          const list = progress.map((_, i) => ({ id: `m${i}` }));
          const done = new Map(progress.map((keys, i) => [`m${i}`, keys]));
          const { matchable, held } = holdForMenteePreparation({ rules: { mentees: { preparation } }, mentees: list, doneKeys: done });
          expect([...matchable, ...held].map((m) => m.id).sort()).toEqual(list.map((m) => m.id).sort());
          for (const m of held) expect(preparation === "required" && done.get(m.id)!.length < allKeys.length).toBe(true);
          for (const m of matchable) expect(preparation !== "required" || done.get(m.id)!.length === allKeys.length).toBe(true);
        },
      ),
    );
  });
});

describe("courseBlocks", () => {
  it("reads paragraphs and bullet lists, joining a paragraph's wrapped lines", () => {
    expect(courseBlocks("First line\nwrapped on.\n\nMentoring is not:\n\n- supervision\n- therapy\n\nLast.")).toEqual([
      { kind: "paragraph", text: "First line wrapped on." },
      { kind: "paragraph", text: "Mentoring is not:" },
      { kind: "list", items: ["supervision", "therapy"] },
      { kind: "paragraph", text: "Last." },
    ]);
  });

  it("keeps every word of any text, in order", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        // Bullet markers are dropped; every other word stays.
        const words = (t: string) => t.split(/\s+/).filter((w) => w && !/^[-*•]$/.test(w));
        const out = courseBlocks(text).flatMap((b) => (b.kind === "paragraph" ? [b.text] : b.items)).join(" ");
        expect(words(out)).toEqual(words(text));
      }),
    );
  });
});
