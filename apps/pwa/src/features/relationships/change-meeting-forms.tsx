// Changing a meeting still to come: moving it to another time (the others are emailed and calendars
// update), or cancelling it (or withdrawing a proposal) after a confirmation.
import { Button } from "@tandem/ui";
import { useState, type FormEvent } from "react";
import { OFFLINE_SAVED, useOutboxWrite } from "../offline/use-outbox";
import { fieldId, readTime, timeFieldIds, timeOf, type TimeValues } from "./meeting-forms";
import { otherNames } from "./meeting-guide";
import { MeetingTimeFields } from "./meeting-time-fields";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { Detail, Meeting } from "./relationship-types";
import { formatMeetingTime, kindWords, listNames } from "./relationship-words";

const MOVE = "move";

export function RescheduleForm({
  detail,
  meeting,
  controls,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
}) {
  const [time, setTime] = useState<TimeValues>(() => timeOf(meeting));
  const form = usePageForm(controls, MOVE, timeFieldIds(MOVE, "time", 1));
  const move = useOutboxWrite("relationships.reschedule", {
    describe: (input) =>
      `Move the ${kindWords[meeting.kind].toLowerCase()} to ${input.time.date} at ${input.time.start}`,
    onSuccess: () =>
      form.succeeded(`Your meeting has moved. ${listNames(otherNames(detail))} has been emailed.`),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readTime(MOVE, time);
    if (form.check(read.errors) || !read.time) return;
    move.mutate({ ...controls.scope, meetingId: meeting.id, time: read.time });
  }

  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>Move this meeting</FormHeading>
      <form onSubmit={handleSubmit} noValidate>
        <MeetingTimeFields
          prefix={fieldId(MOVE, "time")}
          legend="The new time"
          values={time}
          onChange={setTime}
          errors={form.errors.fields}
          rules={detail.rules}
        />
        <FormButtons
          submit="Move the meeting"
          pending={move.isPending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
    </div>
  );
}

export function CancelMeeting({
  detail,
  meeting,
  controls,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
}) {
  const form = usePageForm(controls, "cancel", []);
  const proposal = meeting.status === "proposed";
  const names = listNames(otherNames(detail));
  const cancel = useOutboxWrite("relationships.cancelMeeting", {
    describe: () =>
      `${proposal ? "Withdraw the proposed times for" : "Cancel"} the ${kindWords[meeting.kind].toLowerCase()}${meeting.startsAt ? ` on ${formatMeetingTime(meeting.startsAt)}` : ""}`,
    onSuccess: () =>
      form.succeeded(
        `${proposal ? "The proposed times have been withdrawn" : "The meeting is cancelled"}. ${names} has been emailed. You can propose another time.`,
      ),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    cancel.mutate({ ...controls.scope, meetingId: meeting.id });
  }

  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>
        {proposal
          ? "Withdraw these proposed times?"
          : `Cancel the ${kindWords[meeting.kind].toLowerCase()}${meeting.startsAt ? ` on ${formatMeetingTime(meeting.startsAt)}` : ""}?`}
      </FormHeading>
      <p>{names} will be emailed. You can propose another time afterwards.</p>
      <form onSubmit={handleSubmit} noValidate>
        <div className="nhsuk-button-group">
          <Button
            type="submit"
            variant="warning"
            disabled={cancel.isPending}
            aria-disabled={cancel.isPending || undefined}
          >
            {proposal ? "Yes, withdraw them" : "Yes, cancel the meeting"}
          </Button>
          <Button type="button" variant="secondary" onClick={controls.cancel}>
            {proposal ? "No, keep them" : "No, keep it"}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** Marks a meeting still to come as the last one (or not): it becomes the review where the scheme has one. */
export function FinalToggle({
  detail,
  meeting,
  controls,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
}) {
  const form = usePageForm(controls, "final", []);
  const setFinal = useOutboxWrite("relationships.setFinalMeeting", {
    describe: (input) =>
      `${input.final ? "Make" : "Stop making"} the ${kindWords[meeting.kind].toLowerCase()}${meeting.startsAt ? ` on ${formatMeetingTime(meeting.startsAt)}` : ""} ${input.final ? "your final meeting" : "your final meeting"}`,
    onSuccess: (_r, input) =>
      form.succeeded(
        input.final
          ? `This is now your final meeting${detail.rules.lastIsReview ? ": your review meeting" : ""}. Holding it completes your mentoring.`
          : "This is no longer marked as your final meeting.",
      ),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });
  return (
    <>
      <FormProblems form={form} />
      <Button
        type="button"
        variant="secondary"
        id={`final-${meeting.id}`}
        disabled={setFinal.isPending}
        aria-disabled={setFinal.isPending || undefined}
        onClick={() =>
          setFinal.mutate({ ...controls.scope, meetingId: meeting.id, final: !meeting.final })
        }
      >
        {meeting.final ? "Not our final meeting" : "Make this our final meeting"}
      </Button>
    </>
  );
}
