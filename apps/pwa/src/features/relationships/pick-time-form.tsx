// The other member picks one of the proposed times (the meeting is then arranged), or suggests others.
import { Button, Radios } from "@tandem/ui";
import { useState, type FormEvent } from "react";
import { toFormErrors } from "../../lib/form-errors";
import { OFFLINE_SAVED, useOutboxWrite } from "../offline/use-outbox";
import { fieldId } from "./meeting-forms";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { Meeting } from "./relationship-types";
import { describeLength, describeWhere, formatMeetingTime } from "./relationship-words";

const PICK = "pick";
const CHOICE = fieldId(PICK, "choice");

export function describeProposedTime(time: Meeting["proposedTimes"][number]): string {
  return `${formatMeetingTime(time.startsAt)}, ${describeLength(time.minutes)}, ${describeWhere(time, true)}`;
}

export function PickTimeForm({ meeting, controls }: { meeting: Meeting; controls: PageControls }) {
  const [choice, setChoice] = useState("");
  const form = usePageForm(controls, PICK, [CHOICE]);
  const pick = useOutboxWrite("relationships.pickTime", {
    describe: (input) =>
      `Pick ${meeting.proposedTimes[input.choice] ? describeProposedTime(meeting.proposedTimes[input.choice]!) : "a time"} for the meeting`,
    onSuccess: (_result, input) => {
      const time = meeting.proposedTimes[input.choice];
      return form.succeeded(
        `Your meeting is arranged${time ? ` for ${formatMeetingTime(time.startsAt)}` : ""}. ${meeting.proposedByName ?? "The other member"} has been emailed.`,
      );
    },
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (
      form.check(
        toFormErrors([CHOICE], choice === "" ? { [CHOICE]: "Choose one of the times" } : {}),
      )
    )
      return;
    pick.mutate({ ...controls.scope, meetingId: meeting.id, choice: Number(choice) });
  }

  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>Pick a time</FormHeading>
      <form onSubmit={handleSubmit} noValidate>
        <Radios
          idPrefix={CHOICE}
          name="choice"
          legend={`Which time suits you? ${meeting.proposedByName ?? "The other member"} can make all of them.`}
          value={choice}
          onChange={setChoice}
          error={form.errors.fields[CHOICE]}
          items={meeting.proposedTimes.map((time, index) => ({
            value: String(index),
            label: describeProposedTime(time),
            hint:
              time.mode === "video" && time.link
                ? "The video link will be on the meeting"
                : undefined,
          }))}
        />
        <FormButtons
          submit="Pick this time"
          pending={pick.isPending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
      <p>
        <Button
          type="button"
          variant="secondary"
          id={`suggest-${meeting.id}`}
          onClick={() =>
            controls.show({ kind: "suggest", meetingId: meeting.id }, `meeting-${meeting.id}`)
          }
        >
          None of these suit me: suggest other times
        </Button>
      </p>
    </div>
  );
}
