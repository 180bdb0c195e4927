// "Get a reminder on this device?": offered on a relationship's page once a meeting has its time (the
// person picked it, or their proposal was accepted), never on first load of the app and never by
// itself asking the browser: permission is asked only when the person presses "Yes". Not shown where
// the browser cannot take notifications, where they are blocked, where this device is subscribed
// already, to someone who chose no reminders, or once dismissed here.
import { Button } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { currentSubscription, deviceSupport, dismissPrompt, enableProblem, promptDismissed } from "../../lib/device-notifications";
import { useTRPC } from "../../lib/trpc";
import { useEnableDevice } from "./reminder-settings";
import { withDevice } from "./reminder-words";

type State = { kind: "checking" | "hidden" | "offer" | "working" | "dismissed" | "done" } | { kind: "problem"; text: string };

/** Whether to offer the prompt at all on this device: the parts that do not depend on the meeting. */
export function shouldOffer(options: { support: ReturnType<typeof deviceSupport>; subscribed: boolean; dismissed: boolean; channel: string | undefined }): boolean {
  if (options.support === "unsupported" || options.support === "denied") return false;
  if (options.subscribed || options.dismissed) return false;
  return options.channel !== undefined && options.channel !== "none";
}

export function DeviceReminderPrompt({ hasScheduledMeeting }: { hasScheduledMeeting: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery({ ...trpc.reminders.preferences.queryOptions(), enabled: hasScheduledMeeting });
  const enableDevice = useEnableDevice();
  const [state, setState] = useState<State>({ kind: "checking" });
  const statusRef = useRef<HTMLParagraphElement>(null);
  const save = useMutation(
    trpc.reminders.setPreferences.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.reminders.preferences.queryKey() }),
    }),
  );
  const channel = prefs.data?.channel;

  useEffect(() => {
    if (!hasScheduledMeeting || channel === undefined) return;
    let live = true;
    void currentSubscription()
      .catch(() => null)
      .then((subscription) => {
        if (!live) return;
        const offer = shouldOffer({ support: deviceSupport(), subscribed: subscription !== null, dismissed: promptDismissed(), channel });
        setState((s) => (s.kind === "checking" ? { kind: offer ? "offer" : "hidden" } : s));
      });
    return () => {
      live = false;
    };
  }, [hasScheduledMeeting, channel]);

  useEffect(() => {
    if (state.kind === "dismissed" || state.kind === "done" || state.kind === "problem") statusRef.current?.focus();
  }, [state.kind]);

  if (!hasScheduledMeeting || state.kind === "checking" || state.kind === "hidden") return null;

  async function accept() {
    setState({ kind: "working" });
    const result = await enableDevice().catch(() => ({ ok: false as const, reason: "unavailable" as const }));
    if (!result.ok) {
      setState({ kind: "problem", text: enableProblem(result.reason) });
      return;
    }
    if (prefs.data) await save.mutateAsync({ channel: withDevice(prefs.data.channel), morning: prefs.data.morning }).catch(() => undefined);
    setState({ kind: "done" });
  }

  if (state.kind !== "offer" && state.kind !== "working") {
    const text =
      state.kind === "done"
        ? "You will get a reminder on this device the day before each meeting. You can change this in My mentoring."
        : state.kind === "problem"
          ? state.text
          : "You can turn on reminders on this device later, in My mentoring.";
    return (
      <p ref={statusRef} tabIndex={-1} role={state.kind === "problem" ? "alert" : "status"} className={state.kind === "problem" ? "nhsuk-error-message" : "nhsuk-body"}>
        {text}
      </p>
    );
  }

  return (
    <section aria-labelledby="device-prompt-heading" className="nhsuk-inset-text">
      <h2 id="device-prompt-heading" className="nhsuk-heading-s">
        Get a reminder on this device?
      </h2>
      <p>We can show a notification here the day before a meeting. It says when you meet, never who with.</p>
      <div className="nhsuk-button-group">
        <Button type="button" variant="secondary" disabled={state.kind === "working"} onClick={() => void accept()}>
          Yes, remind me on this device
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            dismissPrompt();
            setState({ kind: "dismissed" });
          }}
        >
          No thanks
        </Button>
      </div>
    </section>
  );
}
