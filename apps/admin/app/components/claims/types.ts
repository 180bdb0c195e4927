// The claim as the claims page shows it (the loader's JSON, dates as strings).
export interface ClaimView {
  id: string;
  mentorName: string;
  meetingDate: Date | string | null;
  meetingMinutes: number;
  meetingKind: string;
  feePence: number;
  expensesPence: number;
  expensesNote: string | null;
  receiptFileId: string | null;
  status: string;
  decisionMessage: string | null;
  queryAnswer: string | null;
  submittedAt: Date | string;
  decidedAt: Date | string | null;
  exportedAt: Date | string | null;
}

/** A failed decision, for the page's error summary and the fields at fault. */
export interface DecisionProblem {
  claimId: string;
  errors: { field: "decision" | "message"; message: string }[];
}
