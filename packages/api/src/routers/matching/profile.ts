// A person's own matching profile in a scheme, per role they take part as.
import { matchingModes, MatchingProfileFields } from "@tandem/core";
import { enrolmentRoles } from "@tandem/db";
import { z } from "zod";
import { Ok, Uuid } from "../../schemas";
import { myProfile, updateProfile } from "../../services/matching/profile";
import { enrolmentProcedure } from "../../trpc";

const taking = enrolmentProcedure({ missing: "You are not taking part in this scheme" });

export const MatchingProfileOutput = z.object({
  scheme: z.object({ id: Uuid, name: z.string(), mode: z.enum(matchingModes) }),
  suggestedTopics: z.array(z.string()),
  maxMentees: z.number(),
  usualCapacity: z.number(),
  roles: z.array(
    z.object({
      role: z.enum(enrolmentRoles),
      topics: z.array(z.string()),
      availability: z.array(z.string()),
      unavailable: z.array(z.string()),
      remoteOk: z.boolean(),
      bio: z.string().nullable(),
      capacity: z.number().nullable(),
    }),
  ),
});

export const myMatchingProfile = taking
  .output(MatchingProfileOutput)
  .query(({ ctx }) => myProfile(ctx.tx, { organisationId: ctx.organisationId, schemeId: ctx.schemeId, mine: ctx.enrolments }));

export const updateMatchingProfile = taking
  .input(MatchingProfileFields)
  .output(Ok)
  .mutation(({ ctx, input }) => updateProfile(ctx.tx, { organisationId: ctx.organisationId, schemeId: ctx.schemeId, mine: ctx.enrolments, profile: input, now: ctx.now() }));
