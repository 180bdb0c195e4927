// What the API needs from its host (the server or a test): the database, a mailer and cookie policy.
import type { Database } from "@tandem/db";
import type { Mailer } from "./services/mail";

export interface ApiDeps {
  db: Database;
  mailer: Mailer;
  /** The origin people reach the server at, for links in emails (e.g. http://localhost:3000). */
  publicUrl: string;
  /** https: cookies are `__Host-` prefixed and Secure. */
  secureCookies: boolean;
  /** Clock, so tests can move time. */
  now?: () => Date;
  /**
   * Accept web push subscriptions whose endpoint is on this machine (https://127.0.0.1, localhost):
   * for tests and development only. Otherwise an endpoint must be a named host, so a subscription
   * cannot make the server POST into its own network.
   */
  allowLoopbackPush?: boolean;
  /** The job workers (pg-boss), woken after a commit that queued work someone waits for (a match run). */
  jobs?: { wake(): void };
}
