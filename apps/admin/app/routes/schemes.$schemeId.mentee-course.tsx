// The scheme's mentee preparation course (SPEC principle 7): the pages its mentees read before
// matching, each starting from the product's default and editable here (?edit=<page>), and which
// mentees have finished it. Coordinators see done or not done only.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { MenteeCoursePageFields, MenteeCoursePageKey, menteePreparationLabels } from "@tandem/core";
import { BackLink, Button, InsetText, SummaryList, Table, Tag, Textarea, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { plural } from "../lib/preparation-words";
import { requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Mentee preparation course: ${page.scheme.name}` : "Mentee preparation course", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const course = await guard(request, runner.headers, () => runner.caller.menteeCourse.forScheme(runner.ref));
  const edit = new URL(request.url).searchParams.get("edit");
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      ...course,
      editing: course.pages.find((p) => p.key === edit)?.key ?? null,
      flash,
    },
    { headers: runner.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const formData = await request.formData();
  const back = `/schemes/${runner.schemeId}/mentee-course`;
  if (formData.get("intent") === "restore") {
    const key = MenteeCoursePageKey.safeParse(formData.get("key"));
    if (!key.success) throw new Response(null, { status: 400, headers: runner.headers });
    await guard(request, runner.headers, () => runner.caller.menteeCourse.restorePage({ ...runner.ref, key: key.data }));
    await setFlash(runner.headers, context, "The page is back to the default wording");
    return redirect(back, { headers: runner.headers });
  }
  const submission = parseWithZod(formData, { schema: MenteeCoursePageFields });
  if (submission.status !== "success") return data(submission.reply(), { status: 400, headers: runner.headers });
  try {
    await runner.caller.menteeCourse.savePage({ ...runner.ref, ...submission.value });
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, runner.headers)), { status: 400, headers: runner.headers });
  }
  await setFlash(runner.headers, context, `"${submission.value.title}" saved. Mentees see it now.`);
  return redirect(back, { headers: runner.headers });
}

export default function MenteeCourseEditor() {
  const page = useLoaderData<typeof loader>();
  const base = `/schemes/${page.scheme.id}`;
  const done = page.mentees.filter((m) => m.done).length;

  return (
    <>
      <BackLink href={base}>Back to {page.scheme.name}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <span className="nhsuk-caption-l">{page.scheme.name}</span>
      <h1>Mentee preparation course</h1>
      <p>
        Mentees read these pages in the app before they are matched, and mark each one done. Each page starts from
        Tandem&apos;s wording; change it to say how your scheme works.
      </p>
      <SummaryList
        rows={[
          {
            id: "preparation",
            key: "In the rules",
            value:
              page.preparation === "required"
                ? "Required: mentees are not matched until they have finished"
                : page.preparation === "offered"
                  ? "Offered: mentees may take it; matching does not wait"
                  : `${menteePreparationLabels.none}: mentees do not see the course (change it in the rules)`,
          },
          { id: "done", key: "Mentees who have finished", value: `${done} of ${page.mentees.length}` },
        ]}
      />

      {page.editing ? <EditPage /> : null}

      <Table
        caption="Pages"
        captionSize="m"
        head={["Page", "Wording", "Action"]}
        firstCellIsHeader
        rowKeys={page.pages.map((p) => p.key)}
        rows={page.pages.map((p) => [
          p.title,
          p.edited ? <Tag key="w" colour="blue">Your wording</Tag> : <Tag key="w" colour="grey">Tandem&apos;s default</Tag>,
          <span key="a">
            <a href={`${base}/mentee-course?edit=${p.key}#title`}>
              Edit<span className="nhsuk-u-visually-hidden"> {p.title}</span>
            </a>
            {p.edited ? (
              <Form method="post" className="nhsuk-u-margin-top-2">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="key" value={p.key} />
                <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0">
                  Use the default<span className="nhsuk-u-visually-hidden"> for {p.title}</span>
                </button>
              </Form>
            ) : null}
          </span>,
        ])}
      />

      <h2>Mentees</h2>
      {page.mentees.length ? (
        <Table
          caption={`${plural(page.mentees.length, "mentee", "mentees")} in the scheme`}
          captionSize="s"
          head={["Mentee", "Course"]}
          firstCellIsHeader
          rowKeys={page.mentees.map((m) => m.enrolmentId)}
          rows={page.mentees.map((m) => [m.name, m.done ? <Tag key="d" colour="green">Done</Tag> : <Tag key="d" colour="grey">Not done</Tag>])}
        />
      ) : (
        <InsetText>
          <p>No mentees have joined this scheme yet.</p>
        </InsetText>
      )}
    </>
  );
}

function EditPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const editing = page.pages.find((p) => p.key === page.editing)!;
  const [form, fields] = useForm({
    id: `course-${editing.key}`,
    lastResult,
    defaultValue: { key: editing.key, title: editing.title, body: editing.body },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MenteeCoursePageFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["title", "body"], formErrorTarget: "title" });
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <FormErrorSummary items={items} attempt={attempt} />
        <h2>Edit &ldquo;{editing.title}&rdquo;</h2>
        <Form method="post" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
          <input type="hidden" name="key" value={editing.key} />
          <TextInput id="title" name={fields.title.name} label="Title" defaultValue={text(fields.title.initialValue)} error={fieldError(fields.title.errors)} autoComplete="off" />
          <Textarea
            id="body"
            name={fields.body.name}
            label="Text"
            hint="Leave a blank line between paragraphs. Start a line with a hyphen and a space (- ) for a bullet point."
            rows={14}
            defaultValue={text(fields.body.initialValue)}
            error={fieldError(fields.body.errors)}
          />
          <Button disabled={navigation.state !== "idle"}>Save page</Button>
          <a href={`/schemes/${page.scheme.id}/mentee-course`} className="nhsuk-u-margin-left-3">
            Cancel
          </a>
        </Form>
      </div>
    </div>
  );
}
