// A scheme page opens with a short lead in large type, then the rest in body text: a phone shows
// the point of the scheme first, not a screen of large print.

/** Most words the lead may have; a longer first sentence goes in the body instead. */
export const LEAD_MAX_WORDS = 40;

/** The summary's first sentence as the lead (when short enough), and what follows it. */
export function splitLead(summary: string): { lead: string | null; rest: string[] } {
  const text = summary.replace(/\s+/g, " ").trim();
  if (!text) return { lead: null, rest: [] };
  const match = /^(.+?[.!?])(?:\s+(.*))?$/.exec(text);
  const first = match ? match[1]! : text;
  const after = match?.[2] ?? "";
  if (first.split(" ").length > LEAD_MAX_WORDS) return { lead: null, rest: [text] };
  return { lead: first, rest: after ? [after] : [] };
}
