// Mentor preparation and support (SPEC section 7): records, readiness with reasons, and their words.
export * from "./records";
export * from "./readiness";
export * from "./labels";
export { calendarDateOf, formatCalendarDate } from "./dates";
