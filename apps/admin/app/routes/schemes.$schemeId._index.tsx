// One scheme at a glance: status, what the rules say in plain English, publish or close, and the
// ways to its rules, versions, enrolments, matching, relationships, feedback and (where mentors are
// paid per meeting) claims.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { BackLink, Button, ErrorSummary, InsetText, SummaryList } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDateTime } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { fieldId } from "../lib/rules-form";
import { SchemeStatusTag } from "../lib/scheme-fields";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page?.scheme.name ?? "Scheme", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const [{ scheme, rules, summary, history }, relationships] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () => runner.caller.relationships.forScheme(runner.ref)),
  ]);
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: {
        id: scheme.id,
        name: scheme.name,
        status: scheme.status,
        listed: scheme.listed,
        currentVersion: scheme.currentVersion,
        updatedAt: scheme.updatedAt,
      },
      summary,
      versions: history.length,
      relationships: relationships.counts,
      // Claims only where the rules pay per meeting.
      claims: rules.remuneration.kind === "per_meeting",
      // The mentee course only where the rules offer or require it.
      menteeCourse: rules.mentees.preparation !== "none",
      flash,
    },
    { headers: runner.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const intent = (await request.formData()).get("intent");
  if (intent !== "publish" && intent !== "close") throw new Response(null, { status: 400, headers: runner.headers });
  try {
    if (intent === "publish") await runner.caller.scheme.publish(runner.ref);
    else await runner.caller.scheme.close(runner.ref);
  } catch (error) {
    const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
    const messages = [
      ...formErrors.map((text) => ({ text, field: null as string | null })),
      ...Object.entries(fieldErrors).flatMap(([field, list]) => list.filter(Boolean).map((text) => ({ text, field }))),
    ];
    return data({ intent, messages }, { status: 400, headers: runner.headers });
  }
  await setFlash(runner.headers, context, intent === "publish" ? "Scheme published" : "Scheme closed");
  return redirect(`/schemes/${runner.schemeId}`, { headers: runner.headers });
}

export default function SchemeOverview() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/schemes/${page.scheme.id}`;
  const busy = navigation.state !== "idle";
  const canPublish = page.scheme.status === "draft" || page.scheme.status === "closed";

  return (
    <>
      <BackLink href="/schemes">Back to schemes</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {result?.messages.length ? (
        <ErrorSummary
          key={JSON.stringify(result)}
          title={result.intent === "publish" ? "The scheme cannot be published yet" : "The scheme cannot be closed"}
          errors={result.messages.map((m) => ({
            href: m.field ? `${base}/rules#${fieldId(m.field)}` : "#status-actions",
            text: m.text,
          }))}
        />
      ) : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>{page.scheme.name}</h1>

      <SummaryList
        rows={[
          { id: "status", key: "Status", value: <SchemeStatusTag status={page.scheme.status} /> },
          { id: "listed", key: "Public directory", value: page.scheme.listed ? "Listed" : "Not listed" },
          {
            id: "version",
            key: "Rules",
            value: `Version ${page.scheme.currentVersion}, last changed ${formatDateTime(page.scheme.updatedAt)}`,
          },
        ]}
      />

      <h2>What the rules say</h2>
      <p className="nhsuk-body-s">This is how the scheme is described to people who might join.</p>
      <InsetText>
        <p>{page.summary}</p>
      </InsetText>

      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/rules`}>Edit rules</a>
        </li>
        <li>
          <a href={`${base}/versions`}>Version history</a> ({page.versions} {page.versions === 1 ? "version" : "versions"})
        </li>
        <li>
          <a href={`${base}/enrolments`}>Enrolments</a>
        </li>
        {page.menteeCourse ? (
          <li>
            <a href={`${base}/mentee-course`}>Mentee preparation course</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/matching`}>Matching</a>
        </li>
        <li>
          <a href={`${base}/relationships`}>Relationships</a> ({page.relationships.active} active
          {page.relationships.stalled > 0 ? (
            <>
              , <a href={`${base}/relationships?state=stalled`}>{page.relationships.stalled} stalled</a>
            </>
          ) : null}
          )
        </li>
        <li>
          <a href={`${base}/feedback`}>Feedback</a>
        </li>
        {page.claims ? (
          <li>
            <a href={`${base}/claims`}>Claims</a>
          </li>
        ) : null}
      </ul>

      <div id="status-actions" tabIndex={-1}>
        {canPublish ? (
          <>
            <h2>Publish</h2>
            <p>
              Publishing opens the scheme: people who can join see it in the app
              {page.scheme.listed ? " and in the public directory" : ""}, and can ask to join. You can still change the
              rules afterwards; people already taking part keep the version they joined under.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <Button disabled={busy}>Publish scheme</Button>
            </Form>
          </>
        ) : null}
        {page.scheme.status === "open" ? (
          <>
            <h2>Close</h2>
            <p>
              Closing stops anyone new joining. People taking part now carry on. You can publish it again later.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <Button variant="warning" disabled={busy}>
                Close scheme
              </Button>
            </Form>
          </>
        ) : null}
      </div>
    </>
  );
}
