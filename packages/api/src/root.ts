// The application router: the contract the admin portal and the PWA share.
import { authRouter } from "./routers/auth";
import { matchingRouter } from "./routers/matching";
import { meRouter } from "./routers/me";
import { organisationRouter } from "./routers/organisation";
import { directoryRouter } from "./routers/directory";
import { enrolmentRouter } from "./routers/enrolment";
import { centralRouter, platformRouter } from "./routers/platform";
import { preparationRouter } from "./routers/preparation";
import { relationshipsRouter } from "./routers/relationships";
import { feedbackRouter } from "./routers/feedback";
import { claimsRouter } from "./routers/claims";
import { remindersRouter } from "./routers/reminders";
import { calendarRouter } from "./routers/calendar";
import { pushRouter } from "./routers/push";
import { reflectionsRouter } from "./routers/reflections";
import { schemeRouter } from "./routers/scheme";
import { menteeCourseRouter } from "./routers/mentee-course";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  organisation: organisationRouter,
  platform: platformRouter,
  central: centralRouter,
  scheme: schemeRouter,
  directory: directoryRouter,
  enrolment: enrolmentRouter,
  preparation: preparationRouter,
  matching: matchingRouter,
  relationships: relationshipsRouter,
  feedback: feedbackRouter,
  claims: claimsRouter,
  reminders: remindersRouter,
  calendar: calendarRouter,
  push: pushRouter,
  reflections: reflectionsRouter,
  menteeCourse: menteeCourseRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
