// The reminder choices in words, and what a choice falls back to when this device cannot take
// notifications (email stays: nobody is left without a reminder by a refused permission).
import type { RouterOutputs } from "../../lib/api-types";

export type Channel = RouterOutputs["reminders"]["preferences"]["channel"];

export const channelItems: { value: Channel; label: string; hint?: string }[] = [
  { value: "email", label: "Email" },
  { value: "push", label: "Notification on this device", hint: "Your browser will ask whether Tandem may show notifications." },
  { value: "both", label: "Both", hint: "An email and a notification on this device." },
  { value: "none", label: "No reminders" },
];

export function parseChannel(value: string): Channel {
  return value === "push" || value === "both" || value === "none" ? value : "email";
}

/** Whether the choice needs this device subscribed to notifications. */
export function usesDevice(channel: Channel): boolean {
  return channel === "push" || channel === "both";
}

/** The choice kept when notifications cannot be turned on: email instead of (or as well as) the device. */
export function fallbackChannel(channel: Channel): Channel {
  return usesDevice(channel) ? "email" : channel;
}

/** After "Get a reminder on this device": the device as well as email, or the device as chosen already. */
export function withDevice(channel: Channel): Channel {
  return channel === "email" ? "both" : channel === "none" ? "push" : channel;
}
