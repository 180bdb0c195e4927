// A scheme's rule versions, newest first: who changed what, when and why, as a readable diff.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { BackLink, Table } from "@tandem/ui";
import { formatDateTime } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Version history of ${page.scheme.name}` : "Version history", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const { scheme, history } = await loadScheme(request, runner);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name, currentVersion: scheme.currentVersion },
      history,
    },
    { headers: runner.headers },
  );
}

export default function SchemeVersions() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/schemes/${page.scheme.id}`}>Back to {page.scheme.name}</BackLink>
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Version history of {page.scheme.name}</h1>
      <p>Each save of the rules is a new version. People keep the version they joined under.</p>
      {page.history.map((v, index) => {
        const first = index === page.history.length - 1;
        return (
          <section key={v.version} aria-labelledby={`version-${v.version}`} className="nhsuk-u-margin-bottom-7">
            <h2 id={`version-${v.version}`}>
              Version {v.version}
              {v.version === page.scheme.currentVersion ? " (current)" : ""}
            </h2>
            <p>
              <time dateTime={new Date(v.createdAt).toISOString()}>{formatDateTime(v.createdAt)}</time>
              {" by "}
              {v.createdBy ?? "Tandem"}
            </p>
            {v.changeNote ? (
              <blockquote className="nhsuk-inset-text">
                <span className="nhsuk-u-visually-hidden">Note: </span>
                <p>{v.changeNote}</p>
              </blockquote>
            ) : null}
            {first ? (
              <p>The first version.</p>
            ) : v.changes.length ? (
              <Table
                caption={`Changes from version ${page.history[index + 1]?.version ?? v.version - 1}`}
                captionSize="s"
                head={["Field", "Before", "After"]}
                firstCellIsHeader
                rowKeys={v.changes.map((c) => c.path)}
                rows={v.changes.map((c) => [c.label, c.before || "(empty)", c.after || "(empty)"])}
              />
            ) : (
              <p>No rules changed in this version.</p>
            )}
          </section>
        );
      })}
    </>
  );
}
