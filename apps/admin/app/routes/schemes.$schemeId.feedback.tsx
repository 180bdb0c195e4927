// A scheme's feedback, per round: how many were asked and answered, each rating's average and spread
// once enough answered, and written answers as whole anonymous sets only past the scheme's threshold
// (the API decides what to send). The coordinator can close a round so answers stop changing.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type MetaFunction,
} from "@remix-run/react";
import { BackLink, Button, ErrorSummary, InsetText, SummaryList } from "@tandem/ui";
import { z } from "zod";
import { FreeTextSets } from "../components/feedback/free-text";
import { RatingsTable } from "../components/feedback/ratings-table";
import { roundLabel, RoundFilter } from "../components/feedback/round-filter";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDate } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Feedback: ${page.scheme.name}` : "Feedback", organisationNameFrom(matches));

const FeedbackQuery = z.object({
  round: z.string().uuid().optional().catch(undefined),
  role: z.enum(["mentee", "mentor"]).optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const search = new URL(request.url).searchParams;
  const query = FeedbackQuery.parse({
    round: search.get("round") || undefined,
    role: search.get("role") || undefined,
  });
  const [{ scheme, rules }, feedback] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () =>
      runner.caller.feedback.forScheme({ ...runner.ref, roundId: query.round, role: query.role }),
    ),
  ]);
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name },
      askMentors: rules.feedback.askMentors || feedback.role === "mentor",
      midpoint: rules.feedback.midpoint,
      rounds: feedback.rounds,
      roundId: feedback.roundId,
      role: feedback.role,
      asked: feedback.asked,
      summary: feedback.summary,
      flash,
    },
    { headers: runner.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const formData = await request.formData();
  const roundId = String(formData.get("roundId") ?? "");
  if (formData.get("intent") !== "close-round")
    throw new Response(null, { status: 400, headers: runner.headers });
  try {
    await runner.caller.feedback.closeRound({ ...runner.ref, roundId });
  } catch (error) {
    const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
    const message =
      formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "The round could not be closed";
    return data({ message }, { status: 400, headers: runner.headers });
  }
  await setFlash(
    runner.headers,
    context,
    "Feedback round closed: answers in it can no longer be changed",
  );
  return redirect(`/schemes/${runner.schemeId}/feedback?round=${encodeURIComponent(roundId)}`, {
    headers: runner.headers,
  });
}

export default function SchemeFeedback() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/schemes/${page.scheme.id}`;
  const round = page.rounds.find((r) => r.id === page.roundId) ?? null;
  const { summary } = page;
  const who = page.role === "mentor" ? "mentors" : "mentees";

  return (
    <>
      <BackLink href={base}>Back to {page.scheme.name}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {result ? (
        <ErrorSummary
          key={JSON.stringify(result)}
          errors={[{ href: "#close-round", text: result.message }]}
        />
      ) : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Feedback: {page.scheme.name}</h1>
      <p>
        Answers are never shown with names. You see totals, and written answers only once at least{" "}
        {summary.threshold} people have answered.
      </p>

      {round === null ? (
        <InsetText>
          <p>No feedback has been asked for yet.</p>
          <p>
            People are asked how it went when their relationship ends
            {page.midpoint ? ", and halfway through" : ""}, once they have held a meeting.{" "}
            <a href={`${base}/relationships`}>See how relationships are going</a>.
          </p>
        </InsetText>
      ) : (
        <>
          {page.rounds.length > 1 || page.askMentors ? (
            <RoundFilter
              rounds={page.rounds}
              roundId={round.id}
              role={page.role}
              askMentors={page.askMentors}
            />
          ) : null}
          <SummaryList
            rows={[
              { id: "round", key: "Round", value: roundLabel(round) },
              { id: "opened", key: "Opened", value: formatDate(round.openedAt) },
              {
                id: "asked",
                key: `${who[0]!.toUpperCase()}${who.slice(1)} asked`,
                value: String(page.asked),
              },
              { id: "answered", key: "Answered", value: String(summary.responses) },
            ]}
          />
          {summary.shown ? null : (
            <InsetText>
              <p>
                Ratings and written answers are shown once at least {summary.threshold} {who} have
                answered, so no one&apos;s answers can be picked out. {summary.responses} of{" "}
                {page.asked} have answered so far.
              </p>
            </InsetText>
          )}
          {summary.ratings.length ? (
            <RatingsTable ratings={summary.ratings} threshold={summary.threshold} />
          ) : (
            <p>This round has no rating questions answered yet.</p>
          )}
          {summary.freeText.length ? <FreeTextSets sets={summary.freeText} /> : null}

          {round.closedAt ? null : (
            <>
              <h2>Close this round</h2>
              <p>
                Closing stops anyone changing their answers in this round. Feedback asked for after
                that starts a new round.
              </p>
              <Form method="post">
                <input type="hidden" name="intent" value="close-round" />
                <input type="hidden" name="roundId" value={round.id} />
                <Button id="close-round" variant="secondary" disabled={navigation.state !== "idle"}>
                  Close round
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </>
  );
}
