// Installation-wide procedures: the platform admin's dev mailbox and organisation list, and the
// central analyst's list of organisations that opted in to comparison (no personal data).
import { asc, eq } from "drizzle-orm";
import { organisations } from "@tandem/db";
import { z } from "zod";
import { CompareSchemesInput } from "@tandem/core";
import { compareSchemes, listComparableSchemes } from "../services/central";
import { listOutbox } from "../services/mail";
import { centralProcedure, platformProcedure, router } from "../trpc";
import { CentralSchemesOutput, CompareOutput, MailboxOutput, OrganisationListOutput } from "./staff-outputs";

const organisationSummary = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  region: organisations.region,
};

export const platformRouter = router({
  mailbox: platformProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({}))
    .output(MailboxOutput).query(({ ctx, input }) => listOutbox(ctx.db, input)),

  organisations: platformProcedure.output(OrganisationListOutput).query(({ ctx }) =>
    ctx.db.select(organisationSummary).from(organisations).orderBy(asc(organisations.name)),
  ),
});

export const centralRouter = router({
  schemes: centralProcedure.output(CentralSchemesOutput).query(({ ctx }) => listComparableSchemes(ctx.db)),

  compare: centralProcedure.input(CompareSchemesInput).output(CompareOutput).query(({ ctx, input }) => compareSchemes(ctx.db, input)),

  organisations: centralProcedure.output(OrganisationListOutput).query(({ ctx }) =>
    ctx.db
      .select(organisationSummary)
      .from(organisations)
      .where(eq(organisations.sharesWithCentral, true))
      .orderBy(asc(organisations.name)),
  ),
});
