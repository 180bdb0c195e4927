// The outbox in React: one Outbox for the app, its state for the screens, the hook forms use to make a
// change through it, and the effects that keep it in step: the device made this person's, what is
// waiting loaded on start, and sent whenever the person is signed in and the connection returns.
import type { AppRouter } from "@tandem/api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { useTRPC } from "../../lib/trpc";
import { askForPersistentStorage, claimDevice } from "./device-store";
import type { Outbox, OutboxSnapshot } from "./outbox";
import type { OutboxInputs, OutboxPath } from "./outbox-items";
import { queryPath } from "./persisted-queries";
import { useOnlineStatus } from "./use-online-status";

type Outputs = inferRouterOutputs<AppRouter>;
export type OutboxOutput<P extends OutboxPath> =
  P extends `${infer R extends keyof Outputs}.${infer N}`
    ? N extends keyof Outputs[R]
      ? Outputs[R][N]
      : never
    : never;

const OutboxContext = createContext<Outbox | null>(null);

export function OutboxProvider({ outbox, children }: { outbox: Outbox; children: ReactNode }) {
  return (
    <OutboxContext.Provider value={outbox}>
      <OutboxSync outbox={outbox} />
      {children}
    </OutboxContext.Provider>
  );
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error("useOutbox needs an OutboxProvider");
  return outbox;
}

export function useOutboxState(): OutboxSnapshot {
  const outbox = useOutbox();
  return useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, outbox.getSnapshot);
}

function OutboxSync({ outbox }: { outbox: Outbox }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.me.get.queryOptions());
  const personId = me.data?.person.id;
  const online = useOnlineStatus();

  useEffect(() => {
    void outbox.load();
  }, [outbox]);

  useEffect(() => {
    if (!personId) return;
    let live = true;
    void (async () => {
      // Someone else's pages and changes never show to, or send as, this person.
      if (await claimDevice(personId)) {
        outbox.reset();
        queryClient.removeQueries({ predicate: (query) => queryPath(query.queryKey) !== "me.get" });
      }
      void askForPersistentStorage();
      await outbox.load();
      if (live && online) await outbox.replay(personId);
    })();
    return () => {
      live = false;
    };
  }, [outbox, personId, online, queryClient]);
  return null;
}

export type QueuedBecause = "offline" | "sign-in";

/** What a form that goes through the outbox says while the person is offline. */
export const OFFLINE_SAVED =
  "You're offline. Your change will be saved on this device and sent when you are back online.";

/** What a form says when its change waits on this device. */
export function queuedWords(because: QueuedBecause): string {
  return because === "sign-in"
    ? "Your change is saved on this device. Sign in again to send it."
    : "Your change is saved on this device. It will be sent when you are back online.";
}

/**
 * A change made through the outbox, for a form: sent now when there is a connection (success or the
 * server's errors come back to the form as from a mutation), otherwise kept to send later.
 */
export function useOutboxWrite<P extends OutboxPath>(
  path: P,
  options: {
    describe: (input: OutboxInputs[P]) => string;
    onSuccess: (data: OutboxOutput<P>, input: OutboxInputs[P]) => unknown;
    onError: (error: unknown) => unknown;
    onQueued: (because: QueuedBecause) => unknown;
  },
) {
  const outbox = useOutbox();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const [isPending, setPending] = useState(false);
  const personId = me.data?.person.id;
  return {
    isPending,
    mutate(input: OutboxInputs[P]) {
      if (!personId) {
        // Forms show only to a signed-in person; without one nothing is kept, and the form says so.
        void options.onError({
          message: "Sign in to continue",
          data: { code: "UNAUTHORIZED", httpStatus: 401 },
        });
        return;
      }
      setPending(true);
      void outbox
        .submit(path, input, options.describe(input), personId)
        .then(async (outcome) => {
          if (outcome.kind === "sent")
            await options.onSuccess(outcome.data as OutboxOutput<P>, input);
          else if (outcome.kind === "refused") await options.onError(outcome.error);
          else await options.onQueued(outcome.kind === "sign-in" ? "sign-in" : "offline");
        })
        .finally(() => setPending(false));
    },
  };
}
