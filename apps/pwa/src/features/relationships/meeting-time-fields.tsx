// One meeting time's fields: the date and start (UK time), how long, and how you meet (in person with
// a place, by phone, or by video with an optional link), offering only what the scheme's rules allow.
import { Radios, TextInput } from "@tandem/ui";
import type { ReactNode } from "react";
import { describeLength, modeWords } from "./relationship-words";
import type { MeetingMode } from "./relationship-types";
import type { TimeValues } from "./meeting-forms";

export interface TimeRules {
  minutes: { min: number; max: number };
  modes: readonly MeetingMode[];
}

export function lengthHint(rules: TimeRules): string {
  const { min, max } = rules.minutes;
  return min === max
    ? `Meetings in this scheme last ${describeLength(min)} (${min} minutes).`
    : `Meetings in this scheme last between ${min} and ${max} minutes.`;
}

export function MeetingTimeFields({
  prefix,
  legend,
  values,
  onChange,
  errors,
  rules,
}: {
  /** The ids' prefix, e.g. "propose-times-0": fields are `${prefix}-date`, `${prefix}-start`, … */
  prefix: string;
  legend: ReactNode;
  values: TimeValues;
  onChange: (values: TimeValues) => void;
  errors: Partial<Record<string, string>>;
  rules: TimeRules;
}) {
  const id = (field: keyof TimeValues) => `${prefix}-${field}`;
  const set = (field: keyof TimeValues) => (value: string) =>
    onChange({ ...values, [field]: value });

  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <TextInput
          id={id("date")}
          name={id("date")}
          type="date"
          label="Date"
          value={values.date}
          onChange={(event) => set("date")(event.currentTarget.value)}
          error={errors[id("date")]}
          width={10}
        />
        <TextInput
          id={id("start")}
          name={id("start")}
          type="time"
          label="Start time"
          hint="UK time, for example 09:30 or 17:00"
          value={values.start}
          onChange={(event) => set("start")(event.currentTarget.value)}
          error={errors[id("start")]}
          width={5}
        />
        <TextInput
          id={id("minutes")}
          name={id("minutes")}
          inputMode="numeric"
          label="How long, in minutes"
          hint={lengthHint(rules)}
          value={values.minutes}
          onChange={(event) => set("minutes")(event.currentTarget.value)}
          error={errors[id("minutes")]}
          width={3}
        />
        <Radios
          idPrefix={id("mode")}
          name={id("mode")}
          legend="How will you meet?"
          value={values.mode}
          onChange={(value) => set("mode")(value)}
          error={errors[id("mode")]}
          items={rules.modes.map((mode) => ({ value: mode, label: modeWords[mode] }))}
        />
        {/* The follow-up question for the chosen way to meet, set in as NHS.UK's conditional reveal is. */}
        {values.mode === "in_person" ? (
          <div className="nhsuk-radios__conditional nhsuk-u-margin-bottom-4">
            <TextInput
              id={id("place")}
              name={id("place")}
              label="Where will you meet?"
              hint="For example, the education centre library"
              value={values.place}
              onChange={(event) => set("place")(event.currentTarget.value)}
              error={errors[id("place")]}
            />
          </div>
        ) : values.mode === "video" ? (
          <div className="nhsuk-radios__conditional nhsuk-u-margin-bottom-4">
            <TextInput
              id={id("link")}
              name={id("link")}
              type="url"
              label="Video link (optional)"
              hint="A web address starting https://. Only the people in this relationship see it."
              value={values.link}
              onChange={(event) => set("link")(event.currentTarget.value)}
              error={errors[id("link")]}
            />
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}
