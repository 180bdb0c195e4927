// A scheme's enrolments: requests to review (approve or decline, with a message), the waiting list
// and the people taking part. Coordinators see that people joined, never what they discuss.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { ReviewEnrolmentFields } from "@tandem/core";
import { BackLink, Button, ErrorSummary, InsetText, Table, Textarea } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDate } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { enrolmentRoleWords, enrolmentStatusWords } from "../lib/scheme-fields";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Enrolments in ${page.scheme.name}` : "Enrolments", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const [{ scheme, rules }, enrolments] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () => runner.caller.scheme.enrolments(runner.ref)),
  ]);
  const questions = rules.application.kind === "form" ? rules.application.questions : [];
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name },
      questions: Object.fromEntries(questions.map((q) => [q.id, q.label])),
      enrolments,
      flash,
    },
    { headers: runner.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const formData = await request.formData();
  const name = String(formData.get("personName") ?? "");
  const parsed = ReviewEnrolmentFields.safeParse({
    enrolmentId: formData.get("enrolmentId"),
    decision: formData.get("decision"),
    message: formData.get("message") || undefined,
  });
  if (!parsed.success) {
    const enrolmentId = String(formData.get("enrolmentId") ?? "");
    return data({ enrolmentId, message: parsed.error.issues[0]?.message ?? "Check the answer" }, { status: 400, headers: runner.headers });
  }
  try {
    await runner.caller.scheme.review({ organisationId: runner.organisationId, ...parsed.data });
  } catch (error) {
    const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
    const message = formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "The request could not be answered";
    return data({ enrolmentId: parsed.data.enrolmentId, message }, { status: 400, headers: runner.headers });
  }
  await setFlash(
    runner.headers,
    context,
    parsed.data.decision === "approve" ? `${name || "The person"} can now take part` : `Request from ${name || "the person"} declined`,
  );
  return redirect(`/schemes/${runner.schemeId}/enrolments`, { headers: runner.headers });
}

type Answers = Record<string, string | boolean>;

function AnswersList({ answers, questions }: { answers: unknown; questions: Record<string, string> }) {
  const entries = Object.entries((answers && typeof answers === "object" ? answers : {}) as Answers);
  if (entries.length === 0) return <>None</>;
  return (
    <dl className="nhsuk-u-margin-bottom-0">
      {entries.map(([id, value]) => (
        <div key={id}>
          <dt className="nhsuk-u-font-weight-bold">{questions[id] ?? id}</dt>
          <dd className="nhsuk-u-margin-left-0 nhsuk-u-margin-bottom-2">{typeof value === "boolean" ? (value ? "Yes" : "No") : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function SchemeEnrolments() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const requests = page.enrolments.filter((e) => e.status === "requested");
  const waiting = page.enrolments.filter((e) => e.status === "waiting");
  const active = page.enrolments.filter((e) => e.status === "active");
  const past = page.enrolments.filter((e) => e.status === "declined" || e.status === "withdrawn");

  return (
    <>
      <BackLink href={`/schemes/${page.scheme.id}`}>Back to {page.scheme.name}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {result ? (
        <ErrorSummary key={JSON.stringify(result)} errors={[{ href: `#message-${result.enrolmentId}`, text: result.message }]} />
      ) : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Enrolments in {page.scheme.name}</h1>

      {requests.length ? (
        <Table
          caption="Requests to review"
          head={["Name", "Email", "Role", "Why it needs review", "Application answers", "Decision"]}
          firstCellIsHeader
          rowKeys={requests.map((e) => e.enrolmentId)}
          rows={requests.map((e) => [
            e.name,
            e.email,
            enrolmentRoleWords[e.role] ?? e.role,
            e.eligibilityReason ?? "Not recorded",
            <AnswersList key="answers" answers={e.applicationAnswers} questions={page.questions} />,
            <Form key="review" method="post">
              <input type="hidden" name="enrolmentId" value={e.enrolmentId} />
              <input type="hidden" name="personName" value={e.name} />
              <Textarea
                id={`message-${e.enrolmentId}`}
                name="message"
                label={
                  <>
                    Message to the person<span className="nhsuk-u-visually-hidden"> ({e.name})</span>
                  </>
                }
                hint="Optional. Sent with the decision."
                rows={3}
                error={result?.enrolmentId === e.enrolmentId ? result.message : undefined}
              />
              <Button name="decision" value="approve" small disabled={navigation.state !== "idle"}>
                Approve<span className="nhsuk-u-visually-hidden"> {e.name}</span>
              </Button>{" "}
              <Button name="decision" value="decline" variant="secondary" small disabled={navigation.state !== "idle"}>
                Decline<span className="nhsuk-u-visually-hidden"> {e.name}</span>
              </Button>
            </Form>,
          ])}
        />
      ) : (
        <>
          <h2>Requests to review</h2>
          <InsetText>
            <p>There are no requests to review.</p>
          </InsetText>
        </>
      )}

      {waiting.length ? (
        <Table
          caption="Waiting list"
          head={["Name", "Email", "Role", "Asked on"]}
          firstCellIsHeader
          rowKeys={waiting.map((e) => e.enrolmentId)}
          rows={waiting.map((e) => [e.name, e.email, enrolmentRoleWords[e.role] ?? e.role, formatDate(e.joinedAt)])}
        />
      ) : (
        <>
          <h2>Waiting list</h2>
          <p>No one is waiting for a place.</p>
        </>
      )}

      {active.length ? (
        <Table
          caption="Taking part"
          head={["Name", "Email", "Role", "Status", "Joined"]}
          firstCellIsHeader
          rowKeys={active.map((e) => e.enrolmentId)}
          rows={active.map((e) => [
            e.name,
            e.email,
            enrolmentRoleWords[e.role] ?? e.role,
            enrolmentStatusWords[e.status] ?? e.status,
            formatDate(e.joinedAt),
          ])}
        />
      ) : (
        <>
          <h2>Taking part</h2>
          <p>No one is taking part yet.</p>
        </>
      )}

      {past.length ? (
        <Table
          caption="Declined or withdrawn"
          head={["Name", "Role", "Status", "Asked on"]}
          firstCellIsHeader
          rowKeys={past.map((e) => e.enrolmentId)}
          rows={past.map((e) => [
            e.name,
            enrolmentRoleWords[e.role] ?? e.role,
            enrolmentStatusWords[e.status] ?? e.status,
            formatDate(e.joinedAt),
          ])}
        />
      ) : null}
    </>
  );
}
