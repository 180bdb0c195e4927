// The organisation's module catalogue: courses, masterclasses, programmes, tasters and CPD whose
// codes scheme rules name as mentors' required preparation. Add, edit (?edit=<id>) and delete
// (?delete=<id> asks first, because a module's training records go with it).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { moduleKindLabels, ModuleFields, moduleKindValues } from "@tandem/core";
import { BackLink, Button, InsetText, Radios, Select, Table, Textarea, TextInput, WarningCallout } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { isUuid, requirePreparation } from "../lib/preparation.server";
import { hoursLabel, moduleKindLabel, plural, validityLabel } from "../lib/preparation-words";

export const meta: MetaFunction = ({ matches }) => pageTitle("Module catalogue", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context);
  const [modules, schemes, records] = await Promise.all([
    guard(request, session.headers, () => session.caller.preparation.modules(session.org)),
    guard(request, session.headers, () => session.caller.scheme.list(session.org)),
    guard(request, session.headers, () => session.caller.preparation.records(session.org)),
  ]);
  const url = new URL(request.url);
  const editing = modules.find((m) => m.id === url.searchParams.get("edit")) ?? null;
  const deleting = modules.find((m) => m.id === url.searchParams.get("delete")) ?? null;
  const schemeNames = new Map(schemes.map((s) => [s.id, s.name]));
  const flash = await takeFlash(request, session.headers, context);
  return data(
    {
      organisationName: session.organisation.organisationName,
      modules: modules.map((m) => ({
        id: m.id,
        code: m.code,
        name: m.name,
        kind: m.kind,
        hours: m.hours,
        validityMonths: m.validityMonths,
        description: m.description,
        schemeId: m.schemeId,
        schemeName: m.schemeId ? (schemeNames.get(m.schemeId) ?? null) : null,
      })),
      schemes: schemes.map((s) => ({ id: s.id, name: s.name })),
      editingId: editing?.id ?? null,
      deleting: deleting ? { id: deleting.id, name: deleting.name, records: records.filter((r) => r.moduleId === deleting.id).length } : null,
      flash,
    },
    { headers: session.headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePreparation(request, context);
  const formData = await request.formData();
  const moduleId = formData.get("moduleId");

  if (formData.get("intent") === "delete") {
    if (isUuid(moduleId)) {
      await guard(request, session.headers, () => session.caller.preparation.deleteModule({ ...session.org, moduleId }));
      await setFlash(session.headers, context, `${String(formData.get("moduleName") ?? "Module")} deleted`);
    }
    return redirect("/preparation/modules", { headers: session.headers });
  }

  const submission = parseWithZod(formData, { schema: ModuleFields });
  if (submission.status !== "success") return data(submission.reply(), { status: 400, headers: session.headers });
  try {
    await session.caller.preparation.saveModule({
      ...session.org,
      moduleId: isUuid(moduleId) ? moduleId : undefined,
      fields: { ...submission.value, validityMonths: submission.value.validityMonths ?? null, schemeId: submission.value.schemeId ?? null },
    });
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, session.headers)), { status: 400, headers: session.headers });
  }
  await setFlash(session.headers, context, `${submission.value.name} ${isUuid(moduleId) ? "updated" : "added to the catalogue"}`);
  return redirect("/preparation/modules", { headers: session.headers });
}

const order = ["code", "name", "kind", "hours", "validityMonths", "description", "schemeId"];

export default function ModuleCatalogue() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const editing = page.modules.find((m) => m.id === page.editingId) ?? null;
  const [form, fields] = useForm({
    id: editing ? `module-${editing.id}` : "module-new",
    lastResult,
    defaultValue: editing
      ? {
          code: editing.code,
          name: editing.name,
          kind: editing.kind,
          hours: String(editing.hours),
          validityMonths: editing.validityMonths ? String(editing.validityMonths) : "",
          description: editing.description ?? "",
          schemeId: editing.schemeId ?? "",
        }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ModuleFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order, formErrorTarget: "code" });
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);

  return (
    <>
      <BackLink href="/preparation">Back to mentor preparation</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <FormErrorSummary items={items} attempt={attempt} />
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Module catalogue</h1>
      <p>Scheme rules name required modules by their code, so a mentor&apos;s completion counts once its code matches.</p>

      {page.deleting ? (
        <WarningCallout heading={`Delete ${page.deleting.name}?`} headingLevel="h2">
          <p>
            {page.deleting.records
              ? `This also deletes ${plural(page.deleting.records, "training record", "training records")} of this module, and mentors who need it will show as not ready.`
              : "No training records use this module."}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="moduleId" value={page.deleting.id} />
            <input type="hidden" name="moduleName" value={page.deleting.name} />
            <Button variant="warning" disabled={navigation.state !== "idle"}>
              Yes, delete module
            </Button>{" "}
            <a href="/preparation/modules" className="nhsuk-u-margin-left-3">
              Cancel
            </a>
          </Form>
        </WarningCallout>
      ) : null}

      {page.modules.length ? (
        <Table
          caption="Modules"
          head={["Name", "Code", "Kind", "Hours", "Valid for", "Scheme", "Action"]}
          firstCellIsHeader
          rowKeys={page.modules.map((m) => m.id)}
          rows={page.modules.map((m) => [
            m.name,
            <code key="code">{m.code}</code>,
            moduleKindLabel(m.kind),
            hoursLabel(m.hours),
            validityLabel(m.validityMonths),
            m.schemeName ?? "All schemes",
            <span key="actions">
              <a href={`/preparation/modules?edit=${m.id}#code`}>
                Edit<span className="nhsuk-u-visually-hidden"> {m.name}</span>
              </a>{" "}
              <a href={`/preparation/modules?delete=${m.id}`} className="nhsuk-u-margin-left-2">
                Delete<span className="nhsuk-u-visually-hidden"> {m.name}</span>
              </a>
            </span>,
          ])}
        />
      ) : (
        <>
          <h2>Modules</h2>
          <InsetText>
            <p>The catalogue is empty. Add the modules your schemes require below.</p>
          </InsetText>
        </>
      )}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>{editing ? `Edit ${editing.name}` : "Add a module"}</h2>
          <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
            {editing ? <input type="hidden" name="moduleId" value={editing.id} /> : null}
            <TextInput
              id="code"
              name={fields.code.name}
              label="Code"
              hint="Lower-case letters, numbers and hyphens, like masterclass. Scheme rules use it."
              spellCheck={false}
              autoComplete="off"
              defaultValue={text(fields.code.initialValue)}
              error={fieldError(fields.code.errors)}
              width={20}
            />
            <TextInput
              id="name"
              name={fields.name.name}
              label="Name"
              autoComplete="off"
              defaultValue={text(fields.name.initialValue)}
              error={fieldError(fields.name.errors)}
            />
            <Radios
              idPrefix="kind"
              name={fields.kind.name}
              legend="Kind"
              error={fieldError(fields.kind.errors)}
              defaultValue={text(fields.kind.initialValue)}
              items={moduleKindValues.map((kind) => ({ value: kind, label: moduleKindLabels[kind] }))}
            />
            <TextInput
              id="hours"
              name={fields.hours.name}
              label="Hours"
              hint="Training hours, for CPD evidence. For example, 10.5"
              inputMode="decimal"
              defaultValue={text(fields.hours.initialValue)}
              error={fieldError(fields.hours.errors)}
              width={4}
            />
            <TextInput
              id="validityMonths"
              name={fields.validityMonths.name}
              label="Valid for (months, optional)"
              hint="Leave empty if it never needs renewing."
              inputMode="numeric"
              defaultValue={text(fields.validityMonths.initialValue)}
              error={fieldError(fields.validityMonths.errors)}
              width={4}
            />
            <Textarea
              id="description"
              name={fields.description.name}
              label="Description (optional)"
              rows={3}
              defaultValue={text(fields.description.initialValue)}
              error={fieldError(fields.description.errors)}
            />
            <Select
              id="schemeId"
              name={fields.schemeId.name}
              label="Scheme (optional)"
              hint="Leave as all schemes unless only one scheme uses this module."
              defaultValue={text(fields.schemeId.initialValue) ?? ""}
              error={fieldError(fields.schemeId.errors)}
              options={[{ value: "", text: "All schemes" }, ...page.schemes.map((s) => ({ value: s.id, text: s.name }))]}
            />
            <Button disabled={navigation.state !== "idle"}>{editing ? "Save module" : "Add module"}</Button>
            {editing ? (
              <a href="/preparation/modules" className="nhsuk-u-margin-left-3">
                Cancel
              </a>
            ) : null}
          </Form>
        </div>
      </div>
    </>
  );
}
