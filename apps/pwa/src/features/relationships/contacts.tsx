// The other members' work contact details (seen by the people matched with them, SPEC section 6) and
// when they are usually free, so arranging the first meeting needs nothing else.
import { SummaryList, type SummaryListRow } from "@tandem/ui";
import type { Detail, Member } from "./relationship-types";
import { capitalise } from "../matching/matching-words";
import { roleWords } from "./relationship-words";

function rowsFor(member: Member): SummaryListRow[] {
  const rows: SummaryListRow[] = [
    { id: "role", key: "Role", value: capitalise(roleWords[member.role]) },
    {
      id: "email",
      key: "Email",
      value: member.email ? (
        <a href={`mailto:${member.email}`} style={{ overflowWrap: "anywhere" }}>
          {member.email}
        </a>
      ) : (
        "Not known"
      ),
    },
  ];
  if (member.availability.length > 0)
    rows.push({ id: "free", key: "Usually free", value: member.availability.join(", ") });
  if (member.unavailable.length > 0)
    rows.push({ id: "away", key: "Not available", value: member.unavailable.join(", ") });
  return rows;
}

export function Contacts({ detail }: { detail: Detail }) {
  const others = detail.members.filter((m) => !m.you && !m.left);
  return (
    <section aria-labelledby="contacts">
      <h2 className="nhsuk-heading-m" id="contacts">
        {others.length === 1 ? "Contact details" : "Who is in this group"}
      </h2>
      {others.length === 0 ? <p>Nobody else is in this relationship now.</p> : null}
      {others.map((member) => (
        <div key={member.personId}>
          <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">{member.name}</h3>
          <SummaryList rows={rowsFor(member)} />
        </div>
      ))}
    </section>
  );
}
