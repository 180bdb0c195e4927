// What both apps say about a password reset link that can no longer set a password.
export type ClosedResetLink = "used" | "replaced" | "expired" | "invalid";

export const resetLinkTexts: Record<ClosedResetLink, { title: string; body: string }> = {
  used: {
    title: "This link has already been used",
    body: "Each link to reset your password works once. If you set a new password with it, sign in with that password.",
  },
  replaced: {
    title: "A newer link has been sent",
    body: "You asked for another link after this one, so this one no longer works. Use the link in the latest email.",
  },
  expired: {
    title: "This link has expired",
    body: "Links to reset your password work for 30 minutes after you ask for them.",
  },
  invalid: {
    title: "This link is not valid",
    body: "Check you copied the whole link from the email.",
  },
};
