// A scheme's matching console: whether the mentor pool is ready (with each mentor's reasons), free
// places and who is waiting, the coordinator's locks and exclusions, starting a run, recent runs,
// and the scheme's relationships (status and dates only, never what the pair discuss).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from "@remix-run/react";
import { readinessLabel } from "@tandem/core";
import {
  BackLink,
  Button,
  Checkboxes,
  ErrorSummary,
  InsetText,
  Radios,
  SummaryList,
  Table,
} from "@tandem/ui";
import {
  matchedOf,
  plural,
  relationshipStatusText,
  runModeName,
  runModeWords,
  RunStatusTag,
} from "../components/matching/words";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDate, formatDateTime } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { ReadinessTag } from "../lib/preparation-words";
import { requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Matching: ${page.scheme.name}` : "Matching", organisationNameFrom(matches));

const atCapacity = readinessLabel({ code: "at_capacity", since: null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const [overview, relationships] = await Promise.all([
    guard(request, runner.headers, () => runner.caller.matching.overview(runner.ref)),
    guard(request, runner.headers, () => runner.caller.matching.relationships(runner.ref)),
  ]);
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: overview.scheme,
      format: overview.format,
      schemeMode: overview.mode,
      runModes: overview.runModes,
      mentors: overview.mentors.map((m) => ({
        enrolmentId: m.enrolmentId,
        name: m.name,
        ready: m.ready,
        // The readiness reasons arrive as words; a mentor held back only by being full is ready, with no free places.
        status: m.ready ? ("ready" as const) : m.reasons.length > 0 && m.reasons.every((r) => r === atCapacity) ? ("full" as const) : ("not_ready" as const),
        reasons: m.reasons,
        capacity: m.capacity,
        active: m.active,
      })),
      readyMentors: overview.readyMentors,
      freePlaces: overview.freePlaces,
      waitingMentees: overview.waitingMentees,
      heldForPreparation: overview.heldForPreparation,
      peers: overview.peers,
      constraints: overview.constraints,
      runs: overview.runs.map((r) => ({
        id: r.id,
        mode: r.mode,
        status: r.status,
        phase: r.phase,
        createdAt: r.createdAt,
        result: matchedOf(r.summary),
      })),
      relationships: relationships.map((r) => ({
        id: r.id,
        menteeName: r.menteeName,
        mentorName: r.mentorName,
        status: relationshipStatusText(r.status, r.closedReason),
        startedAt: r.startedAt ?? r.requestedAt,
        endedAt: r.endedAt,
        noFaultReason: r.noFaultReason,
      })),
      flash,
    },
    { headers: runner.headers },
  );
}

type ActionResult = { target: string; message: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const fail = (result: ActionResult) => data(result, { status: 400, headers: runner.headers });

  if (intent === "start") {
    const mode = String(formData.get("mode") ?? "");
    const options = formData.getAll("options").map(String);
    try {
      const { runId } = await runner.caller.matching.startRun({
        ...runner.ref,
        mode: mode as "auto",
        fairness: mode === "auto" && options.includes("fairness"),
        stable: mode === "auto" && options.includes("stable"),
      });
      return redirect(`/schemes/${runner.schemeId}/matching/runs/${runId}`, {
        headers: runner.headers,
      });
    } catch (error) {
      const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
      return fail({
        target: "mode",
        message:
          fieldErrors.mode?.[0] ??
          formErrors[0] ??
          Object.values(fieldErrors).flat()[0] ??
          "The run could not be started",
      });
    }
  }

  if (intent === "remove-constraint") {
    const menteeEnrolmentId = String(formData.get("menteeEnrolmentId") ?? "");
    const mentorEnrolmentId = String(formData.get("mentorEnrolmentId") ?? "");
    const target = `remove-${menteeEnrolmentId}-${mentorEnrolmentId}`;
    try {
      await runner.caller.matching.setConstraint({
        schemeId: runner.schemeId,
        organisationId: runner.organisationId,
        menteeEnrolmentId,
        mentorEnrolmentId,
        kind: null,
      });
    } catch (error) {
      const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
      return fail({
        target,
        message:
          formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "The change could not be saved",
      });
    }
    await setFlash(runner.headers, context, String(formData.get("done") ?? "Removed"));
    return redirect(`/schemes/${runner.schemeId}/matching`, { headers: runner.headers });
  }

  throw new Response(null, { status: 400, headers: runner.headers });
}

export default function MatchingConsole() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const base = `/schemes/${page.scheme.id}`;
  const pairs = page.format === "one_to_one";
  const running = page.runs.find((r) => r.status === "queued" || r.status === "running");
  const locks = page.constraints.filter((c) => c.kind === "lock");
  const exclusions = page.constraints.filter((c) => c.kind === "exclude");
  const defaultMode = page.runModes.includes(page.schemeMode as (typeof page.runModes)[number])
    ? page.schemeMode
    : page.runModes[0];

  return (
    <>
      <BackLink href={base}>Back to {page.scheme.name}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {result ? (
        <ErrorSummary
          key={JSON.stringify(result)}
          errors={[{ href: `#${result.target}`, text: result.message }]}
        />
      ) : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Matching: {page.scheme.name}</h1>

      <h2>Pool readiness</h2>
      <SummaryList
        rows={
          pairs
            ? [
                {
                  id: "ready",
                  key: "Mentors ready",
                  value: `${page.readyMentors} of ${page.mentors.length}`,
                },
                { id: "places", key: "Free places", value: String(page.freePlaces) },
                {
                  id: "waiting",
                  key: "Mentees waiting",
                  value: String(page.waitingMentees.length),
                },
              ]
            : [{ id: "peers", key: "People to place in groups", value: String(page.peers) }]
        }
      />
      {pairs && page.waitingMentees.length > page.freePlaces ? (
        <InsetText>
          <p>
            There are more mentees waiting than free places:{" "}
            {plural(page.waitingMentees.length - page.freePlaces, "mentee", "mentees")} will not be
            matched until more mentors are ready or take more mentees.
          </p>
        </InsetText>
      ) : null}

      {page.mentors.length ? (
        <Table
          caption="Mentors"
          captionSize="s"
          head={["Mentor", "Readiness", "Why not ready", "Mentees now", "Free places"]}
          firstCellIsHeader
          rowKeys={page.mentors.map((m) => m.enrolmentId)}
          rows={page.mentors.map((m) => [
            m.name,
            <ReadinessTag key="ready" status={m.status} />,
            m.reasons.length ? (
              <ul key="reasons" className="nhsuk-list nhsuk-u-margin-bottom-0">
                {m.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : (
              "None"
            ),
            `${m.active} of ${m.capacity}`,
            String(m.ready ? Math.max(0, m.capacity - m.active) : 0),
          ])}
        />
      ) : pairs ? (
        <InsetText>
          <p>No mentors are taking part in this scheme yet.</p>
        </InsetText>
      ) : null}

      {pairs ? (
        page.waitingMentees.length ? (
          <>
            <h3>Mentees waiting for a mentor</h3>
            <ul>
              {page.waitingMentees.map((m) => (
                <li key={m.enrolmentId}>{m.name}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>No mentees are waiting for a mentor.</p>
        )
      ) : null}
      {pairs && page.heldForPreparation.length ? (
        <>
          <h3>Mentees finishing their preparation course</h3>
          <p>
            This scheme requires the mentee preparation course before matching, so these mentees
            are not matched until they have marked every page done.
          </p>
          <ul>
            {page.heldForPreparation.map((m) => (
              <li key={m.enrolmentId}>{m.name}</li>
            ))}
          </ul>
        </>
      ) : null}

      {pairs ? (
        <>
          <h2>Your adjustments</h2>
          <p>
            Locked pairs are always proposed; excluded pairs never are. They apply to every run
            until you remove them or confirm.
          </p>
          {page.constraints.length ? (
            [
              { caption: "Locked pairs", list: locks, verb: "lock" },
              { caption: "Excluded pairs", list: exclusions, verb: "exclusion" },
            ]
              .filter((group) => group.list.length > 0)
              .map((group) => (
                <Table
                  key={group.caption}
                  caption={group.caption}
                  captionSize="s"
                  head={["Mentee", "Mentor", "Action"]}
                  firstCellIsHeader
                  rowKeys={group.list.map((c) => `${c.menteeEnrolmentId}-${c.mentorEnrolmentId}`)}
                  rows={group.list.map((c) => [
                    c.menteeName,
                    c.mentorName,
                    <Form key="remove" method="post">
                      <input type="hidden" name="intent" value="remove-constraint" />
                      <input type="hidden" name="menteeEnrolmentId" value={c.menteeEnrolmentId} />
                      <input type="hidden" name="mentorEnrolmentId" value={c.mentorEnrolmentId} />
                      <input
                        type="hidden"
                        name="done"
                        value={`The ${group.verb} of ${c.menteeName} and ${c.mentorName} has been removed`}
                      />
                      <Button
                        id={`remove-${c.menteeEnrolmentId}-${c.mentorEnrolmentId}`}
                        variant="secondary"
                        small
                        disabled={busy}
                        className="nhsuk-u-margin-bottom-0"
                      >
                        Remove {group.verb}
                        <span className="nhsuk-u-visually-hidden">
                          {" "}
                          of {c.menteeName} and {c.mentorName}
                        </span>
                      </Button>
                    </Form>,
                  ])}
                />
              ))
          ) : (
            <p>You have not locked or excluded any pairs.</p>
          )}
        </>
      ) : null}

      <h2>Start a run</h2>
      {page.schemeMode === "free_choice" || page.schemeMode === "shortlist" ? (
        <p>
          In this scheme mentees choose their mentors in the app. A run here allocates mentors to
          the mentees still waiting, once you confirm.
        </p>
      ) : null}
      {running ? (
        <InsetText>
          <p>
            A run is under way.{" "}
            <a href={`${base}/matching/runs/${running.id}`}>Follow its progress</a>.
          </p>
        </InsetText>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <Radios
            idPrefix="mode"
            name="mode"
            legend="How should Tandem match?"
            legendSize="s"
            hint="Nothing is final until you confirm the proposals."
            error={result?.target === "mode" ? result.message : undefined}
            defaultValue={defaultMode}
            items={page.runModes.map((mode) => ({
              value: mode,
              label: runModeWords[mode]?.name ?? mode,
              hint: runModeWords[mode]?.hint,
              conditional:
                mode === "auto" ? (
                  <Checkboxes
                    idPrefix="options"
                    name="options"
                    legend="Options"
                    small
                    items={[
                      {
                        value: "fairness",
                        label: "Put the worst-off mentee first",
                        hint: "Raises the lowest score before the total, so nobody gets a poor match to make others' better.",
                      },
                      {
                        value: "stable",
                        label: "Make the allocation stable",
                        hint: "No mentee and mentor would both rather be with each other than with who they are given. Shows what this costs.",
                      },
                    ]}
                  />
                ) : undefined,
            }))}
          />
          <Button disabled={busy}>Start run</Button>
        </Form>
      )}

      <h2>Recent runs</h2>
      {page.runs.length ? (
        <Table
          caption="Recent runs"
          captionSize="s"
          head={["Started", "Way of matching", "Status", "Result"]}
          firstCellIsHeader
          rowKeys={page.runs.map((r) => r.id)}
          rows={page.runs.map((r) => [
            <a key="run" href={`${base}/matching/runs/${r.id}`}>
              {formatDateTime(r.createdAt)}
            </a>,
            runModeName(r.mode),
            <RunStatusTag key="status" status={r.status} />,
            r.result ?? r.phase ?? "None yet",
          ])}
        />
      ) : (
        <p>No runs yet.</p>
      )}

      <h2>Relationships</h2>
      <p className="nhsuk-body-s">
        You see who is matched and how it is going, never what they discuss.
      </p>
      {page.relationships.length ? (
        <Table
          caption="Relationships in this scheme"
          captionSize="s"
          head={["Mentee", "Mentor", "Status", "Started", "Ended", "Reason for a no-fault change"]}
          firstCellIsHeader
          rowKeys={page.relationships.map((r) => r.id)}
          rows={page.relationships.map((r) => [
            r.menteeName,
            r.mentorName,
            r.status,
            r.startedAt ? formatDate(r.startedAt) : "Not started",
            r.endedAt ? formatDate(r.endedAt) : "Not ended",
            r.noFaultReason ?? "None",
          ])}
        />
      ) : (
        <p>No one in this scheme has been matched yet.</p>
      )}
    </>
  );
}
