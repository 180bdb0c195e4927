// A mentee's request while it waits: each choice passed, asked or waiting, and cancelling it.
import { Button } from "@tandem/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { actionProblem, errorCode } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { useOnlineStatus } from "../offline/use-online-status";
import { describeChoiceState } from "./matching-words";
import { type MyScheme } from "./use-my-scheme";
import type { Pool } from "./pool-types";

export function SentPanel({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="nhsuk-panel" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-panel__title">Request sent</h2>
      <div className="nhsuk-panel__body">{text}</div>
    </div>
  );
}

export function OpenRequest({
  request,
  scheme,
}: {
  request: NonNullable<Pool["request"]>;
  scheme: MyScheme;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [cancelled, setCancelled] = useState(false);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const asked = request.choices.find((c) => c.state === "asked");

  const cancel = useMutation(
    trpc.matching.cancelRequest.mutationOptions({
      networkMode: "always",
      onSuccess: async () => {
        setConfirming(false);
        setCancelled(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
        ]);
      },
      onError: async (error) => {
        const code = errorCode(error);
        if (code === "NOT_FOUND") {
          // Answered or cancelled meanwhile: show what is true now.
          setConfirming(false);
          await queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() });
          return;
        }
        setProblem(actionProblem(error, { online: navigator.onLine }));
      },
    }),
  );

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (cancelled) return null;
  return (
    <section aria-labelledby="open-request" className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id="open-request">
          Your request
        </h2>
        {asked ? (
          <p>
            Your request is with {asked.name}
            {request.expiresAt
              ? `, who has until ${formatInstant(request.expiresAt)} to answer`
              : ""}
            . If they cannot take you on, it goes to your next choice.
          </p>
        ) : null}
        <ol>
          {request.choices.map((choice) => (
            <li key={choice.enrolmentId}>
              {choice.name}: {describeChoiceState(choice.state)}
            </li>
          ))}
        </ol>
        <p>
          While your request is open you cannot choose other mentors. Cancel it to choose again.
        </p>
        {confirming ? (
          <>
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={confirmRef}>
              Cancel your request?
            </h3>
            <p>
              {asked ? `${asked.name} will no longer be asked.` : "Nobody will be asked."} You can
              choose again afterwards.
            </p>
            {problem ? (
              <p className="nhsuk-error-message" role="alert">
                <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
              </p>
            ) : null}
            <div className="nhsuk-button-group">
              <Button
                type="button"
                variant="warning"
                disabled={cancel.isPending}
                aria-disabled={cancel.isPending || undefined}
                onClick={() =>
                  cancel.mutate({
                    organisationId: scheme.organisationId,
                    schemeId: scheme.schemeId,
                  })
                }
              >
                Yes, cancel my request
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                No, keep it
              </Button>
            </div>
            {!online ? <p>You can cancel when you are back online.</p> : null}
          </>
        ) : (
          <Button
            type="button"
            variant="secondary"
            className="nhsuk-u-margin-bottom-0"
            onClick={() => setConfirming(true)}
          >
            Cancel my request
          </Button>
        )}
      </div>
    </section>
  );
}
