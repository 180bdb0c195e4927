// Invite a person to the active organisation by email, with their roles.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { InvitePersonFields } from "@tandem/core";
import { BackLink, Button, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, requireOrganisation } from "../lib/api.server";
import { setFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { RoleCheckboxes } from "../lib/role-checkboxes";

export const meta: MetaFunction = ({ matches }) => pageTitle("Invite a person", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { headers, organisation } = await requireOrganisation(request, context, ["org_admin"]);
  return data({ organisationName: organisation.organisationName }, { headers });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, ["org_admin"]);
  const submission = parseWithZod(await request.formData(), { schema: InvitePersonFields });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400, headers });
  }
  try {
    await caller.organisation.invite({ organisationId: organisation.organisationId, ...submission.value });
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, headers)), { status: 400, headers });
  }
  await setFlash(headers, context, `Invitation sent to ${submission.value.email}`);
  return redirect("/people", { headers });
}

export default function InvitePerson() {
  const { organisationName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InvitePersonFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["name", "email", "roles"], formErrorTarget: "name" });
  const initialRoles = fields.roles.initialValue;

  return (
    <>
      <BackLink href="/people">Back to people</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary items={items} attempt={attempt} />
          <span className="nhsuk-caption-l">{organisationName}</span>
          <h1>Invite a person</h1>
          <p>We will email them a link to join. The link works once and expires after 14 days.</p>
          <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
            <TextInput
              id="name"
              name={fields.name.name}
              label="Full name"
              autoComplete="off"
              spellCheck={false}
              defaultValue={typeof fields.name.initialValue === "string" ? fields.name.initialValue : undefined}
              error={fieldError(fields.name.errors)}
              width={30}
            />
            <TextInput
              id="email"
              name={fields.email.name}
              label="Email address"
              type="email"
              autoComplete="off"
              spellCheck={false}
              defaultValue={typeof fields.email.initialValue === "string" ? fields.email.initialValue : undefined}
              error={fieldError(fields.email.errors)}
              width={30}
            />
            <RoleCheckboxes
              name={fields.roles.name}
              selected={Array.isArray(initialRoles) ? initialRoles : typeof initialRoles === "string" ? [initialRoles] : []}
              error={fieldError(fields.roles.errors)}
            />
            <Button disabled={navigation.state === "submitting"}>Send invitation</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
