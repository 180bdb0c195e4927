// "CPD evidence for appraisal" (SPEC section 7, issue 14 point 8), for any participant: the record
// the server makes (schemes and roles, meetings held and hours, training, support, feedback where it
// is shown), its CSV and PDF downloads, and a PDF made here with the reflections the person chooses,
// decrypted on this device. Nothing decrypted is sent anywhere.
import { cpdDocument, type CpdEvidence, type CpdReflection, cpdLongDate } from "@tandem/core";
import { Button, Checkboxes, ErrorSummary, InsetText } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import type { RouterOutputs } from "../../lib/api-types";
import { downloadFile } from "../../lib/download";
import { PageHeading, usePageTitle } from "../../lib/page";
import { QueryPending, QueryProblem } from "../../lib/query-state";
import { useTRPC } from "../../lib/trpc";
import { ReflectionKeyGate } from "../reflections/key-forms";
import type { UnlockedKey } from "../reflections/key-store";
import { openReflection } from "../reflections/reflection-crypto";

type SealedReflection = RouterOutputs["reflections"]["mine"][number];
interface Opened extends CpdReflection {
  id: string;
}

export function CpdPage() {
  usePageTitle("CPD evidence for appraisal");
  const trpc = useTRPC();
  const evidence = useQuery(trpc.preparation.cpd.queryOptions());
  return (
    <>
      <PageHeading>CPD evidence for appraisal</PageHeading>
      <p>
        Supporting information about your mentoring for your appraisal: the schemes you take part in
        and your role, the meetings held (their dates and length, never what was discussed), your
        training and support, and, where you mentor, feedback from your mentees once enough of them
        have answered.
      </p>
      <ul className="nhsuk-list">
        <li>
          <a href="/my/cpd.pdf" download>
            Download as PDF
          </a>
        </li>
        <li>
          <a href="/my/cpd.csv" download>
            Download as CSV
          </a>
        </li>
      </ul>
      {evidence.data ? (
        <>
          <EvidenceSummary evidence={evidence.data} />
          <section aria-labelledby="cpd-reflections">
            <h2 className="nhsuk-heading-m" id="cpd-reflections">
              Add reflections to your CPD record
            </h2>
            <p>
              Reflective practice is part of the supporting information for appraisal. Choose
              reflections you wrote in Tandem to add to a PDF of this record. They are decrypted and
              the PDF is made on this device: they are not sent to Tandem or anyone else.
            </p>
            <ReflectionKeyGate>
              {(unlocked) => <ChooseReflections evidence={evidence.data} unlocked={unlocked} />}
            </ReflectionKeyGate>
          </section>
        </>
      ) : evidence.isError ? (
        <QueryProblem onRetry={() => void evidence.refetch()} />
      ) : (
        <QueryPending what="your CPD evidence" />
      )}
    </>
  );
}

function EvidenceSummary({ evidence }: { evidence: CpdEvidence }) {
  const document = cpdDocument(evidence);
  return (
    <>
      {document.sections.map((section) => (
        <section key={section.heading} aria-labelledby={headingId(section.heading)}>
          <h2 className="nhsuk-heading-m" id={headingId(section.heading)}>
            {section.heading}
          </h2>
          <ul>
            {section.lines.map((line, index) => (
              <li key={`${index}:${line}`}>{line}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

const headingId = (heading: string) => `cpd-${heading.toLowerCase().replace(/[^a-z]+/g, "-")}`;

async function openAll(unlocked: UnlockedKey, sealed: readonly SealedReflection[]): Promise<Opened[]> {
  const opened = await Promise.all(
    sealed.map(async (r) => {
      const text = r.keyVersion === unlocked.keyVersion ? await openReflection(unlocked.key, r.relationshipId, r).catch(() => null) : null;
      return text === null
        ? null
        : {
            id: r.id,
            text,
            writtenOn: isoDate(r.createdAt),
            schemeName: r.schemeName,
            organisationName: r.organisationName,
            meetingOn: r.meetingStartsAt ? isoDate(r.meetingStartsAt) : null,
          };
    }),
  );
  return opened.filter((r): r is Opened => r !== null);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** At most this much of each reflection is shown beside its checkbox; the PDF holds all of it. */
const previewLength = 300;

function ChooseReflections({ evidence, unlocked }: { evidence: CpdEvidence; unlocked: UnlockedKey }) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.reflections.mine.queryOptions());
  const [opened, setOpened] = useState<{ reflections: Opened[]; unreadable: number }>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();

  useEffect(() => {
    let stale = false;
    if (!mine.data) return;
    const sealed = mine.data;
    void openAll(unlocked, sealed).then((reflections) => {
      if (!stale) setOpened({ reflections, unreadable: sealed.length - reflections.length });
    });
    return () => {
      stale = true;
    };
  }, [mine.data, unlocked]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!opened) return;
    const reflections = opened.reflections.filter((r) => chosen.has(r.id));
    if (reflections.length === 0) return setError("Choose at least one reflection to add to your CPD record");
    setError(undefined);
    setDone(undefined);
    setBusy(true);
    try {
      const { cpdPdfWithReflections } = await import("./cpd-pdf");
      const bytes = await cpdPdfWithReflections(cpdDocument(evidence, { reflections }), { personName: evidence.person.name });
      downloadFile(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), `mentoring-cpd-with-reflections-${evidence.generatedOn}.pdf`);
      setDone(`Your CPD record with ${reflections.length === 1 ? "1 reflection" : `${reflections.length} reflections`} is downloaded. Keep it somewhere only you can open it.`);
    } catch {
      setError("Your CPD record could not be made on this device. Try again, or use another browser");
    } finally {
      setBusy(false);
    }
  }

  if (mine.isError) return <QueryProblem onRetry={() => void mine.refetch()} />;
  if (!opened) return <QueryPending what="your reflections" />;
  if (opened.reflections.length === 0) {
    return (
      <p>
        {opened.unreadable > 0
          ? "Your reflections cannot be read with the key on this device."
          : "You have not written any reflections yet. You can write them on the page of each of your relationships, under Private reflections."}
      </p>
    );
  }
  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate>
      {error ? <ErrorSummary errors={[{ href: "#cpd-reflection", text: error }]} /> : null}
      {done ? (
        <InsetText>
          <p role="status">{done}</p>
        </InsetText>
      ) : null}
      <Checkboxes
        idPrefix="cpd-reflection"
        name="reflection"
        legend="Which reflections do you want to add?"
        hint="They appear under Reflective practice in the PDF, with the date and scheme of each."
        error={error}
        items={opened.reflections.map((r) => ({
          value: r.id,
          checked: chosen.has(r.id),
          label: `${cpdLongDate(r.writtenOn)}, ${r.schemeName}${r.meetingOn ? `, about the meeting on ${cpdLongDate(r.meetingOn)}` : ""}`,
          hint: <span style={{ whiteSpace: "pre-line" }}>{r.text.length > previewLength ? `${r.text.slice(0, previewLength)}…` : r.text}</span>,
        }))}
        onChange={(value, checked) =>
          setChosen((current) => {
            const next = new Set(current);
            if (checked) next.add(value);
            else next.delete(value);
            return next;
          })
        }
      />
      {opened.unreadable > 0 ? (
        <p>{opened.unreadable === 1 ? "1 reflection cannot be read with your key and is left out." : `${opened.unreadable} reflections cannot be read with your key and are left out.`}</p>
      ) : null}
      <Button type="submit" disabled={busy}>
        Download CPD record with chosen reflections
      </Button>
    </form>
  );
}
