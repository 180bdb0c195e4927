// Tells the person they are offline and what still works: what the screen shows is what they saw
// when it was last fetched ("offline: showing what you saw at 14:32"). The live region is always in
// the page so screen readers announce the change when the connection drops or returns.
import { WarningCallout } from "@tandem/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { seenAtWords } from "./persisted-queries";
import { useOnlineStatus } from "./use-online-status";

/** When the oldest data on the screen was fetched (queries being shown), or null when none is. */
function useShownSince(): number | null {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache]);
  return useSyncExternalStore(
    subscribe,
    () => {
      const times = cache
        .getAll()
        .filter(
          (q) =>
            q.getObserversCount() > 0 && q.state.data !== undefined && q.state.dataUpdatedAt > 0,
        )
        .map((q) => q.state.dataUpdatedAt);
      return times.length > 0 ? Math.min(...times) : null;
    },
    () => null,
  );
}

export function OfflineNotice() {
  const online = useOnlineStatus();
  const since = useShownSince();
  return (
    <div role="status" aria-live="polite">
      {online ? null : (
        <WarningCallout
          heading={
            since
              ? `Offline: showing what you saw at ${seenAtWords(new Date(since), new Date())}`
              : "You're offline"
          }
          headingLevel="h2"
        >
          <p>Tandem cannot reach the internet right now.</p>
          <p>
            You can still see pages you have already opened on this device. Changes you make to your
            meetings, agreed actions and feedback are saved here and sent when you are back online.
          </p>
        </WarningCallout>
      )}
    </div>
  );
}
