// Shared by the match cards: the words for a failed action, and refreshing matches after one.
import { useQueryClient } from "@tanstack/react-query";
import { actionProblem } from "../../lib/form-errors";
import { useTRPC } from "../../lib/trpc";

export function problemText(error: unknown): string {
  return actionProblem(error, { online: navigator.onLine });
}

/** The API's messages for these codes are written for people ("This request has already been answered"). */
export const PEOPLE_CODES = ["CONFLICT", "NOT_FOUND", "FORBIDDEN"] as const;

export function useInvalidateMatches() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.matching.mine.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.matching.pool.queryKey() }),
    ]);
}
