// Sign in with email and password. Validation runs first in the browser; the API's answer is
// mapped to the same NHS error pattern. Wrong credentials get one generic message.
import { Button, ErrorSummary, TextInput } from "@tandem/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { mapTrpcError, NO_ERRORS, validateSignIn, type FormErrors } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";

type Field = "email" | "password";
const FIELDS: readonly Field[] = ["email", "password"];

export function SignInForm({ onSignedIn }: { onSignedIn?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  // Bumped on each failed submit so the error summary remounts and takes focus again.
  const [attempt, setAttempt] = useState(0);
  const hasErrors = errors.summary.length > 0;
  usePageTitle("Sign in", hasErrors);

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        setPassword("");
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        onSignedIn?.();
      },
      onError: (error) => {
        setErrors(mapTrpcError(error, FIELDS, { online: navigator.onLine }));
        setAttempt((n) => n + 1);
      },
    }),
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignIn({ email, password });
    setErrors(found);
    if (found.summary.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    signIn.mutate({ email: email.trim(), password });
  }

  return (
    <>
      {hasErrors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <PageHeading>Sign in</PageHeading>
      <p>Sign in to Tandem to see your mentoring schemes.</p>
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
        <TextInput
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.fields.password}
        />
        <Button type="submit" disabled={signIn.isPending} aria-disabled={signIn.isPending || undefined}>
          Sign in
        </Button>
      </form>
      <p>
        <Link href={`${BASE}/forgot-password`}>Forgotten your password?</Link>
      </p>
    </>
  );
}
