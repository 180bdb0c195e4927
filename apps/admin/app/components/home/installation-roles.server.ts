// What the home page shows a central analyst or a platform admin who belongs to no organisation:
// the organisations their installation-wide role is about (never anyone's personal data).
import { organisationKindLabels, type OrganisationKind } from "@tandem/core";
import { guard, type Api, type Me } from "../../lib/api.server";

export async function loadInstallationRoles(request: Request, { caller, headers }: Pick<Api, "caller" | "headers">, me: Me) {
  const kind = (value: string) => organisationKindLabels[value as OrganisationKind] ?? value;
  const central = me.platformRoles.includes("central_analyst")
    ? (await guard(request, headers, () => caller.central.schemes())).map((o) => ({
        id: o.organisationId,
        name: o.organisationName,
        kind: kind(o.kind),
        schemes: o.schemes.length,
      }))
    : null;
  const platform = me.platformRoles.includes("platform_admin")
    ? (await guard(request, headers, () => caller.platform.organisations())).map((o) => ({ id: o.id, name: o.name, kind: kind(o.kind), region: o.region }))
    : null;
  return { central, platform };
}

export type InstallationRoles = Awaited<ReturnType<typeof loadInstallationRoles>>;
