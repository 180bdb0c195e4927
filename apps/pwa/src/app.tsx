// The app shell: skip link, header, offline notice, the current screen and the footer.
// Focus moves to the new page's h1 (or main) on each client-side route change.
import { Container, Footer, Header, MainWrapper, SkipLink } from "@tandem/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { SignInForm } from "./features/auth/sign-in-form";
import { MyOrganisations } from "./features/me/my-organisations";
import { OfflineNotice } from "./features/offline/offline-notice";
import { useOnlineStatus } from "./features/offline/use-online-status";
import { messages } from "./lib/form-errors";
import { PageHeading, usePageTitle } from "./lib/page";
import { BASE, Link, matchRoute, navigate, usePathname } from "./lib/router";
import { useTRPC } from "./lib/trpc";

export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const me = useMeQuery();
  const mainRef = useRef<HTMLElement>(null);
  const previousPath = useRef(pathname);

  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
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
      />
      <Container>
        <MainWrapper ref={mainRef}>
          <OfflineNotice />
          {route === "not-found" ? <NotFound /> : <Screen route={route} me={me} />}
        </MainWrapper>
      </Container>
      <Footer />
    </>
  );
}

type MeQuery = ReturnType<typeof useMeQuery>;
function useMeQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.me.get.queryOptions());
}

function Screen({ route, me }: { route: "home" | "sign-in"; me: MeQuery }) {
  if (me.isPending) return <Loading />;
  if (me.isError) return <ServiceProblem onRetry={() => void me.refetch()} />;
  if (me.data === null) return <SignInForm onSignedIn={() => navigate(`${BASE}/`, { replace: true })} />;
  if (route === "sign-in") return <AlreadySignedIn />;
  return <MyOrganisations me={me.data} />;
}

function Loading() {
  const online = useOnlineStatus();
  usePageTitle("Loading");
  return (
    <>
      <PageHeading>Tandem</PageHeading>
      <p>{online ? "Loading your details…" : "Your details will appear when you are back online."}</p>
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

function AlreadySignedIn() {
  usePageTitle("You're signed in");
  return (
    <>
      <PageHeading>You're signed in</PageHeading>
      <p>
        <Link href={`${BASE}/`}>Go to my organisations and roles</Link>
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
