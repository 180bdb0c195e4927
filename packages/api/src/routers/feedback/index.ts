// Feedback and outcome questionnaires: a person's own requests and answers (changeable until the round
// closes), a mentor's own summary past the threshold, and the coordinator's summaries.
import { AnswersFields, feedbackPoints, outcomePoints } from "@tandem/core";
import { z } from "zod";
import { Id, Ok, Timestamp, Uuid } from "../../schemas";
import { feedbackForm, myFeedback, submitFeedback } from "../../services/feedback/answer";
import { myOutcomeQuestionnaires, submitOutcome } from "../../services/feedback/outcomes";
import { closeFeedbackRound, feedbackAboutMe, schemeFeedback } from "../../services/feedback/summary";
import { enrolmentProcedure, orgProcedure, participantProcedure, participantWrite, router, signedInProcedure } from "../../trpc";

const runners = orgProcedure("org_admin", "coordinator");
const Question = z.object({ id: z.string(), label: z.string(), kind: z.enum(["likert", "free_text", "yes_no"]) });
const StoredAnswers = z.record(z.union([z.string(), z.number(), z.boolean()]));
const Rating = z.object({ questionId: z.string(), label: z.string(), answered: z.number(), mean: z.number().nullable(), distribution: z.array(z.number()).nullable() });

export const FeedbackFormOutput = z.object({
  requestId: Uuid,
  organisationId: Uuid,
  schemeName: z.string(),
  point: z.enum(feedbackPoints),
  open: z.boolean(),
  questions: z.array(Question.extend({ required: z.boolean() })),
  answers: StoredAnswers,
  submittedAt: Timestamp.nullable(),
});

export const SchemeFeedbackOutput = z.object({
  rounds: z.array(z.object({ id: Uuid, name: z.string(), openedAt: Timestamp, closedAt: Timestamp.nullable() })),
  roundId: Uuid.nullable(),
  role: z.enum(["mentee", "mentor"]),
  asked: z.number(),
  summary: z.object({
    responses: z.number(),
    threshold: z.number(),
    shown: z.boolean(),
    ratings: z.array(Rating),
    /** Whole response sets, without names, shuffled; empty below the threshold. */
    freeText: z.array(z.array(z.object({ question: z.string(), answer: z.string() }))),
  }),
});

export const feedbackRouter = router({
  mine: signedInProcedure
    .output(
      z.array(
        z.object({
          requestId: Uuid,
          organisationId: Uuid,
          organisationName: z.string(),
          relationshipId: Uuid,
          schemeName: z.string(),
          point: z.enum(feedbackPoints),
          invitedAt: Timestamp,
          given: z.boolean(),
          open: z.boolean(),
        }),
      ),
    )
    .query(({ ctx }) => myFeedback(ctx.db, { personId: ctx.person.id })),

  form: participantProcedure
    .input(z.object({ requestId: Id("a feedback request") }))
    .output(FeedbackFormOutput)
    .query(({ ctx, input }) => feedbackForm(ctx.tx, { organisationId: ctx.organisationId, requestId: input.requestId, personId: ctx.person.id })),

  submit: participantWrite
    .input(z.object({ requestId: Id("a feedback request"), answers: AnswersFields }))
    .output(Ok)
    .mutation(({ ctx, input }) => submitFeedback(ctx.tx, { organisationId: ctx.organisationId, requestId: input.requestId, personId: ctx.person.id, answers: input.answers, now: ctx.now() })),

  aboutMe: enrolmentProcedure({ role: "mentor", missing: "Only mentors see feedback about their mentoring" })
    .output(z.object({ mentees: z.number(), threshold: z.number(), shown: z.boolean(), ratings: z.array(Rating) }))
    .query(({ ctx }) => feedbackAboutMe(ctx.tx, { organisationId: ctx.organisationId, schemeId: ctx.schemeId, personId: ctx.person.id })),

  outcomesDue: signedInProcedure
    .output(z.array(z.object({ organisationId: Uuid, organisationName: z.string(), enrolmentId: Uuid, schemeName: z.string(), point: z.enum(outcomePoints), items: z.array(Question) })))
    .query(({ ctx }) => myOutcomeQuestionnaires(ctx.db, { personId: ctx.person.id, now: ctx.now() })),

  submitOutcome: participantWrite
    .input(z.object({ enrolmentId: Id("a scheme"), point: z.enum(outcomePoints, { errorMap: () => ({ message: "Choose which questionnaire this is" }) }), answers: AnswersFields }))
    .output(Ok)
    .mutation(({ ctx, input }) => submitOutcome(ctx.tx, { ...input, organisationId: ctx.organisationId, personId: ctx.person.id, now: ctx.now() })),

  forScheme: runners
    .input(z.object({ schemeId: Id("a scheme"), roundId: Id("a round").optional(), role: z.enum(["mentee", "mentor"], { errorMap: () => ({ message: "Choose mentees or mentors" }) }).optional() }))
    .output(SchemeFeedbackOutput)
    .query(({ ctx, input }) => schemeFeedback(ctx.tx, { ...input, organisationId: ctx.org.id })),

  closeRound: runners
    .input(z.object({ schemeId: Id("a scheme"), roundId: Id("a round") }))
    .output(Ok)
    .mutation(({ ctx, input }) => closeFeedbackRound(ctx.tx, { ...input, organisationId: ctx.org.id, now: ctx.now() })),
});
