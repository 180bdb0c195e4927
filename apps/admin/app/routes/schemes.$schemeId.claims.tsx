// A scheme's mentor claims: filter by status, approve, ask a question or reject with a reason (the
// mentor is emailed), and export approved claims once for finance as CSV and a PDF remittance.
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { ClaimDecisionFields, formatMoney } from "@tandem/core";
import { BackLink, ErrorSummary, InsetText, SummaryList } from "@tandem/ui";
import { z } from "zod";
import { ClaimDecision, decisionFieldId } from "../components/claims/claim-decision";
import { DecidedClaimsTable } from "../components/claims/decided-table";
import { ExportsSection } from "../components/claims/exports-section";
import { ClaimStatusFilter } from "../components/claims/status-filter";
import type { DecisionProblem } from "../components/claims/types";
import { claimFilterStatuses, claimStatusName } from "../components/claims/words";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Claims: ${page.scheme.name}` : "Claims", organisationNameFrom(matches));

const StatusQuery = z
  .enum(["", ...claimFilterStatuses], {
    errorMap: () => ({
      message: "Choose any status, waiting for a decision, queried, approved or rejected",
    }),
  })
  .optional();

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const asked = StatusQuery.safeParse(new URL(request.url).searchParams.get("status") ?? undefined);
  const status = asked.success && asked.data ? asked.data : undefined;
  const [{ scheme, rules }, list] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () => runner.caller.claims.forScheme({ ...runner.ref, status })),
  ]);
  const flash = await takeFlash(request, runner.headers, context);
  const pay = rules.remuneration;
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name },
      remuneration: pay.kind,
      terms:
        pay.kind === "per_meeting"
          ? {
              fee: formatMoney(pay.feePence),
              cap: pay.capMeetings ?? null,
              expenses: pay.expensesAllowed
                ? pay.expensesCapPence
                  ? `Paid with a receipt, up to ${formatMoney(pay.expensesCapPence)} a claim`
                  : "Paid with a receipt"
                : "Not paid",
            }
          : null,
      status: status ?? "",
      filterError: asked.success ? null : (asked.error.issues[0]?.message ?? "Choose a status"),
      claims: list.claims,
      readyToExport: list.readyToExport,
      exports: list.exports,
      flash,
    },
    { headers: runner.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const formData = await request.formData();
  const here = `/schemes/${runner.schemeId}/claims${new URL(request.url).search}`;

  if (formData.get("intent") === "export") {
    try {
      const { claimCount } = await runner.caller.claims.export(runner.ref);
      await setFlash(
        runner.headers,
        context,
        `${claimCount} approved ${claimCount === 1 ? "claim" : "claims"} exported: download the CSV and the remittance below`,
      );
    } catch (error) {
      const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
      const message =
        formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? "The claims could not be exported";
      return data({ kind: "export" as const, message }, { status: 400, headers: runner.headers });
    }
    return redirect(here, { headers: runner.headers });
  }

  if (formData.get("intent") !== "decide")
    throw new Response(null, { status: 400, headers: runner.headers });
  const claimId = String(formData.get("claimId") ?? "");
  const mentorName = String(formData.get("mentorName") ?? "") || "the mentor";
  const fail = (errors: DecisionProblem["errors"]) =>
    data({ kind: "decide" as const, claimId, errors }, { status: 400, headers: runner.headers });
  const submission = parseWithZod(formData, { schema: ClaimDecisionFields });
  if (submission.status !== "success") {
    const errors = submission.error ?? {};
    return fail([
      ...(errors.decision?.[0]
        ? [{ field: "decision" as const, message: errors.decision[0] }]
        : []),
      ...(errors.message?.[0] ? [{ field: "message" as const, message: errors.message[0] }] : []),
      ...(errors.claimId?.[0] ? [{ field: "decision" as const, message: errors.claimId[0] }] : []),
    ]);
  }
  try {
    await runner.caller.claims.decide({
      organisationId: runner.organisationId,
      ...submission.value,
    });
  } catch (error) {
    const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers, [
      "NOT_FOUND",
    ]);
    return fail([
      ...formErrors.map((message) => ({ field: "decision" as const, message })),
      ...Object.entries(fieldErrors).flatMap(([field, list]) =>
        list
          .slice(0, 1)
          .map((message) => ({
            field: field === "message" ? ("message" as const) : ("decision" as const),
            message,
          })),
      ),
    ]);
  }
  const done = {
    approve: `Claim from ${mentorName} approved`,
    query: `Your question has been sent to ${mentorName}`,
    reject: `Claim from ${mentorName} rejected: they have been told why`,
  } as const;
  await setFlash(runner.headers, context, done[submission.value.decision]);
  return redirect(here, { headers: runner.headers });
}

export default function SchemeClaims() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const base = `/schemes/${page.scheme.id}`;
  const open = page.claims.filter((c) => c.status === "submitted" || c.status === "queried");
  const decided = page.claims.filter((c) => c.status === "approved" || c.status === "rejected");
  const problem = result?.kind === "decide" ? result : null;
  const summary = [
    ...(page.filterError ? [{ href: "#status", text: page.filterError }] : []),
    ...(problem
      ? problem.errors.map((e) => ({
          href: `#${decisionFieldId(problem.claimId, e.field)}`,
          text: e.message,
        }))
      : []),
    ...(result?.kind === "export" ? [{ href: "#export-claims", text: result.message }] : []),
  ];

  return (
    <>
      <BackLink href={base}>Back to {page.scheme.name}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      {summary.length ? (
        <ErrorSummary key={JSON.stringify(result ?? page.filterError)} errors={summary} />
      ) : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Claims: {page.scheme.name}</h1>

      {page.terms ? (
        <SummaryList
          rows={[
            { id: "fee", key: "Fee per held meeting", value: page.terms.fee },
            {
              id: "cap",
              key: "Meetings paid for",
              value: page.terms.cap ? `Up to ${page.terms.cap} in a relationship` : "No limit",
            },
            { id: "expenses", key: "Expenses", value: page.terms.expenses },
          ]}
        />
      ) : (
        <InsetText>
          <p>
            {page.remuneration === "job_plan"
              ? "This scheme recognises mentoring time in the job plan instead of paying per meeting, so mentors make no claims."
              : "This scheme does not pay mentors per meeting, so mentors make no claims."}{" "}
            To pay per meeting, <a href={`${base}/rules`}>change the rules</a>.
          </p>
        </InsetText>
      )}

      {page.terms || page.claims.length || page.status ? (
        <ClaimStatusFilter status={page.status} error={page.filterError ?? undefined} />
      ) : null}

      <h2>Waiting for you</h2>
      {open.length ? (
        open.map((claim) => (
          <ClaimDecision
            key={claim.id}
            claim={claim}
            busy={busy}
            problem={problem?.claimId === claim.id ? problem : null}
          />
        ))
      ) : (
        <p>
          {page.status && page.status !== "submitted" && page.status !== "queried"
            ? `Showing ${claimStatusName(page.status).toLowerCase()} claims only.`
            : "No claims are waiting for a decision. Mentors claim in the app once a meeting is recorded as held."}
        </p>
      )}

      {decided.length ? <DecidedClaimsTable claims={decided} /> : null}

      {page.terms || page.exports.length ? (
        <ExportsSection
          base={base}
          readyToExport={page.readyToExport}
          exports={page.exports}
          busy={busy}
        />
      ) : null}
    </>
  );
}
