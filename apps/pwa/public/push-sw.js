// Meeting reminders pushed to this device (docs/decisions/015), imported by the generated service
// worker (workbox importScripts in vite.config.ts). A push carries only a generic title and body, a
// path under /app/ to open and a tag (a later reminder of the same meeting replaces the earlier one).
/* global clients */
"use strict";

/** What a push says, read defensively: anything unexpected falls back to a plain reminder. */
function readReminder(data) {
  let message = {};
  try {
    message = data ? data.json() : {};
  } catch {
    message = {};
  }
  const text = (value, fallback) => (typeof value === "string" && value.length > 0 && value.length <= 200 ? value : fallback);
  // Only a path in the app: a push never sends the person elsewhere.
  const path = typeof message.path === "string" && /^\/app\/[\w\-/]*$/.test(message.path) ? message.path : "/app/relationships";
  return { title: text(message.title, "Mentoring meeting reminder"), body: text(message.body, "Open Tandem for the details."), tag: text(message.tag, "tandem-reminder"), path };
}

self.addEventListener("push", (event) => {
  const reminder = readReminder(event.data);
  event.waitUntil(
    self.registration.showNotification(reminder.title, {
      body: reminder.body,
      tag: reminder.tag,
      icon: "/app/icons/icon-192.png",
      lang: "en-GB",
      data: { path: reminder.path },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const path = typeof data.path === "string" && data.path.startsWith("/app/") ? data.path : "/app/relationships";
  const target = new URL(path, self.location.origin).href;
  event.waitUntil(
    clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      // A window of the app already open: bring it forward on the meeting's page.
      for (const client of windows) {
        if (new URL(client.url).pathname.startsWith("/app")) {
          return client.focus().then((focused) => (focused && "navigate" in focused ? focused.navigate(target) : focused));
        }
      }
      return clients.openWindow(target);
    }),
  );
});
