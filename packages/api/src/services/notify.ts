// Telling people: an email to a person by id, written to the outbox in the caller's transaction (it
// leaves only after commit), and links into the PWA.
import { eq } from "drizzle-orm";
import { people, type Tx } from "@tandem/db";
import type { Mailer } from "./mail";

/** What a service needs to tell people about a change: the mailer, links' origin and the clock. */
export interface Effects {
  mailer: Mailer;
  publicUrl: string;
  now: Date;
}

/** A link to a screen of the PWA, e.g. appLink(publicUrl, "matches"). */
export function appLink(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/$/, "")}/app/${path.replace(/^\//, "")}`;
}

export async function mailTo(tx: Tx, mailer: Mailer, personId: string, email: { subject: string; text: string }) {
  const [person] = await tx.select({ email: people.email, name: people.name }).from(people).where(eq(people.id, personId));
  if (!person) return;
  await mailer.send(tx, { to: person.email, subject: email.subject, text: `Dear ${person.name},\n\n${email.text}` });
}
