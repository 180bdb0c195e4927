// "Support events": the upcoming support groups, development events and supervision in the
// organisations where the person mentors, with signing up and giving a place back in one step each.
import { SummaryList } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { actionProblem, errorCode } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { NotAMentor, preparationPaths } from "./my-preparation";
import {
  describeEventKind,
  describePlacesLeft,
  eventAction,
  formatDate,
} from "./preparation-words";

type SupportEvent = RouterOutputs["preparation"]["myEvents"][number];

export function SupportEvents() {
  usePageTitle("Support events");
  const trpc = useTRPC();
  const events = useQuery(trpc.preparation.myEvents.queryOptions());
  // An empty list means either "nothing coming up" or "not a mentor anywhere": the status tells which.
  const status = useQuery(trpc.preparation.myStatus.queryOptions());

  return (
    <>
      <PageHeading>Support events</PageHeading>
      {events.data && status.data ? (
        status.data.length === 0 && events.data.length === 0 ? (
          <NotAMentor />
        ) : (
          <EventList events={events.data} />
        )
      ) : events.isError || status.isError ? (
        <QueryProblem onRetry={() => void (events.isError ? events.refetch() : status.refetch())} />
      ) : (
        <QueryPending what="support events" />
      )}
      <p>
        <Link href={preparationPaths.home}>Go to my preparation and support</Link>
      </p>
    </>
  );
}

function EventList({ events }: { events: readonly SupportEvent[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ text: string; problem: boolean }>();
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const signUp = useMutation(
    trpc.preparation.signUp.mutationOptions({
      networkMode: "always",
      onSuccess: async (_result, variables) => {
        const event = events.find((e) => e.eventId === variables.eventId);
        const title = event?.title ?? "the event";
        setNotice({
          problem: false,
          text: variables.attend
            ? `You have a place at ${title}${event ? ` on ${formatDate(event.heldOn)}` : ""}.`
            : `You have given up your place at ${title}.`,
        });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.preparation.myEvents.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.preparation.myStatus.queryKey() }),
        ]);
      },
      onError: async (error) => {
        const code = errorCode(error);
        // "That event is full", "That event has already taken place": written for people, so shown as they are.
        const text = actionProblem(error, { online: navigator.onLine, showMessageFor: ["CONFLICT", "NOT_FOUND", "FORBIDDEN"] });
        setNotice({ problem: true, text });
        if (code === "CONFLICT" || code === "NOT_FOUND")
          await queryClient.invalidateQueries({ queryKey: trpc.preparation.myEvents.queryKey() });
        if (code === "UNAUTHORIZED")
          await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
      },
    }),
  );

  return (
    <>
      {notice ? (
        notice.problem ? (
          <div
            className="nhsuk-error-summary"
            tabIndex={-1}
            ref={noticeRef}
            role="alert"
            aria-labelledby="event-problem"
          >
            <h2 className="nhsuk-error-summary__title" id="event-problem">
              There is a problem
            </h2>
            <div className="nhsuk-error-summary__body">
              <p>{notice.text}</p>
            </div>
          </div>
        ) : (
          <div className="nhsuk-inset-text" tabIndex={-1} ref={noticeRef} role="status">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>{notice.text}</p>
          </div>
        )
      ) : null}

      <p>
        Support groups, development events, conferences and supervision keep you current as a
        mentor. Your scheme asks you to attend some each year: your status on{" "}
        <Link href={preparationPaths.home}>my preparation and support</Link> says what is due.
      </p>

      {events.length === 0 ? (
        <p>
          There are no support events coming up. Your coordinator or convenor will add them here.
        </p>
      ) : (
        <ul className="nhsuk-list">
          {events.map((event) => (
            <li key={`${event.organisationId}/${event.eventId}`}>
              <EventCard
                event={event}
                pending={signUp.isPending && signUp.variables.eventId === event.eventId}
                onChoose={(attend) => {
                  setNotice(undefined);
                  signUp.mutate({
                    organisationId: event.organisationId,
                    eventId: event.eventId,
                    attend,
                  });
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function EventCard({
  event,
  pending,
  onChoose,
}: {
  event: SupportEvent;
  pending: boolean;
  onChoose: (attend: boolean) => void;
}) {
  const action = eventAction(event);
  const headingId = `event-${event.eventId}`;
  return (
    <section className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          {event.title}
        </h2>
        <SummaryList
          rows={[
            { id: "date", key: "Date", value: formatDate(event.heldOn) },
            { id: "kind", key: "Kind", value: describeEventKind(event.kind) },
            { id: "organisation", key: "Organisation", value: event.organisationName },
            { id: "place", key: "Place", value: event.location || "To be confirmed" },
            { id: "places", key: "Places left", value: describePlacesLeft(event.placesLeft) },
            ...(event.myStatus === "signed_up"
              ? [{ id: "mine", key: "Your place", value: "You are signed up" }]
              : []),
          ]}
        />
        {action.kind === "sign-up" ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-u-margin-bottom-0"
            disabled={pending}
            onClick={() => onChoose(true)}
          >
            {action.text}
          </button>
        ) : action.kind === "cancel" ? (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
            disabled={pending}
            onClick={() => onChoose(false)}
          >
            {action.text}
          </button>
        ) : action.kind === "full" ? (
          <p className="nhsuk-u-margin-bottom-0">
            No places left. Your coordinator can tell you if one comes up.
          </p>
        ) : (
          <p className="nhsuk-u-margin-bottom-0">
            <strong>{action.text}</strong>
          </p>
        )}
      </div>
    </section>
  );
}
