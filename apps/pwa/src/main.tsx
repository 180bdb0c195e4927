// Browser entry: NHS.UK styles, the query cache (what was seen kept on the device to show offline),
// the tRPC provider, the outbox, and service worker registration.
import "@tandem/ui/styles.css";
import { PersistQueryClientProvider } from "@tanstack/react-query-persist-client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { Outbox } from "./features/offline/outbox";
import {
  PERSIST_BUSTER,
  PERSIST_MAX_AGE_MS,
  shouldPersistQuery,
} from "./features/offline/persisted-queries";
import { createIdbPersister } from "./features/offline/query-persister";
import { OutboxProvider } from "./features/offline/use-outbox";
import { registerServiceWorker } from "./lib/service-worker";
import { createQueryClient, createTrpcClient, TRPCProvider } from "./lib/trpc";

const queryClient = createQueryClient({ gcTime: PERSIST_MAX_AGE_MS });
const trpcClient = createTrpcClient();
const persister = createIdbPersister();
const outbox = new Outbox(trpcClient, {
  // What was sent (or refused) may change every page: fetch afresh.
  onSent: () => void queryClient.invalidateQueries(),
  // The session has ended: "who am I" again, so the sign-in form shows.
  onSignInNeeded: () => void queryClient.invalidateQueries({ queryKey: [["me", "get"]] }),
});

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");

createRoot(root).render(
  <StrictMode>
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={{
        persister,
        maxAge: PERSIST_MAX_AGE_MS,
        buster: PERSIST_BUSTER,
        dehydrateOptions: {
          shouldDehydrateQuery: shouldPersistQuery,
          shouldDehydrateMutation: () => false,
        },
      }}
      // What was kept shows at once but is never taken for fresh: online, every page fetches afresh
      // (offline the fetches wait, and what was kept stays on screen).
      onSuccess={() => queryClient.invalidateQueries({ refetchType: "none" })}
    >
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <OutboxProvider outbox={outbox}>
          <App />
        </OutboxProvider>
      </TRPCProvider>
    </PersistQueryClientProvider>
  </StrictMode>,
);

registerServiceWorker();
