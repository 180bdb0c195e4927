// A meeting's shared notes, where the scheme's notes policy keeps them: seen and changed by the people
// in the relationship only, never by the coordinator.
import { Button, Textarea } from "@tandem/ui";
import { useState, type FormEvent } from "react";
import { OFFLINE_SAVED, useOutboxWrite } from "../offline/use-outbox";
import { formatInstant } from "../preparation/preparation-words";
import { fieldId, readNotes } from "./meeting-forms";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { Meeting } from "./relationship-types";
import { formatMeetingTime } from "./relationship-words";

const NOTES = "notes";
const TEXT = fieldId(NOTES, "text");

export function SharedNotes({
  meeting,
  controls,
  canChange,
}: {
  meeting: Meeting;
  controls: PageControls;
  canChange: boolean;
}) {
  const editing = controls.open?.kind === "notes" && controls.open.meetingId === meeting.id;
  const buttonId = `notes-${meeting.id}`;
  if (editing) return <NotesForm meeting={meeting} controls={controls} />;
  return (
    <>
      {meeting.notes ? (
        <>
          <p className="nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-1">Shared notes</p>
          <p style={{ whiteSpace: "pre-line" }}>{meeting.notes.text}</p>
          <p className="nhsuk-body-s">
            Last changed{meeting.notes.updatedByName ? ` by ${meeting.notes.updatedByName}` : ""} on{" "}
            {formatInstant(meeting.notes.updatedAt)}
          </p>
        </>
      ) : null}
      {canChange ? (
        <Button
          type="button"
          variant="secondary"
          small
          id={buttonId}
          onClick={() => controls.show({ kind: "notes", meetingId: meeting.id }, buttonId)}
        >
          {meeting.notes ? "Change the shared notes" : "Add shared notes"}
        </Button>
      ) : null}
    </>
  );
}

function NotesForm({ meeting, controls }: { meeting: Meeting; controls: PageControls }) {
  const [text, setText] = useState(meeting.notes?.text ?? "");
  const form = usePageForm(controls, NOTES, [TEXT]);
  const save = useOutboxWrite("relationships.saveNotes", {
    describe: (input) =>
      (input.text ? "Save the shared notes" : "Remove the shared notes") +
      (meeting.startsAt ? ` of the meeting on ${formatMeetingTime(meeting.startsAt)}` : ""),
    onSuccess: (_r, input) =>
      form.succeeded(input.text ? "The shared notes are saved." : "The shared notes are removed."),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readNotes(NOTES, meeting.id, text);
    if (form.check(read.errors) || !read.input) return;
    save.mutate({ ...controls.scope, ...read.input });
  }

  return (
    <div className="nhsuk-u-margin-top-2">
      <FormProblems form={form} />
      <FormHeading>Shared notes</FormHeading>
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id={TEXT}
          name="text"
          label="Notes for both of you"
          hint="Only the people in this relationship see these notes. The coordinator never does. Leave it empty to remove them."
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={form.errors.fields[TEXT]}
          rows={6}
        />
        <FormButtons
          submit="Save notes"
          pending={save.isPending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
    </div>
  );
}
