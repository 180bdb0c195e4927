// Feedback and outcome questionnaires: answers, when they are due, and what may be shown of them.
export * from "./answers";
export * from "./aggregate";
export * from "./due";
export * from "./outcomes";
