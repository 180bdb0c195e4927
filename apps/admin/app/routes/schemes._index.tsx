// The active organisation's schemes: status, version, who is taking part and what needs attention.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { InsetText, Table } from "@tandem/ui";
import { guard, requireOrganisation } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { takeFlash } from "../lib/flash.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { SchemeStatusTag } from "../lib/scheme-fields";
import { schemeRunners } from "../lib/scheme-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Schemes", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, schemeRunners);
  const schemes = await guard(request, headers, () =>
    caller.scheme.list({ organisationId: organisation.organisationId }),
  );
  const flash = await takeFlash(request, headers, context);
  return data({ organisationName: organisation.organisationName, schemes, flash }, { headers });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default function Schemes() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Schemes</h1>
      <p>
        <a className="nhsuk-button" href="/schemes/new" draggable="false">
          Create a scheme
        </a>
      </p>
      {page.schemes.length ? (
        <Table
          caption="Your organisation's schemes"
          head={["Scheme", "Status", "Public directory", "Rules", "Taking part", "Needs attention"]}
          firstCellIsHeader
          rowKeys={page.schemes.map((s) => s.id)}
          rows={page.schemes.map((s) => {
            const attention = [
              s.awaitingReview ? `${s.awaitingReview} awaiting review` : null,
              s.waiting ? `${s.waiting} waiting` : null,
            ].filter((t): t is string => t !== null);
            return [
              <a key="name" href={`/schemes/${s.id}`}>
                {s.name}
              </a>,
              <SchemeStatusTag key="status" status={s.status} />,
              s.listed ? "Listed" : "Not listed",
              `Version ${s.currentVersion}`,
              `${plural(s.mentees, "mentee")}, ${plural(s.mentors, "mentor")}`,
              attention.length ? (
                <a key="attention" href={`/schemes/${s.id}/enrolments`}>
                  {attention.join(", ")}
                </a>
              ) : (
                "Nothing"
              ),
            ];
          })}
        />
      ) : (
        <InsetText>
          <p>Your organisation has no schemes yet. Create one from a template, then edit its rules and publish it.</p>
        </InsetText>
      )}
    </>
  );
}
