// Builds the participant PWA into dist/, served by apps/admin at /app/ (same origin as /api/trpc).
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  base: "/app/",
  plugins: [
    react(),
    VitePWA({
      registerType: "autoUpdate",
      // Registered by hand in src/service-worker.ts (virtual:pwa-register), after first render.
      injectRegister: null,
      strategies: "generateSW",
      // The manifest icons are already matched by globPatterns below.
      includeManifestIcons: false,
      manifest: {
        id: "/app/",
        name: "Tandem mentoring",
        short_name: "Tandem",
        description: "Take part in NHS mentoring schemes: find a scheme, meet your mentor and keep track of your meetings.",
        lang: "en-GB",
        start_url: "/app/",
        scope: "/app/",
        display: "standalone",
        theme_color: "#005eb8",
        background_color: "#f0f4f5",
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // Meeting reminders by web push: the push and notificationclick handlers (public/push-sw.js).
        importScripts: ["push-sw.js"],
        globPatterns: ["**/*.{js,css,html,png,svg,ico,webmanifest}"],
        navigateFallback: "/app/index.html",
        navigateFallbackAllowlist: [/^\/app/],
        // Never answer API calls from the service worker: they carry the session and must be fresh.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Same-origin static assets under /app/ only (e.g. files added after the precache manifest).
            urlPattern: ({ url, sameOrigin, request }) =>
              sameOrigin &&
              url.pathname.startsWith("/app/") &&
              ["style", "script", "image", "font"].includes(request.destination),
            handler: "StaleWhileRevalidate",
            options: { cacheName: "tandem-static", expiration: { maxEntries: 60 } },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:3000" },
  },
  preview: {
    proxy: { "/api": "http://localhost:3000" },
  },
  build: { outDir: "dist", sourcemap: true },
});
