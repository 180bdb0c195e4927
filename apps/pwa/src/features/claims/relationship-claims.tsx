// On a relationship's page, for its mentor: a claim for each held meeting where the scheme pays per
// meeting (once each, within the cap), a coordinator's question to answer, or, where the scheme
// recognises time in the job plan instead, the statement of recognised time.
import { Button, Tag } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "../../lib/api-types";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import type { PageControls } from "../relationships/page-form";
import type { Detail } from "../relationships/relationship-types";
import { describeLength, formatMeetingDate, kindWords } from "../relationships/relationship-words";
import { AnswerQueryForm } from "./answer-query-form";
import { ClaimForm } from "./claim-form";
import { claimsPath, describeAmount, describeClaimStatus, formatMoney } from "./claim-words";

type Claims = RouterOutputs["claims"]["forRelationship"];

export function RelationshipClaims({
  detail,
  controls,
}: {
  detail: Detail;
  controls: PageControls;
}) {
  const trpc = useTRPC();
  const mentor = detail.myRole === "mentor" || detail.myRole === "facilitator";
  const claims = useQuery({
    ...trpc.claims.forRelationship.queryOptions(controls.scope),
    enabled: mentor,
  });
  if (!mentor || !claims.data) return null;
  const data = claims.data;
  if (data.remuneration === "job_plan" && data.statement) {
    const s = data.statement;
    return (
      <section aria-labelledby="claims">
        <h2 className="nhsuk-heading-m" id="claims">
          Time for your job plan
        </h2>
        <p>
          This scheme recognises mentoring time in your job plan instead of paying per meeting. So
          far: {s.meetings} {s.meetings === 1 ? "meeting" : "meetings"} held ({s.meetingHours}{" "}
          hours), and {s.recognisedHours} hours recognised.
        </p>
      </section>
    );
  }
  if (data.remuneration !== "per_meeting") return null;
  return (
    <section aria-labelledby="claims">
      <h2 className="nhsuk-heading-m" id="claims">
        Claims
      </h2>
      <p>
        This scheme pays {formatMoney(data.feePence ?? 0)} for each meeting held
        {data.capMeetings !== null ? `, for up to ${data.capMeetings} meetings` : ""}
        {data.expensesAllowed ? ", with expenses if you have a receipt" : ""}.{" "}
        <Link href={claimsPath}>See all my claims</Link>
      </p>
      {data.meetings.length === 0 ? (
        <p>Once a meeting is recorded as held, you can claim for it here.</p>
      ) : null}
      <ul className="nhsuk-list">
        {data.meetings.map((m) => (
          <ClaimItem key={m.meetingId} meeting={m} data={data} controls={controls} />
        ))}
      </ul>
    </section>
  );
}

function ClaimItem({
  meeting,
  data,
  controls,
}: {
  meeting: Claims["meetings"][number];
  data: Claims;
  controls: PageControls;
}) {
  const claim = meeting.claim;
  const open = controls.open;
  const claiming = open?.kind === "claim" && open.claimMeetingId === meeting.meetingId;
  const answering = open?.kind === "answer-query" && claim !== null && open.claimId === claim.id;
  const when = meeting.startsAt ? formatMeetingDate(meeting.startsAt) : "Date not known";
  const claimId = `claim-${meeting.meetingId}`;
  const answerId = `answer-${meeting.meetingId}`;
  const status = claim ? describeClaimStatus(claim.status, claim.exported) : null;
  return (
    <li className="nhsuk-u-padding-bottom-3" style={{ borderBottom: "1px solid #d8dde0" }}>
      <p className="nhsuk-u-margin-bottom-1">
        <strong>{when}</strong>: {kindWords[meeting.kind].toLowerCase()},{" "}
        {describeLength(meeting.minutes)}
      </p>
      {claim && status ? (
        <p className="nhsuk-u-margin-bottom-1">
          <Tag colour={status.colour}>{status.text}</Tag>{" "}
          {describeAmount(claim.feePence, claim.expensesPence)}
        </p>
      ) : null}
      {claim?.status === "rejected" && claim.decisionMessage ? (
        <p>Why: {claim.decisionMessage}</p>
      ) : null}
      {claiming ? (
        <ClaimForm meeting={meeting} terms={data} controls={controls} />
      ) : answering && claim ? (
        <AnswerQueryForm claimId={claim.id} question={claim.decisionMessage} controls={controls} />
      ) : !claim ? (
        <Button
          type="button"
          variant="secondary"
          small
          id={claimId}
          onClick={() =>
            controls.show({ kind: "claim", claimMeetingId: meeting.meetingId }, claimId)
          }
        >
          Claim for this meeting<span className="nhsuk-u-visually-hidden"> on {when}</span>
        </Button>
      ) : claim.status === "queried" ? (
        <>
          {claim.decisionMessage ? <p>The coordinator asks: {claim.decisionMessage}</p> : null}
          <Button
            type="button"
            variant="secondary"
            small
            id={answerId}
            onClick={() => controls.show({ kind: "answer-query", claimId: claim.id }, answerId)}
          >
            Answer the question
            <span className="nhsuk-u-visually-hidden"> on the claim for {when}</span>
          </Button>
        </>
      ) : null}
    </li>
  );
}
