// How the person is reminded of meetings: by email, by a notification on this device (web push),
// both, or not at all; the day before and, if they ask, on the morning of the day. Saved for them
// alone; it applies to all their relationships. Choosing a notification asks the browser's
// permission then (never before) and subscribes this device; if that is refused, email stays.
import { Button, Checkboxes, Radios } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { enableDeviceNotifications, enableProblem } from "../../lib/device-notifications";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC, useTRPCClient } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";
import { type Channel, channelItems, fallbackChannel, parseChannel, usesDevice } from "./reminder-words";

export function ReminderSettings() {
  const trpc = useTRPC();
  const prefs = useQuery(trpc.reminders.preferences.queryOptions());
  if (!prefs.data) return null;
  return (
    // Mounted once with what was saved: saving must not remount it, or the "saved" message is lost.
    <ReminderForm saved={prefs.data} />
  );
}

/** Subscribes this device through the API: the server's key, then the browser's subscription. */
export function useEnableDevice() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return async () => {
    const { publicKey } = await queryClient.fetchQuery(trpc.push.publicKey.queryOptions());
    return enableDeviceNotifications({ publicKey, save: (subscription) => client.push.subscribe.mutate(subscription) });
  };
}

function ReminderForm({ saved }: { saved: { channel: Channel; morning: boolean } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const enableDevice = useEnableDevice();
  const [channel, setChannel] = useState<Channel>(saved.channel);
  const [morning, setMorning] = useState(saved.morning);
  const [done, setDone] = useState(false);
  const [deviceProblem, setDeviceProblem] = useState<string | null>(null);
  const [enabling, setEnabling] = useState(false);
  const save = useMutation(
    trpc.reminders.setPreferences.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await queryClient.invalidateQueries({ queryKey: trpc.reminders.preferences.queryKey() });
      },
    }),
  );

  async function submit() {
    setDone(false);
    setDeviceProblem(null);
    let chosen = channel;
    if (usesDevice(chosen)) {
      setEnabling(true);
      const result = await enableDevice().catch(() => ({ ok: false as const, reason: "unavailable" as const }));
      setEnabling(false);
      if (!result.ok) {
        // Refused or impossible here: say so, and keep reminding by email.
        setDeviceProblem(enableProblem(result.reason));
        chosen = fallbackChannel(chosen);
        setChannel(chosen);
      }
    }
    save.mutate({ channel: chosen, morning: chosen !== "none" && morning });
  }

  return (
    <section aria-labelledby="reminders-heading" className="nhsuk-u-margin-top-6">
      <h2 id="reminders-heading">Meeting reminders</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Radios
          idPrefix="reminder-channel"
          name="channel"
          legend="How should we remind you of a meeting?"
          legendSize="s"
          hint="We remind you the day before. Reminders say when you meet, never who with."
          value={channel}
          onChange={(value) => setChannel(parseChannel(value))}
          items={channelItems}
        />
        {channel !== "none" ? (
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
        {deviceProblem ? (
          <p className="nhsuk-error-message" role="alert">
            {deviceProblem}
          </p>
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
        <Button variant="secondary" disabled={save.isPending || enabling}>
          Save reminder choice
        </Button>
      </form>
    </section>
  );
}
