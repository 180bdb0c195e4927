import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// One module instance of the API and database at run time: the server (tsx) and the Remix build
// import the same @tandem/api and @tandem/db. `ssr.external` alone does not keep them out of the
// build, because they export TypeScript source, so the server bundle names them external too.
const serverOnly = /^@tandem\/(api|db|core)(\/.*)?$/;

export default defineConfig(({ isSsrBuild }) => ({
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
  ssr: { external: ["@tandem/api", "@tandem/db", "@tandem/core"] },
  build: isSsrBuild ? { rollupOptions: { external: (id: string) => serverOnly.test(id) } } : {},
  server: { port: 3000 },
}));
