// A request waiting for the mentor's answer: accept or decline.
import { Button } from "@tandem/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorCode, mapTrpcError, messages } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { useOnlineStatus } from "../offline/use-online-status";
import { PEOPLE_CODES, problemText, useInvalidateMatches } from "./match-actions";
import { Profile } from "./match-cards";
import type { Match } from "./match-types";

export function RequestCard({ match, onDone }: { match: Match; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const invalidate = useInvalidateMatches();
  const [problem, setProblem] = useState<string>();
  const respond = useMutation(
    trpc.matching.respond.mutationOptions({
      networkMode: "always",
      onSuccess: async (_result, variables) => {
        setProblem(undefined);
        onDone(
          variables.accept
            ? `You have accepted ${match.otherName} as your mentee. We have told them by email.`
            : `You have declined ${match.otherName}'s request. Their request goes to their next choice.`,
        );
        await invalidate();
      },
      onError: async (error) => {
        const code = errorCode(error);
        const mapped = mapTrpcError(error, [], {
          online: navigator.onLine,
          showMessageFor: PEOPLE_CODES,
          unauthorised: messages.signedOut,
        });
        setProblem(code ? (mapped.summary[0]?.text ?? problemText(error)) : problemText(error));
        if (code === "CONFLICT" || code === "NOT_FOUND") await invalidate();
      },
    }),
  );
  const answer = (accept: boolean) =>
    respond.mutate({ organisationId: match.organisationId, relationshipId: match.id, accept });

  return (
    <article className="nhsuk-card" aria-labelledby={`request-${match.id}`}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`request-${match.id}`}>
          {match.otherName} would like you as their mentor
        </h3>
        {match.expiresAt ? (
          <p>
            Please answer by {formatInstant(match.expiresAt)}. After that the request goes to their
            next choice.
          </p>
        ) : null}
        {match.message ? (
          <div className="nhsuk-inset-text nhsuk-u-margin-top-0">
            <span className="nhsuk-u-visually-hidden">Their message: </span>
            <p style={{ whiteSpace: "pre-line" }}>&ldquo;{match.message}&rdquo;</p>
          </div>
        ) : null}
        <Profile match={match} />
        {problem ? (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
          </p>
        ) : null}
        <div className="nhsuk-button-group">
          <Button
            type="button"
            disabled={respond.isPending}
            aria-disabled={respond.isPending || undefined}
            onClick={() => answer(true)}
          >
            Accept<span className="nhsuk-u-visually-hidden"> {match.otherName}</span>
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={respond.isPending}
            aria-disabled={respond.isPending || undefined}
            onClick={() => answer(false)}
          >
            Decline<span className="nhsuk-u-visually-hidden"> {match.otherName}</span>
          </Button>
        </div>
        {!online ? <p>You can answer when you are back online.</p> : null}
      </div>
    </article>
  );
}
