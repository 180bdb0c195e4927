// Scheme rules: schema, templates and the pure functions that read them.
export * from "./schema";
export * from "./labels";
export * from "./fields";
export * from "./validate";
export * from "./describe";
export * from "./eligibility";
export * from "./diff";
export * from "./meetings";
export * from "./templates";
