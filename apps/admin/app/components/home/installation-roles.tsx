// The home page of a central analyst or platform admin: what their role is for, and where to start.
import { InsetText, Table } from "@tandem/ui";
import type { InstallationRoles } from "./installation-roles.server";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function InstallationRolesHome({ name, roles }: { name: string; roles: InstallationRoles }) {
  const both = roles.central !== null && roles.platform !== null;
  return (
    <>
      <span className="nhsuk-caption-l">{name}</span>
      <h1>{both ? "Central comparison and this installation" : roles.central ? "Central comparison" : "This installation of Tandem"}</h1>
      {roles.central ? <CentralAnalyst organisations={roles.central} headed={both} /> : null}
      {roles.platform ? <PlatformAdmin organisations={roles.platform} headed={both} /> : null}
    </>
  );
}

function CentralAnalyst({ organisations, headed }: { organisations: NonNullable<InstallationRoles["central"]>; headed: boolean }) {
  const schemes = organisations.reduce((sum, o) => sum + o.schemes, 0);
  return (
    <section>
      {headed ? <h2>As a central analyst</h2> : null}
      <p>
        As a central analyst you compare the rules of mentoring schemes across the organisations that share them with
        central. You never see anyone’s personal data.
      </p>
      {organisations.length === 0 ? (
        <InsetText>
          <p>No organisation shares its schemes with central yet. An organisation’s admin decides whether it shares.</p>
        </InsetText>
      ) : (
        <>
          <p>
            {plural(organisations.length, "organisation")} share {plural(schemes, "scheme")} with central.
          </p>
          <p>
            <a href="/central/compare" className="nhsuk-button">
              Compare schemes
            </a>
          </p>
          <Table
            caption="Organisations sharing with central"
            captionSize="s"
            head={["Organisation", "Kind", "Schemes"]}
            firstCellIsHeader
            rowKeys={organisations.map((o) => o.id)}
            rows={organisations.map((o) => [o.name, o.kind, String(o.schemes)])}
          />
        </>
      )}
    </section>
  );
}

function PlatformAdmin({ organisations, headed }: { organisations: NonNullable<InstallationRoles["platform"]>; headed: boolean }) {
  return (
    <section>
      {headed ? <h2>As a platform admin</h2> : null}
      <p>
        As a platform admin you look after this installation and the organisations on it. You have no access to what
        happens in mentoring.
      </p>
      <ul>
        <li>
          <a href="/dev/mailbox">Dev mailbox</a>: email the service has written, while no SMTP server is configured
        </li>
      </ul>
      {organisations.length === 0 ? (
        <InsetText>
          <p>There are no organisations on this installation yet.</p>
        </InsetText>
      ) : (
        <Table
          caption={`Organisations on this installation (${organisations.length})`}
          captionSize="s"
          head={["Organisation", "Kind", "Region"]}
          firstCellIsHeader
          rowKeys={organisations.map((o) => o.id)}
          rows={organisations.map((o) => [o.name, o.kind, o.region])}
        />
      )}
    </section>
  );
}
