// Joining and leaving schemes (SPEC principle 1: only the person joins; withdrawing is one step and
// needs no reason), and the coordinator's review of requests from outside the target groups.
import {
  checkEligibility,
  checkMentorEligibility,
  type Eligibility,
  consentWording,
  type EnrolmentRole,
  enrolmentRoleWords,
  rolesOffered,
  type SchemeRules,
} from "@tandem/core";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import {
  type Database,
  enrolments,
  memberships,
  organisations,
  people,
  schemeRuleVersions,
  schemes,
  type Tx,
  withPerson,
  withTenant,
} from "@tandem/db";
import { AppError } from "../errors";
import { recordAudit } from "./audit";
import type { Mailer } from "./mail";
import { readyMentorIds } from "./preparation/readiness";
import { currentRules } from "./schemes";

export type { EnrolmentRole };
const roleWords = enrolmentRoleWords;

/**
 * Keeps the directory's count of mentors with a free place in step: only mentors who are ready
 * (prepared, supported, approved, under capacity) count, as only they can be matched.
 */
export async function refreshMentorPlaces(tx: Tx, organisationId: string, schemeId: string, now = new Date()) {
  const ready = await readyMentorIds(tx, { organisationId, schemeId, now });
  await tx
    .update(schemes)
    .set({ mentorsWithFreePlaces: ready.length })
    .where(and(eq(schemes.organisationId, organisationId), eq(schemes.id, schemeId)));
}

/** After mentors' records change: each scheme of the organisation they mentor in, refreshed once. */
export async function refreshMentorPlacesFor(tx: Tx, organisationId: string, personIds: string | string[], now = new Date()) {
  const ids = [...new Set(typeof personIds === "string" ? [personIds] : personIds)];
  if (ids.length === 0) return;
  const rows = await tx
    .selectDistinct({ schemeId: enrolments.schemeId })
    .from(enrolments)
    .where(and(eq(enrolments.organisationId, organisationId), inArray(enrolments.personId, ids), eq(enrolments.role, "mentor")));
  for (const row of rows) await refreshMentorPlaces(tx, organisationId, row.schemeId, now);
}

async function loadScheme(tx: Tx, organisationId: string, schemeId: string) {
  const [scheme] = await tx
    .select()
    .from(schemes)
    .where(and(eq(schemes.organisationId, organisationId), eq(schemes.id, schemeId)))
    .limit(1);
  if (!scheme) throw new AppError("NOT_FOUND", "That scheme does not exist");
  const [organisation] = await tx.select().from(organisations).where(eq(organisations.id, organisationId));
  return { scheme, organisation: organisation!, rules: await currentRules(tx, scheme) };
}

/** Eligibility per role: mentees and peers against the audience, mentors against the mentor pool. */
async function eligibilityByRole(
  db: Database,
  personId: string,
  scheme: { organisationId: string; rules: SchemeRules },
  now: Date,
): Promise<Record<EnrolmentRole, Eligibility>> {
  const own = await withPerson(db, personId, (tx) =>
    tx
      .select({
        organisationId: memberships.organisationId,
        staffGroup: memberships.staffGroup,
        startedInRoleOn: memberships.startedInRoleOn,
      })
      .from(memberships)
      .where(and(eq(memberships.personId, personId), eq(memberships.status, "active"))),
  );
  const participant = checkEligibility({ person: { id: personId }, memberships: own, scheme, now });
  return { mentee: participant, peer: participant, mentor: checkMentorEligibility({ memberships: own, scheme }) };
}

/** What the person sees before joining: eligibility, roles, the consent wording for each role. */
export async function prepareJoin(
  db: Database,
  options: { personId: string; organisationId: string; schemeId: string; now: Date },
) {
  const loaded = await withTenant(db, { organisationId: options.organisationId, personId: options.personId }, async (tx) => {
    const { scheme, organisation, rules } = await loadScheme(tx, options.organisationId, options.schemeId);
    const live = await tx
      .select({ id: enrolments.id, role: enrolments.role, status: enrolments.status })
      .from(enrolments)
      .where(
        and(
          eq(enrolments.organisationId, options.organisationId),
          eq(enrolments.schemeId, scheme.id),
          eq(enrolments.personId, options.personId),
          inArray(enrolments.status, ["requested", "waiting", "active"]),
        ),
      );
    return { scheme, organisation, rules, live };
  });
  if (loaded.scheme.status !== "open") {
    throw new AppError("CONFLICT", "This scheme is not taking new people at the moment");
  }
  const byRole = await eligibilityByRole(db, options.personId, { organisationId: options.organisationId, rules: loaded.rules }, options.now);
  const roles = rolesOffered(loaded.rules).map((role) => ({
    role,
    eligibility: byRole[role],
    consentWording: consentWording({ schemeName: loaded.scheme.name, organisationName: loaded.organisation.name, role }),
  }));
  return {
    /** For the role most people join as (mentee or peer); each role carries its own too. */
    eligibility: roles[0]!.eligibility,
    roles,
    application: loaded.rules.application,
    current: loaded.live,
  };
}

export async function joinScheme(
  db: Database,
  options: {
    personId: string;
    organisationId: string;
    schemeId: string;
    role: EnrolmentRole;
    consentWording: string;
    applicationAnswers: Record<string, string | boolean>;
    now: Date;
  },
) {
  const prepared = await prepareJoin(db, options);
  const offered = prepared.roles.find((r) => r.role === options.role);
  if (!offered) {
    throw new AppError("BAD_REQUEST", `This scheme does not take people as ${roleWords[options.role]}`, {
      role: [`Choose ${joinRoleWords(prepared.roles.map((r) => r.role))}`],
    });
  }
  if (offered.consentWording !== options.consentWording) {
    throw new AppError("CONFLICT", "The scheme's wording has changed since you read it. Read it again before you join.");
  }
  const eligibility = offered.eligibility;
  if (eligibility.result === "not_eligible") {
    throw new AppError("FORBIDDEN", eligibility.reason);
  }
  if (prepared.current.some((e) => e.role === options.role)) {
    throw new AppError("CONFLICT", `You have already joined this scheme as ${roleWords[options.role]}`);
  }
  const answers = checkAnswers(prepared.application, options.applicationAnswers);

  return withTenant(db, { organisationId: options.organisationId, personId: options.personId }, async (tx) => {
    const { scheme, rules } = await loadScheme(tx, options.organisationId, options.schemeId);
    let status: "requested" | "waiting" | "active" = eligibility.result === "on_request" ? "requested" : "active";
    if (status === "active" && options.role !== "mentor" && rules.capacity.maxMentees !== undefined) {
      // Serialise joins to one scheme so two people cannot both take the last place.
      await tx.execute(`select pg_advisory_xact_lock(hashtext('${scheme.id}'))` as never);
      const [taken] = await tx
        .select({ n: count() })
        .from(enrolments)
        .where(
          and(
            eq(enrolments.organisationId, options.organisationId),
            eq(enrolments.schemeId, scheme.id),
            inArray(enrolments.role, ["mentee", "peer"]),
            eq(enrolments.status, "active"),
          ),
        );
      if ((taken?.n ?? 0) >= rules.capacity.maxMentees) status = "waiting";
    }
    const [row] = await tx
      .insert(enrolments)
      .values({
        organisationId: options.organisationId,
        schemeId: scheme.id,
        personId: options.personId,
        role: options.role,
        status,
        consentWording: options.consentWording,
        consentedAt: options.now,
        applicationAnswers: Object.keys(answers).length > 0 ? answers : null,
        rulesVersion: scheme.currentVersion,
        eligibilityReason: status === "requested" ? eligibility.reasonForCoordinator : null,
        createdAt: options.now,
      })
      .returning({ id: enrolments.id, status: enrolments.status });
    if (options.role === "mentor") await refreshMentorPlaces(tx, options.organisationId, scheme.id);
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actorPersonId: options.personId,
      action: "enrolment.joined",
      subjectType: "enrolment",
      subjectId: row!.id,
      details: { role: options.role, status },
    });
    const next = nextStepFor(status, options.role, rules);
    return { enrolmentId: row!.id, status: row!.status, nextStep: next.text, nextAction: next.action };
  });
}

function joinRoleWords(roles: EnrolmentRole[]): string {
  return roles.map((r) => roleWords[r]).join(" or ");
}

/** What a person does next after joining, and the page it is done on ("profile": the scheme's matching profile). */
function nextStepFor(status: "requested" | "waiting" | "active", role: EnrolmentRole, rules: SchemeRules): { text: string; action: "profile" | null } {
  const says = (text: string) => ({ text, action: null });
  if (status === "requested") return says("Your request has gone to the scheme's coordinator, who will reply to you.");
  if (status === "waiting") return says("The scheme is full, so you are on its waiting list. We will tell you when a place comes up.");
  if (role === "mentor") {
    return says(
      rules.mentors.requiredModules.length > 0 || rules.mentors.approval
        ? "You have joined as a mentor. See what preparation is due in My preparation; the coordinator approves mentors once it is done."
        : "You have joined as a mentor. Next, set how many mentees you can take.",
    );
  }
  if (rules.mentees.preparation === "required") return says("Next, complete the short mentee preparation course before you are matched.");
  return { text: "You have joined. Next, complete your profile so you can be matched.", action: "profile" };
}

function checkAnswers(application: SchemeRules["application"], answers: Record<string, string | boolean>) {
  if (application.kind === "none") return {};
  const fieldErrors: Record<string, string[]> = {};
  const kept: Record<string, string | boolean> = {};
  for (const question of application.questions) {
    const answer = answers[question.id];
    const empty = answer === undefined || (typeof answer === "string" && answer.trim() === "");
    if (empty) {
      if (question.required) fieldErrors[`applicationAnswers.${question.id}`] = [`Answer "${question.label}"`];
      continue;
    }
    if (question.kind === "yes_no" ? typeof answer !== "boolean" : typeof answer !== "string") {
      fieldErrors[`applicationAnswers.${question.id}`] = [`Answer "${question.label}" with ${question.kind === "yes_no" ? "yes or no" : "text"}`];
      continue;
    }
    kept[question.id] = typeof answer === "string" ? answer.trim() : answer;
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("BAD_REQUEST", Object.values(fieldErrors)[0]![0]!, fieldErrors);
  }
  return kept;
}

export async function withdrawEnrolment(
  db: Database,
  options: { personId: string; organisationId: string; enrolmentId: string; now: Date },
) {
  return withTenant(db, { organisationId: options.organisationId, personId: options.personId }, async (tx) => {
    const [row] = await tx
      .update(enrolments)
      .set({ status: "withdrawn", withdrawnAt: options.now })
      .where(
        and(
          eq(enrolments.organisationId, options.organisationId),
          eq(enrolments.id, options.enrolmentId),
          eq(enrolments.personId, options.personId),
          inArray(enrolments.status, ["requested", "waiting", "active"]),
        ),
      )
      .returning({ id: enrolments.id, schemeId: enrolments.schemeId, role: enrolments.role });
    if (!row) throw new AppError("NOT_FOUND", "You are not taking part in that scheme");
    if (row.role === "mentor") await refreshMentorPlaces(tx, options.organisationId, row.schemeId);
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actorPersonId: options.personId,
      action: "enrolment.withdrawn",
      subjectType: "enrolment",
      subjectId: row.id,
    });
    return { enrolmentId: row.id, status: "withdrawn" as const };
  });
}

export async function myEnrolments(db: Database, options: { personId: string }) {
  return withPerson(db, options.personId, (tx) =>
    tx
      .select({
        enrolmentId: enrolments.id,
        organisationId: enrolments.organisationId,
        organisationName: organisations.name,
        schemeId: schemes.id,
        schemeName: schemes.name,
        schemeSlug: schemes.slug,
        organisationSlug: organisations.slug,
        role: enrolments.role,
        status: enrolments.status,
        reviewMessage: enrolments.reviewMessage,
        joinedAt: enrolments.createdAt,
        withdrawnAt: enrolments.withdrawnAt,
        /** How this scheme matches (free_choice, shortlist, allocation, auto, next_available). */
        matchingMode: sql<string>`coalesce(${schemeRuleVersions.rules} -> 'matching' ->> 'mode', 'free_choice')`,
        /** Whether mentees have a preparation course (none, offered, required). */
        menteePreparation: sql<string>`coalesce(${schemeRuleVersions.rules} -> 'mentees' ->> 'preparation', 'offered')`,
      })
      .from(enrolments)
      .innerJoin(schemes, and(eq(schemes.organisationId, enrolments.organisationId), eq(schemes.id, enrolments.schemeId)))
      .innerJoin(organisations, eq(organisations.id, enrolments.organisationId))
      .leftJoin(
        schemeRuleVersions,
        and(
          eq(schemeRuleVersions.organisationId, schemes.organisationId),
          eq(schemeRuleVersions.schemeId, schemes.id),
          eq(schemeRuleVersions.version, schemes.currentVersion),
        ),
      )
      .where(eq(enrolments.personId, options.personId))
      .orderBy(asc(schemes.name)),
  );
}

export async function listSchemeEnrolments(tx: Tx, options: { organisationId: string; schemeId: string }) {
  return tx
    .select({
      enrolmentId: enrolments.id,
      personId: people.id,
      name: people.name,
      email: people.email,
      role: enrolments.role,
      status: enrolments.status,
      eligibilityReason: enrolments.eligibilityReason,
      applicationAnswers: enrolments.applicationAnswers,
      rulesVersion: enrolments.rulesVersion,
      joinedAt: enrolments.createdAt,
      reviewMessage: enrolments.reviewMessage,
    })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.schemeId, options.schemeId)))
    .orderBy(asc(enrolments.createdAt));
}

export async function reviewEnrolment(
  tx: Tx,
  options: {
    organisationId: string;
    actorPersonId: string;
    enrolmentId: string;
    decision: "approve" | "decline";
    message?: string | undefined;
    mailer: Mailer;
    publicUrl: string;
    now: Date;
  },
) {
  const [row] = await tx
    .select({ enrolment: enrolments, email: people.email, name: people.name, schemeName: schemes.name })
    .from(enrolments)
    .innerJoin(people, eq(people.id, enrolments.personId))
    .innerJoin(schemes, and(eq(schemes.organisationId, enrolments.organisationId), eq(schemes.id, enrolments.schemeId)))
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.id, options.enrolmentId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "That request does not exist in this organisation");
  if (row.enrolment.status !== "requested" && !(row.enrolment.status === "waiting" && options.decision === "approve")) {
    throw new AppError("CONFLICT", "This request has already been answered");
  }
  const status = options.decision === "approve" ? "active" : "declined";
  await tx
    .update(enrolments)
    .set({
      status,
      reviewMessage: options.message?.trim() || null,
      reviewedByPersonId: options.actorPersonId,
      reviewedAt: options.now,
    })
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.id, options.enrolmentId)));
  if (row.enrolment.role === "mentor") await refreshMentorPlaces(tx, options.organisationId, row.enrolment.schemeId);
  await recordAudit(tx, {
    organisationId: options.organisationId,
    actorPersonId: options.actorPersonId,
    action: options.decision === "approve" ? "enrolment.approved" : "enrolment.declined",
    subjectType: "enrolment",
    subjectId: options.enrolmentId,
  });
  const decided = options.decision === "approve" ? "has been accepted" : "was not accepted";
  await options.mailer.send(tx, {
    to: row.email,
    subject: `Your request to join ${row.schemeName} ${decided}`,
    text: [
      `Dear ${row.name},`,
      "",
      `Your request to join ${row.schemeName} ${decided}.`,
      ...(options.message?.trim() ? ["", "The coordinator wrote:", options.message.trim()] : []),
      "",
      `See your schemes in the Tandem app: ${options.publicUrl.replace(/\/$/, "")}/app/schemes`,
    ].join("\n"),
  });
  return { enrolmentId: options.enrolmentId, status };
}
