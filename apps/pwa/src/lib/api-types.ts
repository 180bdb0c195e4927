// What the API returns, inferred from the router's type (a type-only import: no server code ships).
import type { AppRouter } from "@tandem/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
