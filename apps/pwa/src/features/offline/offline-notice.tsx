// Tells the person they are offline and what still works. The live region is always in the page
// so screen readers announce the change when the connection drops or returns.
import { WarningCallout } from "@tandem/ui";
import { useOnlineStatus } from "./use-online-status";

export function OfflineNotice() {
  const online = useOnlineStatus();
  return (
    <div role="status" aria-live="polite">
      {online ? null : (
        <WarningCallout heading="You're offline" headingLevel="h2">
          <p>Tandem cannot reach the internet right now.</p>
          <p>You can still see pages you have already opened. To sign in or save changes, connect to the internet.</p>
        </WarningCallout>
      )}
    </div>
  );
}
