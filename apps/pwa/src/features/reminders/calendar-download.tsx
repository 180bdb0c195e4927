// "Add to my calendar": the meeting as an .ics file (one event that updates when the meeting moves or
// is cancelled), fetched when asked for and handed to the browser as a download.
import { useState } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPCClient } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";

export function CalendarDownload({
  organisationId,
  relationshipId,
  meetingId,
}: {
  organisationId: string;
  relationshipId: string;
  meetingId: string;
}) {
  const client = useTRPCClient();
  const online = useOnlineStatus();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function download() {
    setProblem(null);
    setBusy(true);
    try {
      const file = await client.relationships.meetingCalendar.query({
        organisationId,
        relationshipId,
        meetingId,
      });
      const url = URL.createObjectURL(new Blob([file.content], { type: file.contentType }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (error) {
      setProblem(actionProblem(error, { online, showMessageFor: ["CONFLICT", "NOT_FOUND"] }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
        disabled={busy}
        onClick={() => void download()}
      >
        Add to my calendar
      </button>
      {problem ? (
        <span className="nhsuk-error-message" role="alert">
          {problem}
        </span>
      ) : null}
    </p>
  );
}
