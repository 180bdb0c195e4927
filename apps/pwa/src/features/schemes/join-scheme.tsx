// Joining a scheme (SPEC principle 1): the person sees whether they can join, chooses a role, answers
// any application questions and agrees to the consent wording shown in full. Nobody is joined without it.
import { Button, Checkboxes, ErrorSummary, Radios, Textarea, TextInput, WarningCallout } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { errorCode, NO_ERRORS, type FormErrors } from "../../lib/form-errors";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { profilePath } from "../matching/matching-words";
import { useOnlineStatus } from "../offline/use-online-status";
import { ContactDetails, type Contact } from "./contact-details";
import {
  describeEnrolmentRole,
  describeJoined,
  describeStatus,
  enrolmentRoleHint,
} from "./enrolment-words";
import {
  answerField,
  fieldElementId,
  mapJoinError,
  questionsOf,
  toApplicationAnswers,
  validateJoin,
  type Answers,
} from "./join-form";
import { joinButtonText, splitRoles, type EligibilityResult } from "./join-roles";
import type { DirectorySchemePage } from "./scheme-page";

const articles: Record<string, string> = { mentee: "a mentee", mentor: "a mentor", peer: "a peer" };
const asRole = (role: string) => articles[role] ?? describeEnrolmentRole(role).toLowerCase();

export function JoinScheme({
  page,
  contact,
  onErrorsChange,
}: {
  page: DirectorySchemePage;
  contact: Contact;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const trpc = useTRPC();
  const at = { organisationId: page.organisation.id, schemeId: page.scheme.id };
  const prepare = useQuery(trpc.enrolment.prepare.queryOptions(at));
  const online = useOnlineStatus();
  // Kept here, above the form, so refetching the person's enrolments cannot take the confirmation away.
  const [joined, setJoined] = useState<Joined>();

  if (joined) {
    const profile = joined.nextAction === "profile" ? profilePath(page.organisation.slug, page.scheme.slug) : null;
    return <JoinedPanel joined={joined} schemeName={page.scheme.name} profile={profile} />;
  }

  if (prepare.isError) {
    const code = errorCode(prepare.error);
    if (code === "CONFLICT" || code === "NOT_FOUND") {
      return (
        <>
          <p>This scheme is not taking new people at the moment.</p>
          <p>To ask when it opens again, contact:</p>
          <ContactDetails contact={contact} />
        </>
      );
    }
    return (
      <>
        <p>
          {online
            ? "We could not check whether you can join. Try again."
            : "You can join this scheme when you are back online."}
        </p>
        <p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => void prepare.refetch()}
          >
            Try again
          </button>
        </p>
      </>
    );
  }
  if (!prepare.data) {
    return (
      <p>
        {online
          ? "Checking whether you can join…"
          : "You can join this scheme when you are back online."}
      </p>
    );
  }

  const { roles, application, current } = prepare.data;
  const joinedRoles = new Set(current.map((e) => e.role));
  const { offered, blocked } = splitRoles(roles.filter((r) => !joinedRoles.has(r.role)));

  return (
    <>
      {current.length > 0 ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {current.map((e) => (
            <p key={e.id}>
              You are in this scheme as {asRole(e.role)}: {describeStatus(e.status).toLowerCase()}.
            </p>
          ))}
          <p>
            <Link href={`${BASE}/schemes`}>See my schemes</Link>
          </p>
        </div>
      ) : null}

      {blocked.length > 0 && offered.length === 0 ? (
        <WarningCallout heading="You cannot join this scheme" headingLevel="h3">
          <BlockedReasons blocked={blocked} named={blocked.length > 1 || current.length > 0} />
          <p>If you think this is wrong, or to ask about other ways to get mentoring, contact:</p>
          <ContactDetails contact={contact} />
        </WarningCallout>
      ) : null}

      {offered.length > 0 ? (
        <>
          {blocked.length > 0 ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <BlockedReasons blocked={blocked} named />
              <p>If you think this is wrong, contact the scheme (details above).</p>
            </div>
          ) : null}
          <JoinForm
            key={offered.map((r) => r.role).join()}
            at={at}
            roles={offered}
            application={application}
            onErrorsChange={onErrorsChange}
            onJoined={setJoined}
          />
        </>
      ) : null}
    </>
  );
}

/** Why a role is not open to the person, in the words @tandem/core wrote for people. */
function BlockedReasons({ blocked, named }: { blocked: Prepared["roles"]; named: boolean }) {
  return (
    <>
      {blocked.map((r) =>
        named ? (
          <p key={r.role}>
            <strong>You cannot join as {asRole(r.role)}.</strong> {r.eligibility.reason}
          </p>
        ) : (
          <p key={r.role}>{r.eligibility.reason}</p>
        ),
      )}
    </>
  );
}

function Eligibility({ result, reason }: { result: EligibilityResult; reason: string }) {
  // The reasons are written for people by @tandem/core ("You can join: this scheme is for ...").
  if (result === "eligible") {
    return (
      <div className="nhsuk-inset-text" style={{ borderLeftColor: "#007f3b" }}>
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>{reason}</p>
      </div>
    );
  }
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>{reason}</p>
      <p>
        You can ask to join. The coordinator decides and will reply to you; until then your request
        shows in My schemes as &ldquo;Waiting for the coordinator&rdquo;.
      </p>
    </div>
  );
}

type Prepared = RouterOutputs["enrolment"]["prepare"];

function JoinedPanel({ joined, schemeName, profile }: { joined: Joined; schemeName: string; profile: string | null }) {
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  return (
    <>
      <div className="nhsuk-panel" tabIndex={-1} ref={panelRef}>
        <h3 className="nhsuk-panel__title">{describeJoined(joined.status)}</h3>
        <div className="nhsuk-panel__body">
          {schemeName}, as {asRole(joined.role)}
          <br />
          Status: {describeStatus(joined.status)}
        </div>
      </div>
      <h3 className="nhsuk-heading-s">What happens next</h3>
      <p>{joined.nextStep}</p>
      {profile ? (
        <p>
          <Link href={profile}>Complete your profile</Link>
        </p>
      ) : null}
      <p>
        <Link href={`${BASE}/schemes`}>My schemes</Link>
      </p>
    </>
  );
}

interface Joined {
  status: string;
  nextStep: string;
  nextAction: "profile" | null;
  role: string;
}

function JoinForm({
  at,
  roles,
  application,
  onErrorsChange,
  onJoined,
}: {
  at: { organisationId: string; schemeId: string };
  roles: Prepared["roles"];
  application: Prepared["application"];
  onErrorsChange: (hasErrors: boolean) => void;
  onJoined: (joined: Joined) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const roleNames = roles.map((r) => r.role);
  const [role, setRole] = useState<string>(roles.length === 1 ? roles[0]!.role : "");
  const [answers, setAnswers] = useState<Answers>({});
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FormErrors<string>>(NO_ERRORS);
  // Bumped on each failed submit so the error summary remounts and takes focus again.
  const [attempt, setAttempt] = useState(0);
  const questions = questionsOf(application);
  const chosen = roles.find((r) => r.role === role);
  const options = { roles: roleNames, application };

  useEffect(() => onErrorsChange(errors.summary.length > 0), [errors, onErrorsChange]);

  const join = useMutation(
    trpc.enrolment.join.mutationOptions({
      // Fail at once when offline rather than waiting silently: joining needs the server.
      networkMode: "always",
      onSuccess: async (result, variables) => {
        setErrors(NO_ERRORS);
        onErrorsChange(false);
        onJoined({ status: result.status, nextStep: result.nextStep, nextAction: result.nextAction, role: variables.role });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.enrolment.mine.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.directory.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.directory.scheme.queryKey() }),
        ]);
      },
      onError: async (error) => {
        setErrors(mapJoinError(error, { ...options, online: navigator.onLine }));
        setAttempt((n) => n + 1);
        const code = errorCode(error);
        // The wording or the person's enrolments changed under us: show the current ones.
        if (code === "CONFLICT")
          await queryClient.invalidateQueries({ queryKey: trpc.enrolment.prepare.queryKey(at) });
        if (code === "UNAUTHORIZED")
          await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateJoin({ role, answers, consent }, options);
    setErrors(found);
    if (found.summary.length > 0 || !chosen) {
      setAttempt((n) => n + 1);
      return;
    }
    join.mutate({
      ...at,
      role: chosen.role,
      consent: true,
      consentWording: chosen.consentWording,
      applicationAnswers: toApplicationAnswers(application, answers),
    });
  }

  const setAnswer = (id: string, value: string | boolean) =>
    setAnswers((previous) => ({ ...previous, [id]: value }));
  const submitText = joinButtonText(chosen);

  return (
    <>
      {errors.summary.length > 0 ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form onSubmit={handleSubmit} noValidate>
        {roles.length > 1 ? (
          <Radios
            idPrefix="role"
            name="role"
            legend="How do you want to take part?"
            legendSize="s"
            items={roles.map((r) => ({
              value: r.role,
              label: describeEnrolmentRole(r.role),
              hint: enrolmentRoleHint(r.role),
            }))}
            value={role}
            onChange={(value) => {
              setRole(value);
              // The consent wording depends on the role: agreeing to one is not agreeing to another.
              setConsent(false);
            }}
            error={errors.fields.role}
          />
        ) : (
          <p>You will join as {asRole(roles[0]!.role)}.</p>
        )}
        {/* Announced when the choice changes: what joining as this role means for this person. */}
        <div aria-live="polite">
          {chosen ? (
            <Eligibility result={chosen.eligibility.result} reason={chosen.eligibility.reason} />
          ) : null}
        </div>

        {questions.length > 0 ? (
          <>
            <h3 className="nhsuk-heading-s">Your application</h3>
            <p>The coordinator reads your answers before you are matched.</p>
            {questions.map((question) => {
              const field = answerField(question.id);
              const id = fieldElementId(field);
              const label = question.required ? question.label : `${question.label} (optional)`;
              const value = answers[question.id];
              if (question.kind === "yes_no") {
                return (
                  <Radios
                    key={question.id}
                    idPrefix={id}
                    name={id}
                    legend={label}
                    inline
                    items={[
                      { value: "yes", label: "Yes" },
                      { value: "no", label: "No" },
                    ]}
                    value={value === true ? "yes" : value === false ? "no" : ""}
                    onChange={(choice) => setAnswer(question.id, choice === "yes")}
                    error={errors.fields[field]}
                  />
                );
              }
              if (question.kind === "long_text") {
                return (
                  <Textarea
                    key={question.id}
                    id={id}
                    name={id}
                    label={label}
                    value={typeof value === "string" ? value : ""}
                    onChange={(event) => setAnswer(question.id, event.currentTarget.value)}
                    error={errors.fields[field]}
                    maxLength={4000}
                  />
                );
              }
              return (
                <TextInput
                  key={question.id}
                  id={id}
                  name={id}
                  label={label}
                  value={typeof value === "string" ? value : ""}
                  onChange={(event) => setAnswer(question.id, event.currentTarget.value)}
                  error={errors.fields[field]}
                  maxLength={4000}
                />
              );
            })}
          </>
        ) : null}

        <h3 className="nhsuk-heading-s">What you agree to</h3>
        {chosen ? (
          <div className="nhsuk-inset-text" id="consent-wording">
            <p>{chosen.consentWording}</p>
          </div>
        ) : (
          <p id="consent-wording">
            Choose how you want to take part to see what you are agreeing to.
          </p>
        )}
        <Checkboxes
          idPrefix="consent"
          name="consent"
          legend={<span className="nhsuk-u-visually-hidden">Consent</span>}
          items={[{ value: "yes", label: "I agree to join on these terms", checked: consent }]}
          onChange={(_value, checked) => setConsent(checked)}
          error={errors.fields.consent}
        />

        <Button type="submit" disabled={join.isPending} aria-disabled={join.isPending || undefined}>
          {submitText}
        </Button>
        {!online ? <p>You can join when you are back online.</p> : null}
      </form>
    </>
  );
}
