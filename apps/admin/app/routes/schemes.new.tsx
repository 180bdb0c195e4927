// Create a scheme from one of the templates; its rules editor opens next.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { CreateSchemeFields } from "@tandem/core";
import { BackLink, Button, Radios, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, guard, requireOrganisation } from "../lib/api.server";
import { setFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { schemeRunners } from "../lib/scheme-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle("Create a scheme", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, schemeRunners);
  const templates = await guard(request, headers, () => caller.scheme.templates());
  return data(
    {
      organisationName: organisation.organisationName,
      templates: templates.map((t) => ({ id: t.id, name: t.name, summary: t.summary })),
    },
    { headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, schemeRunners);
  const submission = parseWithZod(await request.formData(), { schema: CreateSchemeFields });
  if (submission.status !== "success") {
    return data(submission.reply(), { status: 400, headers });
  }
  let created: { schemeId: string };
  try {
    created = await caller.scheme.create({ organisationId: organisation.organisationId, ...submission.value });
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, headers)), { status: 400, headers });
  }
  await setFlash(headers, context, `${submission.value.name} created. Check its rules, then publish it.`);
  return redirect(`/schemes/${created.schemeId}/rules`, { headers });
}

export default function NewScheme() {
  const { organisationName, templates } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-scheme",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchemeFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["templateId", "name"], formErrorTarget: "templateId" });
  const initialTemplate = fields.templateId.initialValue;
  const initialName = fields.name.initialValue;

  return (
    <>
      <BackLink href="/schemes">Back to schemes</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <FormErrorSummary items={items} attempt={attempt} />
          <span className="nhsuk-caption-l">{organisationName}</span>
          <h1>Create a scheme</h1>
          <p>Start from the template closest to your scheme. You can change every rule before you publish it.</p>
          <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
            <Radios
              idPrefix="templateId"
              name={fields.templateId.name}
              legend="Template"
              legendSize="m"
              error={fieldError(fields.templateId.errors)}
              defaultValue={typeof initialTemplate === "string" ? initialTemplate : undefined}
              items={templates.map((t) => ({ value: t.id, label: t.name, hint: t.summary }))}
            />
            <TextInput
              id="name"
              name={fields.name.name}
              label="Scheme name"
              hint="People see this name in the app and the public directory."
              spellCheck
              defaultValue={typeof initialName === "string" ? initialName : undefined}
              error={fieldError(fields.name.errors)}
              width={30}
            />
            <Button disabled={navigation.state === "submitting"}>Create scheme</Button>
          </Form>
        </div>
      </div>
    </>
  );
}
