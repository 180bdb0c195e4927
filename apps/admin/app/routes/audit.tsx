// The organisation's audit log: who did what and when (never content), newest first, in pages.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { InsetText, Table } from "@tandem/ui";
import { guard, requireOrganisation } from "../lib/api.server";
import { formatDateTime, roleList } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle("Audit log", organisationNameFrom(matches));

const pageSize = 25;

type Details = Record<string, unknown> | null;

function rolesIn(details: Details, key: string): string | null {
  const value = details?.[key];
  return Array.isArray(value) ? roleList(value.map(String)) : null;
}

/** An audit entry in words, e.g. "Roles changed for Tom Whitaker: Participant to Coordinator, Participant". */
function describe(entry: { action: string; subjectType: string | null; subjectId: string | null; details: unknown }, names: Map<string, string>): string {
  const details = (entry.details && typeof entry.details === "object" ? entry.details : null) as Details;
  const roles = rolesIn(details, "roles");
  const subject = entry.subjectType === "person" && entry.subjectId ? names.get(entry.subjectId) : undefined;
  switch (entry.action) {
    case "invitation.sent":
      return `Invitation sent${roles ? ` (roles: ${roles})` : ""}`;
    case "invitation.accepted":
      return `Invitation accepted${roles ? ` (roles: ${roles})` : ""}`;
    case "invitation.revoked":
      return "Invitation withdrawn";
    case "membership.roles_changed": {
      const from = rolesIn(details, "from");
      const to = rolesIn(details, "to");
      return `Roles changed${subject ? ` for ${subject}` : ""}${from && to ? `: ${from} to ${to}` : ""}`;
    }
    case "organisation.seeded":
      return "Organisation seeded";
    default: {
      const words = entry.action.replace(/[._]/g, " ").trim();
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, ["org_admin", "coordinator"]);
  const beforeParam = Number(new URL(request.url).searchParams.get("before"));
  const before = Number.isInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;
  const organisationId = organisation.organisationId;
  const [audit, people] = await guard(request, headers, () =>
    Promise.all([
      caller.organisation.audit({ organisationId, before, limit: pageSize }),
      caller.organisation.people({ organisationId }),
    ]),
  );
  const names = new Map(people.members.map((m) => [m.personId, m.name]));
  return data(
    {
      organisationName: organisation.organisationName,
      isFirstPage: before === undefined,
      nextBefore: audit.nextBefore,
      entries: audit.entries.map((e) => ({
        id: e.id,
        at: e.at,
        who: e.actorName ?? "Tandem (automatic)",
        what: describe(e, names),
      })),
    },
    { headers },
  );
}

export default function Audit() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Audit log</h1>
      <p>Who did what in this organisation, newest first. The log never holds what people wrote.</p>
      {page.entries.length ? (
        <Table
          caption={page.isFirstPage ? "Latest entries" : "Older entries"}
          head={["When", "Who", "What"]}
          rowKeys={page.entries.map((e) => String(e.id))}
          rows={page.entries.map((e) => [
            <time key="at" dateTime={new Date(e.at).toISOString()}>
              {formatDateTime(e.at)}
            </time>,
            e.who,
            e.what,
          ])}
        />
      ) : (
        <InsetText>
          <p>{page.isFirstPage ? "Nothing has been recorded for this organisation yet." : "There are no older entries."}</p>
        </InsetText>
      )}
      {page.nextBefore !== null || !page.isFirstPage ? (
        <nav className="nhsuk-pagination" aria-label="Audit log pages">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {!page.isFirstPage ? (
              <li className="nhsuk-pagination-item--previous">
                <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href="/audit">
                  <span className="nhsuk-pagination__title">Newest entries</span>
                </a>
              </li>
            ) : null}
            {page.nextBefore !== null ? (
              <li className="nhsuk-pagination-item--next">
                <a className="nhsuk-pagination__link nhsuk-pagination__link--next" href={`/audit?before=${page.nextBefore}`}>
                  <span className="nhsuk-pagination__title">Older entries</span>
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
