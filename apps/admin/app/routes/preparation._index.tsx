// Mentor preparation at a glance: each open scheme's mentor pool with how many are ready, the other
// preparation pages, and training records waiting for a coordinator to verify them.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { readinessStatus } from "@tandem/core";
import { Button, InsetText, Table } from "@tandem/ui";
import { guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { allPools, isUuid, requirePreparation } from "../lib/preparation.server";
import { formatDay } from "../lib/preparation-words";

export const meta: MetaFunction = ({ matches }) => pageTitle("Mentor preparation", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context);
  const [pools, waiting] = await Promise.all([
    allPools(request, session, { openOnly: true }),
    guard(request, session.headers, () => session.caller.preparation.records({ ...session.org, unverifiedOnly: true })),
  ]);
  const flash = await takeFlash(request, session.headers, context);
  return data(
    {
      organisationName: session.organisation.organisationName,
      schemes: pools.map(({ scheme, pool }) => ({
        id: scheme.id,
        name: scheme.name,
        ready: pool.mentors.filter((m) => readinessStatus(m.readiness) === "ready").length,
        full: pool.mentors.filter((m) => readinessStatus(m.readiness) === "full").length,
        notReady: pool.mentors.filter((m) => readinessStatus(m.readiness) === "not_ready").length,
      })),
      waiting: waiting.map((r) => ({
        id: r.id,
        personId: r.personId,
        personName: r.personName,
        moduleName: r.moduleName,
        completedOn: r.completedOn,
        provider: r.provider,
        evidenceNote: r.evidenceNote,
        evidenceFileId: r.evidenceFileId,
      })),
      flash,
    },
    { headers: session.headers },
  );
}

/** Verifying a record that waits for a coordinator. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePreparation(request, context);
  const formData = await request.formData();
  const recordId = formData.get("recordId");
  if (formData.get("intent") === "verify" && isUuid(recordId)) {
    await guard(request, session.headers, () => session.caller.preparation.verifyRecord({ ...session.org, recordId }));
    await setFlash(session.headers, context, `Record verified for ${String(formData.get("personName") ?? "the mentor")}`);
  }
  return redirect("/preparation", { headers: session.headers });
}

export default function PreparationOverview() {
  const page = useLoaderData<typeof loader>();
  const navigation = useNavigation();

  return (
    <>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Mentor preparation</h1>

      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          <a href="/preparation/modules">Module catalogue</a>
        </li>
        <li>
          <a href="/preparation/import">Import course attendance</a>
        </li>
        <li>
          <a href="/preparation/events">Support events</a>
        </li>
      </ul>

      {page.schemes.length ? (
        <Table
          caption="Mentor pools of open schemes"
          head={["Scheme", "Ready", "Ready, no free places", "Not ready"]}
          firstCellIsHeader
          rowKeys={page.schemes.map((s) => s.id)}
          rows={page.schemes.map((s) => [
            <a key="pool" href={`/preparation/pool/${s.id}`}>
              Mentor pool: {s.name}
            </a>,
            String(s.ready),
            String(s.full),
            String(s.notReady),
          ])}
        />
      ) : (
        <>
          <h2>Mentor pools of open schemes</h2>
          <InsetText>
            <p>
              No schemes are open. <a href="/schemes">Go to schemes</a>.
            </p>
          </InsetText>
        </>
      )}

      {page.waiting.length ? (
        <Table
          caption="Records waiting for verification"
          head={["Mentor", "Module", "Completed", "Provider", "Evidence", "Action"]}
          firstCellIsHeader
          rowKeys={page.waiting.map((r) => r.id)}
          rows={page.waiting.map((r) => [
            <a key="mentor" href={`/preparation/mentors/${r.personId}`}>
              {r.personName}
            </a>,
            r.moduleName,
            formatDay(r.completedOn),
            r.provider ?? "Not given",
            <span key="evidence">
              {r.evidenceNote ?? ""}
              {r.evidenceNote && r.evidenceFileId ? " " : ""}
              {r.evidenceFileId ? (
                <a href={`/evidence/${r.evidenceFileId}`}>
                  Download evidence<span className="nhsuk-u-visually-hidden"> from {r.personName}</span>
                </a>
              ) : null}
              {!r.evidenceNote && !r.evidenceFileId ? "None" : null}
            </span>,
            <Form key="verify" method="post" className="tandem-inline-form">
              <input type="hidden" name="intent" value="verify" />
              <input type="hidden" name="recordId" value={r.id} />
              <input type="hidden" name="personName" value={r.personName} />
              <Button small className="nhsuk-u-margin-bottom-0" disabled={navigation.state !== "idle"}>
                Verify<span className="nhsuk-u-visually-hidden"> {r.moduleName} for {r.personName}</span>
              </Button>
            </Form>,
          ])}
        />
      ) : (
        <>
          <h2>Records waiting for verification</h2>
          <p>No records are waiting for verification.</p>
        </>
      )}
    </>
  );
}
