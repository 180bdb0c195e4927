// The guide for a kind of meeting (the scheme's own words, or the product's): what a contract, a
// regular or a review meeting is for. Folded away so it is there when wanted and quiet otherwise.
import type { Detail, MeetingKind } from "./relationship-types";
import { kindWords } from "./relationship-words";

export function MeetingGuide({
  detail,
  kind,
  open,
}: {
  detail: Detail;
  kind: MeetingKind;
  open?: boolean;
}) {
  return (
    <details className="nhsuk-details" open={open}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          What a {kindWords[kind].toLowerCase()} is for
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <p style={{ whiteSpace: "pre-line" }}>{detail.guides[kind]}</p>
      </div>
    </details>
  );
}

/** The other current members' names, as forms and messages say them. */
export function otherNames(detail: Pick<Detail, "members">): string[] {
  return detail.members.filter((m) => !m.you && !m.left).map((m) => m.name);
}
