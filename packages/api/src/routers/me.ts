// The caller: who they are, their organisations and roles, and which organisation is active.
import { and, asc, eq } from "drizzle-orm";
import { memberships, organisations, withPerson } from "@tandem/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { setActiveOrganisation } from "../services/sessions";
import { publicProcedure, router, signedInProcedure } from "../trpc";

export const meRouter = router({
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
