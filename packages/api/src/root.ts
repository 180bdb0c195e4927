// The application router: the contract the admin portal and the PWA share.
import { authRouter } from "./routers/auth";
import { meRouter } from "./routers/me";
import { organisationRouter } from "./routers/organisation";
import { centralRouter, platformRouter } from "./routers/platform";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  organisation: organisationRouter,
  platform: platformRouter,
  central: centralRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
