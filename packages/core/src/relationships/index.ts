// Relationships after the match: meetings and their rules, UK times, guides, and what members send.
export * from "./london-time";
export * from "./meetings";
export * from "./guides";
export * from "./inputs";
export * from "./health";
