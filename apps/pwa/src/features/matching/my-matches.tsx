// "My matches" (SPEC sections 1, 6 and 9): requests a mentor has to answer (accept or decline), the
// person's mentor and mentees, a mentee's no-fault change (no reason needed, SPEC principle 2; any
// reason given goes to the coordinator only; the mentor is told just that the match ended), ending after the trial meeting where the scheme has
// one, ended matches, and co-mentoring groups.
import { Button, ErrorSummary, InsetText, SummaryList, Table, Tag, Textarea } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import {
  actionProblem,
  errorCode,
  mapTrpcError,
  messages,
  NO_ERRORS,
  type FormErrors,
} from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { useOnlineStatus } from "../offline/use-online-status";
import { validateReason, type ReasonField } from "./matching-forms";
import {
  capitalise,
  choosePath,
  describeClosed,
  menteeChooses,
  profilePath,
} from "./matching-words";

type Organisation = RouterOutputs["matching"]["mine"][number];
type Match = Organisation["relationships"][number] & {
  organisationId: string;
  organisationName: string;
};
type Group = Organisation["groups"][number] & { organisationId: string };
type Enrolment = RouterOutputs["enrolment"]["mine"][number];

/** Which confirmation or form is open: only one at a time, so its field ids are unique on the page. */
type Open = { kind: "no-fault" | "end-trial"; relationshipId: string } | null;

export function MyMatches() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.matching.mine.queryOptions());
  const enrolments = useQuery(trpc.enrolment.mine.queryOptions());
  const [hasError, setHasError] = useState(false);
  usePageTitle("My matches", hasError);

  return (
    <>
      <PageHeading>My matches</PageHeading>
      {mine.data ? (
        <Matches
          organisations={mine.data}
          enrolments={enrolments.data ?? []}
          onErrorsChange={setHasError}
        />
      ) : mine.isError ? (
        <QueryProblem onRetry={() => void mine.refetch()} />
      ) : (
        <QueryPending what="your matches" />
      )}
    </>
  );
}

function Matches({
  organisations,
  enrolments,
  onErrorsChange,
}: {
  organisations: readonly Organisation[];
  enrolments: readonly Enrolment[];
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string>();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const matches: Match[] = organisations.flatMap((o) =>
    o.relationships.map((r) => ({
      ...r,
      organisationId: o.organisationId,
      organisationName: o.organisationName,
    })),
  );
  const groups: Group[] = organisations.flatMap((o) =>
    o.groups.map((g) => ({ ...g, organisationId: o.organisationId })),
  );
  const toAnswer = matches.filter((m) => m.role === "mentor" && m.status === "requested");
  const myMentors = matches.filter((m) => m.role === "mentee" && m.status === "active");
  const myRequests = matches.filter((m) => m.role === "mentee" && m.status === "requested");
  const myMentees = matches.filter((m) => m.role === "mentor" && m.status === "active");
  const ended = matches.filter((m) => m.status === "closed");
  // Schemes where the person is a mentee with no mentor and no request: where to find one, or
  // (where the coordinator matches mentees) that one is coming.
  const busy = new Set([...myMentors, ...myRequests].map((m) => m.schemeId));
  const waiting = enrolments.filter(
    (e) => e.role === "mentee" && e.status === "active" && !busy.has(e.schemeId),
  );
  const toChoose = waiting.filter((e) => menteeChooses(e.matchingMode));
  const toBeMatched = waiting.filter((e) => !menteeChooses(e.matchingMode));
  const nothing = matches.length === 0 && groups.length === 0;

  function finish(text: string) {
    setOpen(null);
    setDone(text);
    onErrorsChange(false);
  }
  const common = { open, setOpen, onDone: finish, onErrorsChange };

  return (
    <>
      {done ? (
        <div className="nhsuk-inset-text" tabIndex={-1} ref={doneRef} role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{done}</p>
        </div>
      ) : null}

      {nothing ? (
        <>
          <p>You have no mentoring matches yet.</p>
          <p>When you are matched, or a mentee asks you to mentor them, it appears here.</p>
        </>
      ) : null}

      {toAnswer.length > 0 ? (
        <section aria-labelledby="to-answer">
          <h2 className="nhsuk-heading-m" id="to-answer">
            Requests to answer
          </h2>
          <p>You can accept or decline. You do not need to give a reason for declining.</p>
          {toAnswer.map((m) => (
            <RequestCard key={m.id} match={m} onDone={finish} />
          ))}
        </section>
      ) : null}

      {myMentors.length > 0 ? (
        <section aria-labelledby="my-mentor">
          <h2 className="nhsuk-heading-m" id="my-mentor">
            {myMentors.length === 1 ? "Your mentor" : "Your mentors"}
          </h2>
          {myMentors.map((m) => (
            <ActiveCard key={m.id} match={m} {...common} />
          ))}
        </section>
      ) : null}

      {myRequests.length > 0 ? (
        <section aria-labelledby="my-requests">
          <h2 className="nhsuk-heading-m" id="my-requests">
            Your request for a mentor
          </h2>
          {myRequests.map((m) => (
            <p key={m.id}>
              {m.schemeName}: waiting for {m.otherName} to answer
              {m.expiresAt ? ` by ${formatInstant(m.expiresAt)}` : ""}.{" "}
              <SchemeLinks schemeId={m.schemeId} enrolments={enrolments} what="choose" />
            </p>
          ))}
        </section>
      ) : null}

      {myMentees.length > 0 ? (
        <section aria-labelledby="my-mentees">
          <h2 className="nhsuk-heading-m" id="my-mentees">
            {myMentees.length === 1 ? "Your mentee" : "Your mentees"}
          </h2>
          {myMentees.map((m) => (
            <ActiveCard key={m.id} match={m} {...common} />
          ))}
        </section>
      ) : null}

      {groups.length > 0 ? (
        <section aria-labelledby="my-groups">
          <h2 className="nhsuk-heading-m" id="my-groups">
            {groups.length === 1 ? "Your co-mentoring group" : "Your co-mentoring groups"}
          </h2>
          {groups.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </section>
      ) : null}

      {toChoose.length > 0 ? (
        <section aria-labelledby="find-mentor">
          <h2 className="nhsuk-heading-m" id="find-mentor">
            Find a mentor
          </h2>
          <ul>
            {toChoose.map((e) => (
              <li key={e.enrolmentId}>
                <Link href={choosePath(e.organisationSlug, e.schemeSlug)}>
                  Choose a mentor<span className="nhsuk-u-visually-hidden"> in {e.schemeName}</span>
                </Link>{" "}
                ({e.schemeName})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {toBeMatched.length > 0 ? (
        <section aria-labelledby="to-be-matched">
          <h2 className="nhsuk-heading-m" id="to-be-matched">
            Waiting for a mentor
          </h2>
          <p>The coordinator matches mentees with mentors in these schemes:</p>
          <ul>
            {toBeMatched.map((e) => (
              <li key={e.enrolmentId}>
                {e.schemeName} ({e.organisationName}). Your match will appear here. Keep{" "}
                <Link href={profilePath(e.organisationSlug, e.schemeSlug)}>
                  your matching profile
                  <span className="nhsuk-u-visually-hidden"> in {e.schemeName}</span>
                </Link>{" "}
                up to date so matching can suit you.
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {ended.length > 0 ? (
        <section aria-labelledby="ended">
          <h2 className="nhsuk-heading-m" id="ended">
            Ended matches
          </h2>
          <Table
            caption={<span className="nhsuk-u-visually-hidden">Ended matches</span>}
            head={["Name", "Scheme", "Who", "Ended", "What happened"]}
            firstCellIsHeader
            rowKeys={ended.map((m) => m.id)}
            rows={ended.map((m) => [
              m.otherName,
              m.schemeName,
              m.role === "mentee" ? "Your mentor" : "Your mentee",
              m.endedAt ? formatInstant(m.endedAt) : "Not known",
              describeClosed(m.closedReason, m.role),
            ])}
          />
        </section>
      ) : null}

      <p>
        <Link href={`${BASE}/schemes`}>My schemes</Link>
      </p>
    </>
  );
}

function SchemeLinks({
  schemeId,
  enrolments,
  what,
}: {
  schemeId: string;
  enrolments: readonly Enrolment[];
  what: "choose" | "profile";
}) {
  const e = enrolments.find((x) => x.schemeId === schemeId);
  if (!e) return null;
  return what === "choose" ? (
    <Link href={choosePath(e.organisationSlug, e.schemeSlug)}>See or cancel your request</Link>
  ) : (
    <Link href={profilePath(e.organisationSlug, e.schemeSlug)}>Your matching profile</Link>
  );
}

function Profile({ match }: { match: Match }) {
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

function problemText(error: unknown): string {
  return actionProblem(error, { online: navigator.onLine });
}

/** The API's messages for these codes are written for people ("This request has already been answered"). */
const PEOPLE_CODES = ["CONFLICT", "NOT_FOUND", "FORBIDDEN"] as const;

function useInvalidateMatches() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
    ]);
}

function RequestCard({ match, onDone }: { match: Match; onDone: (text: string) => void }) {
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

function ActiveCard({
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

function NoFaultForm({
  match,
  onCancel,
  onDone,
  onErrorsChange,
}: {
  match: Match;
  onCancel: () => void;
  onDone: (text: string) => void;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const invalidate = useInvalidateMatches();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors<ReasonField>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);

  const change = useMutation(
    trpc.matching.noFaultChange.mutationOptions({
      networkMode: "always",
      onSuccess: async () => {
        onDone(
          `Your match with ${match.otherName} has ended. You will not be matched with them again. ${match.otherName} has been told only that the match has ended, not why. You can now choose or be matched with another mentor.`,
        );
        await invalidate();
      },
      onError: async (error) => {
        setErrors(
          mapTrpcError(error, ["reason"], {
            online: navigator.onLine,
            showMessageFor: PEOPLE_CODES,
            unauthorised: messages.signedOut,
          }),
        );
        setAttempt((n) => n + 1);
        if (errorCode(error) === "CONFLICT") await invalidate();
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateReason(reason);
    setErrors(checked.errors);
    if (checked.errors.summary.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    change.mutate({
      organisationId: match.organisationId,
      relationshipId: match.id,
      ...(checked.reason ? { reason: checked.reason } : {}),
    });
  }

  return (
    <div className="nhsuk-u-margin-top-4">
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
        Ask for a no-fault change
      </h4>
      <p>
        You can ask for a different mentor at any time, and you do not have to say why. It is
        nobody&apos;s fault: sometimes a match does not work out. Your match with {match.otherName}{" "}
        ends now, and you will not be matched with them again.
      </p>
      <InsetText>
        <p>
          <strong>Only you and the scheme coordinator will see what you write here.</strong>{" "}
          {match.otherName} will never see it: they are told only that the match has ended.
        </p>
      </InsetText>
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id="reason"
          name="reason"
          label="Reason (optional)"
          hint={`Seen only by you and the coordinator, never by ${match.otherName}. A few words can help the coordinator find you a better match. Up to 1000 characters.`}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.fields.reason}
          rows={4}
        />
        <div className="nhsuk-button-group">
          <Button
            type="submit"
            variant="warning"
            disabled={change.isPending}
            aria-disabled={change.isPending || undefined}
          >
            End this match and ask for a change
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
        {!online ? <p>You can ask for a change when you are back online.</p> : null}
      </form>
    </div>
  );
}

function EndAfterTrial({
  match,
  onCancel,
  onDone,
}: {
  match: Match;
  onCancel: () => void;
  onDone: (text: string) => void;
}) {
  const trpc = useTRPC();
  const online = useOnlineStatus();
  const invalidate = useInvalidateMatches();
  const [problem, setProblem] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const end = useMutation(
    trpc.matching.endAfterTrial.mutationOptions({
      networkMode: "always",
      onSuccess: async () => {
        onDone(
          `Your match with ${match.otherName} has ended after the trial meeting. No reason is needed and none is recorded.`,
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
        if (code === "CONFLICT") await invalidate();
      },
    }),
  );

  return (
    <div className="nhsuk-u-margin-top-4">
      <h4 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
        End your match with {match.otherName} after the trial meeting?
      </h4>
      <p>
        The scheme lets either of you end the match after the trial meeting. No reason is needed and
        none is recorded. {match.otherName} will be told that the match has ended.
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
          disabled={end.isPending}
          aria-disabled={end.isPending || undefined}
          onClick={() =>
            end.mutate({ organisationId: match.organisationId, relationshipId: match.id })
          }
        >
          Yes, end the match
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          No, keep it
        </Button>
      </div>
      {!online ? <p>You can end the match when you are back online.</p> : null}
    </div>
  );
}

function GroupCard({ group }: { group: Group }) {
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
