// The participants' side of matching (SPEC sections 5, 6 and 9): a mentee browses the pool (free
// choice) or a shortlist with each score explained and sends a request with ordered choices; the
// mentor accepts or declines; a request not answered in the scheme's days passes to the next choice;
// a mentee may ask for a no-fault change (the reason is for them and the coordinator only: the
// mentor is told only that the match ended); either may end after the trial meeting.
import { distanceKm, type MentorFilters, type RankedMentor, rankMentorsForMentee, shortlistForMentee } from "@tandem/core";
import { and, asc, eq, inArray, lte, or } from "drizzle-orm";
import {
  cohortGroups,
  type Database,
  enrolments,
  matchRequests,
  noFaultChangeReasons,
  organisations,
  people,
  relationships,
  schemes,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import type { Mailer } from "../mail";
import { loadMatchingInputs, loadScheme, type MatchingInputs } from "./inputs";
import { mailTo } from "./runs";

const dayMs = 86_400_000;

async function myEnrolment(tx: Tx, options: { organisationId: string; schemeId: string; personId: string; role: "mentee" | "mentor" | "peer" }) {
  const [row] = await tx
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.organisationId, options.organisationId),
        eq(enrolments.schemeId, options.schemeId),
        eq(enrolments.personId, options.personId),
        eq(enrolments.role, options.role),
        eq(enrolments.status, "active"),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Requests past their time pass to the mentee's next choice (run before every read and hourly). */
export async function expireDueRequests(tx: Tx, options: { organisationId: string; now: Date; mailer: Mailer; publicUrl: string; schemeId?: string }) {
  const due = await tx
    .select()
    .from(relationships)
    .where(
      and(
        eq(relationships.organisationId, options.organisationId),
        eq(relationships.status, "requested"),
        lte(relationships.expiresAt, options.now),
        options.schemeId ? eq(relationships.schemeId, options.schemeId) : undefined,
      ),
    );
  for (const rel of due) {
    await tx
      .update(relationships)
      .set({ status: "expired", respondedAt: options.now })
      .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, rel.id)));
    await passToNextChoice(tx, { ...options, relationship: rel, why: "expired" });
  }
  return due.length;
}

/** After a decline or expiry: the request goes to the next choice still available, or ends. */
async function passToNextChoice(
  tx: Tx,
  options: { organisationId: string; now: Date; mailer: Mailer; publicUrl: string; relationship: typeof relationships.$inferSelect; why: "declined" | "expired" },
) {
  const rel = options.relationship;
  if (!rel.requestId) return;
  const [request] = await tx.select().from(matchRequests).where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.id, rel.requestId)));
  if (!request || request.status !== "open") return;
  const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: rel.schemeId, now: options.now });
  const mentee = inputs.mentees.find((m) => m.id === rel.menteeEnrolmentId);
  const ranked = new Map(
    (mentee ? rankMentorsForMentee({ mentee, mentors: inputs.mentors, rules: inputs.rules, blocked: inputs.blocked }) : []).map((r) => [r.mentorId, r]),
  );
  let position = request.position + 1;
  while (position < request.choices.length && !ranked.has(request.choices[position]!)) position += 1;
  const link = `${options.publicUrl.replace(/\/$/, "")}/app/matches`;
  const mentorName = inputs.profiles.get(rel.mentorEnrolmentId)?.name ?? "The mentor";
  const what = options.why === "declined" ? `${mentorName} cannot take you on at the moment.` : `${mentorName} did not answer your request in time.`;
  if (position >= request.choices.length || !mentee) {
    await tx.update(matchRequests).set({ status: "exhausted", position }).where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.id, request.id)));
    await mailTo(tx, options.mailer, rel.menteePersonId, {
      subject: `${inputs.scheme.name}: please choose another mentor`,
      text: [what, "None of your other choices is available, so please choose again.", "", link].join("\n"),
    });
    return;
  }
  await tx.update(matchRequests).set({ position }).where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.id, request.id)));
  const next = await askMentor(tx, { ...options, inputs, requestId: request.id, menteeEnrolmentId: rel.menteeEnrolmentId, scored: ranked.get(request.choices[position]!)! });
  await mailTo(tx, options.mailer, rel.menteePersonId, {
    subject: `${inputs.scheme.name}: your request has gone to your next choice`,
    text: [what, `Your request has gone to your next choice, ${next.mentorName}.`, "", link].join("\n"),
  });
}

async function askMentor(
  tx: Tx,
  options: {
    organisationId: string;
    now: Date;
    mailer: Mailer;
    publicUrl: string;
    inputs: MatchingInputs;
    requestId: string;
    menteeEnrolmentId: string;
    /** The chosen mentor as the mentee's ranking scored them (the caller has ranked already). */
    scored: RankedMentor;
    message?: string | null;
  },
) {
  const { inputs, scored } = options;
  const mentee = inputs.profiles.get(options.menteeEnrolmentId)!;
  const mentor = inputs.profiles.get(scored.mentorId)!;
  const days = inputs.rules.matching.requestExpiryDays;
  await tx.insert(relationships).values({
    organisationId: options.organisationId,
    schemeId: inputs.scheme.id,
    menteeEnrolmentId: mentee.enrolmentId,
    mentorEnrolmentId: mentor.enrolmentId,
    menteePersonId: mentee.personId,
    mentorPersonId: mentor.personId,
    status: "requested",
    origin: "request",
    requestId: options.requestId,
    score: scored.score,
    explanation: scored.explanation,
    requestedAt: options.now,
    expiresAt: new Date(options.now.getTime() + days * dayMs),
  });
  await mailTo(tx, options.mailer, mentor.personId, {
    subject: `${inputs.scheme.name}: ${mentee.name} would like you as their mentor`,
    text: [
      `${mentee.name} has asked you to be their mentor.`,
      `Please accept or decline within ${days} days; after that the request passes to their next choice.`,
      "",
      `${options.publicUrl.replace(/\/$/, "")}/app/matches`,
    ].join("\n"),
  });
  return { mentorName: mentor.name };
}

export interface PoolOptions {
  organisationId: string;
  schemeId: string;
  personId: string;
  filters?: MentorFilters;
  now: Date;
  mailer: Mailer;
  publicUrl: string;
}

/** The mentors a mentee may choose from (free choice) or their shortlist, each with profile and explanation. */
export async function browsePool(tx: Tx, options: PoolOptions) {
  await expireDueRequests(tx, { ...options });
  const me = await myEnrolment(tx, { ...options, role: "mentee" });
  if (!me) throw new AppError("FORBIDDEN", "Join this scheme as a mentee to choose a mentor");
  const inputs = await loadMatchingInputs(tx, options);
  const mode = inputs.rules.matching.mode;
  if (mode !== "free_choice" && mode !== "shortlist") {
    throw new AppError("CONFLICT", "In this scheme your coordinator matches mentors with mentees; you will be told when you have a mentor");
  }
  const state = await menteeState(tx, { organisationId: options.organisationId, menteeEnrolmentId: me.id, inputs });
  const mentee = inputs.mentees.find((m) => m.id === me.id);
  const ranked = !mentee
    ? []
    : mode === "shortlist"
      ? shortlistForMentee({ mentee, mentors: inputs.mentors, rules: inputs.rules, blocked: inputs.blocked, filters: options.filters })
      : rankMentorsForMentee({ mentee, mentors: inputs.mentors, rules: inputs.rules, blocked: inputs.blocked, filters: options.filters });
  const mentorFacts = new Map(inputs.mentors.map((m) => [m.id, m]));
  const menteeFacts = inputs.mentees.find((m) => m.id === me.id) ?? null;
  return {
    scheme: { id: inputs.scheme.id, name: inputs.scheme.name, organisationId: options.organisationId },
    mode,
    shortlistSize: inputs.rules.matching.shortlistSize ?? null,
    requestExpiryDays: inputs.rules.matching.requestExpiryDays,
    maxChoices: 3,
    topics: [...new Set(inputs.mentors.flatMap((m) => m.topicsOffered))].sort(),
    specialties: [...new Set(inputs.mentors.map((m) => m.specialty).filter((s): s is string => !!s))].sort(),
    me: { enrolmentId: me.id, topics: me.topics, availability: me.availability, remoteOk: me.remoteOk },
    ...state,
    mentors: ranked.map((r) => {
      const profile = inputs.profiles.get(r.mentorId)!;
      const facts = mentorFacts.get(r.mentorId)!;
      return {
        enrolmentId: r.mentorId,
        name: profile.name,
        photoUrl: profile.photoUrl,
        bio: profile.bio,
        specialty: profile.specialty,
        topics: profile.topics,
        availability: profile.availability,
        remoteOk: profile.remoteOk,
        distanceKm: r.distanceKm ?? (menteeFacts?.location && facts.location ? distanceKm(menteeFacts.location, facts.location) : null),
        freePlaces: facts.capacityLeft,
        score: r.score,
        terms: r.terms,
        explanation: r.explanation,
      };
    }),
  };
}

async function menteeState(tx: Tx, options: { organisationId: string; menteeEnrolmentId: string; inputs: MatchingInputs }) {
  const [request] = await tx
    .select()
    .from(matchRequests)
    .where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.menteeEnrolmentId, options.menteeEnrolmentId), eq(matchRequests.status, "open")));
  const live = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.menteeEnrolmentId, options.menteeEnrolmentId), inArray(relationships.status, ["requested", "active"])));
  const name = (id: string) => options.inputs.profiles.get(id)?.name ?? "A mentor who has left";
  return {
    request: request
      ? {
          id: request.id,
          choices: request.choices.map((id, i) => ({ enrolmentId: id, name: name(id), state: i < request.position ? "passed" : i === request.position ? "asked" : "waiting" })),
          expiresAt: live.find((l) => l.status === "requested")?.expiresAt ?? null,
        }
      : null,
    matchedWith: live.filter((l) => l.status === "active").map((l) => ({ relationshipId: l.id, name: name(l.mentorEnrolmentId) })),
  };
}

export async function sendRequest(tx: Tx, options: PoolOptions & { mentorEnrolmentIds: string[]; message?: string }) {
  await expireDueRequests(tx, options);
  const me = await myEnrolment(tx, { ...options, role: "mentee" });
  if (!me) throw new AppError("FORBIDDEN", "Join this scheme as a mentee to choose a mentor");
  const inputs = await loadMatchingInputs(tx, options);
  if (inputs.rules.matching.mode !== "free_choice" && inputs.rules.matching.mode !== "shortlist") {
    throw new AppError("CONFLICT", "In this scheme your coordinator matches mentors with mentees");
  }
  if (inputs.menteesWithLiveRelationship.has(me.id)) {
    throw new AppError("CONFLICT", "You already have a mentor or a request waiting for an answer");
  }
  const mentee = inputs.mentees.find((m) => m.id === me.id)!;
  const offered =
    inputs.rules.matching.mode === "shortlist"
      ? shortlistForMentee({ mentee, mentors: inputs.mentors, rules: inputs.rules, blocked: inputs.blocked })
      : rankMentorsForMentee({ mentee, mentors: inputs.mentors, rules: inputs.rules, blocked: inputs.blocked });
  const allowed = new Map(offered.map((r) => [r.mentorId, r]));
  const unknown = options.mentorEnrolmentIds.filter((id) => !allowed.has(id));
  if (unknown.length > 0) {
    throw new AppError("BAD_REQUEST", "Choose mentors from your list: one of your choices cannot take you on", { mentorEnrolmentIds: ["Choose mentors from your list"] });
  }
  // An earlier request that ran out of choices is replaced by this one.
  const [request] = await tx
    .insert(matchRequests)
    .values({ organisationId: options.organisationId, schemeId: options.schemeId, menteeEnrolmentId: me.id, choices: options.mentorEnrolmentIds, message: options.message ?? null })
    .returning();
  await askMentor(tx, { ...options, inputs, requestId: request!.id, menteeEnrolmentId: me.id, scored: allowed.get(options.mentorEnrolmentIds[0]!)!, message: options.message });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: "matching.request_sent", subjectId: request!.id });
  return { requestId: request!.id };
}

export async function cancelRequest(tx: Tx, options: { organisationId: string; schemeId: string; personId: string; now: Date }) {
  const me = await myEnrolment(tx, { ...options, role: "mentee" });
  if (!me) throw new AppError("FORBIDDEN", "Join this scheme as a mentee to choose a mentor");
  const [request] = await tx
    .update(matchRequests)
    .set({ status: "cancelled" })
    .where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.menteeEnrolmentId, me.id), eq(matchRequests.status, "open")))
    .returning();
  if (!request) throw new AppError("NOT_FOUND", "You have no request waiting");
  await tx
    .update(relationships)
    .set({ status: "cancelled", respondedAt: options.now })
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.requestId, request.id), eq(relationships.status, "requested")));
  return { ok: true };
}

async function loadRelationship(tx: Tx, organisationId: string, relationshipId: string) {
  const [rel] = await tx.select().from(relationships).where(and(eq(relationships.organisationId, organisationId), eq(relationships.id, relationshipId)));
  if (!rel) throw new AppError("NOT_FOUND", "That match does not exist");
  return rel;
}

/** The mentor's answer to a request. */
export async function respondToRequest(
  tx: Tx,
  options: { organisationId: string; relationshipId: string; personId: string; accept: boolean; now: Date; mailer: Mailer; publicUrl: string },
) {
  await expireDueRequests(tx, options);
  const rel = await loadRelationship(tx, options.organisationId, options.relationshipId);
  if (rel.mentorPersonId !== options.personId) throw new AppError("NOT_FOUND", "That match does not exist");
  if (rel.status !== "requested") {
    throw new AppError("CONFLICT", rel.status === "expired" ? "This request has expired and has passed to the mentee's next choice" : "This request has already been answered");
  }
  const { scheme, rules } = await loadScheme(tx, options.organisationId, rel.schemeId);
  const link = `${options.publicUrl.replace(/\/$/, "")}/app/matches`;
  if (options.accept) {
    const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: rel.schemeId, now: options.now });
    const mentor = inputs.mentors.find((m) => m.id === rel.mentorEnrolmentId);
    if (!mentor || !mentor.ready || mentor.capacityLeft <= 0) {
      throw new AppError("CONFLICT", mentor && mentor.capacityLeft <= 0 ? "You have no free places. Decline, or raise how many mentees you can take" : "You are not ready to take on mentees in this scheme yet");
    }
    await tx
      .update(relationships)
      .set({ status: "active", respondedAt: options.now, startedAt: options.now })
      .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, rel.id)));
    if (rel.requestId) {
      await tx.update(matchRequests).set({ status: "matched" }).where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.id, rel.requestId)));
    }
    const mentorName = inputs.profiles.get(rel.mentorEnrolmentId)?.name ?? "Your mentor";
    await mailTo(tx, options.mailer, rel.menteePersonId, {
      subject: `${scheme.name}: ${mentorName} has accepted your request`,
      text: [
        `${mentorName} will be your mentor.`,
        rules.matching.firstContact === "mentor" ? "They will contact you to arrange the first meeting." : "Please contact them to arrange the first meeting.",
        "",
        link,
      ].join("\n"),
    });
    await refreshMentorPlaces(tx, options.organisationId, rel.schemeId, options.now);
  } else {
    await tx
      .update(relationships)
      .set({ status: "declined", respondedAt: options.now })
      .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, rel.id)));
    await passToNextChoice(tx, { ...options, relationship: rel, why: "declined" });
  }
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: options.accept ? "matching.request_accepted" : "matching.request_declined", subjectId: rel.id });
  return { ok: true };
}

/** The mentee asks for a no-fault change: the match ends, the pair is never proposed again. */
export async function noFaultChange(
  tx: Tx,
  options: { organisationId: string; relationshipId: string; personId: string; reason?: string; now: Date; mailer: Mailer; publicUrl: string },
) {
  const rel = await loadRelationship(tx, options.organisationId, options.relationshipId);
  if (rel.menteePersonId !== options.personId) {
    throw new AppError(rel.mentorPersonId === options.personId ? "FORBIDDEN" : "NOT_FOUND", rel.mentorPersonId === options.personId ? "Only the mentee can ask for a no-fault change" : "That match does not exist");
  }
  if (rel.status !== "active") throw new AppError("CONFLICT", "This match has already ended");
  await closeRelationship(tx, options.organisationId, rel.id, "no_fault_change", options.now);
  if (options.reason) await tx.insert(noFaultChangeReasons).values({ organisationId: options.organisationId, relationshipId: rel.id, reason: options.reason });
  const { scheme } = await loadScheme(tx, options.organisationId, rel.schemeId);
  // The mentor hears only that the match ended: no reason, and no suggestion of fault.
  await mailTo(tx, options.mailer, rel.mentorPersonId, {
    subject: `${scheme.name}: a mentoring match has ended`,
    text: ["One of your mentoring matches has ended. This is a normal part of mentoring and needs nothing from you.", "", `${options.publicUrl.replace(/\/$/, "")}/app/matches`].join("\n"),
  });
  await mailTo(tx, options.mailer, rel.menteePersonId, {
    subject: `${scheme.name}: your no-fault change`,
    text: ["Your match has ended. You will not be matched with the same mentor again.", "You can now choose or be matched with another mentor.", "", `${options.publicUrl.replace(/\/$/, "")}/app/matches`].join("\n"),
  });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: "matching.no_fault_change", subjectId: rel.id });
  await refreshMentorPlaces(tx, options.organisationId, rel.schemeId, options.now);
  return { ok: true };
}

/** Either member ends the match after the trial meeting, where the scheme has one. */
export async function endAfterTrial(tx: Tx, options: { organisationId: string; relationshipId: string; personId: string; now: Date; mailer: Mailer; publicUrl: string }) {
  const rel = await loadRelationship(tx, options.organisationId, options.relationshipId);
  if (rel.menteePersonId !== options.personId && rel.mentorPersonId !== options.personId) throw new AppError("NOT_FOUND", "That match does not exist");
  if (rel.status !== "active") throw new AppError("CONFLICT", "This match has already ended");
  const { scheme, rules } = await loadScheme(tx, options.organisationId, rel.schemeId);
  if (!rules.matching.trialMeeting) throw new AppError("CONFLICT", "This scheme has no trial meeting; ask your coordinator about ending the match");
  await closeRelationship(tx, options.organisationId, rel.id, "ended_after_trial", options.now);
  const other = rel.menteePersonId === options.personId ? rel.mentorPersonId : rel.menteePersonId;
  await mailTo(tx, options.mailer, other, {
    subject: `${scheme.name}: a mentoring match has ended after the trial meeting`,
    text: ["Your match has ended after the trial meeting, as the scheme allows. No reason is needed and none is recorded.", "", `${options.publicUrl.replace(/\/$/, "")}/app/matches`].join("\n"),
  });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.personId, action: "matching.ended_after_trial", subjectId: rel.id });
  await refreshMentorPlaces(tx, options.organisationId, rel.schemeId, options.now);
  return { ok: true };
}

async function closeRelationship(tx: Tx, organisationId: string, id: string, reason: "no_fault_change" | "ended_after_trial", now: Date) {
  await tx.update(relationships).set({ status: "closed", closedReason: reason, endedAt: now }).where(and(eq(relationships.organisationId, organisationId), eq(relationships.id, id)));
}

/** A person's matches in every organisation: requests to answer, mentors, mentees, groups. */
export async function myMatches(db: Database, options: { personId: string; now: Date; mailer: Mailer; publicUrl: string }) {
  const mine = await withPerson(db, options.personId, (tx) =>
    tx
      .select({ organisationId: enrolments.organisationId, schemeId: enrolments.schemeId, role: enrolments.role, id: enrolments.id })
      .from(enrolments)
      .where(and(eq(enrolments.personId, options.personId), eq(enrolments.status, "active"))),
  );
  const orgs = [...new Set(mine.map((m) => m.organisationId))];
  const result = [];
  for (const organisationId of orgs) {
    result.push(
      await withTenant(db, { organisationId, personId: options.personId }, async (tx) => {
        await expireDueRequests(tx, { organisationId, now: options.now, mailer: options.mailer, publicUrl: options.publicUrl });
        const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
        const rels = await tx
          .select({
            id: relationships.id,
            schemeId: relationships.schemeId,
            schemeName: schemes.name,
            status: relationships.status,
            closedReason: relationships.closedReason,
            menteePersonId: relationships.menteePersonId,
            mentorPersonId: relationships.mentorPersonId,
            menteeEnrolmentId: relationships.menteeEnrolmentId,
            mentorEnrolmentId: relationships.mentorEnrolmentId,
            explanation: relationships.explanation,
            requestedAt: relationships.requestedAt,
            expiresAt: relationships.expiresAt,
            startedAt: relationships.startedAt,
            endedAt: relationships.endedAt,
            requestId: relationships.requestId,
          })
          .from(relationships)
          .innerJoin(schemes, and(eq(schemes.organisationId, relationships.organisationId), eq(schemes.id, relationships.schemeId)))
          .where(
            and(
              eq(relationships.organisationId, organisationId),
              or(eq(relationships.menteePersonId, options.personId), eq(relationships.mentorPersonId, options.personId)),
              inArray(relationships.status, ["requested", "active", "closed"]),
            ),
          )
          .orderBy(asc(relationships.createdAt));
        const profiles = await tx
          .select({ id: enrolments.id, bio: enrolments.bio, topics: enrolments.topics })
          .from(enrolments)
          .where(and(eq(enrolments.organisationId, organisationId), inArray(enrolments.id, [...new Set(rels.flatMap((r) => [r.menteeEnrolmentId, r.mentorEnrolmentId]))].concat(["00000000-0000-0000-0000-000000000000"]))));
        const byEnrolment = new Map(profiles.map((p) => [p.id, p]));
        const names = await personNames(tx, rels.flatMap((r) => [r.menteePersonId, r.mentorPersonId]));
        const messages = new Map<string, string | null>();
        const requestIds = rels.map((r) => r.requestId).filter((id): id is string => !!id);
        if (requestIds.length > 0) {
          const reqs = await tx.select({ id: matchRequests.id, message: matchRequests.message }).from(matchRequests).where(and(eq(matchRequests.organisationId, organisationId), inArray(matchRequests.id, requestIds)));
          for (const r of reqs) messages.set(r.id, r.message);
        }
        const trial = new Map<string, boolean>();
        for (const schemeId of new Set(rels.map((r) => r.schemeId))) trial.set(schemeId, (await loadScheme(tx, organisationId, schemeId)).rules.matching.trialMeeting);
        const groups = await tx
          .select()
          .from(cohortGroups)
          .where(and(eq(cohortGroups.organisationId, organisationId), eq(cohortGroups.status, "confirmed")));
        const myEnrolments = new Set(mine.filter((m) => m.organisationId === organisationId).map((m) => m.id));
        const myGroups = groups.filter((g) => g.memberEnrolmentIds.some((id) => myEnrolments.has(id)));
        const groupMembers = await tx
          .select({ id: enrolments.id, personId: enrolments.personId, topics: enrolments.topics })
          .from(enrolments)
          .where(and(eq(enrolments.organisationId, organisationId), inArray(enrolments.id, myGroups.flatMap((g) => g.memberEnrolmentIds).concat(["00000000-0000-0000-0000-000000000000"]))));
        const memberNames = await personNames(tx, groupMembers.map((m) => m.personId));
        const schemeNames = new Map((await tx.select({ id: schemes.id, name: schemes.name }).from(schemes).where(eq(schemes.organisationId, organisationId))).map((s) => [s.id, s.name]));
        return {
          organisationId,
          organisationName: org?.name ?? "",
          relationships: rels.map((r) => {
            const asMentee = r.menteePersonId === options.personId;
            const other = asMentee ? r.mentorEnrolmentId : r.menteeEnrolmentId;
            return {
              id: r.id,
              schemeId: r.schemeId,
              schemeName: r.schemeName,
              role: asMentee ? ("mentee" as const) : ("mentor" as const),
              status: r.status,
              // A no-fault change is shown to the mentor only as an ended match.
              closedReason: r.closedReason === "no_fault_change" && !asMentee ? null : r.closedReason,
              otherName: names.get(asMentee ? r.mentorPersonId : r.menteePersonId) ?? "",
              otherBio: byEnrolment.get(other)?.bio ?? null,
              otherTopics: byEnrolment.get(other)?.topics ?? [],
              explanation: asMentee ? r.explanation : null,
              message: !asMentee && r.status === "requested" && r.requestId ? (messages.get(r.requestId) ?? null) : null,
              requestedAt: r.requestedAt,
              expiresAt: r.expiresAt,
              startedAt: r.startedAt,
              endedAt: r.endedAt,
              canEndAfterTrial: r.status === "active" && (trial.get(r.schemeId) ?? false),
            };
          }),
          groups: myGroups.map((g) => ({
            id: g.id,
            schemeId: g.schemeId,
            schemeName: schemeNames.get(g.schemeId) ?? "",
            explanation: g.explanation,
            members: g.memberEnrolmentIds.map((id) => {
              const m = groupMembers.find((x) => x.id === id);
              return { name: m ? (memberNames.get(m.personId) ?? "") : "", you: m?.personId === options.personId, topics: m?.topics ?? [] };
            }),
          })),
        };
      }),
    );
  }
  return result.filter((o) => o.relationships.length > 0 || o.groups.length > 0);
}

async function personNames(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What the person has told the scheme for matching, per role, and the scheme's limits. */
export async function myProfile(tx: Tx, options: { organisationId: string; schemeId: string; personId: string }) {
  const { scheme, rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  const mine = await tx
    .select()
    .from(enrolments)
    .where(
      and(
        eq(enrolments.organisationId, options.organisationId),
        eq(enrolments.schemeId, options.schemeId),
        eq(enrolments.personId, options.personId),
        eq(enrolments.status, "active"),
      ),
    );
  if (mine.length === 0) throw new AppError("FORBIDDEN", "You are not taking part in this scheme");
  return {
    scheme: { id: scheme.id, name: scheme.name, mode: rules.matching.mode },
    suggestedTopics: rules.topics,
    maxMentees: rules.mentors.maxMentees,
    usualCapacity: rules.matching.mentorCapacityDefault,
    roles: mine.map((e) => ({ role: e.role, topics: e.topics, availability: e.availability, remoteOk: e.remoteOk, bio: e.bio, capacity: e.capacity })),
  };
}

/** A person's own matching profile in one scheme. */
export async function updateProfile(
  tx: Tx,
  options: { organisationId: string; schemeId: string; personId: string; role: "mentee" | "mentor" | "peer"; topics: string[]; availability: string[]; remoteOk: boolean; bio: string | null; capacity?: number | null; now: Date },
) {
  const me = await myEnrolment(tx, options);
  if (!me) throw new AppError("FORBIDDEN", `You are not taking part in this scheme as a ${options.role}`);
  const { rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  if (options.capacity !== undefined && options.capacity !== null) {
    if (options.role !== "mentor") throw new AppError("BAD_REQUEST", "Only mentors set how many mentees they take", { capacity: ["Only mentors set how many mentees they take"] });
    if (options.capacity > rules.mentors.maxMentees) {
      throw new AppError("BAD_REQUEST", `This scheme allows at most ${rules.mentors.maxMentees} mentees per mentor`, { capacity: [`Enter ${rules.mentors.maxMentees} or fewer`] });
    }
  }
  await tx
    .update(enrolments)
    .set({ topics: options.topics, availability: options.availability, remoteOk: options.remoteOk, bio: options.bio, ...(options.role === "mentor" && options.capacity !== undefined ? { capacity: options.capacity } : {}) })
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.id, me.id)));
  if (options.role === "mentor") await refreshMentorPlaces(tx, options.organisationId, options.schemeId, options.now);
  return { ok: true };
}

/** The coordinator's view of a scheme's relationships: who, status and dates; never content. */
export async function schemeRelationships(tx: Tx, options: { organisationId: string; schemeId: string; now: Date; mailer: Mailer; publicUrl: string }) {
  await expireDueRequests(tx, options);
  const rows = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.schemeId, options.schemeId)))
    .orderBy(asc(relationships.createdAt));
  const reasons = await tx.select().from(noFaultChangeReasons).where(eq(noFaultChangeReasons.organisationId, options.organisationId));
  const reasonBy = new Map(reasons.map((r) => [r.relationshipId, r.reason]));
  const names = await personNames(tx, rows.flatMap((r) => [r.menteePersonId, r.mentorPersonId]));
  return rows.map((r) => ({
    id: r.id,
    menteeName: names.get(r.menteePersonId) ?? "",
    mentorName: names.get(r.mentorPersonId) ?? "",
    status: r.status,
    closedReason: r.closedReason,
    origin: r.origin,
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    noFaultReason: reasonBy.get(r.id) ?? null,
  }));
}

