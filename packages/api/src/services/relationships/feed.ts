// A person's private calendar feed (SPEC section 6): a URL with an unguessable token (only its hash
// is kept) that a calendar subscribes to without a session. It lists the person's meetings in every
// organisation, titled "Mentoring meeting" and the way of meeting; names and places only if the
// person chooses. A new link replaces the old one, and stopping it ends the old URL at once.
import { createEvents, type EventAttributes } from "ics";
import { meetingModeWords } from "@tandem/core";
import { and, eq, gte, inArray, isNull } from "drizzle-orm";
import { calendarFeeds, type Database, meetings, memberships, people, relationshipMembers, schemes, relationships, type Tx, withFeedToken, withPerson, withTenant } from "@tandem/db";
import { generateSecret, hashSecretHex } from "../../auth/tokens";
import { AppError } from "../../errors";
import { meetingUid } from "./calendar";

/** Meetings from this long ago stay in the feed, so a calendar keeps the recent past. */
const pastDays = 60;

export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/calendar/${token}.ics`;
}

export async function feedStatus(tx: Tx, personId: string) {
  const [row] = await tx.select({ showDetails: calendarFeeds.showDetails, createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.personId, personId));
  return row ? { active: true as const, showDetails: row.showDetails, createdAt: row.createdAt } : { active: false as const, showDetails: false, createdAt: null };
}

/** Makes a new feed link (the old one, if any, stops working); the token is shown this once. */
export async function createFeed(tx: Tx, options: { personId: string; showDetails: boolean; publicUrl: string; now: Date }) {
  const token = generateSecret();
  const values = { personId: options.personId, tokenHash: hashSecretHex(token), showDetails: options.showDetails, createdAt: options.now };
  await tx.insert(calendarFeeds).values(values).onConflictDoUpdate({ target: calendarFeeds.personId, set: values });
  return { url: feedUrl(options.publicUrl, token) };
}

export async function revokeFeed(tx: Tx, personId: string) {
  await tx.delete(calendarFeeds).where(eq(calendarFeeds.personId, personId));
  return { ok: true as const };
}

/** The feed's calendar for a token; "not found" for a token that is wrong or was replaced or stopped. */
export async function feedCalendar(db: Database, options: { token: string; publicUrl: string; now: Date }) {
  const notFound = new AppError("NOT_FOUND", "This calendar link does not work any more: make a new one in Tandem");
  if (!/^[a-z2-7]{32}$/.test(options.token)) throw notFound;
  const [feed] = await withFeedToken(db, hashSecretHex(options.token), (tx) => tx.select().from(calendarFeeds));
  if (!feed) throw notFound;
  const personId = feed.personId;
  const orgs = await withPerson(db, personId, (tx) => tx.select({ organisationId: memberships.organisationId }).from(memberships).where(and(eq(memberships.personId, personId), eq(memberships.status, "active"))));
  const since = new Date(options.now.getTime() - pastDays * 86_400_000);
  const events: EventAttributes[] = [];
  for (const { organisationId } of orgs) {
    await withTenant(db, { organisationId, personId }, async (tx) => {
      const mine = await tx
        .select({ relationshipId: relationshipMembers.relationshipId })
        .from(relationshipMembers)
        .where(and(eq(relationshipMembers.organisationId, organisationId), eq(relationshipMembers.personId, personId), isNull(relationshipMembers.leftAt)));
      const ids = mine.map((m) => m.relationshipId);
      if (ids.length === 0) return;
      const rows = await tx
        .select({ meeting: meetings, schemeName: schemes.name })
        .from(meetings)
        .innerJoin(relationships, and(eq(relationships.organisationId, meetings.organisationId), eq(relationships.id, meetings.relationshipId)))
        .innerJoin(schemes, and(eq(schemes.organisationId, relationships.organisationId), eq(schemes.id, relationships.schemeId)))
        .where(and(eq(meetings.organisationId, organisationId), inArray(meetings.relationshipId, ids), inArray(meetings.status, ["scheduled", "held", "cancelled"]), gte(meetings.startsAt, since)));
      const others = feed.showDetails
        ? await tx
            .select({ relationshipId: relationshipMembers.relationshipId, personId: relationshipMembers.personId, name: people.name })
            .from(relationshipMembers)
            .innerJoin(people, eq(people.id, relationshipMembers.personId))
            .where(and(eq(relationshipMembers.organisationId, organisationId), inArray(relationshipMembers.relationshipId, ids)))
        : [];
      for (const { meeting, schemeName } of rows) {
        if (!meeting.startsAt) continue;
        const names = others.filter((o) => o.relationshipId === meeting.relationshipId && o.personId !== personId).map((o) => o.name);
        const place = meeting.mode === "in_person" ? meeting.place : meeting.mode === "video" ? meeting.link : null;
        events.push({
          uid: meetingUid(meeting.id),
          sequence: meeting.sequence,
          status: meeting.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
          start: meeting.startsAt.getTime(),
          startInputType: "utc",
          startOutputType: "utc",
          duration: { minutes: meeting.heldMinutes ?? meeting.minutes },
          title: feed.showDetails && names.length > 0 ? `Mentoring meeting with ${names.join(", ")} (${meetingModeWords[meeting.mode]})` : `Mentoring meeting (${meetingModeWords[meeting.mode]})`,
          description: feed.showDetails ? `${schemeName}. Details in Tandem.` : "Details in Tandem.",
          ...(feed.showDetails && place ? { location: place } : {}),
          classification: "PRIVATE",
          lastModified: meeting.updatedAt.getTime(),
        });
      }
    });
  }
  const { error, value } = createEvents(events, { productId: "tandem/mentoring", calName: "Mentoring meetings", method: "PUBLISH" });
  if (error || value === null) throw new Error(`could not write the calendar feed: ${error?.name ?? "unknown"}`);
  return { content: value, contentType: "text/calendar; charset=utf-8" };
}
