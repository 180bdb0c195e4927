// The service pages an NHS service links from every footer: accessibility statement, privacy notice
// and contact. Written once for both apps from what Tandem does; each app adds its own h1 (the
// PWA's takes focus after a route change) and passes its base path for links inside the app.
import type { ReactNode } from "react";
import type { FooterLink } from "./footer";

export const servicePageTitles = {
  accessibility: "Accessibility statement",
  privacy: "Privacy notice",
  contact: "Contact us",
} as const;

/** The footer links, under the app's base path ("" for the portal, "/app" for the PWA). */
export function serviceFooterLinks(base: string): FooterLink[] {
  return [
    { href: `${base}/accessibility`, text: servicePageTitles.accessibility },
    { href: `${base}/privacy`, text: servicePageTitles.privacy },
    { href: `${base}/contact`, text: servicePageTitles.contact },
  ];
}

interface PageProps {
  /** "" in the portal, "/app" in the PWA: where this app's own pages are. */
  base: string;
}

function Lead({ children }: { children: ReactNode }) {
  return <p className="nhsuk-body-l">{children}</p>;
}

export function AccessibilityStatement({ base }: PageProps) {
  return (
    <>
      <Lead>
        Tandem is meant for everyone who takes part in or runs a mentoring scheme, whatever device or assistive
        technology they use.
      </Lead>
      <p>This statement covers the Tandem app for participants and the Tandem admin portal for staff.</p>

      <h2>Using Tandem</h2>
      <p>You should be able to:</p>
      <ul>
        <li>zoom in up to 400% and read the text without it spilling off the screen</li>
        <li>use every page with a keyboard alone, with a visible focus and a link to skip to the main content</li>
        <li>use a screen reader: pages have one main heading, labelled form fields and error messages that link to the field at fault</li>
        <li>change colours, contrast and fonts in your browser</li>
        <li>use the app on a phone, and keep reading what you have already opened when you are offline</li>
      </ul>
      <p>
        Tandem uses the NHS.UK design system, whose components are tested with disabled people and assistive
        technology.
      </p>

      <h2>How accessible Tandem is</h2>
      <p>
        We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every change to Tandem
        runs automated checks in a browser: axe looks for WCAG 2.2 A and AA failures on the pages the tests visit, and
        the service pages are checked at a width of 320 pixels for sideways scrolling.
      </p>
      <p>
        Automated checks find only some problems. Tandem has not yet had an independent accessibility audit or testing
        with disabled users, so it is <strong>partially compliant</strong> until that is done. Known limits:
      </p>
      <ul>
        <li>signing in needs a password: other ways to sign in (passkeys, your organisation’s own sign-in) are not available yet</li>
        <li>PDF downloads (CPD records, remittance advice) have not been checked with screen readers</li>
        <li>some pages may still scroll sideways on a narrow phone screen, for example where a long email address sits in a card</li>
      </ul>

      <h2>Reporting accessibility problems</h2>
      <p>
        If you find a problem, or need information in another format, tell the organisation that runs your scheme.
        Their contact details are on the <a href={`${base}/contact`}>contact page</a>. Say which page, and what you
        were trying to do.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to
        your complaint, contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
      </p>

      <h2>Preparation of this statement</h2>
      <p>This statement was prepared on 8 December 2026, from the automated checks described above.</p>
    </>
  );
}

export function PrivacyNotice({ base }: PageProps) {
  return (
    <>
      <Lead>
        What you say in mentoring stays between you and the people you say it to. This page explains what Tandem stores,
        who can see it and for how long.
      </Lead>

      <h2>Our promise about confidentiality</h2>
      <ul>
        <li>
          <strong>Your private reflections are end-to-end encrypted.</strong> They are locked in your browser with a key
          only your passphrase or recovery code opens. Tandem stores them scrambled and cannot read them: not your
          mentor, not your coordinator, not the people who run Tandem. If you lose both your passphrase and recovery code,
          nobody can recover them.
        </li>
        <li>
          <strong>Coordinators see dates, not content.</strong> They see that meetings were arranged and held (dates,
          how long, how many), never what was discussed, agreed or noted.
        </li>
        <li>
          <strong>Feedback is shown only in aggregate.</strong> Coordinators see ratings and comments only once enough
          people have answered (5 unless the scheme sets a higher number, and never fewer than 3), without names and
          in no particular order, so no one answer can be traced to you. A mentor sees feedback about them only once it
          comes from enough different mentees.
        </li>
      </ul>

      <h2>What Tandem stores</h2>
      <ul>
        <li>your account: name, email address, professional registration number if given, and your password, stored only as a one-way hash</li>
        <li>your role in each organisation: staff group and grade, specialty, department, site, start date in role and line manager, marked as declared by you or set by your organisation</li>
        <li>the schemes you join, with the consent wording you agreed to and when</li>
        <li>your matching profile: topics, availability, whether you can meet remotely and what you write about yourself</li>
        <li>your mentoring: matches, meetings (date, length, how and where), and agreed actions or shared notes if the scheme uses them, readable by the members of the relationship only</li>
        <li>your private reflections, encrypted as described above</li>
        <li>your feedback and questionnaire answers</li>
        <li>for mentors: training records and evidence, support events attended, peer appraisals, approval and claims for paid meetings</li>
        <li>your reminder choices, devices you allow notifications on, and calendar links you create</li>
        <li>the email Tandem sends you</li>
        <li>an audit log of who did what in an organisation (for example, who approved a mentor), never what was said</li>
      </ul>

      <h2>Who can see what</h2>
      <ul>
        <li><strong>You</strong> see everything about yourself.</li>
        <li><strong>The other members of a relationship</strong> see your name and work contact details once matched, meetings, and agreed actions or shared notes.</li>
        <li><strong>Coordinators and org admins</strong> of the organisation running a scheme see who takes part, mentors’ preparation and readiness, and relationships’ status and meeting dates: not content.</li>
        <li><strong>Central analysts</strong> compare the rules of schemes across organisations that chose to share them. They never see anyone’s personal data.</li>
        <li><strong>Platform admins</strong> look after the installation and its organisations. They have no access to mentoring content.</li>
      </ul>
      <p>
        Every organisation’s data is kept apart twice: each request is checked against your role, and the database
        itself refuses rows of another organisation.
      </p>

      <h2>How long it is kept</h2>
      <ul>
        <li>a signed-in session ends after 14 days without use, and after 30 days at most</li>
        <li>records of sign-in attempts and password reset requests (the email address typed and the network address) count for 15 minutes, to stop guessing and floods of email, and are cleared out once they are a day old</li>
        <li>a link to reset your password works once, for 30 minutes</li>
        <li>reflections are kept until you delete them; you can download them first</li>
        <li>everything else is kept while your account and your organisation’s scheme exist</li>
        <li>the audit log cannot be changed or deleted while the organisation uses Tandem</li>
      </ul>

      <h2>Your rights</h2>
      <p>
        You can leave a scheme at any time, in one step and without giving a reason. You can download your mentoring
        activity as CPD evidence, and your reflections. To get a copy of all your data, correct it or have your account
        deleted, contact the organisation that runs your scheme: it is responsible for your data in its schemes. Their
        details are on the <a href={`${base}/contact`}>contact page</a>.
      </p>
      <p>
        If you are unhappy with how your data is handled, you can complain to the{" "}
        <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner’s Office</a>.
      </p>
    </>
  );
}

export interface ContactPoint {
  id: string;
  name: string;
  contact: { name: string; email: string; phone: string | null };
}

export function ContactPage({
  base,
  organisations,
  whileUnavailable,
}: PageProps & {
  /** Null while the list cannot be shown (loading, offline), with `whileUnavailable` in its place. */
  organisations: ContactPoint[] | null;
  whileUnavailable?: ReactNode;
}) {
  return (
    <>
      <Lead>
        Each scheme is run by an organisation, such as a hospital trust, deanery or primary care network. Contact the
        organisation that runs your scheme about taking part, your data, or a problem with Tandem.
      </Lead>

      <h2>Signing in</h2>
      <p>
        If you have forgotten your password, <a href={`${base}/forgot-password`}>reset your password</a>. To join an
        organisation in Tandem, ask it to invite you: the invitation comes by email.
      </p>

      <h2>Organisations using Tandem</h2>
      {organisations === null ? (
        (whileUnavailable ?? <p>The organisations’ contact details will appear when Tandem can be reached.</p>)
      ) : organisations.length === 0 ? (
        <p>No organisation uses this installation of Tandem yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {organisations.map((organisation) => (
            <li key={organisation.id} className="nhsuk-u-margin-bottom-4">
              <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{organisation.name}</h3>
              <p className="nhsuk-u-margin-bottom-0">{organisation.contact.name}</p>
              <p className="nhsuk-u-margin-bottom-0 tandem-break-anywhere">
                <a href={`mailto:${organisation.contact.email}`}>{organisation.contact.email}</a>
              </p>
              {organisation.contact.phone ? <p className="nhsuk-u-margin-bottom-0">{organisation.contact.phone}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        Read how Tandem handles your data in the <a href={`${base}/privacy`}>privacy notice</a>, and how we make it
        usable by everyone in the <a href={`${base}/accessibility`}>accessibility statement</a>.
      </p>
    </>
  );
}
