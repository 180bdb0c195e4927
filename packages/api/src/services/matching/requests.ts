// Mentees' requests (free choice and shortlist): up to three ordered choices, each asked in turn; a
// mentor accepts or declines; a request not answered within the scheme's days passes to the next
// choice. Passing on is done by the hourly job (and by the mutations that meet a stale request), never
// by a read: reads treat a request past its deadline as expired when they show it.
import { menteeCourseHoldWords, type RankedMentor, rankMentorsForMentee, shortlistForMentee } from "@tandem/core";
import { and, eq, lte } from "drizzle-orm";
import { type Enrolment, isPair, matchRequests, type PairRelationship, relationships, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { refreshMentorPlaces } from "../enrolments";
import { appLink, type Effects, mailTo } from "../notify";
import { addPairMembers } from "../relationships/members";
import { loadMatchingInputs, loadScheme, type MatchingInputs } from "./inputs";

const dayMs = 86_400_000;

/** Whether a relationship row is a request still waiting for the mentor at `now`. */
export function isOpenRequest(rel: { status: string; expiresAt: Date | null }, now: Date): boolean {
  return rel.status === "requested" && (rel.expiresAt === null || rel.expiresAt > now);
}

/** The status to show for a relationship row at `now`: a request past its deadline reads as expired. */
export function statusAt<S extends string>(rel: { status: S; expiresAt: Date | null }, now: Date): S | "expired" {
  return rel.status === "requested" && !isOpenRequest(rel, now) ? "expired" : rel.status;
}

/** Requests past their time pass to the mentee's next choice (the hourly job, and mutations). */
export async function expireDueRequests(tx: Tx, options: Effects & { organisationId: string; schemeId?: string }) {
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
  for (const rel of due.filter(isPair)) {
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
  options: Effects & { organisationId: string; relationship: PairRelationship; why: "declined" | "expired" },
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
  const link = appLink(options.publicUrl, "matches");
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
  options: Effects & {
    organisationId: string;
    inputs: MatchingInputs;
    requestId: string;
    menteeEnrolmentId: string;
    /** The chosen mentor as the mentee's ranking scored them (the caller has ranked already). */
    scored: RankedMentor;
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
    rulesVersion: inputs.scheme.currentVersion,
    requestedAt: options.now,
    expiresAt: new Date(options.now.getTime() + days * dayMs),
  });
  await mailTo(tx, options.mailer, mentor.personId, {
    subject: `${inputs.scheme.name}: ${mentee.name} would like you as their mentor`,
    text: [
      `${mentee.name} has asked you to be their mentor.`,
      `Please accept or decline within ${days} days; after that the request passes to their next choice.`,
      "",
      appLink(options.publicUrl, "matches"),
    ].join("\n"),
  });
  return { mentorName: mentor.name };
}

/** The mentors a mentee may choose from, ranked for them: the whole pool, or their shortlist. */
export function offeredMentors(inputs: MatchingInputs, menteeEnrolmentId: string, filters?: Parameters<typeof rankMentorsForMentee>[0]["filters"]): RankedMentor[] {
  const mentee = inputs.mentees.find((m) => m.id === menteeEnrolmentId);
  if (!mentee) return [];
  const args = { mentee, mentors: inputs.mentors, rules: inputs.rules, blocked: inputs.blocked, filters };
  return inputs.rules.matching.mode === "shortlist" ? shortlistForMentee(args) : rankMentorsForMentee(args);
}

export function assertMenteesChoose(inputs: MatchingInputs) {
  const mode = inputs.rules.matching.mode;
  if (mode !== "free_choice" && mode !== "shortlist") {
    throw new AppError("CONFLICT", "In this scheme your coordinator matches mentors with mentees; you will be told when you have a mentor");
  }
}

export async function sendRequest(
  tx: Tx,
  options: Effects & { organisationId: string; schemeId: string; mentee: Enrolment; mentorEnrolmentIds: string[]; message?: string },
) {
  await expireDueRequests(tx, options);
  const inputs = await loadMatchingInputs(tx, options);
  assertMenteesChoose(inputs);
  if (inputs.menteesWithLiveRelationship.has(options.mentee.id)) {
    throw new AppError("CONFLICT", "You already have a mentor or a request waiting for an answer");
  }
  if (inputs.heldForPreparation.has(options.mentee.id)) throw new AppError("CONFLICT", menteeCourseHoldWords);
  const allowed = new Map(offeredMentors(inputs, options.mentee.id).map((r) => [r.mentorId, r]));
  if (options.mentorEnrolmentIds.some((id) => !allowed.has(id))) {
    throw new AppError("BAD_REQUEST", "Choose mentors from your list: one of your choices cannot take you on", { mentorEnrolmentIds: ["Choose mentors from your list"] });
  }
  // An earlier request that ran out of choices is replaced by this one.
  const [request] = await tx
    .insert(matchRequests)
    .values({ organisationId: options.organisationId, schemeId: options.schemeId, menteeEnrolmentId: options.mentee.id, choices: options.mentorEnrolmentIds, message: options.message ?? null })
    .returning();
  await askMentor(tx, { ...options, inputs, requestId: request!.id, menteeEnrolmentId: options.mentee.id, scored: allowed.get(options.mentorEnrolmentIds[0]!)! });
  await recordAudit(tx, { organisationId: options.organisationId, actorPersonId: options.mentee.personId, action: "matching.request_sent", subjectId: request!.id });
  return { requestId: request!.id };
}

export async function cancelRequest(tx: Tx, options: { organisationId: string; mentee: Enrolment; now: Date }) {
  const [request] = await tx
    .update(matchRequests)
    .set({ status: "cancelled" })
    .where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.menteeEnrolmentId, options.mentee.id), eq(matchRequests.status, "open")))
    .returning();
  if (!request) throw new AppError("NOT_FOUND", "You have no request waiting");
  await tx
    .update(relationships)
    .set({ status: "cancelled", respondedAt: options.now })
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.requestId, request.id), eq(relationships.status, "requested")));
  return { ok: true as const };
}

/** A mentor–mentee match by id (requests and pairs); anything else is "not found". */
export async function loadPair(tx: Tx, organisationId: string, relationshipId: string): Promise<PairRelationship> {
  const [rel] = await tx.select().from(relationships).where(and(eq(relationships.organisationId, organisationId), eq(relationships.id, relationshipId)));
  if (!rel || !isPair(rel)) throw new AppError("NOT_FOUND", "That match does not exist");
  return rel;
}

/** The mentor's answer to a request. */
export async function respondToRequest(tx: Tx, options: Effects & { organisationId: string; relationshipId: string; personId: string; accept: boolean }) {
  await expireDueRequests(tx, options);
  const rel = await loadPair(tx, options.organisationId, options.relationshipId);
  if (rel.mentorPersonId !== options.personId) throw new AppError("NOT_FOUND", "That match does not exist");
  if (rel.status !== "requested") {
    throw new AppError("CONFLICT", rel.status === "expired" ? "This request has expired and has passed to the mentee's next choice" : "This request has already been answered");
  }
  const { scheme, rules } = await loadScheme(tx, options.organisationId, rel.schemeId);
  if (options.accept) {
    const inputs = await loadMatchingInputs(tx, { organisationId: options.organisationId, schemeId: rel.schemeId, now: options.now });
    const mentor = inputs.mentors.find((m) => m.id === rel.mentorEnrolmentId);
    if (!mentor || !mentor.ready || mentor.capacityLeft <= 0) {
      throw new AppError("CONFLICT", mentor && mentor.capacityLeft <= 0 ? "You have no free places. Decline, or raise how many mentees you can take" : "You are not ready to take on mentees in this scheme yet");
    }
    await tx
      .update(relationships)
      .set({ status: "active", respondedAt: options.now, startedAt: options.now, rulesVersion: inputs.scheme.currentVersion })
      .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.id, rel.id)));
    await addPairMembers(tx, { relationship: rel, now: options.now });
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
        appLink(options.publicUrl, "matches"),
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
  return { ok: true as const };
}
