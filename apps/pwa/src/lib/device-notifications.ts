// Meeting reminders as notifications on this device (web push, docs/decisions/015). Permission is
// asked only when the person chooses it (a button they press), never on load. The browser's
// subscription is made with the server's public key and handed to the API, which pushes reminders
// to it; the service worker (public/push-sw.js) shows them.

export type DeviceSupport = "unsupported" | "default" | "granted" | "denied";

/** Whether this browser can take notifications at all, and what the person has said so far. */
export function deviceSupport(scope: {
  Notification?: { permission: NotificationPermission };
  PushManager?: unknown;
  navigator?: { serviceWorker?: unknown };
} = globalThis as never): DeviceSupport {
  if (!scope.Notification || !scope.PushManager || !scope.navigator?.serviceWorker) return "unsupported";
  return scope.Notification.permission;
}

/** The server's VAPID public key (base64url, as the API gives it) as the bytes pushManager.subscribe wants. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A short label for the person's own list of devices: the browser and the system, nothing finer. */
export function deviceLabel(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return system ? `${browser} on ${system}` : browser;
}

export interface SubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  userAgent?: string;
}

export type EnableResult = { ok: true } | { ok: false; reason: "unsupported" | "denied" | "unavailable" };

/** This browser's existing push subscription, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (deviceSupport() === "unsupported") return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Asks permission (call it from a click), subscribes this browser with the server's key, and hands
 * the subscription to `save` (the API's push.subscribe). Never throws: says why it could not.
 */
export async function enableDeviceNotifications(options: {
  publicKey: string | null;
  save: (subscription: SubscriptionJson) => Promise<unknown>;
}): Promise<EnableResult> {
  if (deviceSupport() === "unsupported") return { ok: false, reason: "unsupported" };
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return { ok: false, reason: "denied" };
  if (!options.publicKey) return { ok: false, reason: "unavailable" };
  try {
    const registration = await navigator.serviceWorker.ready;
    const subscription =
      (await registration.pushManager.getSubscription()) ??
      (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(options.publicKey) }));
    const json = subscription.toJSON();
    if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return { ok: false, reason: "unavailable" };
    await options.save({ endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth }, userAgent: deviceLabel(navigator.userAgent) });
    return { ok: true };
  } catch {
    return { ok: false, reason: "unavailable" };
  }
}

/** What to tell the person when notifications could not be turned on; their email reminders stay. */
export function enableProblem(reason: "unsupported" | "denied" | "unavailable"): string {
  switch (reason) {
    case "unsupported":
      return "This browser cannot show notifications from Tandem. We will keep reminding you by email.";
    case "denied":
      return "Notifications are turned off for Tandem in this browser, so we cannot remind you on this device. We will keep reminding you by email. You can allow notifications in your browser's site settings and try again.";
    case "unavailable":
      return "We could not turn on notifications on this device just now. We will keep reminding you by email. Try again later.";
  }
}

const dismissedKey = "tandem.devicePrompt.dismissed";

/** Whether the person said "no thanks" to the prompt on this device. */
export function promptDismissed(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(dismissedKey) === "yes";
  } catch {
    return false;
  }
}

export function dismissPrompt(storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(dismissedKey, "yes");
  } catch {
    // Private browsing without storage: the prompt comes back next time, which is harmless.
  }
}

/**
 * On sign-out: this browser stops taking the person's reminders. The server forgets the subscription
 * (while the session still lets it), then the browser drops it. Never throws and never blocks
 * signing out: a subscription left behind is removed the next time its push service says it is gone.
 */
export async function forgetThisDevice(remove: (endpoint: string) => Promise<unknown>): Promise<void> {
  try {
    const subscription = await currentSubscription();
    if (!subscription) return;
    await remove(subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe();
  } catch {
    // Nothing here may stop the person signing out.
  }
}
