// Organisation-scoped procedures: people, invitations, roles and the audit log.
import { eq } from "drizzle-orm";
import { AuditFilters, InvitePersonFields, SetRolesFields } from "@tandem/core";
import { organisations } from "@tandem/db";
import { z } from "zod";
import { listAudit } from "../services/audit";
import { invitePerson, revokeInvitation } from "../services/invitations";
import { listPeople, setMemberRoles } from "../services/people";
import { orgProcedure, router } from "../trpc";
import { AuditOutput, InviteOutput, OrganisationOutput, PeopleOutput, RevokeInvitationOutput, SetRolesOutput } from "./staff-outputs";

export const organisationRouter = router({
  get: orgProcedure().output(OrganisationOutput).query(async ({ ctx }) => {
    const [organisation] = await ctx.tx.select().from(organisations).where(eq(organisations.id, ctx.org.id));
    return { ...organisation!, myRoles: ctx.org.roles };
  }),

  people: orgProcedure("org_admin", "coordinator").output(PeopleOutput).query(({ ctx }) =>
    listPeople(ctx.tx, { organisationId: ctx.org.id, now: ctx.now() }),
  ),

  invite: orgProcedure("org_admin")
    .input(InvitePersonFields)
    .output(InviteOutput).mutation(({ ctx, input }) =>
      invitePerson(ctx.tx, {
        ...input,
        organisationId: ctx.org.id,
        actor: ctx.person,
        mailer: ctx.mailer,
        publicUrl: ctx.publicUrl,
        now: ctx.now(),
      }),
    ),

  revokeInvitation: orgProcedure("org_admin")
    .input(z.object({ invitationId: z.string().uuid("Choose an invitation") }))
    .output(RevokeInvitationOutput).mutation(({ ctx, input }) =>
      revokeInvitation(ctx.tx, {
        organisationId: ctx.org.id,
        actorPersonId: ctx.person.id,
        invitationId: input.invitationId,
        now: ctx.now(),
      }),
    ),

  setRoles: orgProcedure("org_admin")
    .input(SetRolesFields)
    .output(SetRolesOutput).mutation(({ ctx, input }) =>
      setMemberRoles(ctx.tx, {
        organisationId: ctx.org.id,
        actorPersonId: ctx.person.id,
        personId: input.personId,
        roles: input.roles,
      }),
    ),

  audit: orgProcedure("org_admin", "coordinator")
    .input(
      z
        .object({
          before: z.number().int().positive().optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .and(AuditFilters),
    )
    .output(AuditOutput).query(({ ctx, input }) => listAudit(ctx.tx, { ...input, organisationId: ctx.org.id })),
});
