// Matching (SPEC section 5): exact assignment and candidate scoring.
export * from "./assignment";
export * from "./score";
export * from "./modes";
export * from "./fairness";
export * from "./stable";
export * from "./allocation";
export * from "./cohort";
export * from "./blossom";
export * from "./inputs";
