// One claim waiting for the coordinator: what it is for, and a form to approve it, ask the mentor a
// question or reject it with a reason (the mentor is emailed either way).
import { Form } from "@remix-run/react";
import { Button, Radios, SummaryList, Textarea } from "@tandem/ui";
import { formatDate } from "../../lib/format";
import type { ClaimView, DecisionProblem } from "./types";
import { ClaimStatusTag, formatMoney, meetingText } from "./words";

export function decisionFieldId(claimId: string, field: "decision" | "message"): string {
  return `${field}-${claimId}`;
}

export function ClaimDecision({
  claim,
  problem,
  busy,
}: {
  claim: ClaimView;
  problem: DecisionProblem | null;
  busy: boolean;
}) {
  const errorOf = (field: "decision" | "message") =>
    problem?.errors.find((e) => e.field === field)?.message;
  const queried = claim.status === "queried";
  const meeting = meetingText(claim);
  return (
    <section className="nhsuk-card" aria-labelledby={`claim-${claim.id}`}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`claim-${claim.id}`}>
          {claim.mentorName}: {meeting}
        </h3>
        <SummaryList
          rows={[
            { id: "status", key: "Status", value: <ClaimStatusTag status={claim.status} /> },
            { id: "submitted", key: "Claimed on", value: formatDate(claim.submittedAt) },
            { id: "fee", key: "Fee", value: formatMoney(claim.feePence) },
            {
              id: "expenses",
              key: "Expenses",
              value: claim.expensesPence ? (
                <>
                  {formatMoney(claim.expensesPence)}
                  {claim.expensesNote ? `: ${claim.expensesNote}` : ""}
                  {claim.receiptFileId ? (
                    <>
                      {" "}
                      (<a href={`/evidence/${claim.receiptFileId}`}>view the receipt</a>)
                    </>
                  ) : null}
                </>
              ) : (
                "None"
              ),
            },
            ...(claim.decisionMessage && queried
              ? [{ id: "question", key: "Your question", value: claim.decisionMessage }]
              : []),
            ...(claim.queryAnswer
              ? [{ id: "answer", key: "The mentor's answer", value: claim.queryAnswer }]
              : []),
          ]}
        />
        <Form method="post">
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="mentorName" value={claim.mentorName} />
          <Radios
            idPrefix={decisionFieldId(claim.id, "decision")}
            name="decision"
            legend={
              <>
                Your decision
                <span className="nhsuk-u-visually-hidden">
                  {" "}
                  on the claim from {claim.mentorName} for the {meeting}
                </span>
              </>
            }
            legendSize="s"
            hint={
              queried
                ? "You asked the mentor a question: approve once they answer, or reject the claim now."
                : undefined
            }
            error={errorOf("decision")}
            items={
              queried
                ? [{ value: "reject", label: "Reject" }]
                : [
                    { value: "approve", label: "Approve" },
                    { value: "query", label: "Ask the mentor a question" },
                    { value: "reject", label: "Reject" },
                  ]
            }
          />
          <Textarea
            id={decisionFieldId(claim.id, "message")}
            name="message"
            label="Message to the mentor"
            hint="Needed to ask a question or reject: say what you need to know, or why the claim is rejected. The mentor is emailed."
            rows={3}
            error={errorOf("message")}
          />
          <Button disabled={busy} className="nhsuk-u-margin-bottom-0">
            Save decision
            <span className="nhsuk-u-visually-hidden">
              {" "}
              on the claim from {claim.mentorName} for the {meeting}
            </span>
          </Button>
        </Form>
      </div>
    </section>
  );
}
