// Plain words for a mentor's claims: where they live, their states, money in pounds, and expenses as
// people type them ("12.50", "£8") read into the pence the API takes. Pure, so it is tested once.
import { formatMoney } from "@tandem/core";
import { BASE } from "../../lib/router";

export const claimsPath = `${BASE}/claims`;

export { formatMoney };

export type TagColour = "green" | "blue" | "grey" | "orange" | "red" | "yellow";

export const claimStatusWords: Record<string, { text: string; colour: TagColour }> = {
  submitted: { text: "Waiting for approval", colour: "blue" },
  queried: { text: "The coordinator has a question", colour: "orange" },
  approved: { text: "Approved", colour: "green" },
  rejected: { text: "Not approved", colour: "red" },
};

export function describeClaimStatus(
  status: string,
  exported = false,
): { text: string; colour: TagColour } {
  if (status === "approved" && exported)
    return { text: "Approved and sent for payment", colour: "green" };
  return claimStatusWords[status] ?? { text: status, colour: "grey" };
}

/** "£150.00", or "£150.00 plus £12.50 expenses". */
export function describeAmount(feePence: number, expensesPence: number): string {
  return expensesPence > 0
    ? `${formatMoney(feePence)} plus ${formatMoney(expensesPence)} expenses`
    : formatMoney(feePence);
}

/**
 * Expenses in pounds as typed ("12.50", "£8", "1,200") to pence. Empty is no expenses. A message
 * says what is wrong with anything else.
 */
export function readPounds(text: string): { pence: number } | { error: string } {
  if (text.trim() === "") return { pence: 0 };
  const cleaned = text.trim().replace(/^£/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned))
    return { error: "Enter expenses in pounds and pence, like 12.50" };
  const [pounds = "0", pence = ""] = cleaned.split(".");
  return { pence: Number(pounds) * 100 + Number(pence.padEnd(2, "0")) };
}
