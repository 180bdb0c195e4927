// Links from "My schemes" to the matching screens for a scheme the person takes part in. A mentee
// chooses a mentor only where the scheme lets them (free choice, shortlist); where the coordinator
// matches mentees, the link goes to their match on "My matches" instead.
import { Link, menteeCoursePath } from "../../lib/router";
import { choosePath, matchesPath, menteeChooses, profilePath } from "./matching-words";

export function MatchingLinks({
  enrolment,
}: {
  enrolment: {
    role: string;
    status: string;
    schemeName: string;
    organisationSlug: string;
    schemeSlug: string;
    /** How the scheme matches ("free_choice", "shortlist", "allocation", "auto", "next_available"). */
    matchingMode?: string | null;
    /** Whether mentees have a preparation course ("none", "offered", "required"). */
    menteePreparation?: string | null;
  };
}) {
  if (enrolment.status !== "active") return null;
  const hidden = <span className="nhsuk-u-visually-hidden"> in {enrolment.schemeName}</span>;
  return (
    <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
      {enrolment.role === "mentee" && menteeChooses(enrolment.matchingMode) ? (
        <li>
          <Link href={choosePath(enrolment.organisationSlug, enrolment.schemeSlug)}>
            Choose a mentor{hidden}
          </Link>
        </li>
      ) : (
        <li>
          <Link href={matchesPath}>
            {enrolment.role === "mentee"
              ? "Your match"
              : enrolment.role === "mentor"
                ? "Requests and mentees"
                : "My group"}
            {hidden}
          </Link>
        </li>
      )}
      {enrolment.role === "mentee" && (enrolment.menteePreparation === "offered" || enrolment.menteePreparation === "required") ? (
        <li>
          <Link href={menteeCoursePath(enrolment.organisationSlug, enrolment.schemeSlug)}>
            Preparation course{hidden}
          </Link>
        </li>
      ) : null}
      <li>
        <Link
          href={`${profilePath(enrolment.organisationSlug, enrolment.schemeSlug)}?role=${enrolment.role}`}
        >
          Matching profile{hidden}
        </Link>
      </li>
    </ul>
  );
}
