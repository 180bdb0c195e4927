// Links from "My schemes" to the matching screens for a scheme the person takes part in.
import { Link } from "../../lib/router";
import { choosePath, matchesPath, profilePath } from "./matching-words";

export function MatchingLinks({
  enrolment,
}: {
  enrolment: {
    role: string;
    status: string;
    schemeName: string;
    organisationSlug: string;
    schemeSlug: string;
  };
}) {
  if (enrolment.status !== "active") return null;
  const hidden = <span className="nhsuk-u-visually-hidden"> in {enrolment.schemeName}</span>;
  return (
    <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
      {enrolment.role === "mentee" ? (
        <li>
          <Link href={choosePath(enrolment.organisationSlug, enrolment.schemeSlug)}>
            Choose a mentor{hidden}
          </Link>
        </li>
      ) : (
        <li>
          <Link href={matchesPath}>
            {enrolment.role === "mentor" ? "Requests and mentees" : "My group"}
            {hidden}
          </Link>
        </li>
      )}
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
