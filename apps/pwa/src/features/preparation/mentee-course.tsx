// The mentee preparation course (SPEC principle 7): the scheme's few pages, each marked done by the
// mentee. The contents show where they stand; `?page=<key>` shows one page with "mark as done and
// continue". Where the scheme requires the course, matching waits until every page is done.
import { courseBlocks, type CourseBlock } from "@tandem/core";
import { InsetText, Tag } from "@tandem/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { actionProblem, errorCode, plainMessage } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { BASE, Link, menteeCoursePath, navigate, schemePath, useSearch } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { useMyScheme, type MyScheme } from "../matching/use-my-scheme";
import { choosePath, menteeChooses } from "../matching/matching-words";

type Course = RouterOutputs["menteeCourse"]["mine"];
type MyCourse = RouterOutputs["menteeCourse"]["myCourses"][number];
type CourseStatus = Course["status"];

/** The course's state in a few words, for a tag or a list. */
export function courseStateWords(status: Pick<CourseStatus, "state" | "pagesDone" | "pages">): string {
  if (status.state === "done") return "Done";
  if (status.state === "not_started") return "Not started";
  return `${status.pagesDone} of ${status.pages} pages done`;
}

export function MenteeCourse({ organisationSlug, schemeSlug }: { organisationSlug: string; schemeSlug: string }) {
  const { query, scheme } = useMyScheme(organisationSlug, schemeSlug);
  if (scheme && scheme.roles.includes("mentee")) return <CourseIn scheme={scheme} />;
  return (
    <NotHere title="Mentee preparation">
      {query.isError ? (
        <QueryProblem onRetry={() => void query.refetch()} />
      ) : scheme === undefined ? (
        <QueryPending what="your schemes" />
      ) : (
        <>
          <p>The preparation course is for mentees of this scheme. Join it as a mentee to take the course.</p>
          <p>
            <Link href={schemePath(organisationSlug, schemeSlug)}>See the scheme and how to join</Link>
          </p>
        </>
      )}
    </NotHere>
  );
}

function NotHere({ title, children }: { title: string; children: React.ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
}

function CourseIn({ scheme }: { scheme: MyScheme }) {
  const trpc = useTRPC();
  const at = { organisationId: scheme.organisationId, schemeId: scheme.schemeId };
  const course = useQuery(trpc.menteeCourse.mine.queryOptions(at));
  const pageKey = new URLSearchParams(useSearch()).get("page");
  if (course.data) {
    const index = course.data.pages.findIndex((p) => p.key === pageKey);
    if (index >= 0) return <CoursePage key={pageKey} course={course.data} index={index} scheme={scheme} />;
    return <Contents course={course.data} scheme={scheme} />;
  }
  return (
    <NotHere title="Mentee preparation">
      {course.isError ? (
        errorCode(course.error) === "NOT_FOUND" || errorCode(course.error) === "FORBIDDEN" ? (
          <p>{plainMessage((course.error as { message?: unknown }).message) ?? "This scheme has no mentee preparation course."}</p>
        ) : (
          <QueryProblem onRetry={() => void course.refetch()} />
        )
      ) : (
        <QueryPending what="your preparation course" />
      )}
    </NotHere>
  );
}

function Contents({ course, scheme }: { course: Course; scheme: MyScheme }) {
  usePageTitle(`Mentee preparation: ${scheme.schemeName}`);
  const { status } = course;
  const next = course.pages.find((p) => !p.done);
  return (
    <>
      <span className="nhsuk-caption-l">{scheme.schemeName}</span>
      <PageHeading>Preparing to be mentored</PageHeading>
      <p className="nhsuk-lede-text">
        {course.pages.length} short pages on what to expect from mentoring. Read each one and mark it done.
      </p>
      {status.hold ? (
        <InsetText>
          <p>{status.hold}</p>
        </InsetText>
      ) : status.state === "done" ? (
        <InsetText>
          <p>You have finished the course. You can come back to any page at any time.</p>
        </InsetText>
      ) : (
        <p>The course is optional in this scheme, and it does not hold up your match.</p>
      )}
      <p>
        <Tag colour={status.state === "done" ? "green" : status.state === "not_started" ? "grey" : "blue"}>
          {courseStateWords(status)}
        </Tag>
      </p>
      <ol className="nhsuk-list nhsuk-list--number">
        {course.pages.map((page) => (
          <li key={page.key}>
            <Link href={menteeCoursePath(scheme.organisationSlug, scheme.schemeSlug, page.key)}>{page.title}</Link>
            {page.done ? <span> (done)</span> : null}
          </li>
        ))}
      </ol>
      {next ? (
        <p>
          <Link className="nhsuk-button" href={menteeCoursePath(scheme.organisationSlug, scheme.schemeSlug, next.key)}>
            {status.pagesDone === 0 ? "Start the course" : "Carry on"}
          </Link>
        </p>
      ) : (
        <AfterCourse scheme={scheme} />
      )}
    </>
  );
}

function AfterCourse({ scheme }: { scheme: MyScheme }) {
  const trpc = useTRPC();
  // Already cached: the scheme was found among the person's enrolments.
  const mine = useQuery(trpc.enrolment.mine.queryOptions());
  const mode = mine.data?.find((e) => e.schemeId === scheme.schemeId && e.role === "mentee")?.matchingMode;
  return (
    <>
      <h2 className="nhsuk-heading-m">What happens next</h2>
      {menteeChooses(mode) ? (
        <p>
          <Link href={choosePath(scheme.organisationSlug, scheme.schemeSlug)}>Choose your mentor</Link>
        </p>
      ) : (
        <p>
          Your coordinator matches mentors with mentees in this scheme. You will be told when you have a mentor, and it
          will appear in <Link href={`${BASE}/matches`}>My matches</Link>.
        </p>
      )}
    </>
  );
}

function CoursePage({ course, index, scheme }: { course: Course; index: number; scheme: MyScheme }) {
  const page = course.pages[index]!;
  const next = course.pages[index + 1];
  usePageTitle(`${page.title}: mentee preparation`);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const at = { organisationId: scheme.organisationId, schemeId: scheme.schemeId };
  const contents = menteeCoursePath(scheme.organisationSlug, scheme.schemeSlug);
  const mark = useMutation(
    trpc.menteeCourse.markPage.mutationOptions({
      onSuccess: async (_status, variables) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.menteeCourse.mine.queryKey(at) }),
          queryClient.invalidateQueries({ queryKey: trpc.menteeCourse.myCourses.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
        ]);
        if (variables.done) navigate(next ? menteeCoursePath(scheme.organisationSlug, scheme.schemeSlug, next.key) : contents);
      },
      onError: (error) => setProblem(actionProblem(error, { online: navigator.onLine })),
    }),
  );
  return (
    <>
      <span className="nhsuk-caption-l">
        Page {index + 1} of {course.pages.length}
      </span>
      <PageHeading>{page.title}</PageHeading>
      <CourseText blocks={courseBlocks(page.body)} />
      {problem ? (
        <div className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {problem}
        </div>
      ) : null}
      {page.done ? (
        <>
          <p>
            <Tag colour="green">Done</Tag>
          </p>
          <p>
            {next ? (
              <Link className="nhsuk-button" href={menteeCoursePath(scheme.organisationSlug, scheme.schemeSlug, next.key)}>
                Next page
              </Link>
            ) : null}
          </p>
          <p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={mark.isPending} onClick={() => mark.mutate({ ...at, key: page.key, done: false })}>
              Mark as not done
            </button>
          </p>
        </>
      ) : (
        <p>
          <button type="button" className="nhsuk-button" disabled={mark.isPending} onClick={() => mark.mutate({ ...at, key: page.key, done: true })}>
            {next ? "Mark as done and continue" : "Mark as done and finish"}
          </button>
        </p>
      )}
      <p>
        <Link href={contents}>Back to the course's contents</Link>
      </p>
    </>
  );
}

export function CourseText({ blocks }: { blocks: CourseBlock[] }) {
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === "paragraph" ? (
          <p key={i}>{block.text}</p>
        ) : (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

/** A mentee's courses on "My preparation": each scheme's, where they stand, and a link to carry on. */
export function MyMenteeCourses({ courses }: { courses: readonly MyCourse[] }) {
  return (
    <>
      <h2 className="nhsuk-heading-l">As a mentee</h2>
      <p>Your schemes give mentees a short course on what to expect before matching.</p>
      <ul className="nhsuk-list">
        {courses.map((c) => (
          <li key={`${c.organisationId}/${c.schemeId}`} className="nhsuk-u-margin-bottom-4">
            <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">{c.schemeName}</h3>
            <p className="nhsuk-u-margin-bottom-2">
              <Tag colour={c.status.state === "done" ? "green" : "grey"}>{courseStateWords(c.status)}</Tag>{" "}
              {c.status.preparation === "required" ? "Required before matching." : "Optional."}
            </p>
            <Link href={menteeCoursePath(c.organisationSlug, c.schemeSlug)}>
              {c.status.state === "done" ? "Look again at the course" : "Go to the preparation course"}
              <span className="nhsuk-u-visually-hidden"> for {c.schemeName}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
