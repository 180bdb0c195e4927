// The meetings timeline: first what needs the person or comes next (a meeting to record, times to
// pick, the next meeting), then arranging one (or why no more can be), then every other meeting.
import { Button, InsetText } from "@tandem/ui";
import { formatInstant } from "../preparation/preparation-words";
import { MeetingCard } from "./meeting-card";
import { MeetingGuide, otherNames } from "./meeting-guide";
import type { PageControls } from "./page-form";
import { ProposeMeetingForm } from "./propose-meeting-form";
import type { Detail } from "./relationship-types";
import {
  describeNewMeeting,
  describeProgress,
  listNames,
  splitMeetings,
} from "./relationship-words";

export function NextMeeting({
  detail,
  controls,
  now,
}: {
  detail: Detail;
  controls: PageControls;
  now: Date;
}) {
  const { proposals, toRecord, next } = splitMeetings(detail.meetings, now);
  const first = [...toRecord, ...proposals, ...(next ? [next] : [])];
  const live = detail.status === "active";
  return (
    <section aria-labelledby="next-meeting">
      <h2 className="nhsuk-heading-m" id="next-meeting">
        {detail.kind === "group" ? "Your next session" : "Your next meeting"}
      </h2>
      {first.length === 0 ? <NothingArranged detail={detail} /> : null}
      {first.map((m) => (
        <MeetingCard key={m.id} detail={detail} meeting={m} controls={controls} now={now} feature />
      ))}
      {live ? (
        <ArrangeMeeting detail={detail} controls={controls} pending={proposals.length > 0} />
      ) : null}
    </section>
  );
}

function NothingArranged({ detail }: { detail: Detail }) {
  const names = listNames(otherNames(detail));
  if (detail.status === "paused")
    return <p>Your mentoring is paused, so no meetings are arranged. Resume it to arrange one.</p>;
  if (detail.status !== "active") return <p>No more meetings: this relationship has ended.</p>;
  const none = detail.meetings.every((m) => m.status === "cancelled" || m.status === "missed");
  if (detail.promptFirstMeeting) {
    return (
      <InsetText>
        <p>
          <strong>You arrange the first meeting.</strong> Get in touch with {names} to introduce
          yourself (their contact details are below), then propose up to 3 times for{" "}
          {describeNewMeeting(detail.plan.nextKind)}. {names} picks the one that suits them.
        </p>
      </InsetText>
    );
  }
  if (detail.kind === "group" && !detail.canArrange) {
    return (
      <p>
        The group&apos;s facilitators arrange its sessions. You will get an email when one is
        arranged, and it will appear here.
      </p>
    );
  }
  if (none) {
    return (
      <p>
        {names} will propose times for your first meeting. You will get an email, and the times will
        appear here for you to pick one. You can contact them using the details below.
      </p>
    );
  }
  return (
    <p>
      No meeting is arranged.
      {detail.plan.nextDueAt
        ? ` The next one is due by ${formatInstant(detail.plan.nextDueAt)}.`
        : ""}
    </p>
  );
}

function ArrangeMeeting({
  detail,
  controls,
  pending,
}: {
  detail: Detail;
  controls: PageControls;
  pending: boolean;
}) {
  if (!detail.canArrange) return null;
  if (detail.plan.whyNoMore) return <p>{detail.plan.whyNoMore}.</p>;
  if (controls.open?.kind === "propose")
    return <ProposeMeetingForm detail={detail} controls={controls} />;
  if (pending) return null;
  const kind = detail.plan.nextKind ?? "regular";
  return (
    <>
      <MeetingGuide detail={detail} kind={kind} />
      <Button
        type="button"
        id="propose-meeting"
        onClick={() => controls.show({ kind: "propose" }, "propose-meeting")}
      >
        {detail.kind === "group"
          ? "Arrange a session"
          : detail.promptFirstMeeting
            ? "Propose times for your first meeting"
            : "Propose a meeting"}
      </Button>
    </>
  );
}

export function AllMeetings({
  detail,
  controls,
  now,
}: {
  detail: Detail;
  controls: PageControls;
  now: Date;
}) {
  const { upcoming, past } = splitMeetings(detail.meetings, now);
  const later = upcoming.slice(1);
  const { plan, rules } = detail;
  return (
    <section aria-labelledby="meetings">
      <h2 className="nhsuk-heading-m" id="meetings">
        Meetings
      </h2>
      <p>
        {describeProgress(plan.held, plan.max)}.
        {detail.status === "active" || detail.status === "paused"
          ? ` This scheme meets about every ${rules.cadenceWeeks} ${rules.cadenceWeeks === 1 ? "week" : "weeks"}${plan.endsBy ? `, and mentoring ends by ${formatInstant(plan.endsBy)}` : ""}.`
          : ""}
      </p>
      {later.length > 0 ? (
        <>
          <h3 className="nhsuk-heading-s">Also arranged</h3>
          {later.map((m) => (
            <MeetingCard
              key={m.id}
              detail={detail}
              meeting={m}
              controls={controls}
              now={now}
              level={4}
            />
          ))}
        </>
      ) : null}
      <h3 className="nhsuk-heading-s">Past meetings</h3>
      {past.length === 0 ? <p>No meetings yet.</p> : null}
      {past.map((m) => (
        <MeetingCard
          key={m.id}
          detail={detail}
          meeting={m}
          controls={controls}
          now={now}
          level={4}
        />
      ))}
    </section>
  );
}
