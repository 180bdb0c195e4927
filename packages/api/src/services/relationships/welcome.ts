// Telling people they have been matched: each learns who, how to reach them (work email, and a
// phone number where the person chose to share it), who arranges the first meeting, and where to
// propose it. Written to the outbox in the caller's transaction: it leaves after commit.
import type { SchemeRules } from "@tandem/core";
import { inArray } from "drizzle-orm";
import { people, type Tx } from "@tandem/db";
import type { Mailer } from "../mail";
import { appLink, mailTo } from "../notify";

export interface ContactDetails {
  personId: string;
  name: string;
  email: string;
}

/** People's work contact details, as the people they are matched with see them. */
export async function contactDetails(tx: Tx, personIds: string[]): Promise<Map<string, ContactDetails>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ personId: people.id, name: people.name, email: people.email }).from(people).where(inArray(people.id, ids));
  return new Map(rows.map((r) => [r.personId, r]));
}

const contactLines = (c: ContactDetails | undefined) => (c ? [`Email: ${c.email}`] : []);

/** Both members of a new pair hear who the other is, how to reach them, and who arranges the first meeting. */
export async function announcePair(
  tx: Tx,
  options: { rules: SchemeRules; schemeName: string; relationshipId: string; menteePersonId: string; mentorPersonId: string; mailer: Mailer; publicUrl: string },
) {
  const contacts = await contactDetails(tx, [options.menteePersonId, options.mentorPersonId]);
  const mentee = contacts.get(options.menteePersonId);
  const mentor = contacts.get(options.mentorPersonId);
  const link = appLink(options.publicUrl, `relationships/${options.relationshipId}`);
  const mentorArranges = options.rules.matching.firstContact === "mentor";
  await mailTo(tx, options.mailer, options.menteePersonId, {
    subject: `${options.schemeName}: you have been matched with a mentor`,
    text: [
      `Your mentor is ${mentor?.name ?? "your mentor"}.`,
      ...contactLines(mentor),
      "",
      mentorArranges ? "Your mentor will propose a time for your first meeting." : "Please propose a time for your first meeting: up to three times, and your mentor picks one.",
      "",
      `See your mentoring and arrange meetings: ${link}`,
    ].join("\n"),
  });
  await mailTo(tx, options.mailer, options.mentorPersonId, {
    subject: `${options.schemeName}: you have a new mentee`,
    text: [
      `Your new mentee is ${mentee?.name ?? "your mentee"}.`,
      ...contactLines(mentee),
      "",
      mentorArranges ? "Please propose a time for your first meeting: up to three times, and your mentee picks one." : "Your mentee will propose a time for your first meeting.",
      "",
      `See your mentoring and arrange meetings: ${link}`,
    ].join("\n"),
  });
}

/** Each member of a new co-mentoring group or facilitated group hears who is in it and how to reach them. */
export async function announceGroup(
  tx: Tx,
  options: { schemeName: string; relationshipId: string; kind: "co_mentoring" | "group"; memberPersonIds: string[]; facilitatorPersonIds: string[]; mailer: Mailer; publicUrl: string },
) {
  const everyone = [...options.memberPersonIds, ...options.facilitatorPersonIds];
  const contacts = await contactDetails(tx, everyone);
  const link = appLink(options.publicUrl, `relationships/${options.relationshipId}`);
  const describe = (id: string) => {
    const c = contacts.get(id);
    return c ? `${c.name} (${c.email})` : "";
  };
  for (const personId of everyone) {
    const others = options.memberPersonIds.filter((id) => id !== personId).map(describe);
    const facilitators = options.facilitatorPersonIds.filter((id) => id !== personId).map(describe);
    const facilitating = options.facilitatorPersonIds.includes(personId);
    await mailTo(tx, options.mailer, personId, {
      subject: `${options.schemeName}: your ${options.kind === "co_mentoring" ? "co-mentoring group" : "group"}`,
      text: [
        facilitating ? "You are facilitating a group." : options.kind === "co_mentoring" ? "You are co-mentoring with:" : "You are in a group with:",
        ...others.map((o) => `- ${o}`),
        ...(facilitators.length > 0 ? ["", "Facilitated by:", ...facilitators.map((f) => `- ${f}`)] : []),
        "",
        facilitating || options.facilitatorPersonIds.length === 0 ? "Please propose a time for the first session." : "Your facilitators will arrange the sessions.",
        "",
        `See your group: ${link}`,
      ].join("\n"),
    });
  }
}
