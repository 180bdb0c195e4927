// Which of the TanStack Query cache is kept on the device to show offline (decision record 016):
// only what a participant has seen of their own schemes, relationships, meetings, agreed actions,
// preparation status, feedback to give, scheme pages and their own sealed reflections, and for at most a week. Pure.

/** The tRPC queries kept on the device, by path. */
export const PERSISTED_QUERIES: readonly string[] = [
  "me.get",
  "enrolment.mine",
  "matching.mine",
  "relationships.mine",
  "relationships.get",
  "preparation.myStatus",
  "preparation.myRecords",
  "directory.scheme",
  "feedback.mine",
  "feedback.outcomesDue",
  "feedback.form",
  // Ciphertext and wrapped keys only (decision 017): kept so reflections can be unlocked, read and
  // written offline; nothing here opens without the person's passphrase or recovery code.
  "reflections.keyStatus",
  "reflections.list",
];

/** Changed when what a kept query returns changes shape: what was kept before is then dropped. */
export const PERSIST_BUSTER = "offline-1";

/** How long what was seen is kept on the device. */
export const PERSIST_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** The path of a tRPC query key (`[["relationships", "get"], { input, type }]`), or null. */
export function queryPath(queryKey: readonly unknown[]): string | null {
  const head = queryKey[0];
  if (!Array.isArray(head) || !head.every((part) => typeof part === "string")) return null;
  return head.join(".");
}

/** A query to keep: one of those named above, with data (a signed-out "nobody" is not kept). */
export function shouldPersistQuery(query: {
  queryKey: readonly unknown[];
  state: { status: string; data?: unknown };
}): boolean {
  const path = queryPath(query.queryKey);
  return (
    query.state.status === "success" &&
    query.state.data != null &&
    path !== null &&
    PERSISTED_QUERIES.includes(path)
  );
}

/** "14:32" today; "Friday 5 December at 14:32" another day. */
export function seenAtWords(seenAt: Date, now: Date): string {
  const time = seenAt.toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
  if (seenAt.toDateString() === now.toDateString()) return time;
  const day = seenAt.toLocaleDateString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
  });
  return `${day} at ${time}`;
}
