// One relationship (SPEC section 6): its state, what comes next (a meeting to record, times to pick,
// the next meeting, or who arranges the first), the others' contact details, every meeting, agreed
// actions within the notes policy, feedback and claims where they apply, and pausing or ending it.
import { BackLink, SummaryList, Tag } from "@tandem/ui";
import { useState } from "react";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { RelationshipClaims } from "../claims/relationship-claims";
import { FeedbackAboutMe } from "../feedback/about-me";
import { FeedbackForRelationship } from "../feedback/feedback-due";
import { DeviceReminderPrompt } from "../reminders/device-prompt";
import { PrivateReflections } from "../reflections/reflections-section";
import { formatInstant } from "../preparation/preparation-words";
import { AgreedActions } from "./agreed-actions";
import { Contacts } from "./contacts";
import { otherNames } from "./meeting-guide";
import { AllMeetings, NextMeeting } from "./meetings-section";
import { RelationshipControls } from "./relationship-controls";
import type { Detail, Scope } from "./relationship-types";
import { capitalise } from "../matching/matching-words";
import {
  describeProgress,
  describeState,
  listNames,
  relationshipsPath,
  roleWords,
} from "./relationship-words";
import { useNow, useRelationship } from "./use-relationship";
import { usePageControls } from "./use-page-controls";

export function relationshipTitle(detail: Pick<Detail, "kind" | "members" | "scheme">): string {
  const names = listNames(otherNames(detail));
  if (detail.kind === "group") return `${detail.scheme.name}: your group`;
  if (detail.kind === "co_mentoring")
    return names ? `Co-mentoring with ${names}` : "Your co-mentoring";
  return names ? `Mentoring with ${names}` : "Your mentoring";
}

export function RelationshipPage({ relationshipId }: { relationshipId: string }) {
  const { mine, summary, scope, detail } = useRelationship(relationshipId);
  const [hasError, setHasError] = useState(false);
  const title = detail.data ? relationshipTitle(detail.data) : "Your mentoring";
  usePageTitle(title, hasError);
  const failed = mine.isError ? mine : detail.isError ? detail : undefined;

  return (
    <>
      <BackLink href={relationshipsPath}>My mentoring</BackLink>
      <PageHeading>{title}</PageHeading>
      {mine.data && !summary && !mine.isFetching ? (
        <>
          <p>
            This relationship is not in your mentoring. It may have ended, or the link may be wrong.
          </p>
          <p>
            <Link href={relationshipsPath}>Go to my mentoring</Link>
          </p>
        </>
      ) : detail.data && scope ? (
        <Relationship detail={detail.data} scope={scope} onErrorsChange={setHasError} />
      ) : failed ? (
        <QueryProblem onRetry={() => void failed.refetch()} />
      ) : (
        <QueryPending what="your mentoring" />
      )}
    </>
  );
}

function Relationship({
  detail,
  scope,
  onErrorsChange,
}: {
  detail: Detail;
  scope: Scope;
  onErrorsChange: (has: boolean) => void;
}) {
  const now = useNow();
  const { controls, doneMessage } = usePageControls(scope, onErrorsChange);
  const state = describeState(detail);
  const mentor = detail.myRole === "mentor";

  return (
    <>
      <p className="nhsuk-caption-m">{detail.scheme.name}</p>
      {doneMessage}
      <p>
        <Tag colour={state.colour}>{state.text}</Tag>
      </p>
      <SummaryList
        rows={[
          { id: "role", key: "Your role", value: capitalise(roleWords[detail.myRole]) },
          {
            id: "meetings",
            key: "Meetings",
            value: describeProgress(detail.plan.held, detail.plan.max),
          },
          ...(detail.startedAt
            ? [{ id: "since", key: "Started", value: formatInstant(detail.startedAt) }]
            : []),
          ...(detail.endedAt
            ? [{ id: "ended", key: "Ended", value: formatInstant(detail.endedAt) }]
            : []),
          ...(detail.status === "active" && detail.plan.nextDueAt && !detail.plan.nextMeetingAt
            ? [
                {
                  id: "due",
                  key: "Next meeting due by",
                  value: formatInstant(detail.plan.nextDueAt),
                },
              ]
            : []),
        ]}
      />
      <FeedbackForRelationship relationshipId={detail.id} />
      <NextMeeting detail={detail} controls={controls} now={now} />
      <DeviceReminderPrompt
        hasScheduledMeeting={
          detail.status === "active" &&
          detail.meetings.some((m) => m.status === "scheduled" && m.startsAt !== null && m.startsAt > now)
        }
      />
      <Contacts detail={detail} />
      <AllMeetings detail={detail} controls={controls} now={now} />
      <AgreedActions detail={detail} controls={controls} />
      <PrivateReflections detail={detail} scope={scope} />
      <RelationshipClaims detail={detail} controls={controls} />
      {mentor ? (
        <FeedbackAboutMe organisationId={scope.organisationId} schemeId={detail.scheme.id} />
      ) : null}
      <RelationshipControls detail={detail} controls={controls} />
    </>
  );
}
