// A run's progress while the background job computes it: the phase it is in, a progress bar, and
// a polite live region that announces each phase and the result, polled until the run is finished.
import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/** Reloads the page's data every `ms` while `active`, one reload at a time. */
export function useRevalidateWhile(active: boolean, ms: number) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!active || state !== "idle") return;
    const timer = window.setTimeout(() => revalidate(), ms);
    return () => window.clearTimeout(timer);
  }, [active, state, revalidate, ms]);
}

export function RunProgress({
  status,
  phase,
  step,
  count,
  summary,
}: {
  status: string;
  phase: string | null;
  /** 1-based step while under way, as the API reports it. */
  step: number | null;
  count: number;
  summary: { matched: number; total: number } | null;
}) {
  const underWay = status === "queued" || status === "running";
  const message = underWay
    ? `Step ${step ?? 1} of ${count}: ${phase ?? "Waiting to start"}`
    : status === "failed"
      ? "The run did not finish."
      : summary
        ? `Finished: ${summary.matched} of ${summary.total} matched.`
        : "Finished.";
  return (
    <div className="nhsuk-u-margin-bottom-5">
      {underWay ? (
        <>
          <h2>Progress</h2>
          <label className="nhsuk-label" htmlFor="run-progress">
            Working out the matches
          </label>
          <progress
            id="run-progress"
            max={count}
            value={(step ?? 1) - 1}
            aria-describedby="run-status"
          />
        </>
      ) : null}
      <p
        id="run-status"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className="nhsuk-body nhsuk-u-font-weight-bold"
      >
        {message}
      </p>
    </div>
  );
}
