// How the person is reminded of meetings: by email the day before (and, if they ask, on the morning
// of the day) or not at all. Saved for them alone; it applies to all their relationships.
import { Button, Checkboxes, Radios } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";

type Channel = "email" | "none";

export function ReminderSettings() {
  const trpc = useTRPC();
  const prefs = useQuery(trpc.reminders.preferences.queryOptions());
  if (!prefs.data) return null;
  return (
    // Mounted once with what was saved: saving must not remount it, or the "saved" message is lost.
    <ReminderForm saved={prefs.data} />
  );
}

function ReminderForm({ saved }: { saved: { channel: Channel; morning: boolean } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [channel, setChannel] = useState<Channel>(saved.channel);
  const [morning, setMorning] = useState(saved.morning);
  const [done, setDone] = useState(false);
  const save = useMutation(
    trpc.reminders.setPreferences.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await queryClient.invalidateQueries({ queryKey: trpc.reminders.preferences.queryKey() });
      },
    }),
  );
  return (
    <section aria-labelledby="reminders-heading" className="nhsuk-u-margin-top-6">
      <h2 id="reminders-heading">Meeting reminders</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setDone(false);
          save.mutate({ channel, morning: channel === "email" && morning });
        }}
      >
        <Radios
          idPrefix="reminder-channel"
          name="channel"
          legend="How should we remind you of a meeting?"
          legendSize="s"
          hint="Reminders say when and how you meet, never who with."
          value={channel}
          onChange={(value) => setChannel(value === "none" ? "none" : "email")}
          items={[
            { value: "email", label: "By email, the day before" },
            { value: "none", label: "No reminders" },
          ]}
        />
        {channel === "email" ? (
          <Checkboxes
            idPrefix="reminder-morning"
            name="morning"
            legend="On the day"
            small
            items={[
              { value: "morning", label: "Also remind me at 7am on the day", checked: morning },
            ]}
            onChange={(_value, checked) => setMorning(checked)}
          />
        ) : null}
        {save.isError ? (
          <p className="nhsuk-error-message" role="alert">
            {actionProblem(save.error, { online, showMessageFor: ["BAD_REQUEST"] })}
          </p>
        ) : null}
        {done ? (
          <p role="status" className="nhsuk-body">
            Your reminder choice is saved.
          </p>
        ) : null}
        <Button variant="secondary" disabled={save.isPending}>
          Save reminder choice
        </Button>
      </form>
    </section>
  );
}
