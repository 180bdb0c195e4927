// What Remix loaders and actions receive: the API's dependencies and the caller's address, so they
// call the tRPC router in-process (no HTTP hop).
import type { ApiDeps } from "@tandem/api";

export type TandemLoadContext = {
  deps: ApiDeps;
  address: string;
};

declare module "@remix-run/node" {
  // Declaration merging needs an interface; it adds Tandem's fields to Remix's load context.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends TandemLoadContext {}
}
