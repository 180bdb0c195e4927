export * from "./csv";
export * from "./attendance-import";
