// The outbox (decision record 016): every participant write that makes sense offline is kept in
// IndexedDB with the UUIDv7 idempotency key made when the person acted, sent now if there is a
// connection, and otherwise sent when the connection returns. An item leaves the outbox only once the
// server acknowledged it (or the person discarded it). An ended session keeps every item and asks the
// person to sign in; a change the server refused stays, with what happened, until the person discards it.
import type { AppRouter } from "@tandem/api";
import type { TRPCClient } from "@trpc/client";
import { v7 as uuidv7 } from "uuid";
import { deviceDb } from "./device-store";
import {
  classifyFailure,
  inOrder,
  type OutboxInputs,
  type OutboxItem,
  type OutboxPath,
  type SendOutcome,
} from "./outbox-items";

export type ApiClient = TRPCClient<AppRouter>;

type Senders = {
  [P in OutboxPath]: (client: ApiClient, input: OutboxItem<P>["input"]) => Promise<unknown>;
};

const senders: Senders = {
  "relationships.proposeMeeting": (c, input) => c.relationships.proposeMeeting.mutate(input),
  "relationships.pickTime": (c, input) => c.relationships.pickTime.mutate(input),
  "relationships.suggestOtherTimes": (c, input) => c.relationships.suggestOtherTimes.mutate(input),
  "relationships.reschedule": (c, input) => c.relationships.reschedule.mutate(input),
  "relationships.cancelMeeting": (c, input) => c.relationships.cancelMeeting.mutate(input),
  "relationships.setFinalMeeting": (c, input) => c.relationships.setFinalMeeting.mutate(input),
  "relationships.recordMeeting": (c, input) => c.relationships.recordMeeting.mutate(input),
  "relationships.recordAttendance": (c, input) => c.relationships.recordAttendance.mutate(input),
  "relationships.addAction": (c, input) => c.relationships.addAction.mutate(input),
  "relationships.updateAction": (c, input) => c.relationships.updateAction.mutate(input),
  "relationships.removeAction": (c, input) => c.relationships.removeAction.mutate(input),
  "relationships.saveNotes": (c, input) => c.relationships.saveNotes.mutate(input),
  "feedback.submit": (c, input) => c.feedback.submit.mutate(input),
  "feedback.submitOutcome": (c, input) => c.feedback.submitOutcome.mutate(input),
  "reflections.add": (c, input) => c.reflections.add.mutate(input),
  "reflections.update": (c, input) => c.reflections.update.mutate(input),
  "reflections.remove": (c, input) => c.reflections.remove.mutate(input),
};

export interface OutboxSnapshot {
  items: readonly OutboxItem[];
  /** A send found the session ended: the items wait for the person to sign in again. */
  needsSignIn: boolean;
  loaded: boolean;
}

export interface OutboxOptions {
  isOnline?: () => boolean;
  /** After a replay sent something (refresh what the pages show). */
  onSent?: () => void;
  /** When a send found the session ended. */
  onSignInNeeded?: () => void;
  /** How long to wait before trying again after a "not now" (ms). */
  retryAfterMs?: number;
}

export class Outbox {
  private snapshot: OutboxSnapshot = { items: [], needsSignIn: false, loaded: false };
  private readonly listeners = new Set<() => void>();
  private replaying: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: ApiClient,
    private readonly options: OutboxOptions = {},
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OutboxSnapshot => this.snapshot;

  private set(next: Partial<OutboxSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  private online(): boolean {
    return this.options.isOnline ? this.options.isOnline() : navigator.onLine;
  }

  /** Reads what is waiting from the device (after a reload, or when another tab changed it). */
  async load(): Promise<void> {
    const items = await (await deviceDb()).getAll("outbox");
    this.set({ items: inOrder(items), loaded: true });
  }

  private async put(item: OutboxItem): Promise<void> {
    await (await deviceDb()).put("outbox", item);
    this.set({ items: inOrder([...this.snapshot.items.filter((i) => i.key !== item.key), item]) });
  }

  /** Takes an item out: the server acknowledged it, or the person discarded it. */
  async remove(key: string): Promise<void> {
    await (await deviceDb()).delete("outbox", key);
    this.set({ items: this.snapshot.items.filter((i) => i.key !== key) });
  }

  /** Forgets what is in memory (the device store itself was wiped). */
  reset(): void {
    clearTimeout(this.retryTimer);
    this.set({ items: [], needsSignIn: false });
  }

  private async attempt(item: OutboxItem): Promise<SendOutcome> {
    try {
      const send = senders[item.path] as (
        client: ApiClient,
        input: OutboxItem["input"],
      ) => Promise<unknown>;
      return { kind: "sent", data: await send(this.client, item.input) };
    } catch (error) {
      return classifyFailure(error);
    }
  }

  /**
   * A change the person just made: kept with a new UUIDv7 key, then sent if there is a connection.
   * "sent" and "refused" (shown on the form, so nothing is kept) leave the outbox; "retry" and
   * "sign-in" keep the item for later.
   */
  async submit<P extends OutboxPath>(
    path: P,
    input: OutboxInputs[P],
    description: string,
    personId: string,
  ): Promise<SendOutcome> {
    const key = uuidv7();
    const item: OutboxItem<P> = {
      key,
      path,
      input: { ...input, idempotencyKey: key },
      description,
      personId,
      createdAt: Date.now(),
    };
    await this.put(item as unknown as OutboxItem);
    if (!this.online()) return { kind: "retry" };
    const outcome = await this.attempt(item as unknown as OutboxItem);
    await this.settle(item as unknown as OutboxItem, outcome, { refusedStays: false });
    return outcome;
  }

  private async settle(item: OutboxItem, outcome: SendOutcome, options: { refusedStays: boolean }) {
    if (outcome.kind === "sent") await this.remove(item.key);
    else if (outcome.kind === "refused") {
      if (options.refusedStays) await this.put({ ...item, problem: outcome.message });
      else await this.remove(item.key);
    } else if (outcome.kind === "sign-in") {
      this.set({ needsSignIn: true });
      this.options.onSignInNeeded?.();
    } else this.scheduleRetry();
  }

  private scheduleRetry() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.online() && this.personId) void this.replay(this.personId);
    }, this.options.retryAfterMs ?? 15_000);
  }

  private personId: string | undefined;

  /**
   * Sends what is waiting for this person, oldest first, one at a time (a later change may depend on
   * an earlier one). Stops at the first "not now" or ended session; a refused change is kept with its
   * problem and the rest go on.
   */
  replay(personId: string): Promise<void> {
    this.personId = personId;
    this.replaying ??= this.run(personId).finally(() => (this.replaying = null));
    return this.replaying;
  }

  private async run(personId: string): Promise<void> {
    if (!this.online()) return;
    this.set({ needsSignIn: false });
    let sent = false;
    for (const item of inOrder(this.snapshot.items)) {
      if (item.personId !== personId || item.problem) continue;
      const outcome = await this.attempt(item);
      await this.settle(item, outcome, { refusedStays: true });
      if (outcome.kind === "sent") sent = true;
      if (outcome.kind === "refused") sent = true;
      if (outcome.kind === "retry" || outcome.kind === "sign-in") break;
    }
    if (sent) this.options.onSent?.();
  }
}
