// Input schemas for schemes and enrolments, shared by forms, Remix actions and tRPC procedures.
import { z } from "zod";

const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);

export const SchemeName = z
  .string({ required_error: "Enter the scheme's name" })
  .trim()
  .min(3, "Scheme name must be 3 characters or more")
  .max(120, "Scheme name must be 120 characters or fewer");

export const CreateSchemeFields = z.object({
  templateId: z.string({ required_error: "Choose a template" }).min(1, "Choose a template").max(60),
  name: SchemeName,
});

export const UpdateSchemeRulesFields = z.object({
  schemeId: Id("a scheme"),
  name: SchemeName.optional(),
  /** Validated by the rules schema in the service, so errors name the rule's own field. */
  rules: z.unknown(),
  note: z.string().trim().max(500, "Keep the note to 500 characters or fewer").optional(),
});

export const SchemeRef = z.object({ schemeId: Id("a scheme") });

export const enrolmentRoleValues = ["mentee", "mentor", "peer"] as const;
export const EnrolmentRoleName = z.enum(enrolmentRoleValues, {
  errorMap: () => ({ message: "Choose how you want to take part: mentee, mentor or peer" }),
});

export const ReviewEnrolmentFields = z.object({
  enrolmentId: Id("a request"),
  decision: z.enum(["approve", "decline"], { errorMap: () => ({ message: "Choose approve or decline" }) }),
  message: z.string().trim().max(2000, "Keep the message to 2000 characters or fewer").optional(),
});

export const SchemeAt = z.object({ organisationId: Id("an organisation"), schemeId: Id("a scheme") });

export const JoinSchemeInput = SchemeAt.extend({
  role: EnrolmentRoleName,
  consent: z.literal(true, { errorMap: () => ({ message: "Confirm that you agree to join" }) }),
  /** The wording the person was shown; it must still be the scheme's wording. */
  consentWording: z.string().min(1).max(2000),
  applicationAnswers: z
    .record(z.string().max(60), z.union([z.string().max(4000, "Keep each answer to 4000 characters or fewer"), z.boolean()]))
    .default({}),
});

export const WithdrawInput = z.object({ organisationId: Id("an organisation"), enrolmentId: Id("a scheme to leave") });

export const DirectorySchemeRef = z.object({
  organisationSlug: z.string().min(1).max(120),
  schemeSlug: z.string().min(1).max(120),
});

export const CompareSchemesInput = z.object({
  schemes: z
    .array(SchemeAt)
    .min(2, "Choose at least two schemes to compare")
    .max(6, "Compare at most six schemes at once"),
});
