export * from "./csv";
export * from "./attendance-import";
export * from "./inputs";
export * from "./mentee-course";
export * from "./cpd";
