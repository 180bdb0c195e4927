// Input schemas for accounts, written once: forms, Remix actions and tRPC procedures share them.
import { z } from "zod";
import { MembershipRole } from "./roles";

export const Email = z
  .string({ required_error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "Email address must be 254 characters or fewer")
  .email("Enter an email address in the correct format, like name@example.com")
  .transform((email) => email.toLowerCase());

export const Password = z
  .string({ required_error: "Enter a password" })
  .min(8, "Password must be 8 characters or more")
  .max(128, "Password must be 128 characters or fewer");

export const SignInInput = z.object({
  email: Email,
  password: z
    .string({ required_error: "Enter your password" })
    .min(1, "Enter your password")
    .max(1024, "Password must be 1024 characters or fewer"),
});

export const InvitationRef = z.object({
  organisationId: z.string().uuid("This invitation link is not valid"),
  token: z
    .string()
    .min(16, "This invitation link is not valid")
    .max(64, "This invitation link is not valid"),
});

export const AcceptInvitationInput = InvitationRef.extend({
  password: Password.optional(),
  confirmPassword: z.string().optional(),
}).refine((v) => v.password === undefined || v.password === v.confirmPassword, {
  message: "Passwords do not match",
  path: ["confirmPassword"],
});

export const ChangePasswordInput = z
  .object({
    currentPassword: z
      .string({ required_error: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(1024, "Enter your current password"),
    newPassword: Password,
    confirmPassword: z.string({ required_error: "Confirm your new password" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "Passwords do not match",
    path: ["confirmPassword"],
  });

export const Roles = z
  .array(MembershipRole, { required_error: "Choose at least one role" })
  .min(1, "Choose at least one role")
  .max(4, "Choose at most four roles");

export const PersonName = z
  .string({ required_error: "Enter the person's full name" })
  .trim()
  .min(1, "Enter the person's full name")
  .max(120, "Name must be 120 characters or fewer");

export const InvitePersonFields = z.object({ email: Email, name: PersonName, roles: Roles });

export const SetRolesFields = z.object({
  personId: z.string({ required_error: "Choose a person" }).uuid("Choose a person"),
  roles: Roles,
});

/** Which app the emailed link opens: the admin portal or the participant app. */
export const ResetLinkApp = z.enum(["portal", "pwa"], {
  errorMap: () => ({ message: "Say whether the link should open the admin portal or the Tandem app" }),
});

export const RequestPasswordResetInput = z.object({ email: Email, app: ResetLinkApp.default("portal") });

export const PasswordResetRef = z.object({
  token: z
    .string({ required_error: "This link to reset your password is not valid" })
    .min(16, "This link to reset your password is not valid")
    .max(64, "This link to reset your password is not valid"),
});

export const ResetPasswordInput = PasswordResetRef.extend({
  password: Password,
  confirmPassword: z.string({ required_error: "Confirm your new password" }),
}).refine((v) => v.password === v.confirmPassword, {
  message: "Passwords do not match",
  path: ["confirmPassword"],
});
