// One relationship as its coordinator sees it: who, state, dates, and when meetings were held or are
// arranged. What the pair discuss (notes, agreed actions, reflections, where and how they meet) never
// reaches this page: the API does not return it.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { BackLink, InsetText, SummaryList } from "@tandem/ui";
import { MeetingsTable } from "../components/relationships/meetings-table";
import {
  closureText,
  dateOr,
  kindWords,
  MembersList,
  membersText,
  RelationshipStateTag,
} from "../components/relationships/words";
import { guard } from "../lib/api.server";
import { formatDate } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { formatDay } from "../lib/preparation-words";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Relationship: ${page.title}` : "Relationship", organisationNameFrom(matches));

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const relationshipId = params.relationshipId ?? "";
  const notFound = () =>
    new Response(null, { status: 404, statusText: "Not Found", headers: runner.headers });
  if (!uuid.test(relationshipId)) throw notFound();
  const [{ scheme }, detail] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () =>
      runner.caller.relationships.forCoordinator({
        organisationId: runner.organisationId,
        relationshipId,
      }),
    ),
  ]);
  // The API looks the relationship up in the organisation; the address names the scheme too.
  if (detail.schemeId !== scheme.id) throw notFound();
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name },
      title: membersText(detail.members),
      relationship: {
        kind: detail.kind,
        status: detail.status,
        closedReason: detail.closedReason,
        noFaultReason: detail.noFaultReason,
        startedAt: detail.startedAt,
        endedAt: detail.endedAt,
        resumeOn: detail.resumeOn,
        rulesVersion: detail.rulesVersion,
        members: detail.members,
        meetingsHeld: detail.meetingsHeld,
        meetingsScheduled: detail.meetingsScheduled,
        stalled: detail.stalled,
        lastMeetingAt: detail.lastMeetingAt,
        nextMeetingAt: detail.nextMeetingAt,
      },
      meetings: detail.meetings,
    },
    { headers: runner.headers },
  );
}

export default function RelationshipDetail() {
  const page = useLoaderData<typeof loader>();
  const r = page.relationship;
  const base = `/schemes/${page.scheme.id}`;

  return (
    <>
      <BackLink href={`${base}/relationships`}>Back to relationships</BackLink>
      <span className="nhsuk-caption-l">{page.scheme.name}</span>
      <h1>{page.title}</h1>

      <InsetText>
        <p>
          Notes, agreed actions and reflections are private to the people in this relationship, and
          so is where or how they meet. You see that meetings happen and when, never what is said.
        </p>
      </InsetText>

      <SummaryList
        rows={[
          { id: "members", key: "Members", value: <MembersList members={r.members} /> },
          { id: "kind", key: "Kind", value: kindWords[r.kind] ?? r.kind },
          {
            id: "state",
            key: "State",
            value: (
              <>
                <RelationshipStateTag state={r.status} />
                {r.stalled ? (
                  <p className="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                    Stalled: no meeting held or arranged for longer than the scheme allows.
                  </p>
                ) : null}
              </>
            ),
          },
          { id: "started", key: "Started", value: dateOr(r.startedAt, "Not started") },
          ...(r.status === "paused"
            ? [
                {
                  id: "resume",
                  key: "Resumes on",
                  value: r.resumeOn ? formatDay(r.resumeOn) : "When they choose",
                },
              ]
            : []),
          ...(r.status === "closed"
            ? [{ id: "ended", key: "Ended", value: dateOr(r.endedAt, "Not recorded") }]
            : []),
          { id: "closure", key: "Closure reason", value: closureText(r.closedReason) },
          ...(r.noFaultReason
            ? [
                {
                  id: "no-fault",
                  key: "Mentee's reason for a no-fault change",
                  value: r.noFaultReason,
                },
              ]
            : []),
          { id: "held", key: "Meetings held", value: String(r.meetingsHeld) },
          { id: "scheduled", key: "Meetings scheduled", value: String(r.meetingsScheduled) },
          { id: "last", key: "Last meeting", value: dateOr(r.lastMeetingAt, "None yet") },
          {
            id: "next",
            key: "Next meeting",
            value: r.nextMeetingAt ? formatDate(r.nextMeetingAt) : "None arranged",
          },
          { id: "rules", key: "Rules", value: `Version ${r.rulesVersion}` },
        ]}
      />

      {page.meetings.length ? (
        <MeetingsTable meetings={page.meetings} group={r.kind === "group"} />
      ) : (
        <>
          <h2>Meetings</h2>
          <p>
            No meetings have been arranged yet. The people in the relationship arrange them in the
            app.
          </p>
        </>
      )}
    </>
  );
}
