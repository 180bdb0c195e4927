// A person's matches in every organisation.
import { closedReasons } from "@tandem/db";
import { z } from "zod";
import { Timestamp, Uuid } from "../../schemas";
import { myMatches } from "../../services/matching/mine";
import { signedInProcedure } from "../../trpc";

export const MyMatchesOutput = z.array(
  z.object({
    organisationId: Uuid,
    organisationName: z.string(),
    relationships: z.array(
      z.object({
        id: Uuid,
        schemeId: Uuid,
        schemeName: z.string(),
        role: z.enum(["mentee", "mentor"]),
        status: z.enum(["requested", "active", "paused", "closed"]),
        closedReason: z.enum(closedReasons).nullable(),
        otherName: z.string(),
        otherBio: z.string().nullable(),
        otherTopics: z.array(z.string()),
        explanation: z.string().nullable(),
        message: z.string().nullable(),
        requestedAt: Timestamp.nullable(),
        expiresAt: Timestamp.nullable(),
        startedAt: Timestamp.nullable(),
        endedAt: Timestamp.nullable(),
        canEndAfterTrial: z.boolean(),
      }),
    ),
    groups: z.array(
      z.object({
        id: Uuid,
        schemeId: Uuid,
        schemeName: z.string(),
        explanation: z.string(),
        members: z.array(z.object({ name: z.string(), you: z.boolean(), topics: z.array(z.string()) })),
      }),
    ),
  }),
);

export const myMatchesEverywhere = signedInProcedure.output(MyMatchesOutput).query(({ ctx }) => myMatches(ctx.db, { personId: ctx.person.id, now: ctx.now() }));
