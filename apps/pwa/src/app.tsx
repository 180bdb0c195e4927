// The app shell: skip link, header with navigation, offline notice, the current screen and the footer.
// Focus moves to the new page's h1 (or main) on each client-side route change. The directory and
// scheme pages are public; the rest ask the person to sign in and then carry on where they were.
import { Container, Footer, Header, MainWrapper, serviceFooterLinks, SkipLink } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ForgotPassword } from "./features/auth/forgot-password";
import { ResetPassword } from "./features/auth/reset-password";
import { SignInForm } from "./features/auth/sign-in-form";
import { ServicePageScreen } from "./features/service/service-pages";
import { ChooseMentor } from "./features/matching/choose-mentor";
import { MatchingProfile } from "./features/matching/matching-profile";
import { MyMatches } from "./features/matching/my-matches";
import { MyOrganisations } from "./features/me/my-organisations";
import { HomePage } from "./features/home/home";
import { FindSchemes } from "./features/schemes/find-schemes";
import { MySchemes } from "./features/schemes/my-schemes";
import { SchemePage, type SignedIn } from "./features/schemes/scheme-page";
import { MyPreparation } from "./features/preparation/my-preparation";
import { MenteeCourse } from "./features/preparation/mentee-course";
import { RecognitionRequest } from "./features/preparation/recognition";
import { SupportEvents } from "./features/preparation/support-events";
import { CpdPage } from "./features/preparation/cpd-page";
import { OfflineNotice } from "./features/offline/offline-notice";
import { OutboxPanel } from "./features/offline/outbox-panel";
import { MyRelationships } from "./features/relationships/my-relationships";
import { RelationshipPage } from "./features/relationships/relationship-page";
import { MyFeedback } from "./features/feedback/my-feedback";
import { FeedbackFormPage } from "./features/feedback/feedback-form-page";
import { QuestionnairePage } from "./features/feedback/questionnaire-page";
import { MyClaims } from "./features/claims/my-claims";
import { useOnlineStatus } from "./features/offline/use-online-status";
import { messages } from "./lib/form-errors";
import { expectHeadingFocus, PageHeading, usePageTitle } from "./lib/page";
import {
  BASE,
  Link,
  matchRoute,
  navigate,
  safeReturnTo,
  useLinkInterception,
  usePathname,
  useSearch,
  type Route,
} from "./lib/router";
import { useTRPC } from "./lib/trpc";

export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const me = useMeQuery();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);
  useLinkInterception();

  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    expectHeadingFocus();
    const heading = mainRef.current?.querySelector<HTMLElement>("h1");
    (heading ?? mainRef.current)?.focus();
  }, [pathname]);

  return (
    <>
      <SkipLink />
      <Header
        serviceName="Tandem"
        href={`${BASE}/`}
        account={me.data ? { name: me.data.person.name } : undefined}
        navigation={navigationFor(route, me.data != null)}
        navigationLabel="Main"
      />
      <Container>
        <MainWrapper ref={mainRef}>
          <OfflineNotice />
          <OutboxPanel />
          {route.name === "not-found" ? <NotFound /> : <Screen route={route} me={me} />}
        </MainWrapper>
      </Container>
      <Footer links={serviceFooterLinks(BASE)} />
    </>
  );
}

type MeQuery = ReturnType<typeof useMeQuery>;
function useMeQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.me.get.queryOptions());
}

function navigationFor(route: Route, signedIn: boolean) {
  const items = [
    {
      href: `${BASE}/schemes/find`,
      text: "Find a scheme",
      current: route.name === "find-schemes" || route.name === "scheme",
    },
    ...(signedIn
      ? [
          { href: `${BASE}/`, text: "Home", current: route.name === "home" },
          {
            href: `${BASE}/schemes`,
            text: "My schemes",
            current:
              route.name === "my-schemes" ||
              route.name === "choose-mentor" ||
              route.name === "matching-profile",
          },
          { href: `${BASE}/matches`, text: "My matches", current: route.name === "matches" },
          {
            href: `${BASE}/relationships`,
            text: "My mentoring",
            current:
              route.name === "relationships" ||
              route.name === "relationship" ||
              route.name === "feedback" ||
              route.name === "feedback-form" ||
              route.name === "questionnaire" ||
              route.name === "claims",
          },
          {
            href: `${BASE}/preparation`,
            text: "My preparation",
            current:
              route.name === "preparation" ||
              route.name === "mentee-course" ||
              route.name === "recognition" ||
              route.name === "support-events" ||
              route.name === "cpd",
          },
          {
            href: `${BASE}/organisations`,
            text: "My organisations",
            current: route.name === "organisations",
          },
        ]
      : []),
  ];
  return items;
}

function signedInState(me: MeQuery): SignedIn {
  if (me.data !== undefined) return me.data !== null;
  return undefined;
}

/** After signing in on a screen that needed it, stay there and start from its heading. */
function focusHeadingSoon() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus());
}

function Screen({ route, me }: { route: Exclude<Route, { name: "not-found" }>; me: MeQuery }) {
  const search = useSearch();
  // Public screens do not wait for (or need) a session.
  if (route.name === "find-schemes") return <FindSchemes />;
  if (route.name === "forgot-password") return <ForgotPassword />;
  if (route.name === "reset-password") return <ResetPassword key={route.token} token={route.token} />;
  if (route.name === "accessibility" || route.name === "privacy" || route.name === "contact")
    return <ServicePageScreen page={route.name} />;
  if (route.name === "scheme") {
    return (
      <SchemePage
        organisationSlug={route.organisationSlug}
        schemeSlug={route.schemeSlug}
        signedIn={signedInState(me)}
      />
    );
  }
  if (me.isPending) return <Loading />;
  if (me.isError) return <ServiceProblem onRetry={() => void me.refetch()} />;
  if (me.data === null) {
    const returnTo =
      route.name === "sign-in" ? safeReturnTo(new URLSearchParams(search).get("returnTo")) : null;
    return (
      <SignInForm
        onSignedIn={() => (returnTo ? navigate(returnTo, { replace: true }) : focusHeadingSoon())}
      />
    );
  }
  if (route.name === "sign-in")
    return <AlreadySignedIn returnTo={new URLSearchParams(search).get("returnTo")} />;
  if (route.name === "my-schemes") return <MySchemes />;
  if (route.name === "preparation") return <MyPreparation />;
  if (route.name === "recognition") return <RecognitionRequest me={me.data} />;
  if (route.name === "support-events") return <SupportEvents />;
  if (route.name === "cpd") return <CpdPage />;
  if (route.name === "matches") return <MyMatches />;
  if (route.name === "relationships") return <MyRelationships />;
  if (route.name === "relationship")
    return <RelationshipPage key={route.relationshipId} relationshipId={route.relationshipId} />;
  if (route.name === "feedback") return <MyFeedback />;
  if (route.name === "feedback-form")
    return <FeedbackFormPage key={route.requestId} requestId={route.requestId} />;
  if (route.name === "questionnaire")
    return <QuestionnairePage key={route.enrolmentId} enrolmentId={route.enrolmentId} />;
  if (route.name === "claims") return <MyClaims />;
  if (route.name === "choose-mentor")
    return <ChooseMentor organisationSlug={route.organisationSlug} schemeSlug={route.schemeSlug} />;
  if (route.name === "mentee-course")
    return <MenteeCourse organisationSlug={route.organisationSlug} schemeSlug={route.schemeSlug} />;
  if (route.name === "matching-profile")
    return (
      <MatchingProfile organisationSlug={route.organisationSlug} schemeSlug={route.schemeSlug} />
    );
  if (route.name === "organisations") return <MyOrganisations me={me.data} />;
  return <HomePage name={me.data.person.name} />;
}

function Loading() {
  const online = useOnlineStatus();
  usePageTitle("Loading");
  return (
    <>
      <PageHeading>Tandem</PageHeading>
      <p>
        {online ? "Loading your details…" : "Your details will appear when you are back online."}
      </p>
    </>
  );
}

function ServiceProblem({ onRetry }: { onRetry: () => void }) {
  const online = useOnlineStatus();
  usePageTitle("There is a problem");
  return (
    <>
      <PageHeading>Sorry, there is a problem</PageHeading>
      <p>{online ? messages.unreachable : messages.offline}</p>
      <p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onRetry}>
          Try again
        </button>
      </p>
    </>
  );
}

function AlreadySignedIn({ returnTo }: { returnTo: string | null }) {
  usePageTitle("You're signed in");
  const back = returnTo ? safeReturnTo(returnTo) : null;
  return (
    <>
      <PageHeading>You're signed in</PageHeading>
      {back && back !== `${BASE}/` ? (
        <p>
          <Link href={back}>Go back to where you were</Link>
        </p>
      ) : null}
      <p>
        <Link href={`${BASE}/`}>Go to your home page</Link>
      </p>
    </>
  );
}

function NotFound() {
  usePageTitle("Page not found");
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        <Link href={`${BASE}/`}>Go to the Tandem home page</Link>
      </p>
    </>
  );
}
