// Pausing (with a date to resume, if wanted), resuming and withdrawing. Withdrawing is one step and
// needs no reason (SPEC principle 1); each asks for a confirmation that says what will happen.
import { Button, TextInput } from "@tandem/ui";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { navigate } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { fieldId, readPause } from "./meeting-forms";
import { otherNames } from "./meeting-guide";
import {
  FormButtons,
  FormHeading,
  FormProblems,
  usePageForm,
  type PageControls,
} from "./page-form";
import type { Detail } from "./relationship-types";
import { listNames, relationshipsPath } from "./relationship-words";

const RESUME_ON = fieldId("pause", "resumeOn");

export function RelationshipControls({
  detail,
  controls,
}: {
  detail: Detail;
  controls: PageControls;
}) {
  if (detail.status !== "active" && detail.status !== "paused") return null;
  const open = controls.open?.kind;
  return (
    <section aria-labelledby="pause-or-end">
      <h2 className="nhsuk-heading-m" id="pause-or-end">
        {detail.status === "paused" ? "Resume or end" : "Pause or end"}
      </h2>
      {open === "pause" ? (
        <PauseForm detail={detail} controls={controls} />
      ) : open === "withdraw" ? (
        <Withdraw detail={detail} controls={controls} />
      ) : (
        <>
          <p>
            {detail.status === "paused"
              ? "Either of you can resume at any time."
              : "If now is not a good time, you can pause and come back to it. You can also end it at any time: you do not need to give a reason."}
          </p>
          <div className="nhsuk-button-group">
            {detail.status === "paused" ? (
              <Resume controls={controls} />
            ) : (
              <Button
                type="button"
                variant="secondary"
                id="pause"
                onClick={() => controls.show({ kind: "pause" }, "pause")}
              >
                Pause
              </Button>
            )}
            <Button
              type="button"
              variant="secondary"
              id="withdraw"
              onClick={() => controls.show({ kind: "withdraw" }, "withdraw")}
            >
              {detail.kind === "pair" ? "End this relationship" : "Leave this group"}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function PauseForm({ detail, controls }: { detail: Detail; controls: PageControls }) {
  const trpc = useTRPC();
  const [resumeOn, setResumeOn] = useState("");
  const form = usePageForm(controls, "pause", [RESUME_ON]);
  const pause = useMutation(
    trpc.relationships.pause.mutationOptions({
      networkMode: "always",
      onSuccess: () =>
        form.succeeded(
          `Your mentoring is paused. ${listNames(otherNames(detail))} has been emailed.`,
        ),
      onError: (error) => form.failed(error),
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readPause("pause", resumeOn);
    if (form.check(read.errors) || !read.input) return;
    pause.mutate({ ...controls.scope, ...read.input });
  }

  return (
    <>
      <FormProblems form={form} />
      <FormHeading>Pause your mentoring?</FormHeading>
      <p>
        Meetings still to come are cancelled, and {listNames(otherNames(detail))} is emailed. Either
        of you can resume at any time.
      </p>
      <form onSubmit={handleSubmit} noValidate>
        <TextInput
          id={RESUME_ON}
          name="resumeOn"
          type="date"
          label="Resume on (optional)"
          hint="It resumes by itself on this date. Leave it empty to resume when you are ready."
          value={resumeOn}
          onChange={(event) => setResumeOn(event.currentTarget.value)}
          error={form.errors.fields[RESUME_ON]}
          width={10}
        />
        <FormButtons
          submit="Pause"
          pending={pause.isPending}
          onCancel={controls.cancel}
          offlineText="You can pause when you are back online."
        />
      </form>
    </>
  );
}

function Resume({ controls }: { controls: PageControls }) {
  const trpc = useTRPC();
  const form = usePageForm(controls, "resume", []);
  const resume = useMutation(
    trpc.relationships.resume.mutationOptions({
      networkMode: "always",
      onSuccess: () =>
        form.succeeded(
          "Your mentoring has resumed. Propose a time for your next meeting when you are ready.",
        ),
      onError: (error) => form.failed(error),
    }),
  );
  return (
    <>
      <FormProblems form={form} />
      <Button
        type="button"
        disabled={resume.isPending}
        aria-disabled={resume.isPending || undefined}
        onClick={() => resume.mutate(controls.scope)}
      >
        Resume
      </Button>
    </>
  );
}

function Withdraw({ detail, controls }: { detail: Detail; controls: PageControls }) {
  const trpc = useTRPC();
  const form = usePageForm(controls, "withdraw", []);
  const names = listNames(otherNames(detail));
  const pair = detail.kind === "pair";
  const withdraw = useMutation(
    trpc.relationships.withdraw.mutationOptions({
      networkMode: "always",
      onSuccess: async (result) => {
        await form.succeeded(
          result.closed
            ? "Your mentoring relationship has ended. No reason is needed and none is recorded."
            : "You have left the group. It carries on without you.",
        );
        if (!result.closed) navigate(relationshipsPath);
      },
      onError: (error) => form.failed(error),
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    withdraw.mutate(controls.scope);
  }

  return (
    <>
      <FormProblems form={form} />
      <FormHeading>{pair ? `End your mentoring with ${names}?` : "Leave this group?"}</FormHeading>
      <p>
        {pair
          ? `It ends now. You do not need to give a reason, and none is recorded. ${names} is told that it has ended, and any meetings still to come are cancelled. What you agreed stays readable to you.`
          : "You leave now, and the group carries on. You do not need to give a reason, and none is recorded."}
      </p>
      <form onSubmit={handleSubmit} noValidate>
        <FormButtons
          submit={pair ? "Yes, end it" : "Yes, leave the group"}
          warning
          pending={withdraw.isPending}
          onCancel={controls.cancel}
          offlineText="You can do this when you are back online."
        />
      </form>
    </>
  );
}
