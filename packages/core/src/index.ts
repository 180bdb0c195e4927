// Pure domain: no I/O, no framework; only zod.
export * from "./accounts/roles";
export * from "./accounts/schemas";
export * from "./accounts/audit-filters";
export * from "./accounts/password-reset";
export * from "./rules";
export * from "./schemes/inputs";
export * from "./schemes/consent";
export * from "./preparation";
export * from "./readiness";
export * from "./matching";
export * from "./relationships";
export * from "./feedback";
export * from "./claims";
