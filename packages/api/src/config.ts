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
  /** The background job worker, woken when work is queued that someone is waiting for (match runs). */
  jobs?: { wake(): void };
}
