// "My claims": a mentor's claims in every organisation, newest first, with their state, the
// coordinator's reasons, and a question to answer where there is one.
import { Button, Tag } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import {
  relationshipPath,
  relationshipsPath,
  formatMeetingDate,
  kindWords,
} from "../relationships/relationship-words";
import { usePageControls } from "../relationships/use-page-controls";
import { AnswerQueryForm } from "./answer-query-form";
import { describeAmount, describeClaimStatus } from "./claim-words";

type Claim = RouterOutputs["claims"]["mine"][number];

export function MyClaims() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.claims.mine.queryOptions());
  const [hasError, setHasError] = useState(false);
  usePageTitle("My claims", hasError);
  return (
    <>
      <PageHeading>My claims</PageHeading>
      {mine.data ? (
        mine.data.length === 0 ? (
          <>
            <p>You have made no claims.</p>
            <p>
              Where a scheme pays mentors per meeting, you can claim for each meeting once it is
              recorded as held, from the relationship&apos;s page in{" "}
              <Link href={relationshipsPath}>My mentoring</Link>.
            </p>
          </>
        ) : (
          <ul className="nhsuk-list">
            {mine.data.map((claim) => (
              <ClaimRow key={claim.claimId} claim={claim} onErrorsChange={setHasError} />
            ))}
          </ul>
        )
      ) : mine.isError ? (
        <QueryProblem onRetry={() => void mine.refetch()} />
      ) : (
        <QueryPending what="your claims" />
      )}
    </>
  );
}

function ClaimRow({
  claim,
  onErrorsChange,
}: {
  claim: Claim;
  onErrorsChange: (has: boolean) => void;
}) {
  const { controls, doneMessage } = usePageControls(
    { organisationId: claim.organisationId, relationshipId: claim.relationshipId },
    onErrorsChange,
  );
  const status = describeClaimStatus(claim.status, claim.exported);
  const when = claim.meetingDate ? formatMeetingDate(claim.meetingDate) : "Date not known";
  const answering = controls.open?.kind === "answer-query";
  const buttonId = `answer-${claim.claimId}`;
  return (
    <li className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s">
          {when}
          {claim.meetingKind ? `: ${kindWords[claim.meetingKind].toLowerCase()}` : ""}
        </h2>
        <p className="nhsuk-u-margin-bottom-1">
          {claim.schemeName} ({claim.organisationName})
        </p>
        <p>
          <Tag colour={status.colour}>{status.text}</Tag>{" "}
          {describeAmount(claim.feePence, claim.expensesPence)}, claimed on{" "}
          {formatInstant(claim.submittedAt)}
        </p>
        {claim.status === "rejected" && claim.decisionMessage ? (
          <p>Why: {claim.decisionMessage}</p>
        ) : null}
        {claim.queryAnswer && claim.status !== "queried" ? (
          <p>Your answer to the coordinator&apos;s question: {claim.queryAnswer}</p>
        ) : null}
        {doneMessage}
        {claim.status === "queried" ? (
          answering ? (
            <AnswerQueryForm
              claimId={claim.claimId}
              question={claim.decisionMessage}
              controls={controls}
            />
          ) : (
            <>
              {claim.decisionMessage ? <p>The coordinator asks: {claim.decisionMessage}</p> : null}
              <Button
                type="button"
                variant="secondary"
                id={buttonId}
                onClick={() =>
                  controls.show({ kind: "answer-query", claimId: claim.claimId }, buttonId)
                }
              >
                Answer the question
                <span className="nhsuk-u-visually-hidden"> on the claim for {when}</span>
              </Button>
            </>
          )
        ) : null}
        <p>
          <Link href={relationshipPath(claim.relationshipId)}>
            See the relationship
            <span className="nhsuk-u-visually-hidden"> for the claim on {when}</span>
          </Link>
        </p>
      </div>
    </li>
  );
}
