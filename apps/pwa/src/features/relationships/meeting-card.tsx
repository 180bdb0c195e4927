// One meeting: when, how long, how you meet, its state, and what can be done with it now: pick a
// time or suggest others, move or cancel it, mark it final, record it held or missed, who came.
import { Button, SummaryList, Tag, type SummaryListRow } from "@tandem/ui";
import { CancelMeeting, FinalToggle, RescheduleForm } from "./change-meeting-forms";
import { MeetingGuide } from "./meeting-guide";
import { FormHeadingLevel, type PageControls } from "./page-form";
import { describeProposedTime, PickTimeForm } from "./pick-time-form";
import { ProposeMeetingForm } from "./propose-meeting-form";
import { AttendanceForm, RecordMeetingForm } from "./record-meeting-forms";
import type { Detail, Meeting, MeetingFormKind } from "./relationship-types";
import {
  describeLength,
  describeWhere,
  formatMeetingTime,
  hasStarted,
  kindWords,
  meetingStatusWords,
} from "./relationship-words";
import { SharedNotes } from "./shared-notes";
import { CalendarDownload } from "../reminders/calendar-download";

function detailsOf(meeting: Meeting, detail: Detail, picking: boolean): SummaryListRow[] {
  if (meeting.status === "proposed") {
    const by = {
      id: "by",
      key: "Proposed by",
      value: meeting.proposedByYou ? "You" : (meeting.proposedByName ?? "Someone who has left"),
    };
    // While picking, the times are the form's choices: not listed twice.
    if (picking) return [by];
    return [
      {
        id: "times",
        key: "Proposed times",
        value: (
          <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
            {meeting.proposedTimes.map((t, i) => (
              <li key={i}>{describeProposedTime(t)}</li>
            ))}
          </ul>
        ),
      },
      by,
    ];
  }
  const rows: SummaryListRow[] = [];
  if (meeting.startsAt)
    rows.push({ id: "when", key: "When", value: formatMeetingTime(meeting.startsAt) });
  rows.push({
    id: "length",
    key: meeting.status === "held" ? "How long" : "Length",
    value: describeLength(meeting.heldMinutes ?? meeting.minutes),
  });
  rows.push({ id: "where", key: "How", value: describeWhere(meeting) });
  if (meeting.link && meeting.status === "scheduled")
    rows.push({
      id: "link",
      key: "Video link",
      value: (
        <a href={meeting.link} rel="noreferrer">
          Join the video meeting
        </a>
      ),
    });
  if (detail.kind === "group" && meeting.status === "held" && meeting.attendance.length > 0) {
    const came = meeting.attendance.filter((a) => a.attended).length;
    rows.push({
      id: "came",
      key: "Who came",
      value: `${came} of ${meeting.attendance.length} members`,
    });
  }
  return rows;
}

export function MeetingCard({
  detail,
  meeting,
  controls,
  now,
  feature,
  level = 3,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
  now: Date;
  /** The next meeting, or one waiting on the person: shown first and stands out. */
  feature?: boolean;
  level?: 3 | 4;
}) {
  const open =
    controls.open && "meetingId" in controls.open && controls.open.meetingId === meeting.id
      ? controls.open.kind
      : null;
  const titleId = `meeting-${meeting.id}`;
  const status = hasStarted(meeting, now)
    ? { text: "Time to record what happened", colour: "orange" as const }
    : meetingStatusWords[meeting.status]!;
  const show = (kind: MeetingFormKind, id: string) =>
    controls.show({ kind, meetingId: meeting.id }, id);
  const Heading = level === 3 ? "h3" : "h4";
  const title = `${kindWords[meeting.kind]}${meeting.final && meeting.kind !== "review" ? " (your final meeting)" : ""}`;

  return (
    <article
      className={feature ? "nhsuk-card nhsuk-card--feature" : "nhsuk-card"}
      aria-labelledby={titleId}
    >
      <div
        className={
          feature ? "nhsuk-card__content nhsuk-card__content--feature" : "nhsuk-card__content"
        }
      >
        <Heading
          className={
            feature
              ? "nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m"
              : "nhsuk-card__heading nhsuk-heading-s"
          }
          id={titleId}
        >
          {title}
        </Heading>
        <p>
          <Tag colour={status.colour}>{status.text}</Tag>
        </p>
        <SummaryList rows={detailsOf(meeting, detail, open === "pick")} />
        {meeting.status === "scheduled" && !hasStarted(meeting, now) ? (
          <CalendarDownload
            organisationId={detail.organisationId}
            relationshipId={detail.id}
            meetingId={meeting.id}
          />
        ) : null}
        {feature &&
        (meeting.status === "proposed" || meeting.status === "scheduled") &&
        !hasStarted(meeting, now) ? (
          <MeetingGuide detail={detail} kind={meeting.kind} />
        ) : null}
        <FormHeadingLevel.Provider value={level === 3 ? 4 : 5}>
          {open === "pick" ? (
            <PickTimeForm meeting={meeting} controls={controls} />
          ) : open === "suggest" ? (
            <ProposeMeetingForm detail={detail} controls={controls} suggestFor={meeting} />
          ) : open === "reschedule" ? (
            <RescheduleForm detail={detail} meeting={meeting} controls={controls} />
          ) : open === "cancel" ? (
            <CancelMeeting detail={detail} meeting={meeting} controls={controls} />
          ) : open === "record" ? (
            <RecordMeetingForm detail={detail} meeting={meeting} controls={controls} />
          ) : open === "attendance" ? (
            <AttendanceForm detail={detail} meeting={meeting} controls={controls} />
          ) : (
            <Actions detail={detail} meeting={meeting} controls={controls} now={now} show={show} />
          )}
          {meeting.status === "held" && detail.notesAllowed ? (
            <SharedNotes
              meeting={meeting}
              controls={controls}
              canChange={detail.status === "active" || detail.status === "paused"}
            />
          ) : null}
        </FormHeadingLevel.Provider>
      </div>
    </article>
  );
}

function Actions({
  detail,
  meeting,
  controls,
  now,
  show,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
  now: Date;
  show: (kind: MeetingFormKind, id: string) => void;
}) {
  const id = (what: string) => `${what}-${meeting.id}`;
  const button = (what: MeetingFormKind, text: string, primary = false) => (
    <Button
      key={what}
      type="button"
      variant={primary ? "primary" : "secondary"}
      id={id(what)}
      onClick={() => show(what, id(what))}
    >
      {text}
    </Button>
  );
  if (meeting.status === "proposed") {
    if (meeting.awaitingMyPick)
      return <div className="nhsuk-button-group">{button("pick", "Pick a time", true)}</div>;
    return (
      <>
        {meeting.proposedByYou ? (
          <p>Waiting for a time to be picked. You will get an email when it is.</p>
        ) : null}
        {detail.canArrange ? (
          <div className="nhsuk-button-group">{button("cancel", "Withdraw these times")}</div>
        ) : null}
      </>
    );
  }
  if (meeting.status === "scheduled" && detail.canArrange) {
    if (hasStarted(meeting, now))
      return (
        <div className="nhsuk-button-group">{button("record", "Record what happened", true)}</div>
      );
    return (
      <div className="nhsuk-button-group">
        {button("reschedule", "Move this meeting")}
        {button("cancel", "Cancel this meeting")}
        <FinalToggle detail={detail} meeting={meeting} controls={controls} />
      </div>
    );
  }
  if (meeting.status === "held" && detail.kind === "group" && detail.canArrange) {
    return (
      <div className="nhsuk-button-group">
        {button(
          "attendance",
          meeting.attendance.length > 0 ? "Change who came" : "Record who came",
        )}
      </div>
    );
  }
  return null;
}
