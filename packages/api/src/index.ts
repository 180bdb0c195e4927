export { appRouter, createCaller, type AppRouter } from "./root";
export { createContext, type Context, type RequestInfo } from "./context";
export type { ApiDeps } from "./config";
export { handleTrpcRequest, isForeignRequest } from "./http";
export { createMailer, type Mailer } from "./services/mail";
export { hashPassword } from "./auth/passwords";
export { AppError } from "./errors";
export { MembershipRole, type MembershipRoleName, type PlatformRoleName } from "./roles";
export { sessionCookieName } from "./auth/cookies";
