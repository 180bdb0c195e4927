// A mentor in the pool: photo or initials, profile, free places and the explanation of their score.
import { Button, SummaryList, Tag } from "@tandem/ui";
import { capitalise, describeDistance, describeFreePlaces, formatPoints, formatScore, initials, ordinal } from "./matching-words";
import type { Mentor } from "./pool-types";

export function NoMentors({ filtered, requestOpen }: { filtered: boolean; requestOpen: boolean }) {
  if (filtered)
    return <p>No mentors match these filters. Try fewer filters or a longer distance.</p>;
  // The mentors asked hold the request's place: say that, not that nobody can take them on.
  if (requestOpen)
    return (
      <p>
        No other mentor has a free place at the moment. Your request stays with the mentors you
        chose until one of them answers.
      </p>
    );
  return (
    <>
      <p>
        No mentor can take you on at the moment. Mentors with free places appear here as soon as
        they are ready.
      </p>
      <p>Your coordinator can tell you when more mentors are expected.</p>
    </>
  );
}

export function Avatar({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  const size = 56;
  // The name is written beside it, so the picture is decorative.
  if (photoUrl) {
    return (
      <img
        src={photoUrl}
        alt=""
        width={size}
        height={size}
        style={{ borderRadius: "50%", objectFit: "cover", flexShrink: 0 }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        width: size,
        height: size,
        borderRadius: "50%",
        background: "#005eb8",
        color: "#ffffff",
        fontWeight: 600,
        fontSize: 20,
        flexShrink: 0,
      }}
    >
      {initials(name)}
    </span>
  );
}

export function MentorCard({
  mentor,
  place,
  canChoose,
  full,
  max,
  onToggle,
}: {
  mentor: Mentor;
  place: number;
  canChoose: boolean;
  full: boolean;
  max: number;
  onToggle: () => void;
}) {
  const headingId = `mentor-${mentor.enrolmentId}`;
  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <div
          style={{ display: "flex", gap: 16, alignItems: "center" }}
          className="nhsuk-u-margin-bottom-3"
        >
          <Avatar name={mentor.name} photoUrl={mentor.photoUrl} />
          <div>
            <h3
              className="nhsuk-card__heading nhsuk-heading-m nhsuk-u-margin-bottom-1"
              id={headingId}
            >
              {mentor.name}
            </h3>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              {mentor.specialty ?? "Specialty not given"}
            </p>
          </div>
        </div>
        {place >= 0 ? (
          <p>
            <Tag colour="green">Your {ordinal(place)} choice</Tag>
          </p>
        ) : null}
        {mentor.bio ? (
          <p style={{ whiteSpace: "pre-line" }}>{mentor.bio}</p>
        ) : (
          <p>{mentor.name} has not written an introduction yet.</p>
        )}
        <SummaryList
          rows={[
            {
              id: "topics",
              key: "Topics",
              value: mentor.topics.length > 0 ? mentor.topics.join(", ") : "None given",
            },
            {
              id: "availability",
              key: "Usually free",
              value: mentor.availability.length > 0 ? mentor.availability.join(", ") : "Not given",
            },
            {
              id: "distance",
              key: "Distance",
              value: `${describeDistance(mentor.distanceKm)}${mentor.remoteOk ? ", happy to meet remotely" : ""}`,
            },
            { id: "places", key: "Free places", value: describeFreePlaces(mentor.freePlaces) },
          ]}
        />
        <p className="nhsuk-u-margin-bottom-1">
          <strong>Match score {formatScore(mentor.score)}</strong> out of 1, made up of:
        </p>
        <ul className="nhsuk-body-s">
          {mentor.terms.map((term) => (
            <li key={term.label}>
              {capitalise(term.label)} {formatPoints(term.points)}
            </li>
          ))}
        </ul>
        {canChoose ? (
          place >= 0 ? (
            <Button
              type="button"
              variant="secondary"
              small
              className="nhsuk-u-margin-bottom-0"
              onClick={onToggle}
            >
              Remove<span className="nhsuk-u-visually-hidden"> {mentor.name}</span> from my choices
            </Button>
          ) : full ? (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              You have chosen {max} mentors. Remove one to choose {mentor.name}.
            </p>
          ) : (
            <Button
              type="button"
              variant="secondary"
              small
              className="nhsuk-u-margin-bottom-0"
              onClick={onToggle}
            >
              Choose<span className="nhsuk-u-visually-hidden"> {mentor.name}</span>
            </Button>
          )
        ) : null}
      </div>
    </article>
  );
}
