// Matching (SPEC section 5): exact assignment and candidate scoring.
export * from "./assignment";
export * from "./score";
