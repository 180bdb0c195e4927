// The one-time message on the sign-in page after a password reset worked.
export const passwordResetFlash = "password-reset:done";
