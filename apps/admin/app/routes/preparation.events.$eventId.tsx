// One support event's attendance register (attended, absent or signed up, per person) and peer
// appraisals recorded by convenors. Org admins and coordinators see every mentor of the
// organisation; convenors see the people already on the register.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { AppraisalFields } from "@tandem/core";
import { BackLink, Button, ErrorSummary, InsetText, Radios, Select, SummaryList, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, guard, hasRole } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { allPools, idOr404, isUuid, requirePreparation, supportConvenors, todayIso } from "../lib/preparation.server";
import { attendanceWords, eventKindLabel, formatDay, plural } from "../lib/preparation-words";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Register: ${page.event.title}` : "Register", organisationNameFrom(matches));

const statuses = ["attended", "absent", "signed_up"] as const;
type Status = (typeof statuses)[number];

async function loadEvent(request: Request, context: LoaderFunctionArgs["context"], eventIdParam: string | undefined) {
  const session = await requirePreparation(request, context, supportConvenors);
  const eventId = idOr404(eventIdParam, session.headers);
  const events = await guard(request, session.headers, () => session.caller.preparation.events(session.org));
  const event = events.find((e) => e.id === eventId);
  if (!event) throw new Response(null, { status: 404, statusText: "Not Found", headers: session.headers });
  return { session, event };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { session, event } = await loadEvent(request, context, params.eventId);
  const isRunner = hasRole(session.organisation, "org_admin", "coordinator");
  const people = new Map(event.register.map((r) => [r.personId, r.name]));
  let schemeName: string | null = null;
  if (isRunner) {
    for (const { scheme, pool } of await allPools(request, session)) {
      if (scheme.id === event.schemeId) schemeName = scheme.name;
      for (const m of pool.mentors) people.set(m.personId, m.name);
    }
  }
  const flash = await takeFlash(request, session.headers, context);
  return data(
    {
      organisationName: session.organisation.organisationName,
      isRunner,
      backTo: isRunner ? "/preparation/events" : "/preparation/support-group",
      event: {
        id: event.id,
        title: event.title,
        kind: event.kind,
        heldOn: event.heldOn,
        location: event.location,
        places: event.places,
        schemeName,
        isPast: event.heldOn < todayIso(),
      },
      people: [...people]
        .map(([personId, name]) => ({ personId, name, status: event.register.find((r) => r.personId === personId)?.status ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      flash,
    },
    { headers: session.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { session, event } = await loadEvent(request, context, params.eventId);
  const formData = await request.formData();
  const here = `/preparation/events/${event.id}`;

  if (formData.get("intent") === "appraisal") {
    const submission = parseWithZod(formData, { schema: AppraisalFields });
    if (submission.status !== "success") return data({ form: "appraisal" as const, reply: submission.reply() }, { status: 400, headers: session.headers });
    try {
      await session.caller.preparation.recordAppraisal({ ...session.org, ...submission.value });
    } catch (error) {
      return data(
        { form: "appraisal" as const, reply: submission.reply(formErrorsOrThrow(error, request, session.headers, ["NOT_FOUND"])) },
        { status: 400, headers: session.headers },
      );
    }
    const name = event.register.find((r) => r.personId === submission.value.mentorPersonId)?.name;
    await setFlash(session.headers, context, name ? `Peer appraisal recorded for ${name}` : "Peer appraisal recorded");
    return redirect(here, { headers: session.headers });
  }

  const entries = formData
    .getAll("personId")
    .map(String)
    .filter(isUuid)
    .flatMap((personId) => {
      const status = formData.get(`status-${personId}`);
      return statuses.includes(status as Status) ? [{ personId, status: status as Status }] : [];
    });
  if (entries.length === 0) {
    const first = formData.getAll("personId").map(String)[0];
    return data({ form: "register" as const, target: first ? `status-${first}` : "register", message: "Mark at least one person" }, { status: 400, headers: session.headers });
  }
  await guard(request, session.headers, () => session.caller.preparation.setAttendance({ ...session.org, eventId: event.id, entries }));
  await setFlash(session.headers, context, `Register saved: ${plural(entries.length, "person", "people")} recorded`);
  return redirect(here, { headers: session.headers });
}

export default function EventRegister() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const appraisalResult = result?.form === "appraisal" ? result.reply : undefined;
  const [form, fields] = useForm({
    id: "appraisal",
    lastResult: appraisalResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AppraisalFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(appraisalResult);
  const items = errorItems(form, { order: ["mentorPersonId", "appraisedOn"], formErrorTarget: "mentorPersonId" });
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const registerError = result?.form === "register" ? result : null;

  return (
    <>
      <BackLink href={page.backTo}>{page.isRunner ? "Back to support events" : "Back to your support groups"}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {registerError ? <ErrorSummary key={JSON.stringify(registerError)} errors={[{ href: `#${registerError.target}`, text: registerError.message }]} /> : null}
      <FormErrorSummary items={items} attempt={attempt} />
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>{page.event.title}</h1>
      <SummaryList
        rows={[
          { id: "kind", key: "Kind", value: eventKindLabel(page.event.kind) },
          { id: "date", key: "Date", value: formatDay(page.event.heldOn) },
          { id: "place", key: "Place", value: page.event.location ?? "Not set" },
          { id: "places", key: "Places", value: page.event.places === null ? "No limit" : String(page.event.places) },
          { id: "scheme", key: "Scheme", value: page.event.schemeName ?? "Any scheme" },
        ]}
      />

      <h2 id="register">Attendance register</h2>
      {page.people.length ? (
        <Form method="post">
          <input type="hidden" name="intent" value="register" />
          <p>{page.event.isPast ? "Mark who attended." : "The event has not happened yet: you can record who has signed up."}</p>
          {page.people.map((p) => (
            <div key={p.personId}>
              <input type="hidden" name="personId" value={p.personId} />
              <Radios
                idPrefix={`status-${p.personId}`}
                name={`status-${p.personId}`}
                legend={p.name}
                legendSize="s"
                hint={p.status ? `Recorded: ${attendanceWords[p.status] ?? p.status}` : "Not on the register yet"}
                inline
                small
                error={registerError?.target === `status-${p.personId}` ? registerError.message : undefined}
                defaultValue={p.status ?? undefined}
                items={statuses.map((s) => ({ value: s, label: attendanceWords[s] }))}
              />
            </div>
          ))}
          <Button disabled={busy}>Save register</Button>
        </Form>
      ) : (
        <InsetText>
          <p>No one is on the register yet. Mentors sign up from the Tandem app.</p>
        </InsetText>
      )}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Record a peer appraisal</h2>
          {page.people.length ? (
            <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
              <input type="hidden" name="intent" value="appraisal" />
              <Select
                id="mentorPersonId"
                name={fields.mentorPersonId.name}
                label="Mentor"
                defaultValue={text(fields.mentorPersonId.initialValue) ?? ""}
                error={fieldError(fields.mentorPersonId.errors)}
                options={[{ value: "", text: "Choose a mentor" }, ...page.people.map((p) => ({ value: p.personId, text: p.name }))]}
              />
              <TextInput
                id="appraisedOn"
                name={fields.appraisedOn.name}
                label="Date"
                hint="The day of the appraisal, for example 2026-03-14 or 14/03/2026"
                autoComplete="off"
                defaultValue={text(fields.appraisedOn.initialValue)}
                error={fieldError(fields.appraisedOn.errors)}
                width={10}
              />
              <Button disabled={busy}>Record appraisal</Button>
            </Form>
          ) : (
            <p>Mentors appear here once they are on the register.</p>
          )}
        </div>
      </div>
    </>
  );
}
