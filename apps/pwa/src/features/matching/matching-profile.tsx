// A person's matching profile in one scheme (SPEC sections 5 and 9): the topics they want (mentees,
// peers) or offer (mentors), when they are usually free, whether they will meet remotely, a short
// introduction, and for mentors how many mentees they can take. Matching scores are built from it.
import { Button, Checkboxes, ErrorSummary, TextInput, Textarea, WarningCallout } from "@tandem/ui";
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
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, replaceSearch, schemePath, useSearch } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { describeEnrolmentRole } from "../schemes/enrolment-words";
import { useOnlineStatus } from "../offline/use-online-status";
import {
  joinList,
  profileFields,
  readProfile,
  type ProfileField,
  type ProfileValues,
} from "./matching-forms";
import { choosePath, matchesPath } from "./matching-words";
import { useMyScheme, type MyScheme } from "./use-my-scheme";

type Role = MyScheme["roles"][number];

const EMPTY: ProfileValues = {
  topics: "",
  availability: "",
  remoteOk: false,
  bio: "",
  capacity: "",
};

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

/**
 * What the person saved before, where the API lets us read it: a mentee's topics, times and remote
 * choice come with their pool. Otherwise the form starts empty and says that saving replaces it all.
 */
function useSavedProfile(scheme: MyScheme, role: Role): { values?: ProfileValues; known: boolean } {
  const trpc = useTRPC();
  const pool = useQuery({
    ...trpc.matching.pool.queryOptions({
      organisationId: scheme.organisationId,
      schemeId: scheme.schemeId,
      filters: {},
    }),
    enabled: role === "mentee",
  });
  if (role !== "mentee") return { values: EMPTY, known: false };
  if (pool.data) {
    const me = pool.data.me;
    return {
      values: {
        ...EMPTY,
        topics: joinList(me.topics),
        availability: joinList(me.availability),
        remoteOk: me.remoteOk,
      },
      known: true,
    };
  }
  if (pool.isError) return { values: EMPTY, known: false };
  return { known: false };
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
  const saved = useSavedProfile(scheme, role);
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
      {saved.values ? (
        <ProfileForm
          scheme={scheme}
          role={role}
          initial={saved.values}
          known={saved.known}
          onErrorsChange={onErrorsChange}
        />
      ) : (
        <QueryPending what="your profile" />
      )}
    </>
  );
}

function ProfileForm({
  scheme,
  role,
  initial,
  known,
  onErrorsChange,
}: {
  scheme: MyScheme;
  role: Role;
  initial: ProfileValues;
  known: boolean;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const [values, setValues] = useState<ProfileValues>(initial);
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
    const { errors: found, input } = readProfile(values, { mentor });
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
            {role === "mentee" ? (
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
      {!known ? (
        <WarningCallout heading="Fill in every part" headingLevel="h2">
          <p>
            What you save here replaces your whole matching profile in this scheme, including
            anything you gave before.
          </p>
        </WarningCallout>
      ) : null}
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
            hint="Enter 0 if you cannot take anyone new at the moment. Mentees you already have are not affected."
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
