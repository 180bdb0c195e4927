// The demo accounts the seed creates on first start (packages/db/src/seed). Browser tests sign in
// as these people; keep the values in step with the seed.

/** Every demo account shares this password (DEMO_PASSWORD in packages/db/src/seed/index.ts). */
export const DEMO_PASSWORD = "tandem-demo-2026";

/** Demo people by what they can do (packages/db/src/seed/demo-data.ts). */
export const DEMO_EMAILS = {
  /** platform_admin: creates organisations, reads the dev mailbox at /dev/mailbox. */
  platformAdmin: "ian.castle@tandem.example.org",
  /** central_analyst: aggregates of organisations that opted in. */
  centralAnalyst: "ruth.abernethy@central.example.org",
  /** org_admin of Aire Valley Hospitals NHS Foundation Trust. */
  trustOrgAdmin: "priya.raman@airevalley.example.org",
  /** coordinator (and participant) at Aire Valley Hospitals. */
  trustCoordinator: "tom.whitaker@airevalley.example.org",
  /** participant (consultant, cardiology) at Aire Valley Hospitals. */
  trustParticipant: "sarah.lindqvist@airevalley.example.org",
} as const;

// The admin portal's sign-in page and the accessible names of its form.
export const SIGN_IN = {
  path: "/sign-in",
  emailLabel: /email/i,
  passwordLabel: /password/i,
  submitButton: /sign in/i,
} as const;

/** The platform admin's view of the email outbox (only when SMTP_URL is not set). */
export const DEV_MAILBOX_PATH = "/dev/mailbox";
