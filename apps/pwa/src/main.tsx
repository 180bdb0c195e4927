// Browser entry: NHS.UK styles, the query and tRPC providers, and service worker registration.
import "@tandem/ui/styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { registerServiceWorker } from "./lib/service-worker";
import { createQueryClient, createTrpcClient, TRPCProvider } from "./lib/trpc";

const queryClient = createQueryClient();
const trpcClient = createTrpcClient();

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <App />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);

registerServiceWorker();
