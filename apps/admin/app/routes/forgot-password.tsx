// Ask for a link to reset a forgotten password (public). The confirmation is the same whether or not
// the address has an account, so the page never tells anyone who uses Tandem.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { RequestPasswordResetInput } from "@tandem/core";
import { Button, InsetText, TextInput } from "@tandem/ui";
import { api, formErrorsOrThrow } from "../lib/api.server";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { pageTitle } from "../lib/meta";

const sentPrefix = "password-reset-sent:";

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  pageTitle(page?.sentTo ? "Check your email" : "Reset your password");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = new Headers();
  const flash = await takeFlash(request, headers, context);
  const sentTo = flash?.startsWith(sentPrefix) ? flash.slice(sentPrefix.length) : null;
  return data({ sentTo }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  formData.set("app", "portal");
  const submission = parseWithZod(formData, { schema: RequestPasswordResetInput });
  const { caller, headers } = await api(request, context);
  if (submission.status !== "success") return data(submission.reply(), { status: 400, headers });
  try {
    await caller.auth.requestPasswordReset(submission.value);
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, headers)), { status: 400, headers });
  }
  // Post, redirect, get: reloading the confirmation does not send another email.
  await setFlash(headers, context, `${sentPrefix}${submission.value.email}`);
  throw redirect("/forgot-password", { headers });
}

export default function ForgotPassword() {
  const { sentTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestPasswordResetInput }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["email"], formErrorTarget: "email" });

  if (sentTo) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>Check your email</h1>
          <p>
            If <strong className="tandem-break-anywhere">{sentTo}</strong> has a Tandem account, we have sent it a link to reset
            the password.
          </p>
          <p>The link works once, for 30 minutes. Setting a new password signs you out on every device.</p>
          <InsetText>
            <p>
              No email after a few minutes? Check your spam folder and that you typed the address your organisation
              invited. Then <a href="/forgot-password">ask for another link</a>.
            </p>
          </InsetText>
          <p>
            <a href="/sign-in">Back to sign in</a>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary items={items} attempt={attempt} />
        <h1>Reset your password</h1>
        <p>Enter the email address you sign in with. We will email you a link to set a new password.</p>
        <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
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
          <Button disabled={navigation.state === "submitting"}>Send the link</Button>
        </Form>
        <p>
          <a href="/sign-in">Back to sign in</a>
        </p>
      </div>
    </div>
  );
}
