// Outgoing email as an outbox. Sending writes the message and its delivery job in the caller's
// transaction, so nothing leaves for a change that rolls back; the `mail.deliver` job then sends it
// over SMTP after commit, retrying with back-off. Without SMTP_URL the job prints it to the console
// and the message stays readable at the platform admin's dev mailbox.
import { desc, eq, sql } from "drizzle-orm";
import { type Database, emailOutbox } from "@tandem/db";
import { createTransport } from "nodemailer";
import type { Queryable } from "../queryable";
import { describeError, enqueueJob, type JobHandler } from "./jobs";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Queues the message in `db`'s transaction; it is delivered after commit, or never. */
  send(db: Queryable, email: Email): Promise<void>;
  /** Delivers one outbox message (the `mail.deliver` job); throws so that the job is retried. */
  deliver(db: Database, outboxId: string): Promise<void>;
}

export function createMailer(options: {
  smtpUrl?: string;
  from?: string;
  print?: (line: string) => void;
  now?: () => Date;
}): Mailer {
  // Short timeouts: a job that hangs on a dead server holds a worker; failing fast retries later.
  const transport = options.smtpUrl
    ? createTransport(options.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
    : null;
  const from = options.from ?? "Tandem <no-reply@tandem.localhost>";
  const now = options.now ?? (() => new Date());
  return {
    async send(db, email) {
      const [row] = await db
        .insert(emailOutbox)
        .values({ toAddress: email.to, subject: email.subject, textBody: email.text })
        .returning({ id: emailOutbox.id });
      await enqueueJob(db, { kind: "mail.deliver", payload: { outboxId: row!.id } });
    },

    async deliver(db, outboxId) {
      const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
      // Gone (the demo data was reset) or already sent by an earlier attempt: nothing to do.
      if (!row || row.sentAt) return;
      if (!transport) {
        options.print?.(`[mail] to ${row.toAddress}: ${row.subject}\n${row.textBody}`);
        return;
      }
      await db.update(emailOutbox).set({ attempts: sql`${emailOutbox.attempts} + 1` }).where(eq(emailOutbox.id, outboxId));
      try {
        await transport.sendMail({ from, to: row.toAddress, subject: row.subject, text: row.textBody });
      } catch (error) {
        // Only the error's class and message: an SMTP error never carries the message body.
        await db.update(emailOutbox).set({ lastError: describeError(error) }).where(eq(emailOutbox.id, outboxId));
        throw error;
      }
      await db.update(emailOutbox).set({ sentAt: now(), lastError: null }).where(eq(emailOutbox.id, outboxId));
    },
  };
}

export function mailHandlers(db: Database, options: { mailer: Mailer }): Record<string, JobHandler> {
  return {
    "mail.deliver": async (payload) => {
      await options.mailer.deliver(db, String(payload.outboxId));
    },
  };
}

export async function listOutbox(db: Database, options: { limit: number }) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(options.limit);
}
