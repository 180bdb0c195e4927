// A mentee's view of the pool (free choice) or their shortlist: each mentor with profile and the
// explanation of their score, and where their own request stands. A read: it changes nothing.
import { distanceKm, menteeCourseHoldWords, type MentorFilters } from "@tandem/core";
import { and, eq, inArray } from "drizzle-orm";
import { type Enrolment, isPair, matchRequests, relationships, type Tx } from "@tandem/db";
import { loadMatchingInputs, type MatchingInputs } from "./inputs";
import { assertMenteesChoose, isOpenRequest, offeredMentors } from "./requests";

export async function browsePool(tx: Tx, options: { organisationId: string; schemeId: string; mentee: Enrolment; filters?: MentorFilters; now: Date }) {
  const me = options.mentee;
  const inputs = await loadMatchingInputs(tx, options);
  assertMenteesChoose(inputs);
  const state = await menteeState(tx, { organisationId: options.organisationId, menteeEnrolmentId: me.id, inputs, now: options.now });
  const ranked = offeredMentors(inputs, me.id, options.filters);
  const mentorFacts = new Map(inputs.mentors.map((m) => [m.id, m]));
  const menteeFacts = inputs.mentees.find((m) => m.id === me.id) ?? null;
  return {
    scheme: { id: inputs.scheme.id, name: inputs.scheme.name, organisationId: options.organisationId },
    mode: inputs.rules.matching.mode,
    shortlistSize: inputs.rules.matching.shortlistSize ?? null,
    requestExpiryDays: inputs.rules.matching.requestExpiryDays,
    maxChoices: 3,
    topics: [...new Set(inputs.mentors.flatMap((m) => m.topicsOffered))].sort(),
    specialties: [...new Set(inputs.mentors.map((m) => m.specialty).filter((s): s is string => !!s))].sort(),
    me: { enrolmentId: me.id, topics: me.topics, availability: me.availability, remoteOk: me.remoteOk },
    /** Why no mentors are offered yet: the scheme's required preparation course is not finished (a mentee already matched is not held). */
    preparationHold: inputs.heldForPreparation.has(me.id) && !inputs.menteesWithLiveRelationship.has(me.id) ? menteeCourseHoldWords : null,
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

/** Where the mentee's request stands: each choice passed, asked or waiting; and any mentor they have. */
async function menteeState(tx: Tx, options: { organisationId: string; menteeEnrolmentId: string; inputs: MatchingInputs; now: Date }) {
  const [request] = await tx
    .select()
    .from(matchRequests)
    .where(and(eq(matchRequests.organisationId, options.organisationId), eq(matchRequests.menteeEnrolmentId, options.menteeEnrolmentId), eq(matchRequests.status, "open")));
  const live = await tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.organisationId, options.organisationId), eq(relationships.menteeEnrolmentId, options.menteeEnrolmentId), inArray(relationships.status, ["requested", "active"])));
  const name = (id: string) => options.inputs.profiles.get(id)?.name ?? "A mentor who has left";
  const asked = live.find((l) => l.status === "requested");
  return {
    request: request
      ? {
          id: request.id,
          choices: request.choices.map((id, i) => ({
            enrolmentId: id,
            name: name(id),
            state: (i < request.position ? "passed" : i === request.position ? "asked" : "waiting") as "passed" | "asked" | "waiting",
          })),
          expiresAt: asked?.expiresAt ?? null,
          /** The mentor asked did not answer in time; the request passes to the next choice within the hour. */
          overdue: asked ? !isOpenRequest(asked, options.now) : false,
        }
      : null,
    matchedWith: live.filter(isPair).filter((l) => l.status === "active").map((l) => ({ relationshipId: l.id, name: name(l.mentorEnrolmentId) })),
  };
}
