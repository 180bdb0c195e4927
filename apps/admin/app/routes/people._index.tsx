// People of the active organisation: members with their roles, and pending invitations.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, type MetaFunction } from "@remix-run/react";
import { Button, InsetText, Table } from "@tandem/ui";
import { guard, hasRole, requireOrganisation } from "../lib/api.server";
import { SuccessBanner } from "../lib/banners";
import { setFlash, takeFlash } from "../lib/flash.server";
import { formatDate, roleList, staffGroupLabel } from "../lib/format";
import { organisationNameFrom, pageTitle } from "../lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle("People", organisationNameFrom(matches));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, ["org_admin", "coordinator"]);
  const people = await guard(request, headers, () =>
    caller.organisation.people({ organisationId: organisation.organisationId }),
  );
  const flash = await takeFlash(request, headers, context);
  return data(
    {
      organisationName: organisation.organisationName,
      isOrgAdmin: hasRole(organisation, "org_admin"),
      members: people.members.map((m) => ({
        personId: m.personId,
        name: m.name,
        email: m.email,
        roles: m.roles,
        status: m.status,
        staffGroup: m.staffGroup,
      })),
      pending: people.pending,
      flash,
    },
    { headers },
  );
}

/** Withdrawing a pending invitation (org admins). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { caller, headers, organisation } = await requireOrganisation(request, context, ["org_admin"]);
  const formData = await request.formData();
  const invitationId = String(formData.get("invitationId") ?? "");
  const email = String(formData.get("email") ?? "");
  if (formData.get("intent") === "withdraw" && invitationId) {
    await guard(request, headers, () =>
      caller.organisation.revokeInvitation({ organisationId: organisation.organisationId, invitationId }),
    );
    await setFlash(headers, context, `Invitation to ${email} withdrawn`);
  }
  return redirect("/people", { headers });
}

export default function People() {
  const page = useLoaderData<typeof loader>();

  return (
    <>
      {page.flash ? <SuccessBanner>{page.flash}</SuccessBanner> : null}
      <span className="nhsuk-caption-l">{page.organisationName}</span>
      <h1>People</h1>
      {page.isOrgAdmin ? (
        <p>
          <a className="nhsuk-button" href="/people/invite" draggable="false">
            Invite a person
          </a>
        </p>
      ) : null}

      {page.members.length ? (
        <Table
          caption="Members"
          head={page.isOrgAdmin ? ["Name", "Email", "Roles", "Staff group", "Action"] : ["Name", "Email", "Roles", "Staff group"]}
          firstCellIsHeader
          rowKeys={page.members.map((m) => m.personId)}
          rows={page.members.map((m) => {
            const roles = roleList(m.roles) + (m.status === "active" ? "" : ` (${m.status})`);
            const cells = [m.name, m.email, roles, staffGroupLabel(m.staffGroup)];
            return page.isOrgAdmin
              ? [
                  ...cells,
                  <a key="change" href={`/people/${m.personId}/roles`}>
                    Change roles<span className="nhsuk-u-visually-hidden"> for {m.name}</span>
                  </a>,
                ]
              : cells;
          })}
        />
      ) : (
        <>
          <h2>Members</h2>
          <InsetText>
            <p>No one is a member of this organisation yet.</p>
          </InsetText>
        </>
      )}

      {page.pending.length ? (
        <Table
          caption="Pending invitations"
          head={page.isOrgAdmin ? ["Name", "Email", "Roles", "Expires", "Action"] : ["Name", "Email", "Roles", "Expires"]}
          firstCellIsHeader
          rowKeys={page.pending.map((i) => i.id)}
          rows={page.pending.map((i) => {
            const cells = [i.name, i.email, roleList(i.roles), formatDate(i.expiresAt)];
            return page.isOrgAdmin
              ? [
                  ...cells,
                  <Form key="withdraw" method="post" className="tandem-inline-form">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <input type="hidden" name="email" value={i.email} />
                    <Button variant="secondary" small className="nhsuk-u-margin-bottom-0">
                      Withdraw<span className="nhsuk-u-visually-hidden"> invitation to {i.email}</span>
                    </Button>
                  </Form>,
                ]
              : cells;
          })}
        />
      ) : (
        <>
          <h2>Pending invitations</h2>
          <p>There are no pending invitations.</p>
        </>
      )}
    </>
  );
}
