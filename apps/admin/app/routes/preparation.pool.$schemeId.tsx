// A scheme's mentor pool: each mentor's readiness with its reasons and what falls due next, filters,
// and the coordinator's approve or decline (one at a time with a note the mentor sees, or in bulk).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { MentorDecisionFields, readinessStatus, upcomingWithin } from "@tandem/core";
import { BackLink, Button, ErrorSummary, InsetText, Select, Table, Textarea, WarningCallout } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { idOr404, requirePreparation } from "../lib/preparation.server";
import { dueLabel, lapsedCodes, plural, ReadinessTag, validityLabel } from "../lib/preparation-words";

const filters = {
  all: "All mentors",
  due: "Due in the next 30 days",
  lapsed: "Lapsed",
  awaiting: "Awaiting approval",
} as const;
type Filter = keyof typeof filters;

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Mentor pool: ${page.scheme.name}` : "Mentor pool", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context);
  const schemeId = idOr404(params.schemeId, session.headers);
  const [pool, modules] = await Promise.all([
    guard(request, session.headers, () => session.caller.preparation.pool({ ...session.org, schemeId })),
    guard(request, session.headers, () => session.caller.preparation.modules(session.org)),
  ]);
  const url = new URL(request.url);
  const show: Filter = (Object.keys(filters) as Filter[]).find((f) => f === url.searchParams.get("show")) ?? "all";
  const now = new Date();
  const mentors = pool.mentors.map((m) => {
    const codes = m.readiness.reasons.map((r) => r.code as string);
    const next = m.readiness.upcoming[0];
    // What the coordinator can decide: a mentor already approved (or in a scheme that asks for no
    // approval) is not offered "Approve" again.
    const decision = codes.includes("awaiting_approval")
      ? ("awaiting" as const)
      : codes.includes("declined")
        ? ("declined" as const)
        : pool.approvalRequired
          ? ("approved" as const)
          : ("not_needed" as const);
    return {
      personId: m.personId,
      name: m.name,
      email: m.email,
      status: readinessStatus(m.readiness),
      decision,
      places: `${m.activeMentees} of ${m.capacity}`,
      reasons: m.readiness.reasonTexts,
      nextDue: next ? dueLabel(next) : null,
      dueSoon: upcomingWithin(m.readiness, { now, days: 30 }).length > 0,
      lapsed: codes.some((c) => lapsedCodes.has(c)),
      awaiting: codes.includes("awaiting_approval"),
    };
  });
  const shown = mentors.filter((m) => (show === "due" ? m.dueSoon : show === "lapsed" ? m.lapsed : show === "awaiting" ? m.awaiting : true));
  const codes = new Set(modules.map((m) => m.code));
  const flash = await takeFlash(request, session.headers, context);
  return data(
    {
      organisationName: session.organisation.organisationName,
      scheme: pool.scheme,
      requiredModules: pool.requiredModules.map((m) => ({
        code: m.id,
        name: m.name,
        validityMonths: m.validityMonths ?? null,
        inCatalogue: codes.has(m.id),
      })),
      total: mentors.length,
      readyCount: mentors.filter((m) => m.status === "ready").length,
      fullCount: mentors.filter((m) => m.status === "full").length,
      undecided: shown.some((m) => m.decision === "awaiting" || m.decision === "declined"),
      show,
      mentors: shown,
      flash,
    },
    { headers: session.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await requirePreparation(request, context);
  const schemeId = idOr404(params.schemeId, session.headers);
  const formData = await request.formData();
  const pool = await guard(request, session.headers, () => session.caller.preparation.pool({ ...session.org, schemeId }));
  const names = new Map(pool.mentors.map((m) => [m.personId, m.name]));
  const back = `/preparation/pool/${schemeId}${formData.get("show") ? `?show=${encodeURIComponent(String(formData.get("show")))}` : ""}`;

  if (formData.get("intent") === "approve-selected") {
    const chosen = formData.getAll("personId").map(String).filter((id) => names.has(id));
    if (chosen.length === 0) {
      return data({ target: "select-first", message: "Select at least one mentor to approve" }, { status: 400, headers: session.headers });
    }
    for (const personId of chosen) {
      await guard(request, session.headers, () => session.caller.preparation.decideMentor({ ...session.org, schemeId, personId, decision: "approved" }));
    }
    await setFlash(session.headers, context, chosen.length === 1 ? `${names.get(chosen[0]!)} approved` : `${chosen.length} mentors approved`);
    return redirect(back, { headers: session.headers });
  }

  const personId = String(formData.get("personId") ?? "");
  const parsed = MentorDecisionFields.safeParse({
    schemeId,
    personId,
    decision: formData.get("decision"),
    note: String(formData.get("note") ?? "").trim() || undefined,
  });
  if (!parsed.success || !names.has(personId)) {
    const message = parsed.success ? "That person is not a mentor in this scheme" : (parsed.error.issues[0]?.message ?? "Check the answer");
    return data({ target: `note-${personId}`, message }, { status: 400, headers: session.headers });
  }
  try {
    await session.caller.preparation.decideMentor({ ...session.org, ...parsed.data });
  } catch (error) {
    const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, session.headers);
    const message = formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "The decision could not be saved";
    return data({ target: `note-${personId}`, message }, { status: 400, headers: session.headers });
  }
  const name = names.get(personId) ?? "The mentor";
  await setFlash(session.headers, context, parsed.data.decision === "approved" ? `${name} approved` : `${name} declined`);
  return redirect(back, { headers: session.headers });
}

export default function MentorPool() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const missing = page.requiredModules.filter((m) => !m.inCatalogue);
  const firstUndecided = page.mentors.find((m) => m.decision === "awaiting" || m.decision === "declined")?.personId;

  return (
    <>
      <BackLink href="/preparation">Back to mentor preparation</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {result ? <ErrorSummary key={JSON.stringify(result)} errors={[{ href: `#${result.target}`, text: result.message }]} /> : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Mentor pool: {page.scheme.name}</h1>
      <p>
        {plural(page.total, "mentor", "mentors")}: {page.readyCount} ready, {page.fullCount} ready with no free places,{" "}
        {page.total - page.readyCount - page.fullCount} not ready.
      </p>

      <h2 className="nhsuk-heading-s">Required preparation</h2>
      {page.requiredModules.length ? (
        <ul>
          {page.requiredModules.map((m) => (
            <li key={m.code}>
              {m.name} (code {m.code}
              {m.validityMonths ? `, renew every ${validityLabel(m.validityMonths)}` : ""})
            </li>
          ))}
        </ul>
      ) : (
        <p>This scheme does not require any modules.</p>
      )}
      {missing.length ? (
        <WarningCallout heading="Missing from the module catalogue">
          <p>
            No module in the catalogue has the code {missing.map((m) => m.code).join(", ")}, so no mentor can complete it yet.{" "}
            <a href="/preparation/modules">Add it to the module catalogue</a>.
          </p>
        </WarningCallout>
      ) : null}

      <Form method="get">
        <Select
          id="show"
          name="show"
          label="Show"
          defaultValue={page.show}
          options={Object.entries(filters).map(([value, text]) => ({ value, text }))}
        />
        <Button variant="secondary" small>
          Apply filter
        </Button>
      </Form>

      {page.total === 0 ? (
        <InsetText>
          <p>No mentors are taking part in this scheme yet.</p>
        </InsetText>
      ) : page.mentors.length === 0 ? (
        <InsetText>
          <p>No mentors match “{filters[page.show]}”.</p>
        </InsetText>
      ) : (
        <>
          <Table
            caption={filters[page.show]}
            head={["Name", "Status", "Mentees", "Why not ready", "Next due", "Select", "Decision"]}
            firstCellIsHeader
            rowKeys={page.mentors.map((m) => m.personId)}
            rows={page.mentors.map((m) => [
              <a key="name" href={`/preparation/mentors/${m.personId}?scheme=${page.scheme.id}`}>
                {m.name}
              </a>,
              <ReadinessTag key="tag" status={m.status} />,
              m.places,
              m.reasons.length ? (
                <ul key="reasons" className="nhsuk-list nhsuk-u-margin-bottom-0">
                  {m.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                "None"
              ),
              m.nextDue ?? "Nothing due",
              m.decision === "awaiting" || m.decision === "declined" ? (
                <div key="select" className="nhsuk-checkboxes nhsuk-checkboxes--small">
                  <div className="nhsuk-checkboxes__item">
                    <input
                      className="nhsuk-checkboxes__input"
                      id={m.personId === firstUndecided ? "select-first" : `select-${m.personId}`}
                      type="checkbox"
                      name="personId"
                      value={m.personId}
                      form="approve-selected"
                    />
                    <label
                      className="nhsuk-label nhsuk-checkboxes__label"
                      htmlFor={m.personId === firstUndecided ? "select-first" : `select-${m.personId}`}
                    >
                      <span className="nhsuk-u-visually-hidden">Select {m.name}</span>
                    </label>
                  </div>
                </div>
              ) : (
                ""
              ),
              <Decision key="decide" mentor={m} show={page.show} busy={busy} error={result?.target === `note-${m.personId}` ? result.message : undefined} />,
            ])}
          />
          {page.undecided ? (
            <Form method="post" id="approve-selected">
              <input type="hidden" name="intent" value="approve-selected" />
              <input type="hidden" name="show" value={page.show} />
              <Button disabled={busy}>Approve selected mentors</Button>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}

const decisionWords = {
  awaiting: "Awaiting your decision",
  declined: "Declined",
  approved: "Approved",
  not_needed: "This scheme does not ask for approval",
} as const;

/** Approve or decline where a decision is open; an approved mentor can only have it withdrawn. */
function Decision({
  mentor,
  show,
  busy,
  error,
}: {
  mentor: { personId: string; name: string; decision: keyof typeof decisionWords };
  show: string;
  busy: boolean;
  error: string | undefined;
}) {
  if (mentor.decision === "not_needed") return <>{decisionWords.not_needed}</>;
  const hidden = <span className="nhsuk-u-visually-hidden"> {mentor.name}</span>;
  return (
    <Form method="post">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{decisionWords[mentor.decision]}</p>
      <input type="hidden" name="personId" value={mentor.personId} />
      <input type="hidden" name="show" value={show} />
      <Textarea
        id={`note-${mentor.personId}`}
        name="note"
        label={
          <>
            Note to the mentor<span className="nhsuk-u-visually-hidden"> ({mentor.name})</span>
          </>
        }
        hint="Optional. The mentor sees it."
        rows={2}
        error={error}
      />
      {mentor.decision === "approved" ? null : (
        <Button name="decision" value="approved" small disabled={busy}>
          Approve{hidden}
        </Button>
      )}{" "}
      {mentor.decision === "declined" ? null : (
        <Button name="decision" value="declined" variant="secondary" small disabled={busy}>
          {mentor.decision === "approved" ? "Withdraw approval" : "Decline"}
          {hidden}
        </Button>
      )}
    </Form>
  );
}
