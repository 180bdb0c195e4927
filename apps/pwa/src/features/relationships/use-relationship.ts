// A relationship's address names only its id (as the emails' links do); the API takes the organisation
// too. "My mentoring" (already cached when the person came from it) gives it without another request.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "../../lib/trpc";
import type { Scope } from "./relationship-types";

export function useRelationship(relationshipId: string) {
  const trpc = useTRPC();
  // Fetched afresh on arrival (what is cached is shown meanwhile): a link from a new match's email
  // may name a relationship the cached list has not seen yet.
  const mine = useQuery({ ...trpc.relationships.mine.queryOptions(), refetchOnMount: "always" });
  const summary = mine.data?.find((r) => r.id === relationshipId);
  const scope: Scope | undefined = summary
    ? { organisationId: summary.organisationId, relationshipId }
    : undefined;
  const detail = useQuery({
    ...trpc.relationships.get.queryOptions(scope ?? { organisationId: "", relationshipId }),
    enabled: scope !== undefined,
  });
  return { mine, summary, scope, detail };
}

/** Refreshes what a change on the relationship page may have changed. */
export function useRefreshRelationship() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.relationships.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.relationships.mine.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.claims.forRelationship.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.claims.mine.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.feedback.mine.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
    ]);
}

/** The time now, moving on every half minute, so a meeting that starts becomes one to record. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
