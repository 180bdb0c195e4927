// A scheme's relationships after the match: who is in each, its state, when it started, meetings
// held and scheduled, the last and next meeting dates and why it closed. Never what the pair discuss.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { BackLink, ErrorSummary, InsetText } from "@tandem/ui";
import { z } from "zod";
import { RelationshipsTable } from "../components/relationships/relationships-table";
import { StateFilter } from "../components/relationships/state-filter";
import { relationshipFilterStates, stateName } from "../components/relationships/words";
import { guard } from "../lib/api.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(
    page ? `Relationships: ${page.scheme.name}` : "Relationships",
    organisationNameFrom(matches),
  );

const StateQuery = z
  .enum(["", ...relationshipFilterStates], {
    errorMap: () => ({ message: "Choose any state, active, paused, ended or stalled" }),
  })
  .optional();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const asked = StateQuery.safeParse(new URL(request.url).searchParams.get("state") ?? undefined);
  const state = asked.success && asked.data ? asked.data : undefined;
  const [{ scheme, rules }, list] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () =>
      runner.caller.relationships.forScheme(
        state === "stalled" ? { ...runner.ref, stalled: true } : { ...runner.ref, state },
      ),
    ),
  ]);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name },
      menteesChoose: rules.matching.mode === "free_choice" || rules.matching.mode === "shortlist",
      state: state ?? "",
      filterError: asked.success ? null : (asked.error.issues[0]?.message ?? "Choose a state"),
      counts: list.counts,
      relationships: list.relationships.map((r) => ({
        id: r.id,
        status: r.status,
        closedReason: r.closedReason,
        startedAt: r.startedAt,
        members: r.members,
        meetingsHeld: r.meetingsHeld,
        meetingsScheduled: r.meetingsScheduled,
        lastMeetingAt: r.lastMeetingAt,
        nextMeetingAt: r.nextMeetingAt,
        stalled: r.stalled,
      })),
    },
    { headers: runner.headers },
  );
}

export default function SchemeRelationships() {
  const page = useLoaderData<typeof loader>();
  const base = `/schemes/${page.scheme.id}`;
  const none = page.counts.active + page.counts.paused + page.counts.closed === 0;

  return (
    <>
      <BackLink href={base}>Back to {page.scheme.name}</BackLink>
      {page.filterError ? (
        <ErrorSummary errors={[{ href: "#state", text: page.filterError }]} />
      ) : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Relationships: {page.scheme.name}</h1>
      <p>
        You see who is in each relationship, how often they meet and when. Notes, agreed actions and
        reflections are private to the people in it.
      </p>

      {none ? (
        <InsetText>
          <p>No one in this scheme has been matched yet.</p>
          <p>
            {page.menteesChoose
              ? "Mentees choose their mentors in the app, or you can match those still waiting: "
              : "To pair mentees with mentors, "}
            <a href={`${base}/matching`}>go to matching and run it</a>.
          </p>
        </InsetText>
      ) : (
        <>
          <StateFilter
            state={page.state}
            counts={page.counts}
            error={page.filterError ?? undefined}
          />
          {page.relationships.length ? (
            <RelationshipsTable
              caption={page.state ? `${stateName(page.state)} relationships` : "All relationships"}
              rows={page.relationships}
              base={base}
            />
          ) : (
            <InsetText>
              <p>
                No relationships are {stateName(page.state).toLowerCase()} right now.{" "}
                <a href={`${base}/relationships`}>Show relationships in any state</a>.
              </p>
            </InsetText>
          )}
        </>
      )}
    </>
  );
}
