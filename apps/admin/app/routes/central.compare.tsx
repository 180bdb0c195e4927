// Central comparison (SPEC section 8): the rules of schemes from organisations that share with central,
// side by side. Rules are configuration, never personal data. Choices travel in the URL (GET).
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, type MetaFunction } from "@remix-run/react";
import { CompareSchemesInput, organisationKindLabels, type OrganisationKind } from "@tandem/core";
import { Button, Checkboxes, ErrorSummary, InsetText, Table, Tag } from "@tandem/ui";
import { guard, requireSignedIn } from "../lib/api.server";
import { pageTitle } from "../lib/meta";
import { isCentralAnalyst } from "../lib/scheme-route.server";

export const meta: MetaFunction = () => pageTitle("Compare schemes");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, me } = await requireSignedIn(request, context);
  if (!isCentralAnalyst(me)) throw new Response(null, { status: 403, statusText: "Forbidden", headers });
  const url = new URL(request.url);
  const chosen = [...new Set(url.searchParams.getAll("scheme"))];
  const onlyDifferences = url.searchParams.get("only") === "differences";
  const submitted = url.searchParams.has("compare") || chosen.length > 0;
  const organisations = await guard(request, headers, () => caller.central.schemes());

  const refs = chosen.flatMap((value) => {
    const [organisationId, schemeId] = value.split(":");
    return organisationId && schemeId ? [{ organisationId, schemeId }] : [];
  });
  let error: string | null = null;
  let comparison: Awaited<ReturnType<typeof caller.central.compare>> | null = null;
  if (submitted) {
    const parsed = CompareSchemesInput.safeParse({ schemes: refs });
    if (!parsed.success) error = parsed.error.issues[0]?.message ?? "Choose at least two schemes to compare";
    else comparison = await guard(request, headers, () => caller.central.compare(parsed.data));
  }
  return data(
    {
      organisations: organisations.map((o) => ({
        ...o,
        kindLabel: organisationKindLabels[o.kind as OrganisationKind] ?? o.kind,
      })),
      chosen,
      onlyDifferences,
      error,
      comparison,
    },
    { headers },
  );
}

export default function CompareSchemes() {
  const page = useLoaderData<typeof loader>();
  const withSchemes = page.organisations.filter((o) => o.schemes.length > 0);
  const firstId = withSchemes.length ? "schemes-0" : "compare-choices";
  const query = (only: boolean) => {
    const params = new URLSearchParams(page.chosen.map((c) => ["scheme", c]));
    if (only) params.set("only", "differences");
    return `?${params.toString()}`;
  };
  const rows = page.comparison ? page.comparison.rows.filter((r) => !page.onlyDifferences || r.differs) : [];
  const differing = page.comparison ? page.comparison.rows.filter((r) => r.differs).length : 0;

  return (
    <>
      {page.error ? <ErrorSummary key={page.chosen.join(",")} errors={[{ href: `#${firstId}`, text: page.error }]} /> : null}
      <span className="nhsuk-caption-l">Central comparison</span>
      <h1>Compare schemes</h1>
      <p>
        The rules of schemes from organisations that share with central, side by side. No information about people is
        shown here.
      </p>

      <Form method="get" id="compare-choices">
        <input type="hidden" name="compare" value="1" />
        {page.onlyDifferences ? <input type="hidden" name="only" value="differences" /> : null}
        <div className={page.error ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group"}>
          <fieldset className="nhsuk-fieldset" aria-describedby={page.error ? "compare-error compare-hint" : "compare-hint"}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">Schemes to compare</h2>
            </legend>
            <div className="nhsuk-hint" id="compare-hint">
              Choose between 2 and 6 open or closed schemes.
            </div>
            {page.error ? (
              <span className="nhsuk-error-message" id="compare-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {page.error}
              </span>
            ) : null}
            {withSchemes.length ? (
              withSchemes.map((o, index) => (
                <Checkboxes
                  key={o.organisationId}
                  idPrefix={`schemes-${index}`}
                  name="scheme"
                  legend={o.organisationName}
                  hint={[o.kindLabel, o.region].filter(Boolean).join(", ")}
                  small
                  items={o.schemes.map((s) => {
                    const value = `${o.organisationId}:${s.id}`;
                    return {
                      value,
                      label: s.status === "closed" ? `${s.name} (closed)` : s.name,
                      defaultChecked: page.chosen.includes(value),
                    };
                  })}
                />
              ))
            ) : (
              <InsetText>
                <p>No organisation that shares with central has an open or closed scheme yet.</p>
              </InsetText>
            )}
          </fieldset>
        </div>
        <Button>Compare</Button>
      </Form>

      {page.comparison ? (
        <>
          <h2>Rules side by side</h2>
          <p>
            {differing === 0
              ? "These schemes have the same rules."
              : `${differing} of ${page.comparison.rows.length} rules differ. Rules that differ are marked “Differs”.`}
          </p>
          <p>
            {page.onlyDifferences ? (
              <a href={query(false)}>Show all rules</a>
            ) : (
              <a href={query(true)}>Show only differences</a>
            )}
          </p>
          <Table
            caption={page.onlyDifferences ? "Rules that differ" : "All rules"}
            head={["Rule", ...page.comparison.columns.map((c) => `${c.schemeName} (${c.organisationName})`)]}
            firstCellIsHeader
            rowKeys={rows.map((r) => r.path)}
            rows={rows.map((r) => [
              r.differs ? (
                <span key="label">
                  <strong>{r.label}</strong> <Tag colour="yellow">Differs</Tag>
                </span>
              ) : (
                r.label
              ),
              ...r.values.map((v, i) => (r.differs ? <strong key={i}>{v || "(empty)"}</strong> : v || "(empty)")),
            ])}
          />
        </>
      ) : null}
    </>
  );
}
