// Proposing a meeting with up to three times (the other member picks one, so nobody messages back and
// forth), or suggesting other times instead of picking. A group's facilitators give one time: the
// session is arranged at once. The scheme's rules are checked by the API, and its messages land on
// the fields they are about.
import { Button, Checkboxes } from "@tandem/ui";
import { useState, type FormEvent } from "react";
import { OFFLINE_SAVED, useOutboxWrite } from "../offline/use-outbox";
import {
  blankTime,
  fieldId,
  MAX_TIMES,
  readTimes,
  timeFieldIds,
  type TimeValues,
} from "./meeting-forms";
import { MeetingGuide, otherNames } from "./meeting-guide";
import { MeetingTimeFields } from "./meeting-time-fields";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { Detail, Meeting } from "./relationship-types";
import { describeNewMeeting, listNames } from "./relationship-words";

const PROPOSE = "propose";

export function ProposeMeetingForm({
  detail,
  controls,
  suggestFor,
}: {
  detail: Detail;
  controls: PageControls;
  /** Suggesting other times for this proposal, instead of proposing a new meeting. */
  suggestFor?: Meeting;
}) {
  const group = detail.kind === "group";
  const [times, setTimes] = useState<TimeValues[]>(() => [blankTime(detail.rules)]);
  const [final, setFinal] = useState(false);
  const order = [...timeFieldIds(PROPOSE, "times", times.length), fieldId(PROPOSE, "final")];
  const form = usePageForm(controls, PROPOSE, order);
  const names = listNames(otherNames(detail));
  const kind =
    final && detail.rules.lastIsReview
      ? "review"
      : (suggestFor?.kind ?? detail.plan.nextKind ?? "regular");
  const what = describeNewMeeting(kind);

  const propose = useOutboxWrite("relationships.proposeMeeting", {
    describe: (input) =>
      `Propose ${input.times.length === 1 ? "a time" : `${input.times.length} times`} for ${what}`,
    onSuccess: (result) =>
      form.succeeded(
        group
          ? "The session is arranged. Everyone in the group has been emailed."
          : `Your times for ${describeNewMeeting(result.kind)} have gone to ${names}. When they pick one, you will both get an email.`,
      ),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });
  const suggest = useOutboxWrite("relationships.suggestOtherTimes", {
    describe: (input) =>
      `Suggest ${input.times.length === 1 ? "another time" : `${input.times.length} other times`} for ${what}`,
    onSuccess: () =>
      form.succeeded(
        `Your other times have gone to ${names}. When they pick one, you will both get an email.`,
      ),
    onError: (error) => form.failed(error),
    onQueued: (because) => form.queued(because),
  });
  const pending = propose.isPending || suggest.isPending;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readTimes(PROPOSE, times);
    if (form.check(read.errors) || !read.times) return;
    if (suggestFor)
      suggest.mutate({ ...controls.scope, meetingId: suggestFor.id, times: read.times });
    else propose.mutate({ ...controls.scope, times: read.times, final });
  }

  const many = !group && MAX_TIMES > 1;
  return (
    <div className="nhsuk-u-margin-top-4">
      <FormProblems form={form} />
      <FormHeading>
        {suggestFor ? "Suggest other times" : group ? "Arrange a session" : `Propose ${what}`}
      </FormHeading>
      {group ? (
        <p>Give the session&apos;s time. Everyone in the group is emailed.</p>
      ) : (
        <p>
          Give up to {MAX_TIMES} times that suit you. {names} picks the one that suits them, so
          there is no need to message back and forth.
        </p>
      )}
      {suggestFor ? null : <MeetingGuide detail={detail} kind={kind} />}
      <form onSubmit={handleSubmit} noValidate>
        {times.map((time, index) => (
          <div key={index}>
            <MeetingTimeFields
              prefix={fieldId(PROPOSE, ["times", index])}
              legend={many ? `Time ${index + 1}${index > 0 ? " (optional)" : ""}` : "Time"}
              values={time}
              onChange={(values) =>
                setTimes((all) => all.map((t, i) => (i === index ? values : t)))
              }
              errors={form.errors.fields}
              rules={detail.rules}
            />
            {index > 0 ? (
              <Button
                type="button"
                variant="secondary"
                small
                onClick={() => setTimes((all) => all.filter((_, i) => i !== index))}
              >
                Remove time {index + 1}
              </Button>
            ) : null}
          </div>
        ))}
        {many && times.length < MAX_TIMES ? (
          <p>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setTimes((all) => [...all, blankTime(detail.rules)])}
            >
              Add another time
            </Button>
          </p>
        ) : null}
        {!suggestFor ? (
          <Checkboxes
            idPrefix={fieldId(PROPOSE, "final")}
            name="final"
            legend="Is this your last meeting?"
            items={[
              {
                value: "final",
                label: "This will be our final meeting",
                hint: detail.rules.lastIsReview
                  ? "It becomes your review meeting: what was learned and its impact. Holding it completes your mentoring."
                  : "Holding it completes your mentoring.",
                checked: final,
              },
            ]}
            onChange={(_value, checked) => setFinal(checked)}
            error={form.errors.fields[fieldId(PROPOSE, "final")]}
            small
          />
        ) : null}
        <FormButtons
          submit={
            group
              ? "Arrange this session"
              : times.length === 1
                ? "Send this time"
                : "Send these times"
          }
          pending={pending}
          onCancel={controls.cancel}
          offlineText={OFFLINE_SAVED}
        />
      </form>
    </div>
  );
}
