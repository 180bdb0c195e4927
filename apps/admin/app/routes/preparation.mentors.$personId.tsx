// One mentor's preparation: readiness in each scheme they mentor in, training records (verify,
// evidence), recording a completion with an optional evidence file, support events attended, peer
// appraisal due dates and the history of approval decisions. `?scheme=<id>` puts that scheme first.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { readinessStatus, RecordCompletionFields } from "@tandem/core";
import { BackLink, Button, InsetText, Select, SummaryList, Table, Textarea, TextInput } from "@tandem/ui";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDateTime } from "../lib/format";
import { errorItems, fieldError, FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import { allPools, chosenFile, fileAsBase64, idOr404, isUuid, requirePreparation, todayIso } from "../lib/preparation.server";
import {
  attendanceWords,
  decisionWords,
  dueLabel,
  eventKindLabel,
  formatDay,
  hoursLabel,
  ReadinessTag,
  recordSourceWords,
} from "../lib/preparation-words";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `${page.person.name}: mentor preparation` : "Mentor preparation", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const session = await requirePreparation(request, context);
  const personId = idOr404(params.personId, session.headers);
  const people = await guard(request, session.headers, () => session.caller.organisation.people(session.org));
  const person = people.members.find((m) => m.personId === personId);
  if (!person) throw new Response(null, { status: 404, statusText: "Not Found", headers: session.headers });

  const [pools, records, modules, events] = await Promise.all([
    allPools(request, session),
    guard(request, session.headers, () => session.caller.preparation.records({ ...session.org, personId })),
    guard(request, session.headers, () => session.caller.preparation.modules(session.org)),
    guard(request, session.headers, () => session.caller.preparation.events(session.org)),
  ]);
  const chosen = new URL(request.url).searchParams.get("scheme");
  const schemes = pools
    .flatMap(({ scheme, pool }) => {
      const mentor = pool.mentors.find((m) => m.personId === personId);
      return mentor ? [{ scheme, mentor }] : [];
    })
    .sort((a, b) => Number(b.scheme.id === chosen) - Number(a.scheme.id === chosen));
  const withApprovals = await Promise.all(
    schemes.map(async ({ scheme, mentor }) => ({
      id: scheme.id,
      name: scheme.name,
      status: readinessStatus(mentor.readiness),
      reasons: mentor.readiness.reasonTexts,
      upcoming: mentor.readiness.upcoming.map(dueLabel),
      appraisal:
        mentor.readiness.reasons.find((r) => r.code === "appraisal_due")?.since ??
        mentor.readiness.upcoming.find((u) => u.code === "appraisal_due")?.on ??
        null,
      appraisalOverdue: mentor.readiness.reasons.some((r) => r.code === "appraisal_due"),
      approvals: (
        await guard(request, session.headers, () => session.caller.preparation.approvals({ ...session.org, schemeId: scheme.id, personId }))
      ).map((a) => ({ decision: a.decision, note: a.messageToMentor, decidedAt: a.decidedAt, decidedBy: a.decidedBy })),
    })),
  );
  const flash = await takeFlash(request, session.headers, context);
  return data(
    {
      organisationName: session.organisation.organisationName,
      person: { id: person.personId, name: person.name, email: person.email },
      schemes: withApprovals,
      records: records.map((r) => ({
        id: r.id,
        moduleName: r.moduleName,
        hours: r.hours,
        completedOn: r.completedOn,
        provider: r.provider,
        evidenceNote: r.evidenceNote,
        evidenceFileId: r.evidenceFileId,
        source: r.source,
        verifiedOn: r.verifiedOn,
      })),
      modules: modules.map((m) => ({ id: m.id, name: m.name, code: m.code })),
      events: events.flatMap((e) => {
        const entry = e.register.find((r) => r.personId === personId);
        return entry ? [{ id: e.id, title: e.title, kind: e.kind, heldOn: e.heldOn, status: entry.status }] : [];
      }),
      flash,
    },
    { headers: session.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await requirePreparation(request, context);
  const personId = idOr404(params.personId, session.headers);
  const url = new URL(request.url);
  const here = `/preparation/mentors/${personId}${url.search}`;
  const formData = await request.formData();

  if (formData.get("intent") === "verify") {
    const recordId = formData.get("recordId");
    if (isUuid(recordId)) {
      await guard(request, session.headers, () => session.caller.preparation.verifyRecord({ ...session.org, recordId }));
      await setFlash(session.headers, context, `${String(formData.get("moduleName") ?? "Record")} verified`);
    }
    return redirect(here, { headers: session.headers });
  }

  const submission = parseWithZod(formData, { schema: RecordCompletionFields });
  if (submission.status !== "success") return data(submission.reply(), { status: 400, headers: session.headers });
  if (submission.value.completedOn > todayIso()) {
    return data(submission.reply({ fieldErrors: { completedOn: ["The date it was completed must be today or in the past"] } }), {
      status: 400,
      headers: session.headers,
    });
  }
  let evidenceFileId: string | undefined;
  const file = chosenFile(formData.get("evidenceFile"));
  if (file) {
    if (file.size > 5 * 1024 * 1024) {
      return data(submission.reply({ fieldErrors: { evidenceFile: ["The selected file must be smaller than 5 MB"] } }), { status: 400, headers: session.headers });
    }
    try {
      const stored = await session.caller.preparation.uploadEvidence({ ...session.org, personId, filename: file.name, contentBase64: await fileAsBase64(file) });
      evidenceFileId = stored.evidenceFileId;
    } catch (error) {
      const problem = formErrorsOrThrow(error, request, session.headers);
      const message = Object.values(problem.fieldErrors).flat()[0] ?? problem.formErrors[0] ?? "The file could not be stored";
      return data(submission.reply({ fieldErrors: { evidenceFile: [message] } }), { status: 400, headers: session.headers });
    }
  }
  try {
    await session.caller.preparation.recordCompletion({ ...session.org, ...submission.value, personId, evidenceFileId });
  } catch (error) {
    return data(submission.reply(formErrorsOrThrow(error, request, session.headers)), { status: 400, headers: session.headers });
  }
  await setFlash(session.headers, context, "Completion recorded");
  return redirect(here, { headers: session.headers });
}

export default function MentorPreparation() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const [form, fields] = useForm({
    id: "record-completion",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecordCompletionFields }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { attempt, wrap } = useSubmitAttempt(lastResult);
  const items = errorItems(form, { order: ["moduleId", "completedOn", "evidenceNote", "evidenceFile"], formErrorTarget: "moduleId" });
  const fileError = form.allErrors.evidenceFile?.[0];
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const first = page.schemes[0];

  return (
    <>
      <BackLink href={first ? `/preparation/pool/${first.id}` : "/preparation"}>
        {first ? `Back to the mentor pool of ${first.name}` : "Back to mentor preparation"}
      </BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <FormErrorSummary items={items} attempt={attempt} />
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>{page.person.name}</h1>
      <p>{page.person.email}</p>

      <h2>Readiness</h2>
      {page.schemes.length ? (
        page.schemes.map((s) => (
          <section key={s.id} aria-labelledby={`scheme-${s.id}`}>
            <h3 id={`scheme-${s.id}`}>
              {s.name} <ReadinessTag status={s.status} />
            </h3>
            <SummaryList
              rows={[
                { id: "reasons", key: "Why not ready", value: s.reasons.length ? <List items={s.reasons} /> : "Nothing: ready to mentor" },
                { id: "upcoming", key: "Coming up", value: s.upcoming.length ? <List items={s.upcoming} /> : "Nothing due" },
                {
                  id: "appraisal",
                  key: "Peer appraisal",
                  value: s.appraisal ? `${s.appraisalOverdue ? "Due since" : "Next due on"} ${formatDay(s.appraisal)}` : "Not required by this scheme",
                },
                {
                  id: "approvals",
                  key: "Approval history",
                  value: s.approvals.length ? (
                    <ul className="nhsuk-list">
                      {s.approvals.map((a) => (
                        <li key={String(a.decidedAt)}>
                          {decisionWords[a.decision] ?? a.decision} by {a.decidedBy ?? "a former coordinator"} on {formatDateTime(a.decidedAt)}
                          {a.note ? `. Note to the mentor: “${a.note}”` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "No decisions yet"
                  ),
                },
              ]}
            />
            <p>
              <a href={`/preparation/pool/${s.id}`}>
                Approve or decline in the mentor pool<span className="nhsuk-u-visually-hidden"> of {s.name}</span>
              </a>
            </p>
          </section>
        ))
      ) : (
        <InsetText>
          <p>{page.person.name} is not a mentor in any of this organisation&apos;s schemes.</p>
        </InsetText>
      )}

      {page.records.length ? (
        <Table
          caption="Training records"
          head={["Module", "Completed", "Hours", "Source", "Evidence", "Verified"]}
          firstCellIsHeader
          rowKeys={page.records.map((r) => r.id)}
          rows={page.records.map((r) => [
            r.moduleName,
            formatDay(r.completedOn),
            hoursLabel(r.hours),
            `${recordSourceWords[r.source] ?? r.source}${r.provider ? ` (${r.provider})` : ""}`,
            <span key="evidence">
              {r.evidenceNote ?? ""}
              {r.evidenceNote && r.evidenceFileId ? " " : ""}
              {r.evidenceFileId ? (
                <a href={`/evidence/${r.evidenceFileId}`}>
                  Download evidence<span className="nhsuk-u-visually-hidden"> for {r.moduleName}</span>
                </a>
              ) : null}
              {!r.evidenceNote && !r.evidenceFileId ? "None" : null}
            </span>,
            r.verifiedOn ? (
              formatDay(r.verifiedOn)
            ) : (
              <Form key="verify" method="post" className="tandem-inline-form">
                <input type="hidden" name="intent" value="verify" />
                <input type="hidden" name="recordId" value={r.id} />
                <input type="hidden" name="moduleName" value={r.moduleName} />
                <Button small className="nhsuk-u-margin-bottom-0" disabled={busy}>
                  Verify<span className="nhsuk-u-visually-hidden"> {r.moduleName}</span>
                </Button>
              </Form>
            ),
          ])}
        />
      ) : (
        <>
          <h2>Training records</h2>
          <p>No training recorded yet.</p>
        </>
      )}

      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h2>Record a completion</h2>
          {page.modules.length ? (
            <Form method="post" encType="multipart/form-data" {...getFormProps(form)} onSubmit={wrap(form.onSubmit)}>
              <input type="hidden" name="intent" value="record" />
              <input type="hidden" name={fields.personId.name} value={page.person.id} />
              <Select
                id="moduleId"
                name={fields.moduleId.name}
                label="Module"
                defaultValue={text(fields.moduleId.initialValue) ?? ""}
                error={fieldError(fields.moduleId.errors)}
                options={[{ value: "", text: "Choose a module" }, ...page.modules.map((m) => ({ value: m.id, text: `${m.name} (${m.code})` }))]}
              />
              <TextInput
                id="completedOn"
                name={fields.completedOn.name}
                label="Date completed"
                hint="For example, 2026-03-14 or 14/03/2026"
                autoComplete="off"
                defaultValue={text(fields.completedOn.initialValue)}
                error={fieldError(fields.completedOn.errors)}
                width={10}
              />
              <Textarea
                id="evidenceNote"
                name={fields.evidenceNote.name}
                label="Evidence note (optional)"
                hint="For example, the certificate number or who ran the course."
                rows={3}
                defaultValue={text(fields.evidenceNote.initialValue)}
                error={fieldError(fields.evidenceNote.errors)}
              />
              <TextInput
                id="evidenceFile"
                name="evidenceFile"
                type="file"
                label="Evidence file (optional)"
                accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                hint="A PDF, PNG or JPG smaller than 5 MB, such as a certificate. Choose it again after a problem."
                error={fileError}
              />
              <Button disabled={busy}>Record completion</Button>
            </Form>
          ) : (
            <InsetText>
              <p>
                The module catalogue is empty. <a href="/preparation/modules">Add a module</a> first.
              </p>
            </InsetText>
          )}
        </div>
      </div>

      {page.events.length ? (
        <Table
          caption="Support events"
          head={["Event", "Kind", "Date", "Attendance"]}
          firstCellIsHeader
          rowKeys={page.events.map((e) => e.id)}
          rows={page.events.map((e) => [
            <a key="event" href={`/preparation/events/${e.id}`}>
              {e.title}
            </a>,
            eventKindLabel(e.kind),
            formatDay(e.heldOn),
            attendanceWords[e.status] ?? e.status,
          ])}
        />
      ) : (
        <>
          <h2>Support events</h2>
          <p>Not on the register of any support event yet.</p>
        </>
      )}
    </>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
