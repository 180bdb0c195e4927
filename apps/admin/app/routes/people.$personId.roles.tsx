// Change a member's roles in the active organisation. The API refuses to remove the last org admin.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { SetRolesFields } from "@tandem/core";
import { BackLink, Button } from "@tandem/ui";
import { formErrorsOrThrow, guard, requireOrganisation } from "../lib/api.server";
import { setFlash } from "../lib/flash.server";
import { errorItems, FormErrorSummary, fieldError, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { RoleCheckboxes } from "../lib/role-checkboxes";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Change roles for ${page.member.name}` : "Change roles", organisationNameFrom(matches));

async function findMember(request: Request, context: LoaderFunctionArgs["context"], personId: string | undefined) {
  const session = await requireOrganisation(request, context, ["org_admin"]);
  const { caller, headers, organisation } = session;
  const people = await guard(request, headers, () =>
    caller.organisation.people({ organisationId: organisation.organisationId }),
  );
  const member = people.members.find((m) => m.personId === personId);
  if (!member) throw new Response(null, { status: 404, statusText: "Not Found", headers });
  return { ...session, member };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { headers, organisation, member } = await findMember(request, context, params.personId);
  return data(
    {
      organisationName: organisation.organisationName,
      member: { personId: member.personId, name: member.name, email: member.email, roles: member.roles },
    },
    { headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { caller, headers, organisation, member } = await findMember(request, context, params.personId);
  const formData = await request.formData();
  formData.set("personId", member.personId);
  const submission = parseWithZod(formData, { schema: SetRolesFields });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400, headers });
  }
  try {
    await caller.organisation.setRoles({ organisationId: organisation.organisationId, ...submission.value });
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, headers)), { status: 400, headers });
  }
  await setFlash(headers, context, `Roles updated for ${member.name}`);
  return redirect("/people", { headers });
}

export default function ChangeRoles() {
  const { organisationName, member } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "roles-form",
    lastResult,
    defaultValue: { personId: member.personId, roles: member.roles },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetRolesFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["roles"], formErrorTarget: "roles" });
  const initialRoles = fields.roles.initialValue;

  return (
    <>
      <BackLink href="/people">Back to people</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary items={items} attempt={attempt} />
          <span className="nhsuk-caption-l">{organisationName}</span>
          <h1>Change roles for {member.name}</h1>
          <p>{member.email}</p>
          <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
            <input type="hidden" name="personId" value={member.personId} />
            <RoleCheckboxes
              name={fields.roles.name}
              selected={Array.isArray(initialRoles) ? initialRoles : typeof initialRoles === "string" ? [initialRoles] : []}
              error={fieldError(fields.roles.errors)}
            />
            <Button disabled={navigation.state === "submitting"}>Save roles</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
