import { afterEach, describe, expect, it, vi } from "vitest";
import { base64UrlToBytes, deviceLabel, deviceSupport, dismissPrompt, enableProblem, forgetThisDevice, promptDismissed } from "./device-notifications";
import { shouldOffer } from "../features/reminders/device-prompt";

describe("notifications on this device", () => {
  it("are unsupported without Notification, PushManager or a service worker, else follow the permission", () => {
    const full = { Notification: { permission: "default" as const }, PushManager: {}, navigator: { serviceWorker: {} } };
    expect(deviceSupport(full)).toBe("default");
    expect(deviceSupport({ ...full, Notification: { permission: "denied" } })).toBe("denied");
    expect(deviceSupport({ ...full, PushManager: undefined })).toBe("unsupported");
    expect(deviceSupport({ ...full, Notification: undefined })).toBe("unsupported");
    expect(deviceSupport({ ...full, navigator: {} })).toBe("unsupported");
  });

  it("turn the server's base64url key into the bytes the browser subscribes with", () => {
    const bytes = Uint8Array.from({ length: 65 }, (_, i) => (i * 37) % 256);
    const key = Buffer.from(bytes).toString("base64url");
    expect(Array.from(base64UrlToBytes(key))).toEqual(Array.from(bytes));
  });

  it("label a device by browser and system only", () => {
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36")).toBe("Chrome on Android");
    expect(deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0")).toBe("Firefox on Windows");
    expect(deviceLabel("curl/8")).toBe("A browser");
  });

  it("say clearly that email stays when notifications cannot be turned on", () => {
    for (const reason of ["unsupported", "denied", "unavailable"] as const) expect(enableProblem(reason)).toMatch(/keep reminding you by email/);
    expect(enableProblem("denied")).toMatch(/turned off/);
  });

  it("remember a dismissed prompt on this device", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(promptDismissed(storage)).toBe(false);
    dismissPrompt(storage);
    expect(promptDismissed(storage)).toBe(true);
  });
});

describe("the prompt after a meeting gets its time", () => {
  const base = { support: "default" as const, subscribed: false, dismissed: false, channel: "email" };
  it("is offered where the browser can still ask, to someone who wants reminders", () => {
    expect(shouldOffer(base)).toBe(true);
    expect(shouldOffer({ ...base, support: "granted" })).toBe(true);
  });
  it("is not offered when blocked, unsupported, subscribed already, dismissed, or to who wants no reminders", () => {
    expect(shouldOffer({ ...base, support: "denied" })).toBe(false);
    expect(shouldOffer({ ...base, support: "unsupported" })).toBe(false);
    expect(shouldOffer({ ...base, subscribed: true })).toBe(false);
    expect(shouldOffer({ ...base, dismissed: true })).toBe(false);
    expect(shouldOffer({ ...base, channel: "none" })).toBe(false);
    expect(shouldOffer({ ...base, channel: undefined })).toBe(false);
  });
});

describe("signing out on this device", () => {
  function stubBrowser(subscription: { endpoint: string; unsubscribe: () => Promise<boolean> } | null) {
    vi.stubGlobal("Notification", { permission: "granted" });
    vi.stubGlobal("PushManager", function PushManager() {});
    vi.stubGlobal("navigator", {
      serviceWorker: { getRegistration: async () => ({ pushManager: { getSubscription: async () => subscription } }) },
    });
  }
  afterEach(() => vi.unstubAllGlobals());

  it("has the server forget the subscription, then drops it from the browser", async () => {
    const steps: string[] = [];
    stubBrowser({ endpoint: "https://push.example.org/abc", unsubscribe: async () => (steps.push("browser"), true) });
    await forgetThisDevice(async (endpoint) => steps.push(`server ${endpoint}`));
    expect(steps).toEqual(["server https://push.example.org/abc", "browser"]);
  });

  it("still drops it from the browser when the server cannot be told, and never throws", async () => {
    const steps: string[] = [];
    stubBrowser({ endpoint: "https://push.example.org/abc", unsubscribe: async () => (steps.push("browser"), true) });
    await expect(forgetThisDevice(async () => Promise.reject(new Error("offline")))).resolves.toBeUndefined();
    expect(steps).toEqual(["browser"]);
  });

  it("does nothing where this browser has no subscription", async () => {
    stubBrowser(null);
    const remove = vi.fn(async () => undefined);
    await forgetThisDevice(remove);
    expect(remove).not.toHaveBeenCalled();
  });
});
