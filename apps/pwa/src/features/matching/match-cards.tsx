// An active match or a co-mentoring group, with the other person's profile and what can be done next.
import { Button, SummaryList, Tag } from "@tandem/ui";
import { useRef } from "react";
import { formatInstant } from "../preparation/preparation-words";
import { capitalise } from "./matching-words";
import { EndAfterTrial, NoFaultForm } from "./ending-forms";
import type { Match, Group, Open } from "./match-types";

export function Profile({ match }: { match: Match }) {
  return (
    <>
      {match.otherBio ? <p style={{ whiteSpace: "pre-line" }}>{match.otherBio}</p> : null}
      <SummaryList
        rows={[
          { id: "scheme", key: "Scheme", value: `${match.schemeName} (${match.organisationName})` },
          {
            id: "topics",
            key: "Topics",
            value: match.otherTopics.length > 0 ? match.otherTopics.join(", ") : "None given",
          },
          ...(match.startedAt
            ? [{ id: "since", key: "Matched since", value: formatInstant(match.startedAt) }]
            : []),
        ]}
      />
      {match.explanation ? (
        <p className="nhsuk-body-s">
          Why you were matched:{" "}
          {match.explanation
            .split(" · ")
            .map((term) => capitalise(term))
            .join("; ")}
          .
        </p>
      ) : null}
    </>
  );
}

export function ActiveCard({
  match,
  open,
  setOpen,
  onDone,
  onErrorsChange,
}: {
  match: Match;
  open: Open;
  setOpen: (open: Open) => void;
  onDone: (text: string) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const mine = open?.relationshipId === match.id ? open.kind : null;
  const returnTo = useRef<string>();
  function show(kind: "no-fault" | "end-trial", buttonId: string) {
    returnTo.current = buttonId;
    setOpen({ kind, relationshipId: match.id });
  }
  function cancel() {
    setOpen(null);
    onErrorsChange(false);
    const id = returnTo.current;
    requestAnimationFrame(() => (id ? document.getElementById(id)?.focus() : undefined));
  }
  const noFaultId = `no-fault-${match.id}`;
  const endId = `end-trial-${match.id}`;

  return (
    <article className="nhsuk-card" aria-labelledby={`match-${match.id}`}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m" id={`match-${match.id}`}>
          {match.otherName}
        </h3>
        <p>
          <Tag colour="green">Matched</Tag>
        </p>
        <Profile match={match} />
        {mine === "no-fault" ? (
          <NoFaultForm
            match={match}
            onCancel={cancel}
            onDone={onDone}
            onErrorsChange={onErrorsChange}
          />
        ) : mine === "end-trial" ? (
          <EndAfterTrial match={match} onCancel={cancel} onDone={onDone} />
        ) : (
          <div className="nhsuk-button-group">
            {match.role === "mentee" ? (
              <Button
                id={noFaultId}
                type="button"
                variant="secondary"
                onClick={() => show("no-fault", noFaultId)}
              >
                Ask for a no-fault change
              </Button>
            ) : null}
            {match.canEndAfterTrial ? (
              <Button
                id={endId}
                type="button"
                variant="secondary"
                onClick={() => show("end-trial", endId)}
              >
                End after the trial meeting
              </Button>
            ) : null}
          </div>
        )}
      </div>
    </article>
  );
}

export function GroupCard({ group }: { group: Group }) {
  return (
    <article className="nhsuk-card" aria-labelledby={`group-${group.id}`}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={`group-${group.id}`}>
          {group.schemeName}
        </h3>
        <ul>
          {group.members.map((member, index) => (
            <li key={`${member.name}-${index}`}>
              {member.you ? <strong>{member.name} (you)</strong> : member.name}
              {member.topics.length > 0 ? (
                <span className="nhsuk-body-s">: {member.topics.join(", ")}</span>
              ) : null}
            </li>
          ))}
        </ul>
        {group.explanation ? (
          <p className="nhsuk-body-s">Why this group: {group.explanation}.</p>
        ) : null}
      </div>
    </article>
  );
}
