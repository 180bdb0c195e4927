// Sign in with email and password; afterwards go back where the person was heading (same site only).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { SignInInput } from "@tandem/core";
import { Button, TextInput } from "@tandem/ui";
import { api, formErrorsOrThrow, safeRedirect } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { pageTitle } from "../lib/meta";
import { passwordResetFlash } from "../lib/password-reset";

export const meta: MetaFunction = () => pageTitle("Sign in");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers } = await api(request, context);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await caller.me.get()) throw redirect(redirectTo, { headers });
  const passwordReset = (await takeFlash(request, headers, context)) === passwordResetFlash;
  return data({ redirectTo, passwordReset }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInInput });
  const { caller, headers } = await api(request, context);
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400, headers });
  }
  try {
    await caller.auth.signIn(submission.value);
  } catch (error) {
    // A wrong password is UNAUTHORIZED: here it is a message for the form, not a redirect.
    const errors = formErrorsOrThrow(error, request, headers, ["UNAUTHORIZED"]);
    return data(submission.reply({ ...errors, hideFields: ["password"] }), { status: 400, headers });
  }
  throw redirect(safeRedirect(formData.get("redirectTo")), { headers });
}

export default function SignIn() {
  const { redirectTo, passwordReset } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInInput }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["email", "password"], formErrorTarget: "email" });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary items={items} attempt={attempt} />
        {passwordReset && !lastResult ? (
          <SuccessBanner>Your password has been changed. Sign in with your new password.</SuccessBanner>
        ) : null}
        <h1>Sign in</h1>
        <p>
          Sign in to run your organisation’s mentoring schemes (rules, enrolments, matching and mentor preparation) and to
          manage its people and audit log.
        </p>
        <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            id="email"
            name={fields.email.name}
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : undefined}
            error={fieldError(fields.email.errors)}
            width={30}
          />
          <TextInput
            id="password"
            name={fields.password.name}
            label="Password"
            type="password"
            autoComplete="current-password"
            error={fieldError(fields.password.errors)}
            width={20}
          />
          <Button disabled={navigation.state === "submitting"}>Sign in</Button>
        </Form>
        <p>
          <a href="/forgot-password">Forgotten your password?</a>
        </p>
        <p>
          New to Tandem? Your organisation’s admin sends you an invitation by email. Follow its link to
          create your password.
        </p>
      </div>
    </div>
  );
}
