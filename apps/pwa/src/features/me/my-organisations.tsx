// "My organisations and roles": who the signed-in person is, where they belong and what they may do.
import { Button, InsetText, SummaryList, Table, Tag } from "@tandem/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { forgetThisDevice } from "../../lib/device-notifications";
import { messages } from "../../lib/form-errors";
import { PageHeading, usePageTitle } from "../../lib/page";
import { describeKind, describeRole, roleColour, sortRoles } from "../../lib/role-words";
import { BASE, Link } from "../../lib/router";
import { useTRPC } from "../../lib/trpc";
import { wipeDevice } from "../offline/device-store";
import { waitingWords } from "../offline/outbox-items";
import { queryPath } from "../offline/persisted-queries";
import { useOutbox, useOutboxState } from "../offline/use-outbox";
import { forgetReflectionKey } from "../reflections/key-store";

export interface Me {
  person: { id: string; name: string; email: string };
  platformRoles: readonly string[];
  memberships: readonly {
    organisationId: string;
    organisationName: string;
    organisationKind: string;
    roles: readonly string[];
  }[];
}

function RoleTags({ roles }: { roles: readonly string[] }) {
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {sortRoles(roles).map((role) => (
        <li key={role} className="nhsuk-u-margin-bottom-1">
          <Tag colour={roleColour(role)}>{describeRole(role)}</Tag>
        </li>
      ))}
    </ul>
  );
}

export function MyOrganisations({ me }: { me: Me }) {
  usePageTitle("My organisations and roles");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [signOutError, setSignOutError] = useState<string>();
  const outbox = useOutbox();
  const waiting = useOutboxState().items.length;

  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        // Forget everything kept for this person, in memory and on the device (pages seen and changes
        // waiting: decision record 016), and show the sign-in form straight away.
        queryClient.removeQueries({ predicate: (query) => queryPath(query.queryKey) !== "me.get" });
        queryClient.setQueryData(trpc.me.get.queryKey(), null);
        await wipeDevice();
        outbox.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
      },
      onError: () => setSignOutError(navigator.onLine ? messages.serviceProblem : messages.offline),
    }),
  );

  const forgetDevice = useMutation(trpc.push.unsubscribe.mutationOptions());

  async function handleSignOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSignOutError(undefined);
    forgetReflectionKey();
    // Reminders for this person stop coming to this browser once they have signed out of it.
    await forgetThisDevice((endpoint) => forgetDevice.mutateAsync({ endpoint }));
    signOut.mutate();
  }

  return (
    <>
      <PageHeading>My organisations and roles</PageHeading>
      <p>
        Signed in as <strong>{me.person.name}</strong> ({me.person.email}).
      </p>

      {me.memberships.length === 0 ? (
        <InsetText>
          <p>You are not a member of any organisation yet.</p>
          <p>When an organisation invites you to join, it will appear here.</p>
        </InsetText>
      ) : (
        <Table
          caption="Your organisations"
          head={["Organisation", "Type", "Your roles"]}
          firstCellIsHeader
          rowKeys={me.memberships.map((m) => m.organisationId)}
          rows={me.memberships.map((m) => [
            m.organisationName,
            describeKind(m.organisationKind),
            <RoleTags key="roles" roles={m.roles} />,
          ])}
        />
      )}

      <h2 className="nhsuk-heading-m">For your appraisal</h2>
      <p>
        <Link href={`${BASE}/cpd`}>CPD evidence for appraisal</Link>: your mentoring in each role,
        training and feedback, with reflections you choose to add.
      </p>

      {me.platformRoles.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">Platform roles</h2>
          <SummaryList
            rows={[
              {
                id: "platform",
                key: "Across all organisations",
                value: <RoleTags roles={me.platformRoles} />,
              },
            ]}
          />
        </>
      ) : null}

      <form onSubmit={(event) => void handleSignOut(event)}>
        {waiting > 0 ? (
          <p>
            You have {waitingWords(waiting)}. Signing out removes everything Tandem keeps on this
            device, including them.
          </p>
        ) : (
          <p>Signing out removes everything Tandem keeps on this device.</p>
        )}
        {signOutError ? (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error:</span> {signOutError}
          </p>
        ) : null}
        <Button variant="secondary" type="submit" disabled={signOut.isPending}>
          Sign out
        </Button>
      </form>
    </>
  );
}
