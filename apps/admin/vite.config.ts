import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
  // One module instance of the API and database at run time: the server (tsx) and the Remix build
  // import the same @tandem/api and @tandem/db.
  ssr: { external: ["@tandem/api", "@tandem/db", "@tandem/core"] },
  server: { port: 3000 },
});
