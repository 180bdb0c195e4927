// The caller: who they are, their organisations and roles, and which organisation is active.
import { and, asc, eq } from "drizzle-orm";
import { memberships, organisations, withPerson } from "@tandem/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { feedbackPoints } from "@tandem/core";
import { enrolmentRoles, enrolmentStatuses } from "@tandem/db";
import { participantHome } from "../services/home";
import { setActiveOrganisation } from "../services/sessions";
import { Timestamp, Uuid } from "../schemas";
import { publicProcedure, router, signedInProcedure } from "../trpc";

/** What is next for a participant, across every organisation they take part in. */
export const ParticipantHomeOutput = z.object({
  nextMeeting: z.object({ relationshipId: Uuid, schemeName: z.string(), with: z.array(z.string()), at: Timestamp }).nullable(),
  requests: z.array(z.object({ relationshipId: Uuid, schemeName: z.string(), menteeName: z.string(), expiresAt: Timestamp.nullable() })),
  meetingTimesToPick: z.array(z.object({ relationshipId: Uuid, schemeName: z.string(), with: z.array(z.string()) })),
  feedback: z.array(z.object({ requestId: Uuid, schemeName: z.string(), point: z.enum(feedbackPoints) })),
  preparation: z.array(z.object({ schemeName: z.string(), organisationSlug: z.string(), schemeSlug: z.string(), required: z.boolean(), pagesDone: z.number(), pages: z.number() })),
  schemes: z.array(
    z.object({
      enrolmentId: Uuid,
      schemeName: z.string(),
      organisationName: z.string(),
      organisationSlug: z.string(),
      schemeSlug: z.string(),
      role: z.enum(enrolmentRoles),
      status: z.enum(enrolmentStatuses),
      canChooseMentor: z.boolean(),
    }),
  ),
});

export const meRouter = router({
  home: signedInProcedure
    .input(z.object({}).optional())
    .output(ParticipantHomeOutput)
    .query(({ ctx }) => participantHome(ctx.db, { personId: ctx.person.id, now: ctx.now() })),

  get: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.person || !ctx.session) return null;
    const personId = ctx.person.id;
    const rows = await withPerson(ctx.db, personId, (tx) =>
      tx
        .select({
          organisationId: organisations.id,
          organisationName: organisations.name,
          organisationKind: organisations.kind,
          roles: memberships.roles,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(and(eq(memberships.personId, personId), eq(memberships.status, "active")))
        .orderBy(asc(organisations.name)),
    );
    const active =
      rows.find((m) => m.organisationId === ctx.session?.activeOrganisationId) ?? rows[0] ?? null;
    return {
      person: { id: ctx.person.id, name: ctx.person.name, email: ctx.person.email },
      platformRoles: ctx.person.platformRoles,
      memberships: rows,
      activeOrganisationId: active?.organisationId ?? null,
    };
  }),

  setActiveOrganisation: signedInProcedure
    .input(z.object({ organisationId: z.string().uuid("Choose an organisation") }))
    .mutation(async ({ ctx, input }) => {
      const [membership] = await withPerson(ctx.db, ctx.person.id, (tx) =>
        tx
          .select({ organisationId: memberships.organisationId })
          .from(memberships)
          .where(
            and(
              eq(memberships.personId, ctx.person.id),
              eq(memberships.organisationId, input.organisationId),
              eq(memberships.status, "active"),
            ),
          ),
      );
      if (!membership) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of that organisation" });
      }
      await setActiveOrganisation(ctx.db, ctx.session.id, input.organisationId);
      return { activeOrganisationId: input.organisationId };
    }),
});
