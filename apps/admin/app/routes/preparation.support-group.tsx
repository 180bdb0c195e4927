// The convenor's view: the support events they convene (upcoming, and past ones whose registers
// they keep) and the organisation's mentors with their attendance at any support event, with a way to
// each event's register and appraisals.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { InsetText, Table } from "@tandem/ui";
import { guard } from "../lib/api.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { requirePreparation, supportConvenors, todayIso } from "../lib/preparation.server";
import { eventKindLabel, formatDay } from "../lib/preparation-words";

export const meta: MetaFunction = ({ matches }) => pageTitle("Your support groups", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context, supportConvenors);
  const events = await guard(request, session.headers, () => session.caller.preparation.events(session.org));
  const mine = events.filter((e) => e.convenorPersonId === session.me.person.id);
  const today = todayIso();
  const rows = mine.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    heldOn: e.heldOn,
    location: e.location,
    signedUp: e.register.filter((r) => r.status === "signed_up").length,
    attended: e.register.filter((r) => r.status === "attended").length,
    unrecorded: e.heldOn < today ? e.register.filter((r) => r.status === "signed_up").length : 0,
  }));
  const everyMentor = await guard(request, session.headers, () => session.caller.preparation.mentors(session.org));
  // Appraisals are recorded from an event's page, for people on its register: the latest of this
  // convenor's events each mentor is on.
  const appraiseAt = new Map<string, string>();
  for (const e of mine) for (const r of e.register) if (e.heldOn <= today) appraiseAt.set(r.personId, e.id);
  const mentors = everyMentor.map((m) => ({
    personId: m.personId,
    name: m.name,
    attendedEvents: m.attendedEvents,
    lastAttendedOn: m.lastAttendedOn,
    lastAppraisedOn: m.lastAppraisedOn,
    appraiseAt: appraiseAt.get(m.personId) ?? null,
  }));
  return data(
    {
      organisationName: session.organisation.organisationName,
      upcoming: rows.filter((e) => e.heldOn >= today),
      past: rows.filter((e) => e.heldOn < today).reverse(),
      mentors,
    },
    { headers: session.headers },
  );
}

export default function SupportGroup() {
  const page = useLoaderData<typeof loader>();

  return (
    <>
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Your support groups</h1>
      <p>The events you convene. Open an event to keep its register or record a peer appraisal.</p>

      {page.upcoming.length ? (
        <Table
          caption="Upcoming events"
          head={["Event", "Kind", "Date", "Place", "Signed up"]}
          firstCellIsHeader
          rowKeys={page.upcoming.map((e) => e.id)}
          rows={page.upcoming.map((e) => [
            <a key="event" href={`/preparation/events/${e.id}`}>
              {e.title}
            </a>,
            eventKindLabel(e.kind),
            formatDay(e.heldOn),
            e.location ?? "Not set",
            String(e.signedUp),
          ])}
        />
      ) : (
        <>
          <h2>Upcoming events</h2>
          <InsetText>
            <p>You are not convening any upcoming events. A coordinator names the convenor when they add an event.</p>
          </InsetText>
        </>
      )}

      {page.past.length ? (
        <Table
          caption="Registers of past events"
          head={["Event", "Date", "Attended", "Still marked signed up"]}
          firstCellIsHeader
          rowKeys={page.past.map((e) => e.id)}
          rows={page.past.map((e) => [
            <a key="event" href={`/preparation/events/${e.id}`}>
              {e.title}
            </a>,
            formatDay(e.heldOn),
            String(e.attended),
            String(e.unrecorded),
          ])}
        />
      ) : (
        <>
          <h2>Registers of past events</h2>
          <p>No past events.</p>
        </>
      )}

      {page.mentors.length ? (
        <Table
          caption="Mentors in your organisation"
          head={["Mentor", "Support events attended", "Last attended", "Last peer appraisal", "Appraisal"]}
          firstCellIsHeader
          rowKeys={page.mentors.map((m) => m.personId)}
          rows={page.mentors.map((m) => [
            m.name,
            String(m.attendedEvents),
            m.lastAttendedOn ? formatDay(m.lastAttendedOn) : "Not yet",
            m.lastAppraisedOn ? formatDay(m.lastAppraisedOn) : "None recorded",
            m.appraiseAt ? (
              <a key="appraise" href={`/preparation/events/${m.appraiseAt}#mentorPersonId`}>
                Record a peer appraisal<span className="nhsuk-u-visually-hidden"> for {m.name}</span>
              </a>
            ) : (
              "Not on your registers yet"
            ),
          ])}
        />
      ) : (
        <>
          <h2>Mentors in your organisation</h2>
          <p>No one is mentoring in this organisation's schemes yet.</p>
        </>
      )}
    </>
  );
}
