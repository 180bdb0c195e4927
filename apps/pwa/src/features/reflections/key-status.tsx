// What every reflections form shares: the key's status as the server gives it (wrapped copies only),
// and the one-line error summary the forms show.
import type { AppRouter } from "@tandem/api";
import { ErrorSummary } from "@tandem/ui";
import type { inferRouterOutputs } from "@trpc/server";

export type KeyStatus = inferRouterOutputs<AppRouter>["reflections"]["keyStatus"];
export type SetKeyStatus = Extract<KeyStatus, { set: true }>;

export function Problem({ id, text }: { id: string; text: string | undefined }) {
  return text ? <ErrorSummary errors={[{ href: `#${id}`, text }]} /> : null;
}
