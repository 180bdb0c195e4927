// The convenor's view: the support events they convene (upcoming, and past ones whose registers
// they keep) and the mentors who come to them, with a way to each event's register and appraisals.
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
  const mentors = new Map<string, { personId: string; name: string; lastAttended: string | null; lastEventId: string | null; lastAppraisedOn: string | null }>(
    everyMentor.map((m) => [m.personId, { personId: m.personId, name: m.name, lastAttended: null, lastEventId: null, lastAppraisedOn: m.lastAppraisedOn }]),
  );
  for (const e of mine) {
    for (const r of e.register) {
      const known = mentors.get(r.personId) ?? { personId: r.personId, name: r.name, lastAttended: null, lastEventId: null, lastAppraisedOn: null };
      if (r.status === "attended" && e.heldOn <= today && (known.lastAttended === null || e.heldOn > known.lastAttended)) {
        known.lastAttended = e.heldOn;
        known.lastEventId = e.id;
      }
      mentors.set(r.personId, known);
    }
  }
  return data(
    {
      organisationName: session.organisation.organisationName,
      upcoming: rows.filter((e) => e.heldOn >= today),
      past: rows.filter((e) => e.heldOn < today).reverse(),
      mentors: [...mentors.values()].sort((a, b) => a.name.localeCompare(b.name)),
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
          head={["Mentor", "Last attended", "Last peer appraisal", "Appraisal"]}
          firstCellIsHeader
          rowKeys={page.mentors.map((m) => m.personId)}
          rows={page.mentors.map((m) => [
            m.name,
            m.lastAttended ? formatDay(m.lastAttended) : "Not yet",
            m.lastAppraisedOn ? formatDay(m.lastAppraisedOn) : "None recorded",
            m.lastEventId ? (
              <a key="appraise" href={`/preparation/events/${m.lastEventId}#mentorPersonId`}>
                Record a peer appraisal<span className="nhsuk-u-visually-hidden"> for {m.name}</span>
              </a>
            ) : (
              "Not yet attended"
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
