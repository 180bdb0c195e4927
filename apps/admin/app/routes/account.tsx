// Your account: change your password (which ends your other sessions) or sign out everywhere.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { ChangePasswordInput } from "@tandem/core";
import { Button, SummaryList, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, guard, requireSignedIn } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { pageTitle } from "../lib/meta";
import { NewPasswordFields } from "../components/new-password-fields";

export const meta: MetaFunction = () => pageTitle("Your account");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { me, headers } = await requireSignedIn(request, context);
  const flash = await takeFlash(request, headers, context);
  return data({ name: me.person.name, email: me.person.email, flash }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller, headers } = await requireSignedIn(request, context);
  const formData = await request.formData();
  if (formData.get("intent") === "sign-out-everywhere") {
    await guard(request, headers, () => caller.auth.signOutEverywhere());
    return redirect("/sign-in", { headers });
  }
  const submission = parseWithZod(formData, { schema: ChangePasswordInput });
  const hidden = ["currentPassword", "newPassword", "confirmPassword"];
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: hidden }), { status: 400, headers });
  }
  try {
    await caller.auth.changePassword(submission.value);
  } catch (error) {
    const errors = formErrorsOrThrow(error, request, headers);
    return data(submission.reply({ ...errors, hideFields: hidden }), { status: 400, headers });
  }
  await setFlash(headers, context, "Your password has been changed. You have been signed out on your other devices.");
  return redirect("/account", { headers });
}

export default function Account() {
  const { name, email, flash } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordInput }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, {
    order: ["currentPassword", "newPassword", "confirmPassword"],
    ids: { currentPassword: "current-password", newPassword: "new-password", confirmPassword: "confirm-password" },
    formErrorTarget: "current-password",
  });

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {flash ? <SuccessBanner>{flash}</SuccessBanner> : null}
        <FormErrorSummary items={items} attempt={attempt} />
        <h1>Your account</h1>
        <SummaryList
          rows={[
            { id: "name", key: "Name", value: name },
            { id: "email", key: "Email address", value: email },
          ]}
        />

        <h2>Change your password</h2>
        <p>Changing your password signs you out on every other device.</p>
        <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
          <TextInput
            id="current-password"
            name={fields.currentPassword.name}
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={fieldError(fields.currentPassword.errors)}
            width={20}
          />
          <NewPasswordFields id="new-password" password={fields.newPassword} confirm={fields.confirmPassword} hint="Your password must be 8 to 128 characters." />
          <Button disabled={navigation.state === "submitting"}>Change password</Button>
        </Form>

        <h2>Sign out of all devices</h2>
        <p>If you think someone else has used your account, sign out everywhere, then change your password.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button variant="secondary">Sign out of all devices</Button>
        </Form>
      </div>
    </div>
  );
}
