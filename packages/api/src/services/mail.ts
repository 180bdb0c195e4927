// Outgoing email: always recorded in the outbox; sent by SMTP when configured, else left for the
// platform admin's dev mailbox and printed to the console.
import { desc, eq } from "drizzle-orm";
import { type Database, emailOutbox } from "@tandem/db";
import { createTransport } from "nodemailer";
import type { Queryable } from "../queryable";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(db: Queryable, email: Email): Promise<void>;
}

export function createMailer(options: {
  smtpUrl?: string;
  from?: string;
  print?: (line: string) => void;
}): Mailer {
  const transport = options.smtpUrl ? createTransport(options.smtpUrl) : null;
  const from = options.from ?? "Tandem <no-reply@tandem.localhost>";
  return {
    async send(db, email) {
      const [row] = await db
        .insert(emailOutbox)
        .values({ toAddress: email.to, subject: email.subject, textBody: email.text })
        .returning({ id: emailOutbox.id });
      if (!row) return;
      if (!transport) {
        options.print?.(`[mail] to ${email.to}: ${email.subject}\n${email.text}`);
        return;
      }
      try {
        await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
        await db.update(emailOutbox).set({ sentAt: new Date(), attempts: 1 }).where(eq(emailOutbox.id, row.id));
      } catch (error) {
        // Kept in the outbox with the error; the message is not lost.
        await db
          .update(emailOutbox)
          .set({ attempts: 1, lastError: error instanceof Error ? error.message.slice(0, 500) : "send failed" })
          .where(eq(emailOutbox.id, row.id));
      }
    },
  };
}

export async function listOutbox(db: Database, options: { limit: number }) {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(options.limit);
}
