// "My preparation and support" (SPEC section 7): a mentor's readiness in each scheme with its reasons,
// what is coming up, the coordinator's decisions, their training records and the way to their CPD
// evidence (cpd-page.tsx).
import { readinessLabel, upcomingLabel } from "@tandem/core";
import { Table, Tag } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "../../lib/api-types";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { MyMenteeCourses } from "./mentee-course";
import {
  describeDecision,
  describeHours,
  describeModuleKind,
  describeRecord,
  evidenceHref,
  formatDate,
  formatInstant,
} from "./preparation-words";

type SchemeStatus = RouterOutputs["preparation"]["myStatus"][number];
type TrainingRecord = RouterOutputs["preparation"]["myRecords"][number];

export const preparationPaths = {
  home: `${BASE}/preparation`,
  recognition: `${BASE}/preparation/recognition`,
  events: `${BASE}/preparation/events`,
  cpd: `${BASE}/cpd`,
} as const;

export function MyPreparation() {
  usePageTitle("My preparation and support");
  const trpc = useTRPC();
  const status = useQuery(trpc.preparation.myStatus.queryOptions());
  const courses = useQuery(trpc.menteeCourse.myCourses.queryOptions());
  const mentee = (courses.data?.length ?? 0) > 0;

  return (
    <>
      <PageHeading>My preparation and support</PageHeading>
      {courses.data && mentee ? <MyMenteeCourses courses={courses.data} /> : null}
      {status.data ? (
        status.data.length === 0 ? (
          <>
            {mentee ? null : <NotAMentor />}
            <CpdEvidence />
          </>
        ) : (
          <>
            {mentee ? <h2 className="nhsuk-heading-l">As a mentor</h2> : null}
            <p>
              What each scheme you mentor in asks of you, whether you are ready to mentor, and the
              training and support you have recorded.
            </p>
            {status.data.map((scheme) => (
              <SchemeReadiness
                key={`${scheme.organisationId}/${scheme.schemeId}`}
                scheme={scheme}
              />
            ))}
            <Records />
            <h2 className="nhsuk-heading-m">Support events</h2>
            <p>Support groups, development events and supervision keep you ready to mentor.</p>
            <p>
              <Link href={preparationPaths.events}>See support events and sign up</Link>
            </p>
            <CpdEvidence />
          </>
        )
      ) : status.isError ? (
        <QueryProblem onRetry={() => void status.refetch()} />
      ) : (
        <QueryPending what="your preparation" />
      )}
    </>
  );
}

export function NotAMentor() {
  return (
    <>
      <p>You are not a mentor in any scheme yet.</p>
      <p>
        When you join a scheme as a mentor, the training it asks for, your records and support
        events appear here.
      </p>
      <p>
        <Link href={`${BASE}/schemes/find`}>Find a scheme to mentor in</Link>
      </p>
    </>
  );
}

function SchemeReadiness({ scheme }: { scheme: SchemeStatus }) {
  const { readiness } = scheme;
  // The API sends each reason in words; fall back to the same words from @tandem/core if it did not.
  const reasons = readiness.reasons.map(
    (reason, index) => readiness.reasonTexts[index] ?? readinessLabel(reason),
  );
  return (
    <section aria-labelledby={`scheme-${scheme.schemeId}`} className="nhsuk-u-margin-bottom-7">
      <h2 className="nhsuk-heading-m" id={`scheme-${scheme.schemeId}`}>
        {scheme.schemeName}
      </h2>
      <p>
        {readiness.ready ? (
          <Tag colour="green">Ready to mentor</Tag>
        ) : (
          <Tag colour="orange">Not ready yet</Tag>
        )}
      </p>
      {reasons.length > 0 ? (
        <>
          <p>Before you can mentor in this scheme:</p>
          <ul>
            {reasons.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="nhsuk-heading-s">Coming up</h3>
      {readiness.upcoming.length > 0 ? (
        <ul>
          {readiness.upcoming.map((item) => (
            <li key={`${item.code}/${item.moduleId ?? ""}/${item.on}`}>{upcomingLabel(item)}</li>
          ))}
        </ul>
      ) : (
        <p>Nothing falls due in the coming months.</p>
      )}

      {scheme.requiredModules.length > 0 ? (
        <>
          <h3 className="nhsuk-heading-s">Training this scheme asks for</h3>
          <ul>
            {scheme.requiredModules.map((module) => (
              <li key={module.id}>
                {capitalise(module.name)}
                {module.validityMonths ? ` (renew every ${module.validityMonths} months)` : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="nhsuk-heading-s">Messages from your coordinator</h3>
      {scheme.approvals.length > 0 ? (
        <ul className="nhsuk-list">
          {scheme.approvals.map((approval) => (
            <li key={String(approval.decidedAt)} className="nhsuk-inset-text nhsuk-u-margin-top-0">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p className="nhsuk-u-margin-bottom-1">
                <strong>{describeDecision(approval.decision)}</strong>,{" "}
                {formatInstant(approval.decidedAt)}
              </p>
              {approval.note ? <p style={{ whiteSpace: "pre-line" }}>{approval.note}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Your coordinator has not decided yet.</p>
      )}
    </section>
  );
}

function Records() {
  const trpc = useTRPC();
  const records = useQuery(trpc.preparation.myRecords.queryOptions());
  return (
    <>
      <h2 className="nhsuk-heading-m">Your training records</h2>
      {records.data ? (
        records.data.length === 0 ? (
          <p>You have no training records yet.</p>
        ) : (
          <RecordsTable records={records.data} />
        )
      ) : records.isError ? (
        <QueryProblem onRetry={() => void records.refetch()} />
      ) : (
        <QueryPending what="your training records" />
      )}
      <p>
        <Link href={preparationPaths.recognition}>
          Ask for training done elsewhere to be recognised
        </Link>
      </p>
    </>
  );
}

function RecordsTable({ records }: { records: readonly TrainingRecord[] }) {
  return (
    <Table
      caption={<span className="nhsuk-u-visually-hidden">Your training records</span>}
      head={["Module", "Organisation", "Completed", "Hours", "Status", "Evidence"]}
      firstCellIsHeader
      rowKeys={records.map((r) => r.recordId)}
      rows={records.map((record) => [
        // One element, so the responsive table keeps the name and its kind together in one cell.
        <span>
          {record.moduleName}
          <br />
          <span className="nhsuk-body-s nhsuk-u-secondary-text-color">
            {describeModuleKind(record.kind)}
            {record.provider ? `, run by ${record.provider}` : ""}
          </span>
        </span>,
        record.organisationName,
        formatDate(record.completedOn),
        describeHours(record.hours),
        record.verifiedOn ? (
          <Tag colour="green">{describeRecord(record)}</Tag>
        ) : (
          describeRecord(record)
        ),
        record.evidenceFileId ? (
          <a href={evidenceHref(record.organisationId, record.evidenceFileId)} download>
            {record.evidenceFilename ?? "Evidence"}
            <span className="nhsuk-u-visually-hidden"> (evidence for {record.moduleName})</span>
          </a>
        ) : (
          "None"
        ),
      ])}
    />
  );
}

function CpdEvidence() {
  return (
    <section aria-labelledby="cpd-evidence">
      <h2 className="nhsuk-heading-m" id="cpd-evidence">
        CPD evidence for appraisal
      </h2>
      <p>
        A record to add to your appraisal portfolio: your mentoring in each role (how many meetings,
        their dates and length only, never what was discussed), the training you have completed with
        its hours, the support events you attended and feedback about your mentoring where it is
        shown to you. You can add reflections you choose.
      </p>
      <p>
        <Link href={preparationPaths.cpd}>See your CPD evidence and download it</Link>
      </p>
    </section>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
