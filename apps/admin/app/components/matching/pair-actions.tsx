// Lock, exclude, or clear one mentee/mentor pair for the next run. Each button names the pair for
// screen readers, and carries an id an error summary can point at.
import { Form } from "@remix-run/react";
import { Button, Tag } from "@tandem/ui";

export type PairConstraint = "lock" | "exclude" | null;

export function PairActions({
  menteeEnrolmentId,
  menteeName,
  mentorEnrolmentId,
  mentorName,
  constraint,
  busy,
}: {
  menteeEnrolmentId: string;
  menteeName: string;
  mentorEnrolmentId: string;
  mentorName: string;
  constraint: PairConstraint;
  busy: boolean;
}) {
  const id = (intent: string) => `${intent}-${menteeEnrolmentId}-${mentorEnrolmentId}`;
  const pair = (
    <span className="nhsuk-u-visually-hidden">
      {" "}
      {menteeName} with {mentorName}
    </span>
  );
  return (
    <Form method="post">
      <input type="hidden" name="menteeEnrolmentId" value={menteeEnrolmentId} />
      <input type="hidden" name="mentorEnrolmentId" value={mentorEnrolmentId} />
      {constraint ? (
        <>
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
            {constraint === "lock" ? (
              <Tag colour="blue">Locked for the next run</Tag>
            ) : (
              <Tag colour="orange">Excluded from the next run</Tag>
            )}
          </p>
          <Button
            id={id("clear")}
            name="intent"
            value="clear"
            variant="secondary"
            small
            disabled={busy}
            className="nhsuk-u-margin-bottom-0"
          >
            {constraint === "lock" ? "Remove lock" : "Remove exclusion"}
            {pair}
          </Button>
        </>
      ) : (
        <div className="nhsuk-button-group nhsuk-u-margin-bottom-0">
          <Button
            id={id("lock")}
            name="intent"
            value="lock"
            variant="secondary"
            small
            disabled={busy}
            className="nhsuk-u-margin-bottom-0"
          >
            Lock{pair}
          </Button>{" "}
          <Button
            id={id("exclude")}
            name="intent"
            value="exclude"
            variant="secondary"
            small
            disabled={busy}
            className="nhsuk-u-margin-bottom-0"
          >
            Exclude{pair}
          </Button>
        </div>
      )}
    </Form>
  );
}
