// After a meeting's time: record that it was held (and how long it really lasted; in co-mentoring,
// who took the speaker's turn) or that it was missed. A group's facilitators record who came.
import { Checkboxes, Radios, TextInput } from "@tandem/ui";
import { useState, type FormEvent } from "react";
import { OFFLINE_SAVED, useOutboxWrite } from "../offline/use-outbox";
import { fieldId, readRecord, recordFieldIds, type RecordValues } from "./meeting-forms";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { Detail, Meeting } from "./relationship-types";
import { formatMeetingTime, kindWords } from "./relationship-words";

const RECORD = "record";
const ids = {
  outcome: fieldId(RECORD, "outcome"),
  minutes: fieldId(RECORD, "minutes"),
  speakers: fieldId(RECORD, "speakerPersonIds"),
};

export function RecordMeetingForm({
  detail,
  meeting,
  controls,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
}) {
  const [values, setValues] = useState<RecordValues>({
    outcome: "",
    minutes: String(meeting.minutes),
    speakerPersonIds: [],
  });
  const form = usePageForm(controls, RECORD, recordFieldIds(RECORD));
  const record = useOutboxWrite("relationships.recordMeeting", {
    describe: (input) =>
      `Record the ${kindWords[meeting.kind].toLowerCase()}${when} as ${input.outcome === "missed" ? "missed" : "held"}`,
    onSuccess: (result, input) =>
      form.succeeded(
        input.outcome === "missed"
          ? "The meeting is recorded as missed. You can propose another time."
          : result.completed
            ? "The meeting is recorded as held. That was your final meeting, so your mentoring is now complete. Thank you for taking part."
            : "The meeting is recorded as held.",
      ),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readRecord(RECORD, meeting.id, values);
    if (form.check(read.errors) || !read.input) return;
    record.mutate({ ...controls.scope, ...read.input });
  }

  const peers = detail.kind === "co_mentoring" ? detail.members.filter((m) => !m.left) : [];
  const when = meeting.startsAt ? ` on ${formatMeetingTime(meeting.startsAt)}` : "";
  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>Record what happened</FormHeading>
      <form onSubmit={handleSubmit} noValidate>
        <Radios
          idPrefix={ids.outcome}
          name="outcome"
          legend={`Did the ${kindWords[meeting.kind].toLowerCase()}${when} happen?`}
          hint="The coordinator sees only that meetings happened and how long they lasted, never what you talked about."
          value={values.outcome}
          onChange={(outcome) =>
            setValues((v) => ({ ...v, outcome: outcome as RecordValues["outcome"] }))
          }
          error={form.errors.fields[ids.outcome]}
          items={[
            { value: "held", label: "Yes, we met" },
            { value: "missed", label: "No, it was missed" },
          ]}
        />
        {/* The follow-up questions for a held meeting, set in as NHS.UK's conditional reveal is. */}
        {values.outcome === "held" ? (
          <div className="nhsuk-radios__conditional nhsuk-u-margin-bottom-4">
            <TextInput
              id={ids.minutes}
              name="minutes"
              inputMode="numeric"
              label="How long did it last, in minutes?"
              hint={`It was planned for ${meeting.minutes} minutes.`}
              value={values.minutes}
              onChange={(event) => {
                const minutes = event.currentTarget.value;
                setValues((v) => ({ ...v, minutes }));
              }}
              error={form.errors.fields[ids.minutes]}
              width={3}
            />
            {peers.length > 0 ? (
              <Checkboxes
                idPrefix={ids.speakers}
                name="speakerPersonIds"
                legend="Who took the speaker's turn? (optional)"
                error={form.errors.fields[ids.speakers]}
                items={peers.map((m) => ({
                  value: m.personId,
                  label: m.you ? `${m.name} (you)` : m.name,
                  checked: values.speakerPersonIds.includes(m.personId),
                }))}
                onChange={(personId, checked) =>
                  setValues((v) => ({
                    ...v,
                    speakerPersonIds: checked
                      ? [...v.speakerPersonIds, personId]
                      : v.speakerPersonIds.filter((id) => id !== personId),
                  }))
                }
                small
              />
            ) : null}
          </div>
        ) : null}
        <FormButtons
          submit="Save"
          pending={record.isPending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
    </div>
  );
}

const ENTRIES = fieldId("attendance", "entries");

export function AttendanceForm({
  detail,
  meeting,
  controls,
}: {
  detail: Detail;
  meeting: Meeting;
  controls: PageControls;
}) {
  const members = detail.members.filter((m) => m.role !== "facilitator" && !m.left);
  const [came, setCame] = useState<Set<string>>(
    () => new Set(meeting.attendance.filter((a) => a.attended).map((a) => a.personId)),
  );
  const form = usePageForm(controls, "attendance", [ENTRIES]);
  const save = useOutboxWrite("relationships.recordAttendance", {
    describe: (input) =>
      `Record who came to the session${meeting.startsAt ? ` on ${formatMeetingTime(meeting.startsAt)}` : ""} (${input.entries.filter((e) => e.attended).length} of ${input.entries.length})`,
    onSuccess: () => form.succeeded("Attendance is saved."),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      ...controls.scope,
      meetingId: meeting.id,
      entries: members.map((m) => ({ personId: m.personId, attended: came.has(m.personId) })),
    });
  }

  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>Who came to this session?</FormHeading>
      <form onSubmit={handleSubmit} noValidate>
        <Checkboxes
          idPrefix={ENTRIES}
          name="attended"
          legend="Tick everyone who came"
          hint="Anyone not ticked is recorded as not coming. The coordinator sees attendance only."
          error={form.errors.fields[ENTRIES]}
          items={members.map((m) => ({
            value: m.personId,
            label: m.name,
            checked: came.has(m.personId),
          }))}
          onChange={(personId, checked) =>
            setCame((previous) => {
              const next = new Set(previous);
              if (checked) next.add(personId);
              else next.delete(personId);
              return next;
            })
          }
        />
        <FormButtons
          submit="Save attendance"
          pending={save.isPending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
    </div>
  );
}
