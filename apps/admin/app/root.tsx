// The document: NHS.UK header (navigation, the signed-in person, organisation switcher, sign out),
// main content and footer, plus the error pages every route falls back to.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type MetaFunction,
} from "@remix-run/react";
import {
  Button,
  Container,
  Footer,
  Header,
  HeaderAccountButton,
  MainWrapper,
  Select,
  serviceFooterLinks,
  SkipLink,
  type HeaderNavItem,
} from "@tandem/ui";
import uiStyles from "@tandem/ui/styles.css?url";
import type { ReactNode } from "react";
import { activeMembership, api, hasRole, type Me } from "./lib/api.server";
import { pageTitle, serviceName } from "./lib/meta";
import adminStyles from "./styles/admin.css?url";

export const links = () => [
  { rel: "stylesheet", href: uiStyles },
  { rel: "stylesheet", href: adminStyles },
  { rel: "icon", href: "data:," },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers } = await api(request, context);
  const me = await caller.me.get();
  const active = me ? activeMembership(me) : null;
  return data(
    {
      me: me ? summarise(me) : null,
      activeOrganisationName: active?.organisationName ?? null,
    },
    { headers },
  );
}

/** What the layout needs about the signed-in person (nothing more reaches the browser). */
function summarise(me: Me) {
  const active = activeMembership(me);
  return {
    name: me.person.name,
    isPlatformAdmin: me.platformRoles.includes("platform_admin"),
    canSeePeople: hasRole(active, "org_admin", "coordinator"),
    canRunSchemes: hasRole(active, "org_admin", "coordinator"),
    canConvene: hasRole(active, "convenor"),
    isCentralAnalyst: me.platformRoles.includes("central_analyst"),
    activeOrganisationId: me.activeOrganisationId,
    organisations: me.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName })),
  };
}

export const meta: MetaFunction = ({ error }) => {
  if (error === undefined) return pageTitle();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(errorTexts(status).title);
};

function navigationFor(user: NonNullable<ReturnType<typeof summarise>>, pathname: string): HeaderNavItem[] {
  const items: HeaderNavItem[] = [{ href: "/", text: "Home" }];
  if (user.canRunSchemes) items.push({ href: "/schemes", text: "Schemes" });
  if (user.canRunSchemes || user.canConvene) {
    // Convenors only keep support events and appraisals, so their link goes to their own view.
    items.push({ href: user.canRunSchemes ? "/preparation" : "/preparation/support-group", text: "Mentor preparation" });
  }
  if (user.canSeePeople) {
    items.push({ href: "/people", text: "People" }, { href: "/audit", text: "Audit log" });
  }
  if (user.isCentralAnalyst) items.push({ href: "/central/compare", text: "Compare schemes" });
  if (user.isPlatformAdmin) items.push({ href: "/dev/mailbox", text: "Mailbox" });
  return items.map((item) => ({
    ...item,
    current: item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`),
  }));
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const user = rootData?.me ?? null;
  const location = useLocation();
  const here = location.pathname + location.search;

  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <Header
          serviceName={serviceName}
          href="/"
          navigation={user ? navigationFor(user, location.pathname) : undefined}
          account={
            user
              ? {
                  name: (
                    <a className="nhsuk-header__account-link" href="/account">
                      {user.name}
                    </a>
                  ),
                  signOut: (
                    <Form method="post" action="/sign-out" className="tandem-header__account-form">
                      <HeaderAccountButton>Sign out</HeaderAccountButton>
                    </Form>
                  ),
                }
              : undefined
          }
        />
        {user && user.organisations.length > 1 ? (
          <Container>
            <Form method="post" action="/switch-organisation" className="tandem-org-switcher">
              <input type="hidden" name="redirectTo" value={here} />
              <Select
                key={user.activeOrganisationId ?? "none"}
                id="organisation-switcher"
                name="organisationId"
                label="Organisation"
                defaultValue={user.activeOrganisationId ?? undefined}
                options={user.organisations.map((o) => ({ value: o.id, text: o.name }))}
              />
              <Button variant="secondary" small>
                Switch
              </Button>
            </Form>
          </Container>
        ) : null}
        <Container>
          <MainWrapper>{children}</MainWrapper>
        </Container>
        <Footer links={serviceFooterLinks("")} />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

function errorTexts(status: number): { title: string; body: ReactNode } {
  if (status === 404) {
    return {
      title: "Page not found",
      body: (
        <>
          <p>If you typed the web address, check it is correct.</p>
          <p>If you pasted the web address, check you copied the entire address.</p>
        </>
      ),
    };
  }
  if (status === 403) {
    return {
      title: "You do not have access to this page",
      body: <p>If you think you should have access, ask an org admin of your organisation.</p>,
    };
  }
  return {
    title: "Sorry, there is a problem with the service",
    body: (
      <>
        <p>Try again later.</p>
        <p>If the problem continues, contact the person who runs Tandem for your organisation.</p>
      </>
    ),
  };
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, body } = errorTexts(status);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{title}</h1>
        {body}
        <p>
          <a href="/">Go to the Tandem admin home page</a>
        </p>
      </div>
    </div>
  );
}
