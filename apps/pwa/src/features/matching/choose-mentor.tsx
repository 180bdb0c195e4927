// Choosing a mentor (SPEC sections 5 and 9): a mentee browses every mentor who can take them on (free
// choice) or their shortlist, filtered by specialty, topic and distance (kept in the URL), each with
// a profile and the score's explanation; chooses up to 3 in order and sends one request. While the
// request is open they see who has it and until when, and can cancel it.
import {
  Button,
  ErrorSummary,
  InsetText,
  Select,
  SummaryList,
  Tag,
  Textarea,
  TextInput,
} from "@tandem/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import {
  actionProblem,
  errorCode,
  mapTrpcError,
  messages,
  NO_ERRORS,
  plainMessage,
  toFormErrors,
  type FormErrors,
} from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, replaceSearch, schemePath, useSearch } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { formatInstant } from "../preparation/preparation-words";
import { useOnlineStatus } from "../offline/use-online-status";
import { MAX_CHOICES, requestFields, validateRequest, type RequestField } from "./matching-forms";
import {
  capitalise,
  countMentors,
  describeChoiceState,
  describeDistance,
  describeFreePlaces,
  formatPoints,
  formatScore,
  initials,
  matchesPath,
  moveChoice,
  ordinal,
  profilePath,
  toggleChoice,
} from "./matching-words";
import {
  distanceError,
  hasPoolFilters,
  parsePoolFilters,
  selectOptions,
  serialisePoolFilters,
  toApiFilters,
  type PoolFilters,
} from "./pool-filters";
import { useMyScheme, type MyScheme } from "./use-my-scheme";

type Pool = RouterOutputs["matching"]["pool"];
type Mentor = Pool["mentors"][number];

export function ChooseMentor({
  organisationSlug,
  schemeSlug,
}: {
  organisationSlug: string;
  schemeSlug: string;
}) {
  const { query, scheme } = useMyScheme(organisationSlug, schemeSlug);
  const [hasError, setHasError] = useState(false);
  usePageTitle(scheme ? `Choose a mentor: ${scheme.schemeName}` : "Choose a mentor", hasError);

  if (scheme && scheme.roles.includes("mentee"))
    return <ChooseIn scheme={scheme} onErrorsChange={setHasError} />;
  return (
    <>
      <PageHeading>Choose a mentor</PageHeading>
      {query.isError ? (
        <QueryProblem onRetry={() => void query.refetch()} />
      ) : scheme === undefined ? (
        <QueryPending what="your schemes" />
      ) : (
        <>
          <p>
            You can choose a mentor once you have joined this scheme as a mentee and the coordinator
            has accepted you.
          </p>
          <p>
            <Link href={schemePath(organisationSlug, schemeSlug)}>
              See the scheme and how to join
            </Link>
          </p>
          <p>
            <Link href={`${BASE}/schemes`}>My schemes</Link>
          </p>
        </>
      )}
    </>
  );
}

function ChooseIn({
  scheme,
  onErrorsChange,
}: {
  scheme: MyScheme;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const search = useSearch();
  const filters = parsePoolFilters(search);
  const at = { organisationId: scheme.organisationId, schemeId: scheme.schemeId };
  const pool = useQuery({
    ...trpc.matching.pool.queryOptions({ ...at, filters: toApiFilters(filters) }),
    // Changing a filter keeps the last list on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
  const shortlist = pool.data?.mode === "shortlist";

  return (
    <>
      <span className="nhsuk-caption-l">{scheme.schemeName}</span>
      <PageHeading>{shortlist ? "Your shortlist of mentors" : "Choose your mentor"}</PageHeading>
      {pool.data ? (
        <PoolView
          pool={pool.data}
          scheme={scheme}
          filters={filters}
          onErrorsChange={onErrorsChange}
        />
      ) : pool.isError ? (
        <PoolProblem error={pool.error} scheme={scheme} onRetry={() => void pool.refetch()} />
      ) : (
        <QueryPending what="the mentors you can choose from" />
      )}
    </>
  );
}

function PoolProblem({
  error,
  scheme,
  onRetry,
}: {
  error: unknown;
  scheme: MyScheme;
  onRetry: () => void;
}) {
  const code = errorCode(error);
  // CONFLICT: the coordinator matches in this scheme; FORBIDDEN: not an active mentee. Both are written for people.
  if (code === "CONFLICT" || code === "FORBIDDEN") {
    const message = plainMessage((error as { message?: unknown }).message);
    return (
      <>
        <InsetText>
          <p>{message ?? "You cannot choose a mentor in this scheme."}</p>
        </InsetText>
        <p>
          <Link href={matchesPath}>See my matches</Link>
        </p>
        <p>
          <Link href={profilePath(scheme.organisationSlug, scheme.schemeSlug)}>
            Update what you would like from mentoring
          </Link>
        </p>
      </>
    );
  }
  return <QueryProblem onRetry={onRetry} />;
}

function PoolView({
  pool,
  scheme,
  filters,
  onErrorsChange,
}: {
  pool: Pool;
  scheme: MyScheme;
  filters: PoolFilters;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const [choices, setChoices] = useState<string[]>([]);
  // Names of chosen mentors, kept so a filter that hides one does not lose it from the list.
  const [names, setNames] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState("");
  const [sent, setSent] = useState<string>();
  const canChoose = pool.request === null && pool.matchedWith.length === 0;
  const max = Math.min(pool.maxChoices, MAX_CHOICES);

  function toggle(mentor: Mentor) {
    const next = toggleChoice(choices, mentor.enrolmentId, max);
    setChoices(next);
    setNames((previous) => ({ ...previous, [mentor.enrolmentId]: mentor.name }));
    const place = next.indexOf(mentor.enrolmentId);
    setAnnouncement(
      place >= 0
        ? `${mentor.name} is your ${ordinal(place)} choice.`
        : `${mentor.name} is no longer one of your choices.`,
    );
    setSent(undefined);
  }

  return (
    <>
      {sent ? <SentPanel text={sent} /> : null}
      <Intro pool={pool} />
      {pool.matchedWith.length > 0 ? (
        <InsetText>
          <p>
            {pool.matchedWith.length === 1
              ? `Your mentor is ${pool.matchedWith[0]!.name}.`
              : `Your mentors are ${pool.matchedWith.map((m) => m.name).join(" and ")}.`}
          </p>
          <p>
            <Link href={matchesPath}>See my matches</Link>
          </p>
        </InsetText>
      ) : null}
      {pool.request ? <OpenRequest request={pool.request} scheme={scheme} /> : null}
      <p>
        <Link href={profilePath(scheme.organisationSlug, scheme.schemeSlug)}>
          Change the topics and times you gave
        </Link>{" "}
        to change who matches you best.
      </p>

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <FilterForm pool={pool} filters={filters} />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <div role="status" aria-live="polite" aria-atomic="true">
            <h2 className="nhsuk-heading-m">{countMentors(pool.mentors.length)}</h2>
          </div>
          <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          {pool.mentors.length === 0 ? (
            <NoMentors filtered={hasPoolFilters(filters)} />
          ) : (
            <ul className="nhsuk-list">
              {pool.mentors.map((mentor) => (
                <li key={mentor.enrolmentId}>
                  <MentorCard
                    mentor={mentor}
                    place={choices.indexOf(mentor.enrolmentId)}
                    canChoose={canChoose}
                    full={choices.length >= max}
                    max={max}
                    onToggle={() => toggle(mentor)}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>

      {canChoose ? (
        <RequestForm
          pool={pool}
          choices={choices}
          names={names}
          onChoicesChange={setChoices}
          onErrorsChange={onErrorsChange}
          onSent={(text) => {
            setChoices([]);
            setAnnouncement("");
            setSent(text);
          }}
        />
      ) : null}
    </>
  );
}

function Intro({ pool }: { pool: Pool }) {
  if (pool.mode === "shortlist") {
    return (
      <p>
        These are the {pool.shortlistSize ?? pool.mentors.length} mentors who match best what you
        asked for, best first. The score (out of 1) shows how well each one matches you, and why.
      </p>
    );
  }
  return (
    <p>
      Every mentor who can take you on is listed, best match first. The score (out of 1) shows how
      well each one matches what you asked for, and why. You choose: the score is only a guide.
    </p>
  );
}

function SentPanel({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="nhsuk-panel" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-panel__title">Request sent</h2>
      <div className="nhsuk-panel__body">{text}</div>
    </div>
  );
}

function OpenRequest({
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

function FilterForm({ pool, filters }: { pool: Pool; filters: PoolFilters }) {
  const [km, setKm] = useState(filters.km);
  const kmError = distanceError(filters.km);
  useEffect(() => setKm(filters.km), [filters.km]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    replaceSearch(
      serialisePoolFilters({
        specialty: String(data.get("specialty") ?? ""),
        topic: String(data.get("topic") ?? ""),
        km: String(data.get("km") ?? ""),
      }),
    );
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="filter-heading">
      <h2 className="nhsuk-heading-s" id="filter-heading">
        Filter mentors
      </h2>
      <Select
        id="specialty"
        name="specialty"
        label="Specialty"
        options={selectOptions(pool.specialties, filters.specialty, "Any specialty")}
        defaultValue={filters.specialty}
        key={`specialty-${filters.specialty}`}
      />
      <Select
        id="topic"
        name="topic"
        label="Topic"
        options={selectOptions(pool.topics, filters.topic, "Any topic")}
        defaultValue={filters.topic}
        key={`topic-${filters.topic}`}
      />
      <TextInput
        id="km"
        name="km"
        label="Distance, up to (km)"
        hint="Mentors whose distance is not known are left out"
        inputMode="decimal"
        width={4}
        value={km}
        onChange={(event) => setKm(event.currentTarget.value)}
        error={kmError}
      />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {hasPoolFilters(filters) ? (
        <p>
          <a
            href={window.location.pathname}
            onClick={(event) => {
              event.preventDefault();
              replaceSearch("");
            }}
          >
            Clear filters
          </a>
        </p>
      ) : null}
    </form>
  );
}

function NoMentors({ filtered }: { filtered: boolean }) {
  if (filtered)
    return <p>No mentors match these filters. Try fewer filters or a longer distance.</p>;
  return (
    <>
      <p>
        No mentor can take you on at the moment. Mentors with free places appear here as soon as
        they are ready.
      </p>
      <p>Your coordinator can tell you when more mentors are expected.</p>
    </>
  );
}

function Avatar({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  const size = 56;
  // The name is written beside it, so the picture is decorative.
  if (photoUrl) {
    return (
      <img
        src={photoUrl}
        alt=""
        width={size}
        height={size}
        style={{ borderRadius: "50%", objectFit: "cover", flexShrink: 0 }}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      style={{
        display: "inline-flex",
        alignItems: "center",
        justifyContent: "center",
        width: size,
        height: size,
        borderRadius: "50%",
        background: "#005eb8",
        color: "#ffffff",
        fontWeight: 600,
        fontSize: 20,
        flexShrink: 0,
      }}
    >
      {initials(name)}
    </span>
  );
}

function MentorCard({
  mentor,
  place,
  canChoose,
  full,
  max,
  onToggle,
}: {
  mentor: Mentor;
  place: number;
  canChoose: boolean;
  full: boolean;
  max: number;
  onToggle: () => void;
}) {
  const headingId = `mentor-${mentor.enrolmentId}`;
  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <div
          style={{ display: "flex", gap: 16, alignItems: "center" }}
          className="nhsuk-u-margin-bottom-3"
        >
          <Avatar name={mentor.name} photoUrl={mentor.photoUrl} />
          <div>
            <h3
              className="nhsuk-card__heading nhsuk-heading-m nhsuk-u-margin-bottom-1"
              id={headingId}
            >
              {mentor.name}
            </h3>
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              {mentor.specialty ?? "Specialty not given"}
            </p>
          </div>
        </div>
        {place >= 0 ? (
          <p>
            <Tag colour="green">Your {ordinal(place)} choice</Tag>
          </p>
        ) : null}
        {mentor.bio ? (
          <p style={{ whiteSpace: "pre-line" }}>{mentor.bio}</p>
        ) : (
          <p>{mentor.name} has not written an introduction yet.</p>
        )}
        <SummaryList
          rows={[
            {
              id: "topics",
              key: "Topics",
              value: mentor.topics.length > 0 ? mentor.topics.join(", ") : "None given",
            },
            {
              id: "availability",
              key: "Usually free",
              value: mentor.availability.length > 0 ? mentor.availability.join(", ") : "Not given",
            },
            {
              id: "distance",
              key: "Distance",
              value: `${describeDistance(mentor.distanceKm)}${mentor.remoteOk ? ", happy to meet remotely" : ""}`,
            },
            { id: "places", key: "Free places", value: describeFreePlaces(mentor.freePlaces) },
          ]}
        />
        <p className="nhsuk-u-margin-bottom-1">
          <strong>Match score {formatScore(mentor.score)}</strong> out of 1, made up of:
        </p>
        <ul className="nhsuk-body-s">
          {mentor.terms.map((term) => (
            <li key={term.label}>
              {capitalise(term.label)} {formatPoints(term.points)}
            </li>
          ))}
        </ul>
        {canChoose ? (
          place >= 0 ? (
            <Button
              type="button"
              variant="secondary"
              small
              className="nhsuk-u-margin-bottom-0"
              onClick={onToggle}
            >
              Remove<span className="nhsuk-u-visually-hidden"> {mentor.name}</span> from my choices
            </Button>
          ) : full ? (
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
              You have chosen {max} mentors. Remove one to choose {mentor.name}.
            </p>
          ) : (
            <Button
              type="button"
              variant="secondary"
              small
              className="nhsuk-u-margin-bottom-0"
              onClick={onToggle}
            >
              Choose<span className="nhsuk-u-visually-hidden"> {mentor.name}</span>
            </Button>
          )
        ) : null}
      </div>
    </article>
  );
}

function RequestForm({
  pool,
  choices,
  names,
  onChoicesChange,
  onErrorsChange,
  onSent,
}: {
  pool: Pool;
  choices: string[];
  names: Record<string, string>;
  onChoicesChange: (choices: string[]) => void;
  onErrorsChange: (hasErrors: boolean) => void;
  onSent: (text: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<FormErrors<RequestField>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const max = Math.min(pool.maxChoices, MAX_CHOICES);

  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);
  // Choosing a mentor answers "Choose at least one mentor": the message goes once it is no longer true.
  useEffect(() => {
    if (choices.length === 0) return;
    setErrors((previous) => {
      if (!previous.fields.mentorEnrolmentIds) return previous;
      const { mentorEnrolmentIds: _answered, ...rest } = previous.fields;
      return toFormErrors(requestFields, rest);
    });
  }, [choices]);

  const request = useMutation(
    trpc.matching.request.mutationOptions({
      networkMode: "always",
      onSuccess: async (_result, variables) => {
        const first = names[variables.mentorEnrolmentIds[0]!] ?? "your first choice";
        setErrors(NO_ERRORS);
        setMessage("");
        onSent(
          `Your request has gone to ${first}. They have ${pool.requestExpiryDays} days to answer; if they cannot take you on, it goes to your next choice. We will email you.`,
        );
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
        ]);
      },
      onError: async (error) => {
        setErrors(
          mapTrpcError(error, requestFields, {
            online: navigator.onLine,
            showMessageFor: ["CONFLICT", "FORBIDDEN"],
            unauthorised: messages.signedOut,
          }),
        );
        setAttempt((n) => n + 1);
        const code = errorCode(error);
        if (code === "CONFLICT" || code === "BAD_REQUEST")
          await queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() });
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateRequest({ choices, message });
    setErrors(found);
    if (found.summary.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const text = message.trim();
    request.mutate({
      organisationId: pool.scheme.organisationId,
      schemeId: pool.scheme.id,
      mentorEnrolmentIds: choices,
      ...(text ? { message: text } : {}),
    });
  }

  return (
    <section aria-labelledby="mentorEnrolmentIds" className="nhsuk-u-margin-top-5">
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <h2 className="nhsuk-heading-m" id="mentorEnrolmentIds" tabIndex={-1}>
        Your choices
      </h2>
      <p>
        Choose up to {max} mentors, in the order you prefer. Your request goes to your first choice.
        If they cannot take you on, or do not answer within {pool.requestExpiryDays} days, it goes
        to your next choice.
      </p>
      <div
        className={
          errors.fields.mentorEnrolmentIds ? "nhsuk-form-group nhsuk-form-group--error" : undefined
        }
      >
        {errors.fields.mentorEnrolmentIds ? (
          <span className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error:</span>{" "}
            {errors.fields.mentorEnrolmentIds}
          </span>
        ) : null}
        {choices.length === 0 ? (
          <p>You have not chosen a mentor yet. Use the Choose button on a mentor above.</p>
        ) : (
          <ol className="nhsuk-list nhsuk-list--number">
            {choices.map((id, index) => {
              const name = names[id] ?? "A mentor";
              return (
                <li key={id}>
                  <strong>{name}</strong>
                  <div className="nhsuk-button-group nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-2">
                    {index > 0 ? (
                      <Button
                        type="button"
                        variant="secondary"
                        small
                        onClick={() => onChoicesChange(moveChoice(choices, index, -1))}
                      >
                        Move up<span className="nhsuk-u-visually-hidden"> {name}</span>
                      </Button>
                    ) : null}
                    {index < choices.length - 1 ? (
                      <Button
                        type="button"
                        variant="secondary"
                        small
                        onClick={() => onChoicesChange(moveChoice(choices, index, 1))}
                      >
                        Move down<span className="nhsuk-u-visually-hidden"> {name}</span>
                      </Button>
                    ) : null}
                    <Button
                      type="button"
                      variant="secondary"
                      small
                      onClick={() => onChoicesChange(choices.filter((c) => c !== id))}
                    >
                      Remove<span className="nhsuk-u-visually-hidden"> {name}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id="message"
          name="message"
          label="A message for the mentor (optional)"
          hint="Say briefly what you would like help with. Only the mentor you ask sees it."
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={errors.fields.message}
          rows={4}
        />
        <Button
          type="submit"
          disabled={request.isPending}
          aria-disabled={request.isPending || undefined}
        >
          Send request
        </Button>
        {!online ? <p>You can send your request when you are back online.</p> : null}
      </form>
    </section>
  );
}
