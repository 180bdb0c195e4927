// One match run: its progress while the background job computes it, then the proposals with their
// explanations (or groups), the coordinator's lock, exclude and swap for the next run, running
// again, and confirming (which creates the relationships and emails both people).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from "@remix-run/react";
import { Fragment } from "react";
import {
  BackLink,
  Button,
  ErrorSummary,
  InsetText,
  Select,
  SummaryList,
  Table,
  Tag,
  WarningCallout,
} from "@tandem/ui";
import { PairActions, type PairConstraint } from "../components/matching/pair-actions";
import { RunProgress, useRevalidateWhile } from "../components/matching/run-progress";
import {
  formatScore,
  plural,
  runModeName,
  RunStatusTag,
  ScoreTerms,
} from "../components/matching/words";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDateTime } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { requireSchemeRunner } from "../lib/scheme-route.server";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(
    page ? `${runModeName(page.run.mode)} run: ${page.schemeName}` : "Match run",
    organisationNameFrom(matches),
  );

async function requireRun(
  request: Request,
  runner: Awaited<ReturnType<typeof requireSchemeRunner>>,
  runId: string | undefined,
) {
  if (!runId || !uuid.test(runId))
    throw new Response(null, { status: 404, statusText: "Not Found", headers: runner.headers });
  const run = await guard(request, runner.headers, () =>
    runner.caller.matching.run({ organisationId: runner.organisationId, runId }),
  );
  // A run of another scheme is not found here, whatever the URL says.
  if (run.schemeId !== runner.schemeId)
    throw new Response(null, { status: 404, statusText: "Not Found", headers: runner.headers });
  return run;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const run = await requireRun(request, runner, params.runId);
  // One read per poll: the run carries its scheme's name, the locks and exclusions, and the latest run.
  const schemeName = run.schemeName;
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      schemeId: runner.schemeId,
      schemeName,
      run: {
        id: run.id,
        mode: run.mode,
        options: run.options,
        status: run.status,
        phase: run.phase,
        phaseStep: run.phaseStep,
        phaseCount: run.phaseCount,
        error: run.error,
        createdAt: run.createdAt,
        finishedAt: run.finishedAt,
        confirmedAt: run.confirmedAt,
        summary: run.summary
          ? {
              matched: run.summary.matched,
              total: run.summary.total,
              score: run.summary.score,
              worstOff: run.summary.worstOff,
              unmatched: run.summary.unmatched.map((u) => ({
                enrolmentId: u.enrolmentId,
                name: u.name,
                reason: u.reasonText,
              })),
              stability: run.summary.stability
                ? {
                    blockingPairs: run.summary.stability.blockingPairs,
                    optimalScore: run.summary.stability.optimalScore,
                    optimalMatched: run.summary.stability.optimalMatched,
                    priceOfStability: run.summary.stability.priceOfStability,
                  }
                : null,
              optimal: run.summary.optimal ?? null,
            }
          : null,
      },
      mentees: run.mentees.map((m) => ({
        enrolmentId: m.menteeEnrolmentId,
        name: m.menteeName,
        suggestions: m.suggestions.map((s) => ({
          mentorEnrolmentId: s.mentorEnrolmentId,
          mentorName: s.mentorName,
          proposed: s.proposed,
          rank: s.rank,
          score: s.score,
          explanation: s.explanation,
          terms: s.terms,
          lockedInRun: s.locked,
          forcingMatchedLost: s.forcingMatchedLost,
          forcingScoreLost: s.forcingScoreLost,
        })),
      })),
      groups: run.groups,
      constraints: run.constraints.map((c) => ({
        menteeEnrolmentId: c.menteeEnrolmentId,
        mentorEnrolmentId: c.mentorEnrolmentId,
        kind: c.kind,
      })),
      latestRunId: run.latestRunId !== run.id ? run.latestRunId : null,
      flash,
    },
    { headers: runner.headers },
  );
}

type ActionResult = { target: string; message: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const run = await requireRun(request, runner, params.runId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/schemes/${runner.schemeId}/matching/runs/${run.id}`;
  const names = new Map<string, string>();
  for (const m of run.mentees) {
    names.set(m.menteeEnrolmentId, m.menteeName);
    for (const s of m.suggestions) names.set(s.mentorEnrolmentId, s.mentorName);
  }
  const name = (id: string) => names.get(id) ?? "the person";

  // Runs the call; an error a coordinator can act on comes back to the page next to `target`.
  async function attempt(
    target: string,
    call: () => Promise<unknown>,
  ): Promise<ActionResult | null> {
    try {
      await call();
      return null;
    } catch (error) {
      const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
      return {
        target,
        message: formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "That could not be done",
      };
    }
  }
  const fail = (result: ActionResult) => data(result, { status: 400, headers: runner.headers });

  if (intent === "lock" || intent === "exclude" || intent === "clear") {
    const menteeEnrolmentId = String(formData.get("menteeEnrolmentId") ?? "");
    const mentorEnrolmentId = String(formData.get("mentorEnrolmentId") ?? "");
    const failed = await attempt(`${intent}-${menteeEnrolmentId}-${mentorEnrolmentId}`, () =>
      runner.caller.matching.setConstraint({
        organisationId: runner.organisationId,
        schemeId: runner.schemeId,
        menteeEnrolmentId,
        mentorEnrolmentId,
        kind: intent === "clear" ? null : intent,
      }),
    );
    if (failed) return fail(failed);
    const pair = `${name(menteeEnrolmentId)} and ${name(mentorEnrolmentId)}`;
    await setFlash(
      runner.headers,
      context,
      intent === "lock"
        ? `${pair} are locked together for the next run`
        : intent === "exclude"
          ? `${pair} will not be matched in the next run`
          : `${pair} are no longer locked or excluded`,
    );
    return redirect(here, { headers: runner.headers });
  }

  if (intent === "swap") {
    const menteeA = String(formData.get("menteeA") ?? "");
    const menteeB = String(formData.get("menteeB") ?? "");
    const failed = await attempt("swap-a", () =>
      runner.caller.matching.swap({
        organisationId: runner.organisationId,
        runId: run.id,
        menteeA,
        menteeB,
      }),
    );
    if (failed) return fail(failed);
    await setFlash(
      runner.headers,
      context,
      `${name(menteeA)} and ${name(menteeB)} swap mentors in the next run`,
    );
    return redirect(here, { headers: runner.headers });
  }

  if (intent === "rerun") {
    let runId = "";
    const failed = await attempt("rerun", async () => {
      ({ runId } = await runner.caller.matching.startRun({ ...runner.ref, ...run.options }));
    });
    if (failed) return fail(failed);
    return redirect(`/schemes/${runner.schemeId}/matching/runs/${runId}`, {
      headers: runner.headers,
    });
  }

  if (intent === "confirm") {
    let outcome = { created: 0, skipped: [] as { name: string; reason: string }[] };
    const failed = await attempt("confirm", async () => {
      outcome = await runner.caller.matching.confirm({
        organisationId: runner.organisationId,
        runId: run.id,
      });
    });
    if (failed) return fail(failed);
    const confirmed =
      run.mode === "cohort"
        ? `${plural(outcome.created, "group", "groups")} confirmed; everyone in them has been emailed`
        : `${plural(outcome.created, "match", "matches")} confirmed; both people have been emailed`;
    const skipped = outcome.skipped.length
      ? `. Not matched, because the pool changed: ${outcome.skipped.map((s) => `${s.name} (${s.reason})`).join("; ")}`
      : "";
    await setFlash(runner.headers, context, `${confirmed}${skipped}`);
    return redirect(here, { headers: runner.headers });
  }

  throw new Response(null, { status: 400, headers: runner.headers });
}

export default function MatchRun() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { run } = page;
  const underWay = run.status === "queued" || run.status === "running";
  useRevalidateWhile(underWay, 1000);
  const consolePath = `/schemes/${page.schemeId}/matching`;
  const reviewing = run.status === "done";
  const pairs = run.mode !== "cohort";
  const proposed = page.mentees.flatMap((m) => {
    const chosen = m.suggestions.find((s) => s.proposed);
    return chosen ? [{ menteeEnrolmentId: m.enrolmentId, menteeName: m.name, ...chosen }] : [];
  });
  const constraintOf = (mentee: string, mentor: string): PairConstraint =>
    page.constraints.find((c) => c.menteeEnrolmentId === mentee && c.mentorEnrolmentId === mentor)
      ?.kind ?? null;
  const options = [
    run.options.fairness ? "worst-off first" : null,
    run.options.stable ? "stable" : null,
  ].filter(Boolean);

  return (
    <>
      <BackLink href={consolePath}>Back to matching</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {result ? (
        <ErrorSummary
          key={JSON.stringify(result)}
          errors={[{ href: `#${result.target}`, text: result.message }]}
        />
      ) : null}
      <span className="nhsuk-caption-l">{page.schemeName}</span>
      <h1>
        {runModeName(run.mode)} run{options.length ? ` (${options.join(", ")})` : ""}
      </h1>
      <p>
        Started {formatDateTime(run.createdAt)}. Status: <RunStatusTag status={run.status} />
      </p>

      <RunProgress status={run.status} phase={run.phase} step={run.phaseStep} count={run.phaseCount} summary={run.summary} />

      {run.status === "failed" ? (
        <WarningCallout heading="The run did not finish">
          <p>{run.error ?? "The run could not be completed. Try again."}</p>
        </WarningCallout>
      ) : null}
      {run.status === "superseded" ? (
        <InsetText>
          <p>
            A newer run replaced this one.{" "}
            {page.latestRunId ? (
              <a href={`${consolePath}/runs/${page.latestRunId}`}>Go to the latest run</a>
            ) : null}
          </p>
        </InsetText>
      ) : null}
      {run.status === "confirmed" && run.confirmedAt ? (
        <InsetText>
          <p>
            Confirmed {formatDateTime(run.confirmedAt)}. The relationships are listed on the{" "}
            <a href={consolePath}>matching console</a>.
          </p>
        </InsetText>
      ) : null}

      {run.summary ? (
        <>
          <h2>Summary</h2>
          <SummaryList
            rows={[
              {
                id: "matched",
                key: pairs ? "Mentees matched" : "People placed in groups",
                value: `${run.summary.matched} of ${run.summary.total}`,
              },
              { id: "score", key: "Total score", value: formatScore(run.summary.score) },
              {
                id: "worst",
                key: pairs ? "Worst-off mentee's score" : "Lowest group score",
                value: formatScore(run.summary.worstOff),
              },
              ...(run.summary.optimal
                ? [
                    {
                      id: "optimal",
                      key: "Best possible allocation",
                      value: `${run.summary.optimal.matched} matched, total score ${formatScore(run.summary.optimal.score)}`,
                    },
                  ]
                : []),
              ...(run.summary.stability
                ? [
                    {
                      id: "price",
                      key: "Price of stability",
                      value: `${formatScore(run.summary.stability.priceOfStability)} of the best total score (${formatScore(run.summary.stability.optimalScore)}, ${run.summary.stability.optimalMatched} matched)`,
                    },
                    {
                      id: "blocking",
                      key: "Blocking pairs without stability",
                      value: run.summary.stability.blockingPairs.length ? (
                        <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                          {run.summary.stability.blockingPairs.map((p) => (
                            <li key={`${p.menteeName}-${p.mentorName}`}>
                              {p.menteeName} and {p.mentorName} would both rather be together
                            </li>
                          ))}
                        </ul>
                      ) : (
                        "None: the best-scoring allocation is already stable"
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {run.summary.unmatched.length ? (
            <Table
              caption={pairs ? "Mentees not matched" : "People not placed"}
              captionSize="s"
              head={["Name", "Why"]}
              firstCellIsHeader
              rowKeys={run.summary.unmatched.map((u) => u.enrolmentId)}
              rows={run.summary.unmatched.map((u) => [u.name, u.reason])}
            />
          ) : null}
        </>
      ) : null}

      {pairs && run.mode !== "allocation" && page.mentees.length ? (
        <Table
          caption="Proposed matches"
          head={
            reviewing
              ? ["Mentee", "Proposed mentor", "Score", "Why", "Adjust for the next run"]
              : ["Mentee", "Proposed mentor", "Score", "Why"]
          }
          firstCellIsHeader
          rowKeys={proposed.map((p) => p.menteeEnrolmentId)}
          rows={proposed.map((p) => [
            p.menteeName,
            <span key="mentor">
              {p.mentorName}
              {p.lockedInRun ? (
                <>
                  {" "}
                  <Tag colour="blue">Locked</Tag>
                </>
              ) : null}
            </span>,
            formatScore(p.score),
            <ScoreTerms key="terms" terms={p.terms} />,
            ...(reviewing
              ? [
                  <PairActions
                    key="adjust"
                    menteeEnrolmentId={p.menteeEnrolmentId}
                    menteeName={p.menteeName}
                    mentorEnrolmentId={p.mentorEnrolmentId}
                    mentorName={p.mentorName}
                    constraint={constraintOf(p.menteeEnrolmentId, p.mentorEnrolmentId)}
                    busy={busy}
                  />,
                ]
              : []),
          ])}
        />
      ) : null}

      {run.mode === "allocation" && page.mentees.length ? (
        <>
          <h2>Suggestions for each mentee</h2>
          <p>
            The proposed mentor is the one in the best allocation for everyone. Lock a different
            pair to force it; the cost says what that does to everyone else.
          </p>
          {page.mentees.map((m) => (
            <Table
              key={m.enrolmentId}
              caption={m.name}
              captionSize="s"
              head={
                reviewing
                  ? ["Mentor", "Score", "Why", "Cost of forcing", "Adjust for the next run"]
                  : ["Mentor", "Score", "Why", "Cost of forcing"]
              }
              firstCellIsHeader
              rowKeys={m.suggestions.map((s) => s.mentorEnrolmentId)}
              rows={m.suggestions.map((s) => [
                <span key="mentor">
                  {s.mentorName}
                  {s.proposed ? (
                    <>
                      {" "}
                      <Tag colour="green">Proposed</Tag>
                    </>
                  ) : null}
                  {s.lockedInRun ? (
                    <>
                      {" "}
                      <Tag colour="blue">Locked</Tag>
                    </>
                  ) : null}
                </span>,
                formatScore(s.score),
                <ScoreTerms key="terms" terms={s.terms} />,
                forcingCost(s),
                ...(reviewing
                  ? [
                      <PairActions
                        key="adjust"
                        menteeEnrolmentId={m.enrolmentId}
                        menteeName={m.name}
                        mentorEnrolmentId={s.mentorEnrolmentId}
                        mentorName={s.mentorName}
                        constraint={constraintOf(m.enrolmentId, s.mentorEnrolmentId)}
                        busy={busy}
                      />,
                    ]
                  : []),
              ])}
            />
          ))}
        </>
      ) : null}

      {!pairs && page.groups.length ? (
        <>
          <h2>Proposed groups</h2>
          {page.groups.map((g, index) => (
            <Fragment key={g.id}>
              <Table
                caption={`Group ${index + 1} (score ${formatScore(g.score)})`}
                captionSize="s"
                head={["Member"]}
                rowKeys={g.members.map((member) => member.enrolmentId)}
                rows={g.members.map((member) => [member.name])}
              />
              {g.explanation ? <p className="nhsuk-body-s">Why: {g.explanation}</p> : null}
            </Fragment>
          ))}
        </>
      ) : null}

      {reviewing && pairs && proposed.length >= 2 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="swap" />
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 className="nhsuk-fieldset__heading">Swap two mentees&apos; mentors</h2>
            </legend>
            <p className="nhsuk-body-s">
              Each is locked to the other&apos;s proposed mentor for the next run.
            </p>
            <Select
              id="swap-a"
              name="menteeA"
              label="First mentee"
              defaultValue={proposed[0]!.menteeEnrolmentId}
              error={result?.target === "swap-a" ? result.message : undefined}
              options={proposed.map((p) => ({
                value: p.menteeEnrolmentId,
                text: `${p.menteeName} (now with ${p.mentorName})`,
              }))}
            />
            <Select
              id="swap-b"
              name="menteeB"
              label="Second mentee"
              defaultValue={proposed[1]!.menteeEnrolmentId}
              options={proposed.map((p) => ({
                value: p.menteeEnrolmentId,
                text: `${p.menteeName} (now with ${p.mentorName})`,
              }))}
            />
            <Button variant="secondary" disabled={busy}>
              Swap their mentors
            </Button>
          </fieldset>
        </Form>
      ) : null}

      {reviewing || run.status === "failed" ? (
        <Form method="post">
          <h2>{reviewing ? "Run again or confirm" : "Try again"}</h2>
          {reviewing ? (
            <p>
              Running again uses your locks and exclusions. Confirming creates the{" "}
              {pairs
                ? "relationships and emails each mentee and mentor"
                : "groups and emails everyone in them"}
              .
            </p>
          ) : null}
          <div className="nhsuk-button-group">
            {reviewing && (pairs ? proposed.length > 0 : page.groups.length > 0) ? (
              <Button id="confirm" name="intent" value="confirm" disabled={busy}>
                {pairs ? "Confirm these matches" : "Confirm these groups"}
              </Button>
            ) : null}{" "}
            <Button id="rerun" name="intent" value="rerun" variant="secondary" disabled={busy}>
              {reviewing ? "Run again with these changes" : "Run again"}
            </Button>
          </div>
        </Form>
      ) : null}
    </>
  );
}

function forcingCost(s: {
  proposed: boolean;
  forcingMatchedLost: number | null;
  forcingScoreLost: number | null;
}): string {
  if (s.forcingMatchedLost === null && s.forcingScoreLost === null) return "Not worked out";
  const matched = s.forcingMatchedLost ?? 0;
  const score = s.forcingScoreLost ?? 0;
  if (matched === 0 && score <= 1e-9)
    return s.proposed ? "Nothing: it is in the best allocation" : "Nothing";
  return `Forcing this pair costs ${matched} matched / ${formatScore(score)} score`;
}
