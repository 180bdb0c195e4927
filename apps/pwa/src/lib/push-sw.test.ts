// The service worker's push handlers (public/push-sw.js), run against a stand-in for the worker's
// globals: a push shows a notification with what it carries (and only a path in the app), a click
// brings an open window of the app to the meeting's page or opens one.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

const source = readFileSync(new URL("../../public/push-sw.js", import.meta.url), "utf8");

function worker(windows: { url: string }[] = []) {
  const listeners = new Map<string, (event: unknown) => void>();
  const shown: { title: string; options: Record<string, unknown> }[] = [];
  const focused: string[] = [];
  const opened: string[] = [];
  const clientWindows = windows.map((w) => ({
    url: w.url,
    focus: vi.fn(async function (this: { url: string }) {
      focused.push(this.url);
      return { navigate: async (to: string) => focused.push(`navigate ${to}`) };
    }),
  }));
  const self = {
    location: { origin: "https://tandem.example.org" },
    registration: { showNotification: async (title: string, options: Record<string, unknown>) => void shown.push({ title, options }) },
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  const clients = {
    matchAll: async () => clientWindows,
    openWindow: async (url: string) => void opened.push(url),
  };
  new Function("self", "clients", source)(self, clients);
  async function dispatch(type: string, event: Record<string, unknown>) {
    let pending: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (pending = p) });
    await pending;
  }
  return { shown, focused, opened, dispatch };
}

const pushOf = (message: unknown) => ({ data: { json: () => (typeof message === "string" ? JSON.parse(message) : message) } });

describe("the service worker's push handlers", () => {
  it("show a pushed reminder with its title, body, tag and path", async () => {
    const sw = worker();
    await sw.dispatch("push", pushOf({ title: "Mentoring meeting tomorrow at 14:00", body: "Open Tandem for the details.", path: "/app/relationships/r1", tag: "meeting-m1" }));
    expect(sw.shown).toEqual([
      { title: "Mentoring meeting tomorrow at 14:00", options: expect.objectContaining({ body: "Open Tandem for the details.", tag: "meeting-m1", data: { path: "/app/relationships/r1" } }) },
    ]);
  });

  it("fall back to a plain reminder for an unreadable push, and never open a path outside the app", async () => {
    const sw = worker();
    await sw.dispatch("push", { data: { json: () => { throw new SyntaxError("not json"); } } });
    await sw.dispatch("push", pushOf({ title: "x", path: "https://elsewhere.example.com/app/" }));
    expect(sw.shown.map((s) => s.title)).toEqual(["Mentoring meeting reminder", "x"]);
    expect(sw.shown.map((s) => (s.options.data as { path: string }).path)).toEqual(["/app/relationships", "/app/relationships"]);
  });

  it("on a click, bring an open window of the app to the meeting's page, or open one", async () => {
    const close = vi.fn();
    const open = worker([{ url: "https://tandem.example.org/elsewhere" }, { url: "https://tandem.example.org/app/matches" }]);
    await open.dispatch("notificationclick", { notification: { close, data: { path: "/app/relationships/r1" } } });
    expect(close).toHaveBeenCalled();
    expect(open.focused).toEqual(["https://tandem.example.org/app/matches", "navigate https://tandem.example.org/app/relationships/r1"]);
    expect(open.opened).toEqual([]);

    const none = worker();
    await none.dispatch("notificationclick", { notification: { close, data: { path: "/app/relationships/r2" } } });
    expect(none.opened).toEqual(["https://tandem.example.org/app/relationships/r2"]);
  });
});
