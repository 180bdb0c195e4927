// Ask for a link to reset a forgotten password. The answer is the same whether or not the address
// has an account; the emailed link opens this app's reset screen.
import { RequestPasswordResetInput } from "@tandem/core";
import { Button, ErrorSummary, InsetText, TextInput } from "@tandem/ui";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { mapTrpcError, NO_ERRORS, schemaFormErrors, type FormErrors } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";

type Field = "email";
const FIELDS: readonly Field[] = ["email"];

export function ForgotPassword() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const hasErrors = errors.summary.length > 0;
  usePageTitle(sentTo ? "Check your email" : "Reset your password", hasErrors);

  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onSuccess: (_data, input) => setSentTo(input.email),
      onError: (error) => {
        setErrors(mapTrpcError(error, FIELDS, { online: navigator.onLine }));
        setAttempt((n) => n + 1);
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = RequestPasswordResetInput.safeParse({ email, app: "pwa" });
    if (!parsed.success) {
      setErrors(schemaFormErrors(FIELDS, parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors(NO_ERRORS);
    request.mutate(parsed.data);
  }

  if (sentTo) {
    return (
      <>
        <PageHeading>Check your email</PageHeading>
        <p>
          If <strong className="tandem-break-anywhere">{sentTo}</strong> has a Tandem account, we have sent it a link to reset the
          password.
        </p>
        <p>The link works once, for 30 minutes. Setting a new password signs you out on every device.</p>
        <InsetText>
          <p>
            No email after a few minutes? Check your spam folder and that you typed the address you were invited with,
            then ask for another link.
          </p>
        </InsetText>
        <p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setSentTo(null)}>
            Ask for another link
          </button>
        </p>
        <p>
          <Link href={`${BASE}/sign-in`}>Back to sign in</Link>
        </p>
      </>
    );
  }

  return (
    <>
      {hasErrors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <PageHeading>Reset your password</PageHeading>
      <p>Enter the email address you sign in with. We will email you a link to set a new password.</p>
      <form onSubmit={handleSubmit} noValidate>
        <TextInput
          id="email"
          name="email"
          type="email"
          label="Email address"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.fields.email}
        />
        <Button type="submit" disabled={request.isPending} aria-disabled={request.isPending || undefined}>
          Send the link
        </Button>
      </form>
      <p>
        <Link href={`${BASE}/sign-in`}>Back to sign in</Link>
      </p>
    </>
  );
}
