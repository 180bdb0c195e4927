// Mentor claims: per-meeting fees and expenses, decisions, the finance export's layout, job-plan time.
export * from "./claims";
