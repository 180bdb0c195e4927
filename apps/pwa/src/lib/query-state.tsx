// What a screen shows while its data is not there: loading, waiting for a connection, or a problem.
// Data already in the TanStack Query cache is shown instead, online or not.
import { useOnlineStatus } from "../features/offline/use-online-status";
import { messages } from "./form-errors";

export function QueryPending({ what }: { what: string }) {
  const online = useOnlineStatus();
  return (
    <p>
      {online ? `Loading ${what}…` : `${capitalise(what)} will appear when you are back online.`}
    </p>
  );
}

export function QueryProblem({ onRetry }: { onRetry: () => void }) {
  const online = useOnlineStatus();
  return (
    <>
      <p>{online ? messages.unreachable : messages.offline}</p>
      <p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onRetry}>
          Try again
        </button>
      </p>
    </>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
