// The mentee preparation course: a mentee reads it and marks pages done; a coordinator edits the
// scheme's wording of each page and sees which mentees have finished (done or not done only).
import { menteeCourseStates, MenteeCoursePageFields, MenteeCoursePageKey, menteePreparations, SchemeRef } from "@tandem/core";
import { z } from "zod";
import { Ok, Uuid } from "../schemas";
import { markMenteeCoursePage, myMenteeCourse, myMenteeCourses, restoreMenteeCoursePage, saveMenteeCoursePage, schemeMenteeCourse } from "../services/preparation/mentee-course";
import { enrolmentProcedure, orgProcedure, router, signedInProcedure } from "../trpc";

const mentees = enrolmentProcedure({ role: "mentee", missing: "Join this scheme as a mentee to take its preparation course" });
const runners = orgProcedure("org_admin", "coordinator");

const CourseStatus = z.object({
  preparation: z.enum(menteePreparations),
  state: z.enum(menteeCourseStates),
  pagesDone: z.number(),
  pages: z.number(),
  hold: z.string().nullable(),
});
const Page = z.object({ key: MenteeCoursePageKey, title: z.string(), body: z.string() });

export const MyCourseOutput = z.object({
  scheme: z.object({ id: Uuid, name: z.string(), organisationId: Uuid }),
  status: CourseStatus,
  pages: z.array(Page.extend({ done: z.boolean() })),
});

export const SchemeCourseOutput = z.object({
  scheme: z.object({ id: Uuid, name: z.string() }),
  preparation: z.enum(menteePreparations),
  pages: z.array(Page.extend({ edited: z.boolean() })),
  mentees: z.array(z.object({ enrolmentId: Uuid, name: z.string(), done: z.boolean() })),
});

export const MyCoursesOutput = z.array(
  z.object({
    organisationId: Uuid,
    organisationName: z.string(),
    organisationSlug: z.string(),
    schemeId: Uuid,
    schemeName: z.string(),
    schemeSlug: z.string(),
    status: CourseStatus,
  }),
);

export const menteeCourseRouter = router({
  myCourses: signedInProcedure
    .input(z.object({}).optional())
    .output(MyCoursesOutput)
    .query(({ ctx }) => myMenteeCourses(ctx.db, { personId: ctx.person.id })),

  mine: mentees
    .input(z.object({}))
    .output(MyCourseOutput)
    .query(({ ctx }) => myMenteeCourse(ctx.tx, { organisationId: ctx.organisationId, schemeId: ctx.schemeId, mentee: ctx.enrolment })),

  markPage: mentees
    .input(z.object({ key: MenteeCoursePageKey, done: z.boolean({ required_error: "Choose done or not done", invalid_type_error: "Choose done or not done" }) }))
    .output(CourseStatus)
    .mutation(({ ctx, input }) => markMenteeCoursePage(ctx.tx, { organisationId: ctx.organisationId, schemeId: ctx.schemeId, mentee: ctx.enrolment, key: input.key, done: input.done, now: ctx.now() })),

  forScheme: runners
    .input(SchemeRef)
    .output(SchemeCourseOutput)
    .query(({ ctx, input }) => schemeMenteeCourse(ctx.tx, { organisationId: ctx.org.id, schemeId: input.schemeId })),

  savePage: runners
    .input(SchemeRef.merge(MenteeCoursePageFields))
    .output(Ok)
    .mutation(({ ctx, input }) => saveMenteeCoursePage(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id, now: ctx.now() })),

  restorePage: runners
    .input(SchemeRef.extend({ key: MenteeCoursePageKey }))
    .output(Ok)
    .mutation(({ ctx, input }) => restoreMenteeCoursePage(ctx.tx, { ...input, organisationId: ctx.org.id, actorPersonId: ctx.person.id })),
});
