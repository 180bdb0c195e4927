// The two homes: what is next for a participant (their next meeting, what waits for them, their
// schemes), and what needs a coordinator in each of their schemes. Both compose the services the
// other pages use, so a home never disagrees with the page it links to. Reads only.
import type { Database, Tx } from "@tandem/db";
import { myFeedback } from "./feedback/answer";
import { myEnrolments } from "./enrolments";
import { myMatches } from "./matching/mine";
import { myMenteeCourses } from "./preparation/mentee-course";
import { mentorPool } from "./preparation/readiness";
import { myRelationships } from "./relationships/view";
import { relationshipCountsByScheme } from "./relationships/coordinator";
import { listSchemes, loadScheme } from "./schemes";

export async function participantHome(db: Database, options: { personId: string; now: Date }) {
  const [mentoring, matches, feedback, courses, joined] = await Promise.all([
    myRelationships(db, options),
    myMatches(db, options),
    myFeedback(db, options),
    myMenteeCourses(db, options),
    myEnrolments(db, options),
  ]);
  const live = mentoring.filter((r) => r.status !== "closed");
  const upcoming = live.filter((r) => r.nextMeetingAt && r.nextMeetingAt >= options.now).sort((a, b) => a.nextMeetingAt!.getTime() - b.nextMeetingAt!.getTime());
  const next = upcoming[0];
  // Schemes where the person already has a mentor, or a request out: nothing to choose there.
  const matchedIn = new Set([
    ...live.filter((r) => r.myRole === "mentee").map((r) => r.schemeId),
    ...matches.flatMap((o) => o.relationships.filter((r) => r.role === "mentee" && (r.status === "requested" || r.status === "active" || r.status === "paused")).map((r) => r.schemeId)),
  ]);
  return {
    nextMeeting: next
      ? { relationshipId: next.id, schemeName: next.schemeName, with: next.others.map((o) => o.name), at: next.nextMeetingAt! }
      : null,
    requests: matches.flatMap((o) =>
      o.relationships
        .filter((r) => r.role === "mentor" && r.status === "requested")
        .map((r) => ({ relationshipId: r.id, schemeName: r.schemeName, menteeName: r.otherName, expiresAt: r.expiresAt })),
    ),
    meetingTimesToPick: live.filter((r) => r.awaitingMyPick).map((r) => ({ relationshipId: r.id, schemeName: r.schemeName, with: r.others.map((o) => o.name) })),
    feedback: feedback.filter((f) => f.open && !f.given).map((f) => ({ requestId: f.requestId, schemeName: f.schemeName, point: f.point })),
    preparation: courses
      .filter((c) => c.status.state !== "done")
      .map((c) => ({ schemeName: c.schemeName, organisationSlug: c.organisationSlug, schemeSlug: c.schemeSlug, required: c.status.preparation === "required", pagesDone: c.status.pagesDone, pages: c.status.pages })),
    schemes: joined
      .filter((e) => e.status === "active" || e.status === "requested" || e.status === "waiting")
      .map((e) => ({
        enrolmentId: e.enrolmentId,
        schemeName: e.schemeName,
        organisationName: e.organisationName,
        organisationSlug: e.organisationSlug,
        schemeSlug: e.schemeSlug,
        role: e.role,
        status: e.status,
        /** A mentee here who picks their own mentor and has none yet. */
        canChooseMentor: e.role === "mentee" && e.status === "active" && (e.matchingMode === "free_choice" || e.matchingMode === "shortlist") && !matchedIn.has(e.schemeId),
      })),
  };
}

/**
 * Per scheme of the organisation: applications to review, mentors to approve, stalled and live
 * relationships. Applications and relationships are counted for every scheme at once (the schemes
 * list's grouped count, one pass over the relationships); mentors awaiting approval come from the
 * pool's readiness, read only for schemes that have mentors and approve them.
 */
export async function coordinatorHome(tx: Tx, options: { organisationId: string; now: Date }) {
  const [list, relationships] = [await listSchemes(tx, options), await relationshipCountsByScheme(tx, options)];
  const out = [];
  for (const scheme of list) {
    const approving = scheme.mentors > 0 && (await loadScheme(tx, options.organisationId, scheme.id)).rules.mentors.approval;
    const pool = approving ? await mentorPool(tx, { organisationId: options.organisationId, schemeId: scheme.id, now: options.now }) : null;
    out.push({
      schemeId: scheme.id,
      name: scheme.name,
      status: scheme.status,
      applications: scheme.awaitingReview,
      mentorsToApprove: pool ? pool.mentors.filter((m) => m.readiness.reasons.some((r) => r.code === "awaiting_approval")).length : 0,
      stalled: relationships.get(scheme.id)?.stalled ?? 0,
      live: relationships.get(scheme.id)?.live ?? 0,
    });
  }
  // Open schemes first, then drafts, then closed ones.
  const order = { open: 0, draft: 1, closed: 2 } as Record<string, number>;
  return out.sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || a.name.localeCompare(b.name));
}
