// A person's own matching profile in a scheme, per role they take part as: topics, availability,
// remote meetings, a short introduction and (mentors) how many mentees they take.
import type { MatchingProfileFields } from "@tandem/core";
import { and, eq } from "drizzle-orm";
import { type Enrolment, enrolments, type Tx } from "@tandem/db";
import { AppError } from "../../errors";
import { refreshMentorPlaces } from "../enrolments";
import { loadScheme } from "./inputs";

/** What the person has told the scheme for matching, per role, and the scheme's limits. */
export async function myProfile(tx: Tx, options: { organisationId: string; schemeId: string; mine: Enrolment[] }) {
  const { scheme, rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  return {
    scheme: { id: scheme.id, name: scheme.name, mode: rules.matching.mode },
    suggestedTopics: rules.topics,
    maxMentees: rules.mentors.maxMentees,
    usualCapacity: rules.matching.mentorCapacityDefault,
    roles: options.mine.map((e) => ({ role: e.role, topics: e.topics, availability: e.availability, unavailable: e.unavailable, remoteOk: e.remoteOk, bio: e.bio, capacity: e.capacity })),
  };
}

export async function updateProfile(
  tx: Tx,
  options: { organisationId: string; schemeId: string; mine: Enrolment[]; profile: MatchingProfileFields & { capacity?: number | null }; now: Date },
) {
  const { profile } = options;
  const me = options.mine.find((e) => e.role === profile.role);
  if (!me) throw new AppError("FORBIDDEN", `You are not taking part in this scheme as a ${profile.role}`);
  const { rules } = await loadScheme(tx, options.organisationId, options.schemeId);
  if (profile.capacity !== undefined && profile.capacity !== null) {
    if (profile.role !== "mentor") throw new AppError("BAD_REQUEST", "Only mentors set how many mentees they take", { capacity: ["Only mentors set how many mentees they take"] });
    if (profile.capacity > rules.mentors.maxMentees) {
      throw new AppError("BAD_REQUEST", `This scheme allows at most ${rules.mentors.maxMentees} mentees per mentor`, { capacity: [`Enter ${rules.mentors.maxMentees} or fewer`] });
    }
  }
  await tx
    .update(enrolments)
    .set({
      topics: profile.topics,
      availability: profile.availability,
      unavailable: profile.unavailable ?? [],
      remoteOk: profile.remoteOk,
      bio: profile.bio,
      ...(profile.role === "mentor" && profile.capacity !== undefined ? { capacity: profile.capacity } : {}),
    })
    .where(and(eq(enrolments.organisationId, options.organisationId), eq(enrolments.id, me.id)));
  if (profile.role === "mentor") await refreshMentorPlaces(tx, options.organisationId, options.schemeId, options.now);
  return { ok: true as const };
}
