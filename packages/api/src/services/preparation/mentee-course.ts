// The mentee preparation course (SPEC principle 7): the scheme's pages (its own wording where the
// coordinator edited one, the product's default otherwise), each mentee's pages marked done, and the
// coordinator's view of who has finished (done or not done, nothing else).
import { menteeCourse, type MenteeCoursePageKey, menteeCourseStatus, type SchemeRules } from "@tandem/core";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Database, type Enrolment, enrolments, menteeCoursePages, menteeCourseProgress, organisations, people, schemeRuleVersions, schemes, type Tx, withPerson } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { loadScheme } from "../schemes";


async function schemePages(tx: Tx, organisationId: string, schemeId: string) {
  const edited = await tx
    .select({ key: menteeCoursePages.key, title: menteeCoursePages.title, body: menteeCoursePages.body })
    .from(menteeCoursePages)
    .where(and(eq(menteeCoursePages.organisationId, organisationId), eq(menteeCoursePages.schemeId, schemeId)));
  return menteeCourse(edited);
}

/** The pages each of these enrolments has marked done. */
export async function doneKeysFor(tx: Tx, organisationId: string, enrolmentIds: string[]): Promise<Map<string, string[]>> {
  const done = new Map<string, string[]>();
  if (enrolmentIds.length === 0) return done;
  const rows = await tx
    .select({ enrolmentId: menteeCourseProgress.enrolmentId, key: menteeCourseProgress.key })
    .from(menteeCourseProgress)
    .where(and(eq(menteeCourseProgress.organisationId, organisationId), inArray(menteeCourseProgress.enrolmentId, enrolmentIds)));
  for (const row of rows) done.set(row.enrolmentId, [...(done.get(row.enrolmentId) ?? []), row.key]);
  return done;
}

function assertCourseOffered(rules: SchemeRules) {
  if (rules.mentees.preparation === "none") throw new AppError("NOT_FOUND", "This scheme has no mentee preparation course");
}

/** A mentee's course: the pages with whether each is done, and where they stand. */
export async function myMenteeCourse(tx: Tx, options: { organisationId: string; schemeId: string; mentee: Enrolment }) {
  const { scheme, rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  assertCourseOffered(rules);
  const pages = await schemePages(tx, options.organisationId, options.schemeId);
  const done = new Set((await doneKeysFor(tx, options.organisationId, [options.mentee.id])).get(options.mentee.id) ?? []);
  return {
    scheme: { id: scheme.id, name: scheme.name, organisationId: options.organisationId },
    status: menteeCourseStatus({ preparation: rules.mentees.preparation, doneKeys: done }),
    pages: pages.map((page) => ({ key: page.key, title: page.title, body: page.body, done: done.has(page.key) })),
  };
}

/** Marks one page done, or not done again. Either way it is the mentee's own row. */
export async function markMenteeCoursePage(tx: Tx, options: { organisationId: string; schemeId: string; mentee: Enrolment; key: MenteeCoursePageKey; done: boolean; now: Date }) {
  const { rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  assertCourseOffered(rules);
  const where = and(eq(menteeCourseProgress.organisationId, options.organisationId), eq(menteeCourseProgress.enrolmentId, options.mentee.id), eq(menteeCourseProgress.key, options.key));
  if (options.done) {
    await tx
      .insert(menteeCourseProgress)
      .values({ organisationId: options.organisationId, enrolmentId: options.mentee.id, personId: options.mentee.personId, key: options.key, doneAt: options.now })
      .onConflictDoNothing();
  } else {
    await tx.delete(menteeCourseProgress).where(where);
  }
  const done = (await doneKeysFor(tx, options.organisationId, [options.mentee.id])).get(options.mentee.id) ?? [];
  return menteeCourseStatus({ preparation: rules.mentees.preparation, doneKeys: done });
}

/** The coordinator's view: the pages to edit, and each mentee's course done or not done. */
export async function schemeMenteeCourse(tx: Tx, options: { organisationId: string; schemeId: string }) {
  const { scheme, rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  const pages = await schemePages(tx, options.organisationId, options.schemeId);
  const mentees = await tx
    .select({ enrolmentId: enrolments.id, name: people.name })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.schemeId, options.schemeId), eq(enrolments.role, "mentee"), eq(enrolments.status, "active")))
    .orderBy(asc(people.name), asc(enrolments.id));
  const done = await doneKeysFor(tx, options.organisationId, mentees.map((m) => m.enrolmentId));
  return {
    scheme: { id: scheme.id, name: scheme.name },
    preparation: rules.mentees.preparation,
    pages,
    mentees: mentees.map((m) => ({
      enrolmentId: m.enrolmentId,
      name: m.name,
      done: menteeCourseStatus({ preparation: rules.mentees.preparation, doneKeys: done.get(m.enrolmentId) ?? [] }).state === "done",
    })),
  };
}

/** A coordinator saves the scheme's own wording of one page (mentees' progress on it stands). */
export async function saveMenteeCoursePage(tx: Tx, options: { organisationId: string; schemeId: string; actorPersonId: string; key: MenteeCoursePageKey; title: string; body: string; now: Date }) {
  await loadScheme(tx, options.organisationId, options.schemeId);
  const values = { title: options.title, body: options.body, updatedByPersonId: options.actorPersonId, updatedAt: options.now };
  await tx
    .insert(menteeCoursePages)
    .values({ organisationId: options.organisationId, schemeId: options.schemeId, key: options.key, ...values })
    .onConflictDoUpdate({ target: [menteeCoursePages.organisationId, menteeCoursePages.schemeId, menteeCoursePages.key], set: values });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: "mentee_course.page_saved", subjectType: "scheme", subjectId: options.schemeId, details: { page: options.key } });
  return { ok: true as const };
}

/** Puts one page back to the product's default wording. */
export async function restoreMenteeCoursePage(tx: Tx, options: { organisationId: string; schemeId: string; actorPersonId: string; key: MenteeCoursePageKey }) {
  await loadScheme(tx, options.organisationId, options.schemeId);
  await tx
    .delete(menteeCoursePages)
    .where(and(eq(menteeCoursePages.organisationId, options.organisationId), eq(menteeCoursePages.schemeId, options.schemeId), eq(menteeCoursePages.key, options.key)));
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.actorPersonId, action: "mentee_course.page_restored", subjectType: "scheme", subjectId: options.schemeId, details: { page: options.key } });
  return { ok: true as const };
}

/**
 * Every course a person has as a mentee, in any organisation, with where they stand: for their home
 * and their preparation page. One transaction as the person, the same two queries however many schemes.
 */
export async function myMenteeCourses(db: Database, options: { personId: string }) {
  return withPerson(db, options.personId, async (tx) => {
    const rows = await tx
      .select({
        organisationId: enrolments.organisationId,
        organisationName: organisations.name,
        organisationSlug: organisations.slug,
        schemeId: schemes.id,
        schemeName: schemes.name,
        schemeSlug: schemes.slug,
        enrolmentId: enrolments.id,
        preparation: sql<string>`coalesce(${schemeRuleVersions.rules} -> 'mentees' ->> 'preparation', 'offered')`,
      })
      .from(enrolments)
      .innerJoin(schemes, and(eq(schemes.organisationId, enrolments.organisationId), eq(schemes.id, enrolments.schemeId)))
      .innerJoin(organisations, eq(organisations.id, enrolments.organisationId))
      .innerJoin(schemeRuleVersions, and(eq(schemeRuleVersions.organisationId, schemes.organisationId), eq(schemeRuleVersions.schemeId, schemes.id), eq(schemeRuleVersions.version, schemes.currentVersion)))
      .where(and(eq(enrolments.personId, options.personId), eq(enrolments.role, "mentee"), eq(enrolments.status, "active")))
      .orderBy(asc(schemes.name));
    const progress = await tx
      .select({ enrolmentId: menteeCourseProgress.enrolmentId, key: menteeCourseProgress.key })
      .from(menteeCourseProgress)
      .where(eq(menteeCourseProgress.personId, options.personId));
    return rows.flatMap(({ preparation, enrolmentId, ...scheme }) => {
      if (preparation !== "offered" && preparation !== "required") return [];
      const done = progress.filter((p) => p.enrolmentId === enrolmentId).map((p) => p.key);
      return [{ ...scheme, status: menteeCourseStatus({ preparation, doneKeys: done }) }];
    });
  });
}
