// Home: the active organisation, your roles there, what needs you in each of its schemes (for those
// who run them), and where you can go from here.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { organisationKindLabels, platformRoleLabels, type OrganisationKind } from "@tandem/core";
import { InsetText, SummaryList, Table, Tag } from "@tandem/ui";
import { InstallationRolesHome } from "../components/home/installation-roles";
import { loadInstallationRoles } from "../components/home/installation-roles.server";
import { activeMembership, guard, hasRole, requireSignedIn } from "../lib/api.server";
import { roleLabel } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle("Home", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSignedIn(request, context);
  const { me, headers, caller } = session;
  const active = activeMembership(me);
  const runsSchemes = active !== null && hasRole(active, "org_admin", "coordinator");
  const schemes = runsSchemes ? await guard(request, headers, () => caller.scheme.home({ organisationId: active.organisationId })) : null;
  // Someone whose roles are installation-wide only gets a home about those roles.
  const installationRoles = !active && me.platformRoles.length > 0 ? await loadInstallationRoles(request, session, me) : null;
  return data(
    {
      installationRoles,
      name: me.person.name,
      platformRoles: me.platformRoles,
      organisation: active
        ? {
            name: active.organisationName,
            kind: organisationKindLabels[active.organisationKind as OrganisationKind] ?? active.organisationKind,
            roles: active.roles,
          }
        : null,
      memberships: me.memberships.length,
      canSeePeople: hasRole(active, "org_admin", "coordinator"),
      canInvite: hasRole(active, "org_admin"),
      isPlatformAdmin: me.platformRoles.includes("platform_admin"),
      schemes,
    },
    { headers },
  );
}

export default function Home() {
  const home = useLoaderData<typeof loader>();
  const platformRoles = home.platformRoles.map((role) => platformRoleLabels[role] ?? role);
  if (home.installationRoles) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <InstallationRolesHome name={home.name} roles={home.installationRoles} />
          <p>
            <a href="/account">Your account</a>: change your password or sign out of all devices.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {home.organisation ? (
          <>
            <span className="nhsuk-caption-l">Your organisation</span>
            <h1>{home.organisation.name}</h1>
            <SummaryList
              rows={[
                { id: "kind", key: "Kind of organisation", value: home.organisation.kind },
                {
                  id: "roles",
                  key: "Your roles",
                  value: (
                    <ul className="nhsuk-list">
                      {home.organisation.roles.map((role) => (
                        <li key={role} className="nhsuk-u-margin-bottom-1">
                          <Tag colour="blue">{roleLabel(role)}</Tag>
                        </li>
                      ))}
                    </ul>
                  ),
                },
                ...(platformRoles.length
                  ? [{ id: "platform", key: "Installation roles", value: platformRoles.join(", ") }]
                  : []),
              ]}
            />
            {home.memberships > 1 ? (
              <p>You belong to {home.memberships} organisations. Choose another with the organisation switcher above.</p>
            ) : null}
          </>
        ) : (
          <>
            <h1>You are not a member of any organisation yet</h1>
            {platformRoles.length ? <p>You are signed in as: {platformRoles.join(", ")}.</p> : null}
            <InsetText>
              <p>
                To work with an organisation in Tandem, ask one of its org admins to invite you. The invitation
                comes by email, with a link to join.
              </p>
            </InsetText>
          </>
        )}

        {home.schemes ? <SchemesNeedingYou schemes={home.schemes} /> : null}

        {home.canSeePeople || home.isPlatformAdmin ? (
          <>
            <h2>What you can do</h2>
            <ul>
              {home.canSeePeople ? (
                <>
                  <li>
                    <a href="/schemes">Schemes</a>: their rules, who has joined, matching, relationships and feedback
                  </li>
                  <li>
                    <a href="/preparation">Mentor preparation</a>: training, support events and approving mentors
                  </li>
                  <li>
                    <a href="/people">People</a>: members and pending invitations
                    {home.canInvite ? ", invite a person or change roles" : ""}
                  </li>
                  <li>
                    <a href="/audit">Audit log</a>: who did what in your organisation
                  </li>
                </>
              ) : null}
              {home.isPlatformAdmin ? (
                <li>
                  <a href="/dev/mailbox">Dev mailbox</a>: email the service has sent
                </li>
              ) : null}
            </ul>
          </>
        ) : home.organisation ? (
          <p>
            There is nothing to manage here with your roles. Use the <a href="/app/">Tandem app</a> for your
            mentoring.
          </p>
        ) : null}
        <p>
          <a href="/account">Your account</a>: change your password or sign out of all devices.
        </p>
      </div>
    </div>
  );
}

type SchemeNeeds = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["schemes"]>[number];

/** A count linking to the page where the coordinator acts on it; nothing waiting reads as "None". */
function Count({ n, href, what }: { n: number; href: string; what: string }) {
  if (n === 0) return <>None</>;
  return (
    <a href={href}>
      {n}
      <span className="nhsuk-u-visually-hidden"> {what}</span>
    </a>
  );
}

function SchemesNeedingYou({ schemes }: { schemes: SchemeNeeds[] }) {
  const waiting = schemes.reduce((n, s) => n + s.applications + s.mentorsToApprove + s.stalled, 0);
  return (
    <>
      <h2>Your schemes</h2>
      {schemes.length === 0 ? (
        <InsetText>
          <p>
            Your organisation runs no schemes yet. <a href="/schemes/new">Create a scheme</a> from a template.
          </p>
        </InsetText>
      ) : (
        <>
          <p>{waiting === 0 ? "Nothing needs you in your schemes at the moment." : "What needs you in each scheme. Each number links to the page to act on it."}</p>
          <Table
            caption="What needs you"
            captionSize="s"
            head={["Scheme", "Applications to review", "Mentors to approve", "Stalled relationships"]}
            firstCellIsHeader
            rowKeys={schemes.map((s) => s.schemeId)}
            rows={schemes.map((s) => {
              const base = `/schemes/${s.schemeId}`;
              return [
                <span key="name">
                  <a href={base}>{s.name}</a>
                  {s.status !== "open" ? <span className="nhsuk-body-s"> ({s.status})</span> : null}
                </span>,
                <Count key="a" n={s.applications} href={`${base}/enrolments`} what={`applications to review in ${s.name}`} />,
                <Count key="m" n={s.mentorsToApprove} href={`/preparation/pool/${s.schemeId}`} what={`mentors to approve in ${s.name}`} />,
                <Count key="s" n={s.stalled} href={`${base}/relationships?state=stalled`} what={`stalled relationships in ${s.name}`} />,
              ];
            })}
          />
        </>
      )}
    </>
  );
}
