export * from "./enums";
export * from "./organisations";
export * from "./people";
export * from "./sessions";
export * from "./memberships";
export * from "./invitations";
export * from "./audit";
export * from "./email-outbox";
