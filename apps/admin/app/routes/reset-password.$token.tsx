// The link in a password reset email (public): set a new password. Setting it ends every session of
// the person, then sends them to sign in. Used, replaced, expired and unknown links get a clear page.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useParams, type MetaFunction } from "@remix-run/react";
import { resetLinkTexts, ResetPasswordInput, type ClosedResetLink } from "@tandem/core";
import { Button, TextInput } from "@tandem/ui";
import { api, apiError, formErrorsOrThrow } from "../lib/api.server";
import { setFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { pageTitle } from "../lib/meta";
import { passwordResetFlash } from "../lib/password-reset";

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  pageTitle(page && page.status !== "ready" ? resetLinkTexts[page.status].title : "Create a new password");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { caller, headers } = await api(request, context);
  try {
    const { status } = await caller.auth.passwordReset({ token: params.token ?? "" });
    return data({ status }, { status: status === "ready" ? 200 : status === "invalid" ? 404 : 410, headers });
  } catch (error) {
    if (apiError(error)?.code === "BAD_REQUEST") return data({ status: "invalid" as const }, { status: 404, headers });
    throw error;
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { caller, headers } = await api(request, context);
  const formData = await request.formData();
  // The link is the one in the address, whatever the form says.
  formData.set("token", params.token ?? "");
  const submission = parseWithZod(formData, { schema: ResetPasswordInput });
  const hidden = ["password", "confirmPassword"];
  if (submission.status !== "success") return data(submission.reply({ hideFields: hidden }), { status: 400, headers });
  try {
    await caller.auth.resetPassword(submission.value);
  } catch (error) {
    const errors = formErrorsOrThrow(error, request, headers, ["NOT_FOUND"]);
    return data(submission.reply({ ...errors, hideFields: hidden }), { status: 400, headers });
  }
  await setFlash(headers, context, passwordResetFlash);
  throw redirect("/sign-in", { headers });
}

export default function ResetPassword() {
  const page = useLoaderData<typeof loader>();
  if (page.status !== "ready") return <ClosedLink status={page.status} />;
  return <NewPasswordForm />;
}

function ClosedLink({ status }: { status: ClosedResetLink }) {
  const text = resetLinkTexts[status];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <p>
          <a href="/forgot-password">Ask for a new link</a> or <a href="/sign-in">sign in</a>.
        </p>
      </div>
    </div>
  );
}

function NewPasswordForm() {
  const params = useParams();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordInput }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, {
    order: ["password", "confirmPassword"],
    ids: { password: "password", confirmPassword: "confirm-password" },
    formErrorTarget: "password",
  });
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary items={items} attempt={attempt} />
        <h1>Create a new password</h1>
        <p>Setting a new password signs you out of Tandem on every device, this one included.</p>
        <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
          <input type="hidden" name="token" value={params.token ?? ""} />
          <TextInput
            id="password"
            name={fields.password.name}
            label="New password"
            hint="Your password must be 8 to 128 characters. A few unrelated words make a strong one."
            type="password"
            autoComplete="new-password"
            error={fieldError(fields.password.errors)}
            width={20}
          />
          <TextInput
            id="confirm-password"
            name={fields.confirmPassword.name}
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            error={fieldError(fields.confirmPassword.errors)}
            width={20}
          />
          <Button disabled={navigation.state === "submitting"}>Set new password</Button>
        </Form>
      </div>
    </div>
  );
}
