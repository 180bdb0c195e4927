// The mentee preparation course (SPEC principle 7): a few short pages a mentee reads before matching,
// written here as the product's default and edited per scheme by its coordinator. Where a scheme's
// rules make it `required`, matching waits until every page is marked done.
import { z } from "zod";
import type { SchemeRules } from "../rules/schema";

export const menteeCoursePageKeys = ["what-mentoring-is", "confidentiality", "contract-meeting", "if-it-is-not-working"] as const;
export type MenteeCoursePageKey = (typeof menteeCoursePageKeys)[number];

export interface MenteeCoursePage {
  key: MenteeCoursePageKey;
  title: string;
  /** Paragraphs separated by a blank line; a line starting "- " is a bullet. */
  body: string;
}

/** The product-written default, used until a scheme edits a page. */
export const defaultMenteeCourse: readonly MenteeCoursePage[] = [
  {
    key: "what-mentoring-is",
    title: "What mentoring is, and is not",
    body: [
      "Mentoring is a confidential conversation with an experienced colleague who helps you think for yourself: about your work, your career, and how you want to grow.",
      "A mentor listens, asks questions and shares experience when it helps. You decide what to talk about and what to do next.",
      "Mentoring is not:",
      "- supervision, appraisal or assessment: your mentor does not report on you",
      "- counselling or therapy: if you need that kind of help, your mentor can point you to it",
      "- someone solving your problems for you or speaking up for you",
    ].join("\n\n"),
  },
  {
    key: "confidentiality",
    title: "Confidentiality and its limits",
    body: [
      "What you and your mentor say stays between you. Your scheme's coordinator sees that meetings happened (dates and counts), never what was discussed.",
      "There are limits, the same as anywhere in healthcare. Your mentor would have to act if they heard of:",
      "- a serious risk to patients",
      "- a serious risk to you or someone else",
      "- a crime, or something the law requires them to report",
      "If that ever happens, your mentor will tell you first what they need to do and why, wherever they can.",
    ].join("\n\n"),
  },
  {
    key: "contract-meeting",
    title: "Preparing for your first (contract) meeting",
    body: [
      "Your first meeting is where you and your mentor agree how you will work together. Before it, think about:",
      "- what you would like to focus on, and what a good outcome would look like",
      "- how often and for how long you would like to meet, in person, by phone or by video",
      "- how you will contact each other, and what happens if one of you has to cancel",
      "- what each of you expects of the other",
      "Write down anything you agree, so you can look back at it at your review.",
    ].join("\n\n"),
  },
  {
    key: "if-it-is-not-working",
    title: "If it is not working",
    body: [
      "Not every match works, and that is nobody's fault. If it is not working for you, you can ask for a different mentor at any time.",
      "This is a no-fault change: you do not have to give a reason, and your mentor is not told why. You can do it yourself in the app, from your match.",
      "If you are not sure, talk to your scheme's coordinator. You can also leave the scheme at any time in one step.",
    ].join("\n\n"),
  },
];

/** What a scheme's mentee preparation means for someone thinking of joining. */
export const menteePreparationWords: Record<SchemeRules["mentees"]["preparation"], string> = {
  none: "None",
  offered: "A short course on what to expect, before matching, if you want it",
  required: "A short course on what to expect, which you complete before you are matched",
};

export const MenteeCoursePageKey = z.enum(menteeCoursePageKeys, { errorMap: () => ({ message: "Choose one of the course's pages" }) });

/** A coordinator's edit of one page. */
export const MenteeCoursePageFields = z.object({
  key: MenteeCoursePageKey,
  title: z
    .string({ required_error: "Enter the page's title" })
    .trim()
    .min(3, "Enter the page's title, 3 characters or more")
    .max(120, "Keep the page's title to 120 characters or fewer"),
  body: z
    .string({ required_error: "Enter the page's text" })
    .trim()
    .min(20, "Enter the page's text, 20 characters or more")
    .max(4000, "Keep the page's text to 4000 characters or fewer"),
});
export type MenteeCoursePageFields = z.input<typeof MenteeCoursePageFields>;

/** The scheme's course: its own pages where it edited them, the default otherwise, in the default's order. */
export function menteeCourse(edited: readonly { key: string; title: string; body: string }[]): (MenteeCoursePage & { edited: boolean })[] {
  const byKey = new Map(edited.map((page) => [page.key, page]));
  return defaultMenteeCourse.map((page) => {
    const own = byKey.get(page.key);
    return own ? { key: page.key, title: own.title, body: own.body, edited: true } : { ...page, edited: false };
  });
}

export const menteeCourseStates = ["not_offered", "not_started", "in_progress", "done"] as const;
export type MenteeCourseState = (typeof menteeCourseStates)[number];

export interface MenteeCourseStatus {
  preparation: SchemeRules["mentees"]["preparation"];
  state: MenteeCourseState;
  pagesDone: number;
  pages: number;
  /** Why matching waits for this mentee, in words for them; null when it does not. */
  hold: string | null;
}

export const menteeCourseHoldWords =
  "This scheme asks every mentee to complete the short preparation course before they are matched. Mark each page done, then you can be matched.";

/** Where a mentee stands with the course, and whether matching waits for them. */
export function menteeCourseStatus(options: { preparation: SchemeRules["mentees"]["preparation"]; doneKeys: Iterable<string> }): MenteeCourseStatus {
  const done = new Set(options.doneKeys);
  const pagesDone = menteeCoursePageKeys.filter((key) => done.has(key)).length;
  const pages = menteeCoursePageKeys.length;
  const state: MenteeCourseState =
    options.preparation === "none" ? "not_offered" : pagesDone === pages ? "done" : pagesDone === 0 ? "not_started" : "in_progress";
  const hold = options.preparation === "required" && state !== "done" ? menteeCourseHoldWords : null;
  return { preparation: options.preparation, state, pagesDone, pages, hold };
}

/**
 * Splits mentees waiting for a mentor into those matching may consider and those it holds until
 * their required course is done. `doneKeys` maps a mentee (enrolment id) to the pages they marked done.
 */
export function holdForMenteePreparation<M extends { id: string }>(options: {
  rules: Pick<SchemeRules, "mentees">;
  mentees: M[];
  doneKeys: ReadonlyMap<string, Iterable<string>>;
}): { matchable: M[]; held: M[] } {
  const matchable: M[] = [];
  const held: M[] = [];
  for (const mentee of options.mentees) {
    const status = menteeCourseStatus({ preparation: options.rules.mentees.preparation, doneKeys: options.doneKeys.get(mentee.id) ?? [] });
    (status.hold ? held : matchable).push(mentee);
  }
  return { matchable, held };
}

export type CourseBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** A page's text as paragraphs and bullet lists: blank lines part paragraphs; lines starting "- " are bullets. */
export function courseBlocks(body: string): CourseBlock[] {
  const blocks: CourseBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    for (const line of chunk.split("\n").map((l) => l.trim()).filter(Boolean)) {
      const bullet = /^[-*•]\s+(.*)$/.exec(line);
      const last = blocks[blocks.length - 1];
      if (bullet) {
        if (last?.kind === "list") last.items.push(bullet[1]!);
        else blocks.push({ kind: "list", items: [bullet[1]!] });
      } else if (last?.kind === "paragraph" && !chunk.startsWith(line)) {
        last.text = `${last.text} ${line}`;
      } else {
        blocks.push({ kind: "paragraph", text: line });
      }
    }
  }
  return blocks;
}
