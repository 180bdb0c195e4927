// Mentor claims (SPEC section 4, remuneration): where a scheme pays `per_meeting`, a mentor claims the
// fee of the relationship's rules version for each held meeting, once, within the cap, with expenses
// (and a receipt) where allowed. A claim says only the meeting's date, length and kind.
import { z } from "zod";
import type { SchemeRules } from "../rules/schema";

export const claimStatuses = ["submitted", "queried", "approved", "rejected"] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

const Id = (what: string) => z.string({ required_error: `Choose ${what}` }).uuid(`Choose ${what}`);

export const SubmitClaimFields = z.object({
  meetingId: Id("a meeting"),
  expensesPence: z
    .number({ invalid_type_error: "Enter expenses in pence as a whole number" })
    .int("Enter expenses in pence as a whole number")
    .min(0, "Enter expenses of 0 or more")
    .max(10_000_000, "Enter expenses of £100,000 or less")
    .default(0),
  expensesNote: z.string().trim().max(500, "Keep the note on expenses to 500 characters or fewer").optional(),
  /** The receipt, uploaded as evidence first. */
  receiptFileId: Id("a receipt").nullable().optional(),
});

export const ClaimDecisionFields = z
  .object({
    claimId: Id("a claim"),
    decision: z.enum(["approve", "reject", "query"], { errorMap: () => ({ message: "Choose approve, reject or query" }) }),
    message: z.string().trim().max(1000, "Keep the message to 1,000 characters or fewer").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision !== "approve" && !value.message) {
      ctx.addIssue({ code: "custom", path: ["message"], message: value.decision === "reject" ? "Say why the claim is rejected" : "Say what you need to know" });
    }
  });

export const AnswerClaimQueryFields = z.object({
  claimId: Id("a claim"),
  answer: z.string({ required_error: "Answer the query" }).trim().min(1, "Answer the query").max(1000, "Keep the answer to 1,000 characters or fewer"),
});

export interface ClaimProblem {
  path: string;
  message: string;
}

/** Whether a meeting can be claimed, and for how much: the fee of the rules version, and the cap. */
export function checkClaim(options: {
  remuneration: SchemeRules["remuneration"];
  meeting: { status: string };
  alreadyClaimed: boolean;
  /** Claims this mentor has in this relationship, not rejected. */
  claimedInRelationship: number;
  expensesPence: number;
  hasReceipt: boolean;
}): ClaimProblem[] {
  const r = options.remuneration;
  if (r.kind !== "per_meeting") {
    return [{ path: "meetingId", message: r.kind === "job_plan" ? "This scheme recognises mentoring time in the job plan instead of paying per meeting" : "This scheme does not pay mentors per meeting" }];
  }
  const problems: ClaimProblem[] = [];
  if (options.meeting.status !== "held") problems.push({ path: "meetingId", message: "Claim for a meeting once it has been recorded as held" });
  if (options.alreadyClaimed) problems.push({ path: "meetingId", message: "This meeting has already been claimed" });
  if (r.capMeetings !== undefined && options.claimedInRelationship >= r.capMeetings) {
    problems.push({ path: "meetingId", message: `This scheme pays for up to ${r.capMeetings} meetings in a relationship, and ${r.capMeetings} have been claimed` });
  }
  if (options.expensesPence > 0) {
    if (!r.expensesAllowed) problems.push({ path: "expensesPence", message: "This scheme does not pay expenses" });
    else if (r.expensesCapPence !== undefined && options.expensesPence > r.expensesCapPence) {
      problems.push({ path: "expensesPence", message: `Expenses on a claim are paid up to ${formatMoney(r.expensesCapPence)}` });
    } else if (!options.hasReceipt) problems.push({ path: "receiptFileId", message: "Upload a receipt for the expenses" });
  }
  return problems;
}

export function formatMoney(pence: number): string {
  return `£${(pence / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The finance export's columns, in order (documented in the admin README). */
export const financeExportColumns = [
  "payee",
  "registration_number",
  "scheme",
  "meeting_date",
  "fee",
  "expenses",
  "cost_centre",
  "approver",
  "approval_date",
] as const;

/**
 * A job-plan scheme's statement of recognised time: the scheme's hours a month over the months the
 * mentor was mentoring, or the hours of meetings held where the scheme sets no monthly figure.
 */
export function recognisedTime(options: { hoursPerMonth?: number; months: number; meetingMinutes: number[] }) {
  const meetingHours = Math.round((options.meetingMinutes.reduce((s, m) => s + m, 0) / 60) * 10) / 10;
  return {
    meetings: options.meetingMinutes.length,
    meetingHours,
    recognisedHours: options.hoursPerMonth !== undefined ? Math.round(options.hoursPerMonth * options.months * 10) / 10 : meetingHours,
  };
}
