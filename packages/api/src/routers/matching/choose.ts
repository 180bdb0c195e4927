// A mentee choosing a mentor (free choice and shortlist): the pool with explained scores, a request
// with up to three ordered choices, and cancelling it.
import { matchingModes, MentorFiltersFields, MentorRequestFields } from "@tandem/core";
import { z } from "zod";
import { Ok, Timestamp, Uuid } from "../../schemas";
import { browsePool } from "../../services/matching/pool";
import { cancelRequest, sendRequest } from "../../services/matching/requests";
import { enrolmentProcedure } from "../../trpc";

const mentees = (missing: string) => enrolmentProcedure({ role: "mentee", missing });
const chooser = mentees("Join this scheme as a mentee to choose a mentor");

export const MentorPoolOutput = z.object({
  scheme: z.object({ id: Uuid, name: z.string(), organisationId: Uuid }),
  mode: z.enum(matchingModes),
  shortlistSize: z.number().nullable(),
  requestExpiryDays: z.number(),
  maxChoices: z.number(),
  topics: z.array(z.string()),
  specialties: z.array(z.string()),
  me: z.object({ enrolmentId: Uuid, topics: z.array(z.string()), availability: z.array(z.string()), remoteOk: z.boolean() }),
  preparationHold: z.string().nullable(),
  request: z
    .object({
      id: Uuid,
      choices: z.array(z.object({ enrolmentId: Uuid, name: z.string(), state: z.enum(["passed", "asked", "waiting"]) })),
      expiresAt: Timestamp.nullable(),
      overdue: z.boolean(),
    })
    .nullable(),
  matchedWith: z.array(z.object({ relationshipId: Uuid, name: z.string() })),
  mentors: z.array(
    z.object({
      enrolmentId: Uuid,
      name: z.string(),
      photoUrl: z.string().nullable(),
      bio: z.string().nullable(),
      specialty: z.string().nullable(),
      topics: z.array(z.string()),
      availability: z.array(z.string()),
      remoteOk: z.boolean(),
      distanceKm: z.number().nullable(),
      freePlaces: z.number(),
      score: z.number(),
      terms: z.array(z.object({ label: z.string(), points: z.number() })),
      explanation: z.string(),
    }),
  ),
});

export const mentorPool = chooser
  .input(z.object({ filters: MentorFiltersFields }))
  .output(MentorPoolOutput)
  .query(({ ctx, input }) => browsePool(ctx.tx, { organisationId: ctx.organisationId, schemeId: ctx.schemeId, mentee: ctx.enrolment, filters: input.filters, now: ctx.now() }));

export const requestMentor = chooser
  .input(MentorRequestFields)
  .output(z.object({ requestId: Uuid }))
  .mutation(({ ctx, input }) =>
    sendRequest(ctx.tx, { ...input, organisationId: ctx.organisationId, schemeId: ctx.schemeId, mentee: ctx.enrolment, now: ctx.now(), mailer: ctx.mailer, publicUrl: ctx.publicUrl }),
  );

export const cancelMentorRequest = chooser
  .output(Ok)
  .mutation(({ ctx }) => cancelRequest(ctx.tx, { organisationId: ctx.organisationId, mentee: ctx.enrolment, now: ctx.now() }));
