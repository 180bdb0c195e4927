// The matching screens' addresses name a scheme by its slugs (as the scheme page does); the API
// takes ids. The person's own enrolments (already cached by "My schemes") give both, and the roles
// they take part in, without another request.
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "../../lib/api-types";
import { useTRPC } from "../../lib/trpc";

type Enrolment = RouterOutputs["enrolment"]["mine"][number];

export interface MyScheme {
  organisationId: string;
  organisationName: string;
  organisationSlug: string;
  schemeId: string;
  schemeName: string;
  schemeSlug: string;
  /** Roles the person takes part in (active enrolments only), e.g. ["mentee"]. */
  roles: Enrolment["role"][];
}

/** Finds the scheme among the person's enrolments; `scheme` is null when they are not in it. */
export function findMyScheme(
  enrolments: readonly Enrolment[],
  organisationSlug: string,
  schemeSlug: string,
): MyScheme | null {
  const here = enrolments.filter(
    (e) => e.organisationSlug === organisationSlug && e.schemeSlug === schemeSlug,
  );
  const first = here[0];
  if (!first) return null;
  return {
    organisationId: first.organisationId,
    organisationName: first.organisationName,
    organisationSlug,
    schemeId: first.schemeId,
    schemeName: first.schemeName,
    schemeSlug,
    roles: here.filter((e) => e.status === "active").map((e) => e.role),
  };
}

export function useMyScheme(organisationSlug: string, schemeSlug: string) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.enrolment.mine.queryOptions());
  return {
    query: mine,
    scheme: mine.data ? findMyScheme(mine.data, organisationSlug, schemeSlug) : undefined,
  };
}
