// Registers the generated service worker (vite-plugin-pwa, autoUpdate): new versions take over
// on the next navigation. Registration waits for load so it never competes with the first paint.
import { registerSW } from "virtual:pwa-register";

export function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    registerSW({ immediate: true });
  });
}
