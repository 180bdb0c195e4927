// "My schemes": every scheme the person has joined or asked to join, with its status in words and
// the coordinator's message. Withdrawing is one step, asks no reason, and is confirmed on this page.
import { Button, InsetText, Table, Tag } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { actionProblem, errorCode } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, schemePath } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { MatchingLinks } from "../matching/matching-links";
import { describeEnrolmentRole, describeStatus, isLive, statusColour } from "./enrolment-words";

type Enrolment = RouterOutputs["enrolment"]["mine"][number];

export function MySchemes() {
  usePageTitle("My schemes");
  const trpc = useTRPC();
  const mine = useQuery(trpc.enrolment.mine.queryOptions());

  return (
    <>
      <PageHeading>My schemes</PageHeading>
      {mine.data ? (
        <Enrolments enrolments={mine.data} />
      ) : mine.isError ? (
        <QueryProblem onRetry={() => void mine.refetch()} />
      ) : (
        <QueryPending what="your schemes" />
      )}
    </>
  );
}

function Enrolments({ enrolments }: { enrolments: readonly Enrolment[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Enrolment>();
  const [done, setDone] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  // The Withdraw button to return focus to after "Cancel".
  const returnFocusTo = useRef<string>();

  const withdraw = useMutation(
    trpc.enrolment.withdraw.mutationOptions({
      networkMode: "always",
      onSuccess: async (_result, variables) => {
        const left = enrolments.find((e) => e.enrolmentId === variables.enrolmentId);
        setConfirming(undefined);
        setProblem(undefined);
        setDone(`You have withdrawn from ${left?.schemeName ?? "the scheme"}.`);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.enrolment.mine.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.enrolment.prepare.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.directory.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.directory.scheme.queryKey() }),
        ]);
      },
      onError: async (error) => {
        const code = errorCode(error);
        if (code === "NOT_FOUND") {
          // Already withdrawn (e.g. in another tab): show the current list.
          setConfirming(undefined);
          await queryClient.invalidateQueries({ queryKey: trpc.enrolment.mine.queryKey() });
          return;
        }
        setProblem(actionProblem(error, { online: navigator.onLine }));
      },
    }),
  );

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  function ask(enrolment: Enrolment) {
    returnFocusTo.current = withdrawButtonId(enrolment);
    setDone(undefined);
    setProblem(undefined);
    setConfirming(enrolment);
  }

  function cancel() {
    setConfirming(undefined);
    setProblem(undefined);
    const id = returnFocusTo.current;
    // After the confirmation box is gone, put focus back on the button that opened it.
    requestAnimationFrame(() => (id ? document.getElementById(id)?.focus() : undefined));
  }

  const live = enrolments.filter((e) => isLive(e.status));
  const past = enrolments.filter((e) => !isLive(e.status));

  return (
    <>
      {done ? (
        <div className="nhsuk-inset-text" tabIndex={-1} ref={doneRef} role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{done}</p>
        </div>
      ) : null}

      {confirming ? (
        <div className="nhsuk-card nhsuk-card--feature">
          <div className="nhsuk-card__content nhsuk-card__content--feature">
            <h2
              className="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m"
              tabIndex={-1}
              ref={confirmRef}
            >
              Withdraw from {confirming.schemeName}?
            </h2>
            <p>Are you sure? You can leave without giving a reason.</p>
            {confirming.status === "active" ? (
              <p>
                The scheme&apos;s coordinator will see that you have left. You can ask to join again
                later.
              </p>
            ) : null}
            {problem ? (
              <p className="nhsuk-error-message" role="alert">
                <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
              </p>
            ) : null}
            <div className="nhsuk-button-group">
              <Button
                type="button"
                variant="warning"
                disabled={withdraw.isPending}
                aria-disabled={withdraw.isPending || undefined}
                onClick={() =>
                  withdraw.mutate({
                    organisationId: confirming.organisationId,
                    enrolmentId: confirming.enrolmentId,
                  })
                }
              >
                Withdraw from {confirming.schemeName}
              </Button>
              <Button type="button" variant="secondary" onClick={cancel}>
                Cancel
              </Button>
            </div>
          </div>
        </div>
      ) : null}

      {enrolments.length === 0 ? (
        <InsetText>
          <p>You have not joined any mentoring schemes yet.</p>
          <p>
            <Link href={`${BASE}/schemes/find`}>Find a mentoring scheme</Link>
          </p>
        </InsetText>
      ) : (
        <>
          {live.length === 0 ? (
            <p>You are not taking part in any schemes at the moment.</p>
          ) : (
            <Table
              caption="Schemes you are in"
              head={["Scheme", "Organisation", "Role", "Status", "Action"]}
              firstCellIsHeader
              rowKeys={live.map((e) => e.enrolmentId)}
              rows={live.map((e) => [
                <span key="scheme">
                  <SchemeLink enrolment={e} />
                  <MatchingLinks enrolment={e} />
                </span>,
                e.organisationName,
                describeEnrolmentRole(e.role),
                <Status key="status" enrolment={e} />,
                // While this one is being confirmed above, its button gives way so only one
                // "Withdraw from <scheme>" button is on the page.
                confirming?.enrolmentId === e.enrolmentId ? (
                  <span key="withdraw">Confirm or cancel above</span>
                ) : (
                  <button
                    key="withdraw"
                    id={withdrawButtonId(e)}
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    onClick={() => ask(e)}
                  >
                    Withdraw<span className="nhsuk-u-visually-hidden"> from {e.schemeName}</span>
                  </button>
                ),
              ])}
            />
          )}
          {past.length > 0 ? (
            <Table
              caption="Schemes you have left or were not accepted to"
              head={["Scheme", "Organisation", "Role", "Status"]}
              firstCellIsHeader
              rowKeys={past.map((e) => e.enrolmentId)}
              rows={past.map((e) => [
                <SchemeLink key="scheme" enrolment={e} />,
                e.organisationName,
                describeEnrolmentRole(e.role),
                <Status key="status" enrolment={e} />,
              ])}
            />
          ) : null}
          <p>
            <Link href={`${BASE}/schemes/find`}>Find another mentoring scheme</Link>
          </p>
        </>
      )}
    </>
  );
}

const withdrawButtonId = (e: Enrolment) => `withdraw-${e.enrolmentId}`;

function SchemeLink({ enrolment }: { enrolment: Enrolment }) {
  return (
    <Link href={schemePath(enrolment.organisationSlug, enrolment.schemeSlug)}>
      {enrolment.schemeName}
    </Link>
  );
}

function Status({ enrolment }: { enrolment: Enrolment }) {
  return (
    <>
      <Tag colour={statusColour(enrolment.status)}>{describeStatus(enrolment.status)}</Tag>
      {enrolment.reviewMessage ? (
        <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
          The coordinator wrote: &ldquo;{enrolment.reviewMessage}&rdquo;
        </p>
      ) : null}
    </>
  );
}
