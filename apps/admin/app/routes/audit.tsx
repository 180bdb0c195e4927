// The organisation's audit log: who did what and when (never content), newest first, in pages, with
// the scheme each entry is about, narrowed by action, person, scheme and dates in the page's URL.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, type MetaFunction } from "@remix-run/react";
import { AuditFilters } from "@tandem/core";
import { Button, ErrorSummary, InsetText, Select, Table, TextInput } from "@tandem/ui";
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
    default:
      return actionWords(entry.action);
  }
}

const filterNames = ["action", "actorPersonId", "schemeId", "from", "to"] as const;

/** The filters in the URL: the valid ones apply; each invalid one is kept as typed with its message. */
function readFilters(params: URLSearchParams) {
  const typed = Object.fromEntries(filterNames.map((name) => [name, params.get(name)?.trim() ?? ""])) as Record<(typeof filterNames)[number], string>;
  const given = Object.fromEntries(Object.entries(typed).filter(([, value]) => value !== ""));
  const parsed = AuditFilters.safeParse(given);
  if (parsed.success) return { typed, filters: parsed.data, errors: {} as Record<string, string> };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const valid = Object.fromEntries(Object.entries(given).filter(([name]) => !errors[name]));
  const retried = AuditFilters.safeParse(valid);
  return { typed, filters: retried.success ? retried.data : {}, errors };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, ["org_admin", "coordinator"]);
  const params = new URL(request.url).searchParams;
  const beforeParam = Number(params.get("before"));
  const before = Number.isInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined;
  const { typed, filters, errors } = readFilters(params);
  const organisationId = organisation.organisationId;
  const [audit, people, schemes] = await guard(request, headers, () =>
    Promise.all([
      caller.organisation.audit({ organisationId, before, limit: pageSize, ...filters }),
      caller.organisation.people({ organisationId }),
      caller.scheme.list({ organisationId }),
    ]),
  );
  const names = new Map(people.members.map((m) => [m.personId, m.name]));
  const kept = new URLSearchParams(Object.entries(typed).filter(([, value]) => value !== ""));
  return data(
    {
      organisationName: organisation.organisationName,
      isFirstPage: before === undefined,
      nextBefore: audit.nextBefore,
      /** The filters as a query string, for the page links. */
      query: kept.toString(),
      filtered: kept.size > 0,
      typed,
      errors,
      actions: audit.actionKinds.map((action) => ({ value: action, text: actionWords(action) })),
      people: people.members.map((m) => ({ value: m.personId, text: m.name })).sort((a, b) => a.text.localeCompare(b.text)),
      schemes: schemes.map((s) => ({ value: s.id, text: s.name })).sort((a, b) => a.text.localeCompare(b.text)),
      entries: audit.entries.map((e) => ({
        id: e.id,
        at: e.at,
        who: e.actorName ?? "Tandem (automatic)",
        what: describe(e, names),
        scheme: e.schemeName ?? "",
      })),
    },
    { headers },
  );
}

/** "scheme.rules_changed" -> "Scheme rules changed". */
function actionWords(action: string): string {
  const words = action.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const filterLabels: Record<string, string> = { action: "Action", actorPersonId: "Who", schemeId: "Scheme", from: "From", to: "To" };

export default function Audit() {
  const page = useLoaderData<typeof loader>();
  const anything = (text: string) => [{ value: "", text }];
  const errorItems = Object.entries(page.errors).map(([name, message]) => ({ href: `#${name}`, text: `${filterLabels[name] ?? name}: ${message}` }));
  const pageLink = (before?: number) => {
    const query = new URLSearchParams(page.query);
    if (before !== undefined) query.set("before", String(before));
    const text = query.toString();
    return text ? `/audit?${text}` : "/audit";
  };
  return (
    <>
      {errorItems.length ? <ErrorSummary errors={errorItems} /> : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Audit log</h1>
      <p>Who did what in this organisation, newest first. The log never holds what people wrote.</p>
      <Form method="get" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="nhsuk-heading-s">
          Filter the log
        </h2>
        <Select id="action" name="action" label="Action" defaultValue={page.typed.action} error={page.errors.action} options={[...anything("Any action"), ...page.actions]} />
        <Select id="actorPersonId" name="actorPersonId" label="Who" defaultValue={page.typed.actorPersonId} error={page.errors.actorPersonId} options={[...anything("Anyone"), ...page.people]} />
        <Select id="schemeId" name="schemeId" label="Scheme" defaultValue={page.typed.schemeId} error={page.errors.schemeId} options={[...anything("Any scheme"), ...page.schemes]} />
        <TextInput id="from" name="from" label="From" hint="The first day, for example 2026-03-14" width={10} autoComplete="off" defaultValue={page.typed.from} error={page.errors.from} />
        <TextInput id="to" name="to" label="To" hint="The last day, for example 2026-03-31" width={10} autoComplete="off" defaultValue={page.typed.to} error={page.errors.to} />
        <Button variant="secondary">Apply filters</Button>
        {page.filtered ? (
          <p>
            <a href="/audit">Clear filters</a>
          </p>
        ) : null}
      </Form>
      {page.entries.length ? (
        <Table
          caption={page.filtered ? "Matching entries" : page.isFirstPage ? "Latest entries" : "Older entries"}
          head={["When", "Who", "What", "Scheme"]}
          rowKeys={page.entries.map((e) => String(e.id))}
          rows={page.entries.map((e) => [
            <time key="at" dateTime={new Date(e.at).toISOString()}>
              {formatDateTime(e.at)}
            </time>,
            e.who,
            e.what,
            e.scheme,
          ])}
        />
      ) : (
        <InsetText>
          <p>
            {page.filtered
              ? "No entries match these filters."
              : page.isFirstPage
                ? "Nothing has been recorded for this organisation yet."
                : "There are no older entries."}
          </p>
        </InsetText>
      )}
      {page.nextBefore !== null || !page.isFirstPage ? (
        <nav className="nhsuk-pagination" aria-label="Audit log pages">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {!page.isFirstPage ? (
              <li className="nhsuk-pagination-item--previous">
                <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={pageLink()}>
                  <span className="nhsuk-pagination__title">Newest entries</span>
                </a>
              </li>
            ) : null}
            {page.nextBefore !== null ? (
              <li className="nhsuk-pagination-item--next">
                <a className="nhsuk-pagination__link nhsuk-pagination__link--next" href={pageLink(page.nextBefore)}>
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
