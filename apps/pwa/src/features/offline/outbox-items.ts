// The participant writes that may be made offline, and what the outbox keeps of each: the procedure,
// its input (with the UUIDv7 idempotency key made when the person acted), words saying what it is,
// and, once the server refused it, what happened. Pure: no IndexedDB, no network.
import type { AppRouter } from "@tandem/api";
import type { inferRouterInputs } from "@trpc/server";

type Inputs = inferRouterInputs<AppRouter>;

/** Every write that goes through the outbox, by its tRPC path. */
export interface OutboxInputs {
  "relationships.proposeMeeting": Inputs["relationships"]["proposeMeeting"];
  "relationships.pickTime": Inputs["relationships"]["pickTime"];
  "relationships.suggestOtherTimes": Inputs["relationships"]["suggestOtherTimes"];
  "relationships.reschedule": Inputs["relationships"]["reschedule"];
  "relationships.cancelMeeting": Inputs["relationships"]["cancelMeeting"];
  "relationships.setFinalMeeting": Inputs["relationships"]["setFinalMeeting"];
  "relationships.recordMeeting": Inputs["relationships"]["recordMeeting"];
  "relationships.recordAttendance": Inputs["relationships"]["recordAttendance"];
  "relationships.addAction": Inputs["relationships"]["addAction"];
  "relationships.updateAction": Inputs["relationships"]["updateAction"];
  "relationships.removeAction": Inputs["relationships"]["removeAction"];
  "relationships.saveNotes": Inputs["relationships"]["saveNotes"];
  "feedback.submit": Inputs["feedback"]["submit"];
  "feedback.submitOutcome": Inputs["feedback"]["submitOutcome"];
  /** Sealed in the browser before it is kept: the outbox holds ciphertext, never the text. */
  "reflections.add": Inputs["reflections"]["add"];
  "reflections.update": Inputs["reflections"]["update"];
  "reflections.remove": Inputs["reflections"]["remove"];
}

export type OutboxPath = keyof OutboxInputs;

export interface OutboxItem<P extends OutboxPath = OutboxPath> {
  /** The UUIDv7 made when the person acted: the item's id here, and its idempotency key at the server. */
  key: string;
  path: P;
  input: OutboxInputs[P] & { idempotencyKey: string };
  /** What the change is, in words, e.g. "Record the meeting on Tuesday 12 December as held". */
  description: string;
  /** The person who made it: nobody else's session sends it. */
  personId: string;
  createdAt: number;
  /** Set when the server refused it: shown to the person with the change, until they discard it. */
  problem?: string;
}

/** What to do with an item after one attempt to send it. */
export type SendOutcome =
  | { kind: "sent"; data: unknown }
  /** The session has ended: keep every item and ask the person to sign in. */
  | { kind: "sign-in" }
  /** Not now (no connection, the server busy, or the key still in flight): keep it and try again later. */
  | { kind: "retry" }
  /** The server refused it (e.g. the other member cancelled that meeting): show what happened. */
  | { kind: "refused"; message: string; error: unknown };

interface ErrorShape {
  message?: unknown;
  data?: { code?: unknown; httpStatus?: unknown; idempotency?: unknown } | null;
}

const fallback = "It could not be saved. Check it, then discard it or make the change again.";

/** Classifies a failed send; `error` is what the tRPC client threw. */
export function classifyFailure(error: unknown): SendOutcome {
  const shape = (typeof error === "object" && error !== null ? error : {}) as ErrorShape;
  const code = typeof shape.data?.code === "string" ? shape.data.code : undefined;
  const status = typeof shape.data?.httpStatus === "number" ? shape.data.httpStatus : undefined;
  // Never reached the API (network down, a proxy's error page): try again later.
  if (!code || status === undefined) return { kind: "retry" };
  if (code === "UNAUTHORIZED") return { kind: "sign-in" };
  if (shape.data?.idempotency === "in_flight") return { kind: "retry" };
  if (status >= 500 || code === "TOO_MANY_REQUESTS") return { kind: "retry" };
  if (shape.data?.idempotency === "payload_mismatch") {
    return {
      kind: "refused",
      message: "This change was already sent with different details, so it was not sent again.",
      error,
    };
  }
  const message =
    typeof shape.message === "string" && shape.message && !/[{}]/.test(shape.message)
      ? shape.message.replace(/^[\w.]+: /, "")
      : fallback;
  return { kind: "refused", message, error };
}

/** Oldest first: UUIDv7 keys sort by the time they were made. */
export function inOrder<T extends Pick<OutboxItem, "key">>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** "1 change waiting to send", "2 changes waiting to send". */
export function waitingWords(count: number): string {
  return `${count} ${count === 1 ? "change" : "changes"} waiting to send`;
}
