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
  /** The job workers (pg-boss), woken after a commit that queued work someone waits for (a match run). */
  jobs?: { wake(): void };
}
