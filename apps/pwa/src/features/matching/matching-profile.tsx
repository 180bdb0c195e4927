// A person's matching profile in one scheme (SPEC sections 5 and 9): the topics they want (mentees,
// peers) or offer (mentors), when they are usually free, whether they will meet remotely, a short
// introduction, and for mentors how many mentees they can take. Matching scores are built from it.
// The form starts from what the person saved before (`matching.myProfile`, for each role they take
// part as), offers the scheme's suggested topics, and tells a mentor the scheme's limit on mentees.
import { Button, Checkboxes, ErrorSummary, TextInput, Textarea } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import {
  errorCode,
  mapTrpcError,
  messages,
  NO_ERRORS,
  type FormErrors,
} from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import type { RouterOutputs } from "../../lib/api-types";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, replaceSearch, schemePath, useSearch } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { describeEnrolmentRole } from "../schemes/enrolment-words";
import { useOnlineStatus } from "../offline/use-online-status";
import {
  hasTopic,
  profileFields,
  readProfile,
  savedValues,
  toggleTopic,
  type ProfileField,
  type ProfileValues,
} from "./matching-forms";
import { choosePath, matchesPath, menteeChooses } from "./matching-words";
import { useMyScheme, type MyScheme } from "./use-my-scheme";

type Role = MyScheme["roles"][number];
type SavedProfile = RouterOutputs["matching"]["myProfile"];

export function MatchingProfile({
  organisationSlug,
  schemeSlug,
}: {
  organisationSlug: string;
  schemeSlug: string;
}) {
  const { query, scheme } = useMyScheme(organisationSlug, schemeSlug);
  const search = useSearch();
  const [hasError, setHasError] = useState(false);
  usePageTitle(
    scheme ? `Your matching profile: ${scheme.schemeName}` : "Your matching profile",
    hasError,
  );

  if (scheme && scheme.roles.length > 0) {
    const asked = new URLSearchParams(search).get("role");
    const role = scheme.roles.find((r) => r === asked) ?? scheme.roles[0]!;
    return <ProfileIn key={role} scheme={scheme} role={role} onErrorsChange={setHasError} />;
  }
  return (
    <>
      <PageHeading>Your matching profile</PageHeading>
      {query.isError ? (
        <QueryProblem onRetry={() => void query.refetch()} />
      ) : scheme === undefined ? (
        <QueryPending what="your schemes" />
      ) : (
        <>
          <p>
            You can fill in your matching profile once the coordinator has accepted you into this
            scheme.
          </p>
          <p>
            <Link href={schemePath(organisationSlug, schemeSlug)}>See the scheme</Link>
          </p>
        </>
      )}
    </>
  );
}

/** What the person saved before in this scheme, with the scheme's suggested topics and limits. */
function useSavedProfile(scheme: MyScheme) {
  const trpc = useTRPC();
  return useQuery(
    trpc.matching.myProfile.queryOptions({
      organisationId: scheme.organisationId,
      schemeId: scheme.schemeId,
    }),
  );
}

function ProfileIn({
  scheme,
  role,
  onErrorsChange,
}: {
  scheme: MyScheme;
  role: Role;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const saved = useSavedProfile(scheme);
  return (
    <>
      <span className="nhsuk-caption-l">{scheme.schemeName}</span>
      <PageHeading>Your matching profile</PageHeading>
      {scheme.roles.length > 1 ? (
        <nav aria-label="Your roles in this scheme">
          <ul className="nhsuk-list">
            {scheme.roles.map((r) => (
              <li key={r}>
                {r === role ? (
                  <strong aria-current="page">
                    Your profile as {describeEnrolmentRole(r).toLowerCase()}
                  </strong>
                ) : (
                  <a
                    href={`?role=${r}`}
                    onClick={(event) => {
                      event.preventDefault();
                      replaceSearch(`?role=${r}`);
                    }}
                  >
                    Your profile as {describeEnrolmentRole(r).toLowerCase()}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        {role === "mentor"
          ? "Mentees see this when they choose a mentor, and matching uses it to suggest good pairs."
          : role === "peer"
            ? "Matching uses this to put you with peers who want to talk about similar things."
            : "Matching uses this to find mentors who suit you. The mentor you ask sees your topics and introduction."}
      </p>
      {saved.data ? (
        <ProfileForm
          scheme={scheme}
          role={role}
          profile={saved.data}
          onErrorsChange={onErrorsChange}
        />
      ) : saved.isError ? (
        <QueryProblem onRetry={() => void saved.refetch()} />
      ) : (
        <QueryPending what="your profile" />
      )}
    </>
  );
}

function ProfileForm({
  scheme,
  role,
  profile,
  onErrorsChange,
}: {
  scheme: MyScheme;
  role: Role;
  profile: SavedProfile;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [values, setValues] = useState<ProfileValues>(() => savedValues(profile, role));
  const [errors, setErrors] = useState<FormErrors<ProfileField>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const mentor = role === "mentor";

  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const update = useMutation(
    trpc.matching.updateProfile.mutationOptions({
      networkMode: "always",
      onSuccess: async () => {
        setErrors(NO_ERRORS);
        setSaved(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.matching.myProfile.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
        ]);
      },
      onError: async (error) => {
        setErrors(
          mapTrpcError(error, profileFields, {
            online: navigator.onLine,
            showMessageFor: ["FORBIDDEN"],
            unauthorised: messages.signedOut,
          }),
        );
        setAttempt((n) => n + 1);
        if (errorCode(error) === "UNAUTHORIZED")
          await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const { errors: found, input } = readProfile(values, {
      mentor,
      maxMentees: profile.maxMentees,
    });
    setErrors(found);
    if (!input) {
      setAttempt((n) => n + 1);
      return;
    }
    update.mutate({
      organisationId: scheme.organisationId,
      schemeId: scheme.schemeId,
      role,
      ...input,
    });
  }

  const set = <K extends keyof ProfileValues>(key: K, value: ProfileValues[K]) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, [key]: value }));
  };

  return (
    <>
      {saved ? (
        <div className="nhsuk-inset-text" tabIndex={-1} ref={savedRef} role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Your profile is saved.</p>
          <p>
            {role === "mentee" && menteeChooses(profile.scheme.mode) ? (
              <Link href={choosePath(scheme.organisationSlug, scheme.schemeSlug)}>
                Choose a mentor
              </Link>
            ) : (
              <Link href={matchesPath}>See my matches</Link>
            )}
          </p>
        </div>
      ) : null}
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form onSubmit={handleSubmit} noValidate>
        <Textarea
          id="topics"
          name="topics"
          label={mentor ? "Topics you can help with" : "Topics you would like to talk about"}
          hint="One a line, for example: Job planning"
          value={values.topics}
          onChange={(event) => set("topics", event.currentTarget.value)}
          error={errors.fields.topics}
          rows={5}
        />
        {profile.suggestedTopics.length > 0 ? (
          <SuggestedTopics
            suggested={profile.suggestedTopics}
            topics={values.topics}
            onChange={(text) => set("topics", text)}
          />
        ) : null}
        <Textarea
          id="availability"
          name="availability"
          label="When you are usually free to meet"
          hint="One a line, for example: Monday mornings"
          value={values.availability}
          onChange={(event) => set("availability", event.currentTarget.value)}
          error={errors.fields.availability}
          rows={4}
        />
        <Checkboxes
          idPrefix="remoteOk"
          name="remoteOk"
          legend="Meeting remotely"
          items={[
            {
              value: "yes",
              label: "I am happy to meet by video or phone",
              checked: values.remoteOk,
            },
          ]}
          onChange={(_value, checked) => set("remoteOk", checked)}
        />
        <Textarea
          id="bio"
          name="bio"
          label="A short introduction (optional)"
          hint={
            mentor
              ? "Your background and what you enjoy helping with. Mentees read this when they choose. Up to 1000 characters."
              : "A little about you and what you hope to get from mentoring. Up to 1000 characters."
          }
          value={values.bio}
          onChange={(event) => set("bio", event.currentTarget.value)}
          error={errors.fields.bio}
          rows={5}
        />
        {mentor ? (
          <TextInput
            id="capacity"
            name="capacity"
            label="How many mentees can you take at once?"
            hint={`This scheme allows up to ${profile.maxMentees} ${profile.maxMentees === 1 ? "mentee" : "mentees"} per mentor; most mentors take ${profile.usualCapacity}. Enter 0 if you cannot take anyone new at the moment. Mentees you already have are not affected.`}
            inputMode="numeric"
            width={2}
            value={values.capacity}
            onChange={(event) => set("capacity", event.currentTarget.value)}
            error={errors.fields.capacity}
          />
        ) : null}
        <Button
          type="submit"
          disabled={update.isPending}
          aria-disabled={update.isPending || undefined}
        >
          Save my profile
        </Button>
        {!online ? <p>You can save your profile when you are back online.</p> : null}
      </form>
      <p>
        <Link href={`${BASE}/schemes`}>My schemes</Link>
      </p>
    </>
  );
}

/**
 * The scheme's suggested topics as toggle buttons that add a topic to the list above or take it
 * out. The list stays the one place the topics are kept, so anything typed there is kept too.
 */
function SuggestedTopics({
  suggested,
  topics,
  onChange,
}: {
  suggested: readonly string[];
  topics: string;
  onChange: (text: string) => void;
}) {
  return (
    <div className="nhsuk-form-group" role="group" aria-labelledby="suggested-topics">
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" id="suggested-topics">
        Topics this scheme suggests (select one to add it to your list, or again to take it out):
      </p>
      <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
        {suggested.map((topic) => {
          const chosen = hasTopic(topics, topic);
          return (
            <li key={topic} style={{ display: "inline-block", marginRight: "8px" }}>
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-2"
                aria-pressed={chosen}
                onClick={() => onChange(toggleTopic(topics, topic))}
              >
                <span aria-hidden="true">{chosen ? "✓ " : "+ "}</span>
                {topic}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
