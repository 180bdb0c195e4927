// Support events (support groups, development events, conferences, supervision): upcoming and past,
// with places and attendance counts, and adding an event.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { EventFields, supportEventKindLabels, supportEventKindValues } from "@tandem/core";
import { BackLink, Button, InsetText, Radios, Select, Table, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { requirePreparation, todayIso } from "../lib/preparation.server";
import { eventKindLabel, formatDay } from "../lib/preparation-words";

export const meta: MetaFunction = ({ matches }) => pageTitle("Support events", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context);
  const [events, schemes, people] = await Promise.all([
    guard(request, session.headers, () => session.caller.preparation.events(session.org)),
    guard(request, session.headers, () => session.caller.scheme.list(session.org)),
    guard(request, session.headers, () => session.caller.organisation.people(session.org)),
  ]);
  const schemeNames = new Map(schemes.map((s) => [s.id, s.name]));
  const today = todayIso();
  const rows = events.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    heldOn: e.heldOn,
    location: e.location,
    places: e.places,
    schemeName: e.schemeId ? (schemeNames.get(e.schemeId) ?? null) : null,
    signedUp: e.register.filter((r) => r.status === "signed_up").length,
    attended: e.register.filter((r) => r.status === "attended").length,
  }));
  const flash = await takeFlash(request, session.headers, context);
  return data(
    {
      organisationName: session.organisation.organisationName,
      upcoming: rows.filter((e) => e.heldOn >= today),
      past: rows.filter((e) => e.heldOn < today).reverse(),
      schemes: schemes.filter((s) => s.status !== "archived").map((s) => ({ id: s.id, name: s.name })),
      convenors: people.members.filter((m) => m.roles.includes("convenor")).map((m) => ({ id: m.personId, name: m.name })),
      flash,
    },
    { headers: session.headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePreparation(request, context);
  const submission = parseWithZod(await request.formData(), { schema: EventFields });
  if (submission.status !== "success") return data(submission.reply(), { status: 400, headers: session.headers });
  let eventId: string;
  try {
    ({ eventId } = await session.caller.preparation.saveEvent({ ...session.org, fields: submission.value }));
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, session.headers)), { status: 400, headers: session.headers });
  }
  await setFlash(session.headers, context, `${submission.value.title} added`);
  return redirect(`/preparation/events/${eventId}`, { headers: session.headers });
}

type EventRow = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function EventsTable({ caption, events }: { caption: string; events: EventRow[] }) {
  return (
    <Table
      caption={caption}
      head={["Event", "Kind", "Date", "Place", "Places", "Signed up", "Attended"]}
      firstCellIsHeader
      rowKeys={events.map((e) => e.id)}
      rows={events.map((e) => [
        <span key="title">
          <a href={`/preparation/events/${e.id}`}>{e.title}</a>
          {e.schemeName ? <span className="nhsuk-u-display-block nhsuk-u-font-size-16">{e.schemeName}</span> : null}
        </span>,
        eventKindLabel(e.kind),
        formatDay(e.heldOn),
        e.location ?? "Not set",
        e.places === null ? "No limit" : String(e.places),
        String(e.signedUp),
        String(e.attended),
      ])}
    />
  );
}

export default function SupportEvents() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "add-event",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, {
    order: ["kind", "title", "heldOn", "location", "places", "schemeId", "convenorPersonId"],
    formErrorTarget: "kind",
  });
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);

  return (
    <>
      <BackLink href="/preparation">Back to mentor preparation</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <FormErrorSummary items={items} attempt={attempt} />
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Support events</h1>

      {page.upcoming.length ? (
        <EventsTable caption="Upcoming events" events={page.upcoming} />
      ) : (
        <>
          <h2>Upcoming events</h2>
          <InsetText>
            <p>No events are planned. Add one below.</p>
          </InsetText>
        </>
      )}
      {page.past.length ? (
        <EventsTable caption="Past events" events={page.past} />
      ) : (
        <>
          <h2>Past events</h2>
          <p>No past events.</p>
        </>
      )}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Add an event</h2>
          <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
            <Radios
              idPrefix="kind"
              name={fields.kind.name}
              legend="Kind"
              error={fieldError(fields.kind.errors)}
              defaultValue={text(fields.kind.initialValue)}
              items={supportEventKindValues.map((kind) => ({ value: kind, label: supportEventKindLabels[kind] }))}
            />
            <TextInput
              id="title"
              name={fields.title.name}
              label="Title"
              autoComplete="off"
              defaultValue={text(fields.title.initialValue)}
              error={fieldError(fields.title.errors)}
            />
            <TextInput
              id="heldOn"
              name={fields.heldOn.name}
              label="Date"
              hint="For example, 2026-03-14 or 14/03/2026"
              autoComplete="off"
              defaultValue={text(fields.heldOn.initialValue)}
              error={fieldError(fields.heldOn.errors)}
              width={10}
            />
            <TextInput
              id="location"
              name={fields.location.name}
              label="Place (optional)"
              hint="A room, a venue or “Online”."
              autoComplete="off"
              defaultValue={text(fields.location.initialValue)}
              error={fieldError(fields.location.errors)}
            />
            <TextInput
              id="places"
              name={fields.places.name}
              label="Places (optional)"
              hint="Leave empty for no limit."
              inputMode="numeric"
              defaultValue={text(fields.places.initialValue)}
              error={fieldError(fields.places.errors)}
              width={4}
            />
            <Select
              id="schemeId"
              name={fields.schemeId.name}
              label="Scheme (optional)"
              defaultValue={text(fields.schemeId.initialValue) ?? ""}
              error={fieldError(fields.schemeId.errors)}
              options={[{ value: "", text: "Any scheme" }, ...page.schemes.map((s) => ({ value: s.id, text: s.name }))]}
            />
            <Select
              id="convenorPersonId"
              name={fields.convenorPersonId.name}
              label="Convenor (optional)"
              hint="The convenor keeps the register and sees the event in their support group view."
              defaultValue={text(fields.convenorPersonId.initialValue) ?? ""}
              error={fieldError(fields.convenorPersonId.errors)}
              options={[{ value: "", text: "No convenor" }, ...page.convenors.map((c) => ({ value: c.id, text: c.name }))]}
            />
            <Button disabled={navigation.state !== "idle"}>Add event</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
