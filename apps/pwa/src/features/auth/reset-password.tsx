// The link in a password reset email, opened in the app: set a new password. It signs the person out
// everywhere (this device too), so afterwards they sign in again with the new password.
import { resetLinkTexts, ResetPasswordInput, type ClosedResetLink } from "@tandem/core";
import { Button, ErrorSummary, TextInput } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorCode, mapTrpcError, NO_ERRORS, schemaFormErrors, type FormErrors } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";

type Field = "password" | "confirmPassword";
const FIELDS: readonly Field[] = ["password", "confirmPassword"];

export function ResetPassword({ token }: { token: string }) {
  const trpc = useTRPC();
  const link = useQuery({ ...trpc.auth.passwordReset.queryOptions({ token }), retry: false, staleTime: 0, gcTime: 0 });
  const [done, setDone] = useState(false);
  // A malformed token is refused as bad input: to the person it is just a link that is not valid.
  const status = link.data?.status ?? (errorCode(link.error) === "BAD_REQUEST" ? "invalid" : undefined);

  if (done) return <PasswordChanged />;
  if (status === undefined) {
    if (link.isError) return <Problem onRetry={() => void link.refetch()} />;
    return <Pending />;
  }
  if (status !== "ready") return <ClosedLink status={status} />;
  return <NewPasswordForm token={token} onDone={() => setDone(true)} />;
}

function Pending() {
  usePageTitle("Create a new password");
  return (
    <>
      <PageHeading>Create a new password</PageHeading>
      <QueryPending what="your link" />
    </>
  );
}

function Problem({ onRetry }: { onRetry: () => void }) {
  usePageTitle("There is a problem");
  return (
    <>
      <PageHeading>Sorry, there is a problem</PageHeading>
      <QueryProblem onRetry={onRetry} />
    </>
  );
}

function ClosedLink({ status }: { status: ClosedResetLink }) {
  const text = resetLinkTexts[status];
  usePageTitle(text.title);
  return (
    <>
      <PageHeading>{text.title}</PageHeading>
      <p>{text.body}</p>
      <p>
        <Link href={`${BASE}/forgot-password`}>Ask for a new link</Link> or <Link href={`${BASE}/sign-in`}>sign in</Link>.
      </p>
    </>
  );
}

function PasswordChanged() {
  usePageTitle("Your password has been changed");
  return (
    <>
      <PageHeading>Your password has been changed</PageHeading>
      <p>You have been signed out on every device. Sign in with your new password.</p>
      <p>
        <Link href={`${BASE}/sign-in`}>Sign in</Link>
      </p>
    </>
  );
}

function NewPasswordForm({ token, onDone }: { token: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const hasErrors = errors.summary.length > 0;
  usePageTitle("Create a new password", hasErrors);

  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: async () => {
        setPassword("");
        setConfirmPassword("");
        // This device's session ended with the others.
        queryClient.setQueryData(trpc.me.get.queryKey(), null);
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        onDone();
      },
      onError: (error) => {
        setErrors(mapTrpcError(error, FIELDS, { online: navigator.onLine, showMessageFor: ["CONFLICT", "NOT_FOUND"] }));
        setAttempt((n) => n + 1);
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ResetPasswordInput.safeParse({ token, password, confirmPassword });
    if (!parsed.success) {
      setErrors(schemaFormErrors(FIELDS, parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors(NO_ERRORS);
    reset.mutate(parsed.data);
  }

  return (
    <>
      {hasErrors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <PageHeading>Create a new password</PageHeading>
      <p>Setting a new password signs you out of Tandem on every device, this one included.</p>
      <form onSubmit={handleSubmit} noValidate>
        <TextInput
          id="password"
          name="password"
          type="password"
          label="New password"
          hint="Your password must be 8 to 128 characters. A few unrelated words make a strong one."
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.fields.password}
        />
        <TextInput
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          label="Confirm new password"
          autoComplete="new-password"
          value={confirmPassword}
          onChange={(event) => setConfirmPassword(event.currentTarget.value)}
          error={errors.fields.confirmPassword}
        />
        <Button type="submit" disabled={reset.isPending} aria-disabled={reset.isPending || undefined}>
          Set new password
        </Button>
      </form>
    </>
  );
}
