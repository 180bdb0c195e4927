// The scheme rules editor: every rule a coordinator sets, on one page in sections, saved as a new
// version. Errors show in place and in a summary; the plain-English summary follows the edits live.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import {
  audienceOrganisationLabels,
  audienceOrganisations,
  describeRules,
  firstContactLabels,
  firstContacts,
  formatKindLabels,
  honourablePreferenceLabels,
  honourablePreferences,
  matchingModeLabels,
  matchingModes,
  meetingModeLabels,
  meetingModes,
  menteePreparationLabels,
  menteePreparations,
  mentorPoolLabels,
  mentorPools,
  notesPolicies,
  notesPolicyLabels,
  organisationDirectionLabels,
  organisationDirections,
  outsiderPolicies,
  outsiderPolicyLabels,
  participantFeeKindLabels,
  remunerationKindLabels,
  SchemeName,
  specialtyDirectionLabels,
  specialtyDirections,
  staffGroups,
  validateRules,
  type SchemeRules,
} from "@tandem/core";
import { BackLink, Button, Checkboxes, type ErrorSummaryItem, type InputWidth, InsetText, Radios, Textarea, TextInput, useHydrated } from "@tandem/ui";
import { useState, type FormEvent, type ReactNode } from "react";
import { formErrorsOrThrow, guard } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { staffGroupLabel } from "../lib/format";
import { FormErrorSummary, useSubmitAttempt } from "../lib/forms";
import { organisationNameFrom, pageTitle } from "../lib/meta";
import {
  errorsForForm,
  fieldId,
  formDefaults,
  formValuesFromFormData,
  orderedErrors,
  rulesFromForm,
  type FormValues,
} from "../lib/rules-form";
import { YesNoCheckbox } from "../lib/scheme-fields";
import { loadScheme, requireSchemeRunner } from "../lib/scheme-route.server";

export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(page ? `Rules for ${page.scheme.name}` : "Scheme rules", organisationNameFrom(matches));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const [{ scheme, rules, summary }, directory] = await Promise.all([
    loadScheme(request, runner),
    guard(request, runner.headers, () => runner.caller.directory.list()),
  ]);
  const flash = await takeFlash(request, runner.headers, context);
  return data(
    {
      organisationName: runner.organisation.organisationName,
      scheme: { id: scheme.id, name: scheme.name, currentVersion: scheme.currentVersion },
      rules,
      summary,
      values: formDefaults(rules),
      partners: directory.filter((o) => o.id !== runner.organisationId).map((o) => ({ id: o.id, name: o.name })),
      flash,
    },
    { headers: runner.headers },
  );
}

const noteMax = 500;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const runner = await requireSchemeRunner(request, context, params);
  const { scheme, rules: previous } = await loadScheme(request, runner);
  const formData = await request.formData();
  const values = formValuesFromFormData(formData);
  const rules = rulesFromForm(formData, previous);
  const name = String(formData.get("name") ?? "");
  const note = String(formData.get("note") ?? "").trim();

  // The name and note are checked here first so their errors show together with the rules' own.
  const own: Record<string, string[]> = {};
  const parsedName = SchemeName.safeParse(name);
  if (!parsedName.success) own.name = parsedName.error.issues.map((i) => i.message);
  if (note.length > noteMax) own.note = [`Keep the note to ${noteMax} characters or fewer`];
  const fail = (errors: Record<string, string[]>) =>
    data({ values, ...errorsForForm(errors, values) }, { status: 400, headers: runner.headers });

  if (Object.keys(own).length > 0) {
    const checked = validateRules(rules);
    const ruleErrors: Record<string, string[]> = {};
    if (!checked.ok) for (const e of checked.errors) (ruleErrors[e.path || "rules"] ??= []).push(e.message);
    return fail({ ...ruleErrors, ...own });
  }

  let saved: { version: number; changes: unknown[] };
  try {
    saved = await runner.caller.scheme.updateRules({
      ...runner.ref,
      rules,
      name: parsedName.data,
      ...(note ? { note } : {}),
    });
  } catch (error) {
    const { formErrors, fieldErrors } = formErrorsOrThrow(error, request, runner.headers);
    return fail({ ...fieldErrors, ...(formErrors.length ? { rules: formErrors } : {}) });
  }
  const renamed = parsedName.data !== scheme.name;
  const message =
    saved.changes.length > 0
      ? `Rules saved as version ${saved.version}`
      : renamed
        ? `Scheme renamed to ${parsedName.data}`
        : "Nothing was changed";
  await setFlash(runner.headers, context, message);
  return redirect(`/schemes/${runner.schemeId}`, { headers: runner.headers });
}

type Live = { summary: string; valid: boolean };

export default function SchemeRulesEditor() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const hydrated = useHydrated();
  const { attempt } = useSubmitAttempt(result);
  const values: FormValues = result?.values ?? page.values;
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const [live, setLive] = useState<Live | null>(null);

  const items: ErrorSummaryItem[] = [];
  if (result?.formErrors.length) items.push({ href: "#name", text: result.formErrors.join(" ") });
  for (const { field, message } of orderedErrors(errors)) items.push({ href: `#${fieldId(field)}`, text: message });

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const checked = validateRules(rulesFromForm(new FormData(event.currentTarget), page.rules as SchemeRules));
    setLive((before) =>
      checked.ok ? { summary: describeRules(checked.rules), valid: true } : { summary: before?.summary ?? page.summary, valid: false },
    );
  };

  const one = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  const many = (name: string) => {
    const value = values[name];
    return Array.isArray(value) ? value : [];
  };
  const err = (name: string) => errors[name];

  const text = (name: string, label: ReactNode, options: { hint?: ReactNode; width?: InputWidth; type?: string; autoComplete?: string } = {}) => (
    <TextInput
      id={fieldId(name)}
      name={name}
      label={label}
      hint={options.hint}
      type={options.type ?? "text"}
      autoComplete={options.autoComplete ?? "off"}
      width={options.width ?? 30}
      defaultValue={one(name)}
      error={err(name)}
    />
  );
  const num = (name: string, label: ReactNode, hint?: ReactNode, decimal = false) => (
    <TextInput
      id={fieldId(name)}
      name={name}
      label={label}
      hint={hint}
      inputMode={decimal ? "decimal" : "numeric"}
      spellCheck={false}
      autoComplete="off"
      width={decimal ? 3 : 4}
      defaultValue={one(name)}
      error={err(name)}
    />
  );
  const yesNo = (name: string, label: ReactNode, hint?: ReactNode) => (
    <YesNoCheckbox id={fieldId(name)} name={name} label={label} hint={hint} error={err(name)} defaultChecked={one(name) === "yes"} />
  );
  const radios = (
    name: string,
    legend: ReactNode,
    options: readonly string[],
    labels: Record<string, string>,
    extra: { hint?: ReactNode; inline?: boolean; conditional?: Record<string, ReactNode>; hints?: Record<string, string> } = {},
  ) => (
    <Radios
      idPrefix={fieldId(name)}
      name={name}
      legend={legend}
      legendSize="s"
      hint={extra.hint}
      inline={extra.inline}
      error={err(name)}
      defaultValue={one(name)}
      items={options.map((value) => ({
        value,
        label: labels[value] ?? value,
        hint: extra.hints?.[value],
        conditional: extra.conditional?.[value],
      }))}
    />
  );
  const checks = (name: string, legend: ReactNode, options: { value: string; label: string }[], hint?: ReactNode) => (
    <Checkboxes
      idPrefix={fieldId(name)}
      name={name}
      legend={legend}
      hint={hint}
      error={err(name)}
      items={options.map((o) => ({ value: o.value, label: o.label, defaultChecked: many(name).includes(o.value) }))}
    />
  );
  const area = (name: string, label: ReactNode, hint?: ReactNode, rows = 4) => (
    <Textarea id={fieldId(name)} name={name} label={label} hint={hint} rows={rows} defaultValue={one(name)} error={err(name)} />
  );

  const showLive = hydrated && live !== null && (live.summary !== page.summary || !live.valid);

  return (
    <>
      <BackLink href={`/schemes/${page.scheme.id}`}>Back to {page.scheme.name}</BackLink>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <FormErrorSummary items={items} attempt={attempt} />
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>Rules for {page.scheme.name}</h1>
      <p>
        Saving creates version {page.scheme.currentVersion + 1}. People already taking part keep the version they joined
        under.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Form method="post" id="rules-form" noValidate onChange={onChange}>
            <TextInput id="name" name="name" label="Scheme name" defaultValue={result ? one("name") : page.scheme.name} error={err("name")} width={30} />

            <h2>Audience</h2>
            {checks(
              "audience.groups",
              "Who can join",
              staffGroups.map((g) => ({ value: g, label: staffGroupLabel(g) })),
              "The staff groups the scheme is for. Leave them all unticked if it is for everyone.",
            )}
            {num("audience.withinMonthsOfStart", "Only people this many months into their role", "For example 24 for new consultants. Leave empty for anyone.")}
            {radios("audience.outsiders", "People outside the target groups", outsiderPolicies, outsiderPolicyLabels)}
            {radios("audience.organisations", "Which organisations' staff can join", audienceOrganisations, audienceOrganisationLabels)}
            {page.partners.length ? (
              checks(
                "partnerOrganisationIds",
                "Partner organisations",
                page.partners.map((p) => ({ value: p.id, label: p.name })),
                "Needed when partners' staff can join or partners' mentors take part.",
              )
            ) : (
              <p id={fieldId("partnerOrganisationIds")} tabIndex={-1}>
                No other organisations use Tandem yet, so there are no partners to choose.
              </p>
            )}
            {num("capacity.maxMentees", "Number of places", "When the places are full, people join a waiting list. Leave empty for no limit.")}
            {radios("application.kind", "Application", ["none", "form"], {
              none: "No application form",
              form: "A short application form, reviewed by the coordinator",
            }, {
              conditional: {
                form: area(
                  "application.questions",
                  "Application questions",
                  "One question a line; answers are a paragraph. Add (short answer) or (yes or no) after a question to change that, and (optional) if people may skip it.",
                ),
              },
            })}

            <h2>Format</h2>
            {radios("format.kind", "Format", ["one_to_one", "co_mentoring", "group"], formatKindLabels, {
              conditional: {
                co_mentoring: checks("format.groupSizes", "Group sizes", [
                  { value: "2", label: "Pairs" },
                  { value: "3", label: "Threes" },
                ]),
                group: (
                  <>
                    {num("format.maxSize", "Largest group size", "For example 12.")}
                    {num("format.facilitators", "Facilitators per group")}
                  </>
                ),
              },
            })}

            <h2>Matching</h2>
            {radios("matching.mode", "Matching", matchingModes, matchingModeLabels, {
              conditional: { shortlist: num("matching.shortlistSize", "Suggestions a mentee sees", "For example 5.") },
            })}
            {radios("matching.firstContact", "Who arranges the first meeting", firstContacts, firstContactLabels, { inline: true })}
            {radios("matching.mentorPool", "Where mentors come from", mentorPools, mentorPoolLabels)}
            {yesNo("matching.trialMeeting", "After the first meeting either side may end the match, without giving reasons")}
            {yesNo("matching.avoidSameDepartment", "Never suggest a mentor from the mentee's own department", "A mentee's line manager is never suggested.")}
            {num("matching.mentorCapacityDefault", "Usual number of mentees per mentor")}
            {num("matching.requestExpiryDays", "Days a mentor has to answer a request")}
            {area("topics", "Suggested topics", "One a line. Mentees pick what they want to work on, mentors what they offer.", 5)}
            <h3>Matching criteria</h3>
            <p className="nhsuk-body-s">
              Weights from 0 (not considered) to 1 (matters most) rank the suggestions. Psychometric types are never used.
            </p>
            {radios("matching.criteria.specialty.direction", "Specialty", specialtyDirections, specialtyDirectionLabels, { inline: true })}
            {num("matching.criteria.specialty.weight", "Specialty weight", undefined, true)}
            {radios("matching.criteria.organisation.direction", "Organisation", organisationDirections, organisationDirectionLabels, { inline: true })}
            {num("matching.criteria.organisation.weight", "Organisation weight", undefined, true)}
            {num("matching.criteria.distance.maxKm", "Furthest travel in kilometres", "Leave empty for no limit.")}
            {yesNo("matching.criteria.distance.remoteAllowed", "Remote meetings count as near")}
            {num("matching.criteria.distance.weight", "Distance weight", undefined, true)}
            {num("matching.criteria.topics.weight", "Topics weight", undefined, true)}
            {num("matching.criteria.availability.weight", "Availability weight", undefined, true)}
            {num("matching.criteria.seniorityGap.weight", "Seniority gap weight", undefined, true)}
            {checks(
              "matching.criteria.honourPreferences",
              "Preferences honoured on request",
              honourablePreferences.map((p) => ({ value: p, label: honourablePreferenceLabels[p] })),
              "For example, a mentee may ask for a mentor of the same gender.",
            )}

            <h2>Meetings</h2>
            {num("meetings.max", "Maximum number of meetings", "Leave empty for no limit.")}
            {num("meetings.cadenceWeeks", "Weeks between meetings")}
            {num("meetings.minutes.min", "Shortest meeting in minutes")}
            {num("meetings.minutes.max", "Longest meeting in minutes")}
            {checks("meetings.modes", "Ways to meet", meetingModes.map((m) => ({ value: m, label: meetingModeLabels[m] })))}
            {yesNo("meetings.firstIsContract", "The first meeting agrees how to work together (the contract)")}
            {yesNo("meetings.lastIsReview", "The last meeting reviews what was learned")}
            {num("relationship.maxMonths", "Longest relationship in months", "Leave empty for no limit.")}

            <h2>Notes</h2>
            {radios("notes.policy", "Notes the pair keep", notesPolicies, notesPolicyLabels, {
              hint: "Coordinators never see any of it.",
            })}

            <h2>Mentors</h2>
            {area(
              "mentors.requiredModules",
              "Preparation mentors complete",
              "One module a line. Add (renew every 24 months) after a module that must be renewed.",
            )}
            {yesNo("mentors.approval", "The coordinator approves each mentor")}
            {num("mentors.support.minEventsPer12Months", "Support events a mentor attends each year")}
            {num("mentors.support.peerAppraisalEveryMonths", "Months between peer appraisals", "Leave empty if peer appraisal is not required.")}
            {yesNo("mentors.support.supervision", "Mentors have supervision")}
            {num("mentors.maxMentees", "Most mentees a mentor may take")}

            <h2>Mentees</h2>
            {radios("mentees.preparation", "Mentee preparation course", menteePreparations, menteePreparationLabels)}

            <h2>Feedback</h2>
            {area(
              "feedback.endOfRelationship",
              "Questions at the end of the relationship",
              "One question a line, answered on a rating scale. Add (free text) after a question people answer in their own words.",
            )}
            {yesNo("feedback.midpoint", "Also ask for feedback halfway through")}
            {num(
              "feedback.minResponsesForText",
              "Responses needed before free-text answers are shown",
              "Until then you see no free text, so no one can be identified. At least 3.",
            )}

            <h2>Remuneration</h2>
            {radios("remuneration.kind", "How mentors are paid", ["none", "per_meeting", "job_plan", "annual_fee"], remunerationKindLabels, {
              conditional: {
                per_meeting: (
                  <>
                    {text("remuneration.perMeetingFee", "Fee per meeting in pounds", { hint: "For example 150.", width: 5 })}
                    {yesNo("remuneration.expensesAllowed", "Expenses are paid too")}
                    {num("remuneration.capMeetings", "Most meetings paid for", "Leave empty for no cap.")}
                  </>
                ),
                job_plan: num("remuneration.hoursPerMonth", "Hours a month in the job plan", "Leave empty if not set."),
                annual_fee: text("remuneration.annualFee", "Annual fee in pounds", { hint: "For example 1000.", width: 5 }),
              },
            })}
            {radios("participantFee.kind", "What participants pay", ["none", "annual"], participantFeeKindLabels, {
              conditional: {
                annual: (
                  <>
                    {text("participantFee.fee", "Yearly fee in pounds", { hint: "For example 1995.", width: 5 })}
                    {yesNo("participantFee.plusVat", "Plus VAT")}
                  </>
                ),
              },
            })}

            <h2>Publicity</h2>
            {yesNo(
              "publicity.listed",
              "Listed in the public directory",
              "Anyone can see listed schemes without signing in. A listed scheme needs the description and contact below.",
            )}
            {area("publicity.description.summary", "What mentoring means in this scheme", undefined, 5)}
            {area("publicity.description.mentorRole", "What a mentor does and does not do", undefined, 5)}
            {area("publicity.description.confidentiality", "Confidentiality and its limits", undefined, 5)}
            {text("publicity.contact.name", "Contact name", { autoComplete: "off" })}
            {text("publicity.contact.email", "Contact email", { type: "email" })}
            {text("publicity.contact.phone", "Contact phone (optional)", { type: "tel", width: 20 })}

            <h2>Save</h2>
            <Textarea
              id="note"
              name="note"
              label="What changed and why"
              hint="Optional. Kept with this version in the history."
              rows={3}
              defaultValue={one("note")}
              error={err("note")}
            />
            <Button disabled={navigation.state === "submitting"}>Save rules</Button>
          </Form>
        </div>
        <div className="nhsuk-grid-column-one-third">
          <aside className="tandem-rules-summary" aria-labelledby="rules-summary-heading" style={{ position: "sticky", top: 16 }}>
            <h2 id="rules-summary-heading" className="nhsuk-heading-s">
              How the scheme reads
            </h2>
            {showLive ? (
              <>
                <h3 className="nhsuk-heading-xs">With your changes (not saved)</h3>
                {live.valid ? null : (
                  <p className="nhsuk-body-s">
                    <strong>Some answers need changing before this can update.</strong>
                  </p>
                )}
                <p className="nhsuk-body-s">{live.summary}</p>
              </>
            ) : null}
            <h3 className="nhsuk-heading-xs">Saved (version {page.scheme.currentVersion})</h3>
            <InsetText>
              <p className="nhsuk-body-s">{page.summary}</p>
            </InsetText>
          </aside>
        </div>
      </div>
    </>
  );
}
