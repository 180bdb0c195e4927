// The person's private calendar link: a calendar app (Outlook, Google) subscribes to it and shows
// their meetings. Titles say only "Mentoring meeting" unless they choose names and places. Making a
// new link stops the old one; so does stopping it.
import { Button, Checkboxes } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { useOnlineStatus } from "../offline/use-online-status";
import { formatInstant } from "../preparation/preparation-words";

export function CalendarFeed() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const status = useQuery(trpc.calendar.feedStatus.queryOptions());
  const [showDetails, setShowDetails] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.calendar.feedStatus.queryKey() });
  const create = useMutation(
    trpc.calendar.createFeed.mutationOptions({
      onSuccess: async (made) => {
        setUrl(made.url);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revokeFeed.mutationOptions({
      onSuccess: async () => {
        setUrl(null);
        await refresh();
      },
    }),
  );
  if (!status.data) return null;
  const problem = create.error ?? revoke.error;
  return (
    <section aria-labelledby="calendar-feed-heading" className="nhsuk-u-margin-top-6">
      <h2 id="calendar-feed-heading">Your meetings in your calendar</h2>
      <p>
        A private link your calendar app can subscribe to. Anyone with the link can see your meeting
        times, so keep it to yourself.
      </p>
      {status.data.active ? (
        <p>
          Your calendar link is on
          {status.data.createdAt ? ` (made ${formatInstant(status.data.createdAt)})` : ""}
          {status.data.showDetails
            ? ", with names and places."
            : ", showing only \u201cMentoring meeting\u201d and how you meet."}
        </p>
      ) : null}
      {url ? (
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="calendar-feed-url">
            Copy this link into your calendar app (for example, &ldquo;Add calendar from
            URL&rdquo;). It is shown only now.
          </label>
          <input
            id="calendar-feed-url"
            className="nhsuk-input"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
      <Checkboxes
        idPrefix="calendar-details"
        name="showDetails"
        legend="What your calendar shows"
        small
        items={[
          {
            value: "details",
            label: "Include the names of the people I meet, and where",
            checked: showDetails,
          },
        ]}
        onChange={(_value, checked) => setShowDetails(checked)}
      />
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {actionProblem(problem, { online })}
        </p>
      ) : null}
      <div className="nhsuk-button-group">
        <Button
          type="button"
          variant="secondary"
          disabled={create.isPending}
          onClick={() => create.mutate({ showDetails })}
        >
          {status.data.active ? "Make a new link (the old one stops)" : "Make my calendar link"}
        </Button>
        {status.data.active ? (
          <Button
            type="button"
            variant="warning"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            Stop my calendar link
          </Button>
        ) : null}
      </div>
    </section>
  );
}
